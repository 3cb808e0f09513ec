/* global window, document, history, MiniSearch */
/*
 * Course search on search.html. The index is a script (assets/search-index.js) rather than a
 * file to fetch, so this works from file:// and under any sub-path. Results are built with
 * textContent only: course text never becomes markup. The count is announced by the
 * role="status" region.
 */
(function () {
  'use strict';
  var data = window.tandemSearch;
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!data || !form || !input || !status || !list || typeof MiniSearch === 'undefined') return;

  var index = MiniSearch.loadJS(data.index, { fields: data.fields, storeFields: data.storeFields });
  var options = {
    prefix: true,
    fuzzy: 0.2,
    combineWith: 'AND',
    boost: { title: 3, tags: 2, summary: 1.5 },
  };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function result(hit) {
    var item = element('li', 'search-result');
    var heading = element('h2', 'search-result__title');
    var link = element('a', '', hit.title);
    link.href = hit.path;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(element('p', 'search-result__meta', hit.category + ' · ' + hit.next));
    item.appendChild(element('p', 'search-result__snippet', hit.snippet));
    return item;
  }

  function show(query) {
    var words = query.trim();
    list.replaceChildren();
    if (!words) {
      status.textContent = 'Type a word to search all courses.';
      return;
    }
    var hits = index.search(words, options);
    hits.forEach(function (hit) {
      list.appendChild(result(hit));
    });
    var quoted = '\u201c' + words + '\u201d';
    status.textContent =
      hits.length === 0
        ? 'No courses found for ' + quoted + '. Try another word, or browse all courses.'
        : hits.length + (hits.length === 1 ? ' course' : ' courses') + ' found for ' + quoted;
  }

  function remember(query) {
    var params = new URLSearchParams(window.location.search);
    if (query.trim()) params.set('q', query.trim());
    else params.delete('q');
    var search = params.toString();
    history.replaceState(null, '', search ? '?' + search : window.location.pathname);
  }

  var timer = null;
  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    // Wait for a pause in typing, so a screen reader announces one count, not one per key.
    timer = window.setTimeout(function () {
      show(input.value);
      remember(input.value);
    }, 300);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    show(input.value);
    remember(input.value);
  });

  var initial = new URLSearchParams(window.location.search).get('q') || '';
  input.value = initial;
  show(initial);
})();
