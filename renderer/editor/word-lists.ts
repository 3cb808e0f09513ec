/**
 * Word puts a list on the clipboard as a run of paragraphs, not as `<ul>`/`<ol>`: each item is
 * `<p class="MsoListParagraph…" style="mso-list:l0 level2 lfo1">`, whose typed marker ("·",
 * "o", "1.", "a)") sits in a `<span style="mso-list:Ignore">`. This turns every such run into
 * real nested lists in the pasted document, so the rest of the paste cleanup sees ordinary HTML:
 * the list id (`l0`) and level (`level2`) give the structure, the marker gives bullets or numbers.
 */

interface WordListItem {
  paragraph: Element;
  list: string;
  level: number;
  ordered: boolean;
  /** The number typed in the marker ("3." → 3), for where a numbered list starts. */
  number: number | undefined;
}

const compactStyle = (el: Element): string =>
  (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');

/** Word's list paragraphs: `class="MsoListParagraph…"` or `mso-list:lN` in the style. */
export function isWordListParagraph(el: Element): boolean {
  return (
    el.tagName.toUpperCase() === 'P' &&
    (/MsoListParagraph/i.test(el.getAttribute('class') ?? '') ||
      /mso-list:l\d/.test(compactStyle(el)))
  );
}

const isMarker = (el: Element): boolean => compactStyle(el).includes('mso-list:ignore');

/** "1." "a)" "(iv)" are numbers; "·" "o" "§" "-" and anything else are bullets. */
const NUMBERED_MARKER = /^\(?(\d+|[a-z]{1,4})[.)]$/i;

function readItem(paragraph: Element): WordListItem {
  const style = compactStyle(paragraph);
  const markers = Array.from(paragraph.querySelectorAll('span')).filter(isMarker);
  const markerText = (markers[0]?.textContent ?? '').replace(/[\s\u00a0]+/g, '');
  for (const marker of markers) marker.remove();
  const numbered = NUMBERED_MARKER.exec(markerText);
  const digits = numbered?.[1] && /^\d+$/.test(numbered[1]) ? Number(numbered[1]) : undefined;
  return {
    paragraph,
    list: /mso-list:(l\d+)/.exec(style)?.[1] ?? 'l0',
    level: Number(/level(\d+)/.exec(style)?.[1] ?? '1'),
    ordered: numbered !== null,
    number: digits,
  };
}

/** Runs of list paragraphs that follow each other (only blank text and comments between). */
function runsIn(parent: Element): Element[][] {
  const runs: Element[][] = [];
  let run: Element[] = [];
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === Node.ELEMENT_NODE && isWordListParagraph(node as Element)) {
      run.push(node as Element); // nodeType checked
      continue;
    }
    const blank =
      node.nodeType === Node.COMMENT_NODE ||
      (node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() === '');
    if (!blank && run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

interface OpenList {
  level: number;
  key: string;
  element: Element;
  lastItem: Element | undefined;
}

/** Builds the nested lists for one run of items. */
function buildLists(doc: Document, items: WordListItem[]): Element[] {
  const top: Element[] = [];
  const open: OpenList[] = [];
  for (const item of items) {
    const key = `${item.list}/${item.ordered ? 'ol' : 'ul'}`;
    while (open.length > 0 && (open[open.length - 1]?.level ?? 0) > item.level) open.pop();
    const current = open[open.length - 1];
    if (current && current.level === item.level && current.key !== key) open.pop();
    let list = open[open.length - 1];
    if (!list || list.level < item.level) {
      const element = doc.createElement(item.ordered ? 'ol' : 'ul');
      if (item.ordered && item.number !== undefined && item.number !== 1) {
        element.setAttribute('start', String(item.number));
      }
      if (list) {
        // Deeper than any item so far: the new list belongs to the previous item.
        const owner = list.lastItem ?? list.element.appendChild(doc.createElement('li'));
        owner.appendChild(element);
      } else top.push(element);
      list = { level: item.level, key, element, lastItem: undefined };
      open.push(list);
    }
    const li = doc.createElement('li');
    li.append(...Array.from(item.paragraph.childNodes));
    list.element.appendChild(li);
    list.lastItem = li;
  }
  return top;
}

/** Replaces Word's list paragraphs under `root` with nested `<ul>`/`<ol>` lists, in place. */
export function nestWordLists(root: Element): void {
  const parents = new Set<Element>();
  for (const paragraph of Array.from(root.querySelectorAll('p'))) {
    if (isWordListParagraph(paragraph) && paragraph.parentElement) {
      parents.add(paragraph.parentElement);
    }
  }
  for (const parent of parents) {
    for (const run of runsIn(parent)) {
      const first = run[0];
      if (!first) continue;
      const lists = buildLists(parent.ownerDocument, run.map(readItem));
      for (const list of lists) parent.insertBefore(list, first);
      for (const paragraph of run) paragraph.remove();
    }
  }
}
