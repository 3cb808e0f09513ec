/* global window, document, history */
/*
 * Filters of the course list. Without this script every course is listed and the form stays
 * hidden. Choices are kept in the URL (?day=monday&mode=online), so a filtered list can be
 * shared or bookmarked; the number of courses shown is announced by the role="status" line.
 */
(function () {
  'use strict';
  var form = document.getElementById('course-filters');
  var status = document.getElementById('filter-status');
  var known = window.tandemCourseFacts;
  if (!form || !status || !known) return;
  // Each card is found by its heading's id, `course-<id>`, the key of its facts.
  var cards = [];
  var facts = [];
  Object.keys(known).forEach(function (id) {
    var heading = document.getElementById(id);
    var card = heading && heading.closest('li');
    if (!card) return;
    cards.push(card);
    facts.push(known[id]);
  });
  var groups = Array.prototype.slice.call(document.querySelectorAll('.course-group'));
  var names = ['category', 'day', 'time', 'venue', 'mode'];
  var SOON_DAYS = 14;

  /** Today as YYYY-MM-DD in the reader's own time zone. */
  function today() {
    var now = window.tandemToday ? new Date(window.tandemToday + 'T12:00:00') : new Date();
    var pad = function (n) {
      return String(n).padStart(2, '0');
    };
    return now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
  }

  function addDays(iso, days) {
    var d = new Date(iso + 'T12:00:00Z');
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  function chosen() {
    var choice = {};
    names.forEach(function (name) {
      choice[name] = form.elements[name].value;
    });
    choice.soon = form.elements.soon.checked;
    return choice;
  }

  /** A course matches when its category does and one of its runs meets every other choice. */
  function matches(fact, choice, from, to) {
    if (choice.category && fact.category !== choice.category) return false;
    return fact.runs.some(function (run) {
      return (
        (!choice.day || run.days.indexOf(choice.day) !== -1) &&
        (!choice.time || run.times.indexOf(choice.time) !== -1) &&
        (!choice.venue || run.venue === choice.venue) &&
        (!choice.mode || run.mode === choice.mode) &&
        (!choice.soon || (run.starts >= from && run.starts <= to))
      );
    });
  }

  function apply() {
    var choice = chosen();
    var from = today();
    var to = addDays(from, SOON_DAYS);
    var any =
      names.some(function (n) {
        return choice[n];
      }) || choice.soon;
    var shown = 0;
    cards.forEach(function (card, i) {
      var show = !any || matches(facts[i], choice, from, to);
      card.hidden = !show;
      if (show) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !cards.some(function (card) {
        return !card.hidden && group.contains(card);
      });
      // The topic's link in "Topics on this page" goes with it.
      var link = group.id && document.querySelector('.on-this-page a[href="#' + group.id + '"]');
      if (link) link.parentNode.hidden = group.hidden;
    });
    var total = cards.length;
    status.textContent = !any
      ? 'Showing all ' + total + (total === 1 ? ' course' : ' courses') + '.'
      : shown === 0
        ? 'No courses match these choices. Try removing one.'
        : 'Showing ' + shown + ' of ' + total + (total === 1 ? ' course' : ' courses') + '.';
  }

  function remember() {
    var params = new URLSearchParams();
    var choice = chosen();
    names.forEach(function (name) {
      if (choice[name]) params.set(name, choice[name]);
    });
    if (choice.soon) params.set('soon', 'yes');
    var query = params.toString();
    history.replaceState(null, '', query ? '?' + query : window.location.pathname);
  }

  /** Sets the form from the URL, ignoring values the form does not offer. */
  function restore() {
    var params = new URLSearchParams(window.location.search);
    names.forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name) || '';
      var known = Array.prototype.some.call(select.options, function (o) {
        return o.value === value;
      });
      select.value = known ? value : '';
    });
    form.elements.soon.checked = params.get('soon') === 'yes';
  }

  form.addEventListener('change', function () {
    apply();
    remember();
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    apply();
    remember();
  });
  form.addEventListener('reset', function () {
    // After the browser has reset the controls.
    window.setTimeout(function () {
      apply();
      remember();
    }, 0);
  });
  restore();
  form.hidden = false;
  apply();
})();
