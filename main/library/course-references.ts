/**
 * Where a front page points into a course folder (a picture or link such as
 * `../understanding-anxiety/images/lake.svg`), and the same page text with those paths moved to
 * a course's new id. Only the path inside each link changes; every other byte stays.
 */
import path from 'node:path';
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import { parseLibraryMarkdown } from '../format/parse-library-markdown.js';
import { isInside } from './library-paths.js';

interface UrlNode extends Node {
  url: string;
}

const hasUrl = (node: Node): node is UrlNode =>
  (node.type === 'image' || node.type === 'link' || node.type === 'definition') &&
  typeof (node as { url?: unknown }).url === 'string'; // cast: looking for the url field

/** The library-relative file a page's link names, or undefined for a web address. */
function target(pageFile: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/') || url.startsWith('#')) {
    return undefined;
  }
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // kept as written
  }
  return path.posix.normalize(
    path.posix.join(path.posix.dirname(pageFile), decoded.replace(/[?#].*$/, '')),
  );
}

function nodesInto(text: string, pageFile: string, courseId: string): UrlNode[] {
  const found: UrlNode[] = [];
  visit(parseLibraryMarkdown(text), (node: Node) => {
    if (!hasUrl(node)) return;
    const file = target(pageFile, node.url);
    if (file !== undefined && isInside(courseId, file)) found.push(node);
  });
  return found;
}

/** The links and pictures of a page (library-relative `pageFile`) inside the course folder. */
export function pageReferencesTo(text: string, pageFile: string, courseId: string): string[] {
  return nodesInto(text, pageFile, courseId).map((node) => node.url);
}

/**
 * `text` with each link into `from/` pointing into `to/` instead. A link written in a way this
 * cannot rewrite safely (the folder name not spelled out as `../from/`) is returned in `left`.
 */
export function renamePageReferences(
  text: string,
  pageFile: string,
  from: string,
  to: string,
): { text: string; left: string[] } {
  const prefix = `../${from}/`;
  const left: string[] = [];
  const edits: { start: number; end: number; url: string }[] = [];
  for (const node of nodesInto(text, pageFile, from)) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const at = start === undefined ? -1 : text.indexOf(node.url, start);
    if (!node.url.startsWith(prefix) || end === undefined || at < 0 || at >= end) {
      left.push(node.url);
      continue;
    }
    edits.push({
      start: at,
      end: at + node.url.length,
      url: `../${to}/${node.url.slice(prefix.length)}`,
    });
  }
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.url + result.slice(edit.end);
  }
  return { text: result, left };
}
