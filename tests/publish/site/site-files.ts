/** Test helpers: read a built site from disk and check its links. */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { SITE_FILE_RECORD } from '../../../main/publish/site/write-site.js';

/** Every file under `dir` (site-relative, forward slashes, sorted) with its bytes. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  for (const p of paths) files.set(p, await readFile(path.join(dir, p)));
  return files;
}

/**
 * Every file a build writes into the output folder `dir`, as readTree, except the record of
 * the files' times and inodes on this computer (site-file-record.ts): never published, and by
 * its nature never the same in two folders.
 */
export async function readOutputTree(dir: string): Promise<Map<string, Buffer>> {
  const files = await readTree(dir);
  files.delete(SITE_FILE_RECORD);
  return files;
}

// Templates quote attributes with ' and rendered Markdown with ".
const ATTRIBUTE_URL = /\s(href|src)=(?:"([^"]*)"|'([^']*)')/g;
const ID = /\sid=(?:"([^"]*)"|'([^']*)')/g;

/** Decodes the few entities rehype and Handlebars write inside attribute values. */
function decodeAttribute(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * Every internal href/src of every HTML file that does not resolve to a file in the tree, or
 * whose #fragment is not an id in the target page. External links (with a scheme) are skipped.
 */
export function brokenLinks(siteDir: string, tree: Map<string, Buffer>): string[] {
  const ids = new Map<string, Set<string>>();
  for (const [file, bytes] of tree) {
    if (!file.endsWith('.html')) continue;
    ids.set(
      file,
      new Set(
        [...bytes.toString('utf8').matchAll(ID)].map((m) => decodeAttribute(m[1] ?? m[2] ?? '')),
      ),
    );
  }
  const broken: string[] = [];
  for (const [file, bytes] of tree) {
    if (!file.endsWith('.html')) continue;
    for (const match of bytes.toString('utf8').matchAll(ATTRIBUTE_URL)) {
      const url = decodeAttribute(match[2] ?? match[3] ?? '');
      if (/^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
      if (url === '' || url.startsWith('/')) {
        broken.push(`${file}: ${match[1]}="${url}" (empty or absolute)`);
        continue;
      }
      const [target = '', fragment] = url.split('#', 2);
      const resolved =
        target === ''
          ? file
          : path.posix.normalize(
              path.posix.join(path.posix.dirname(file), decodeURIComponent(target)),
            );
      if (
        resolved.startsWith('..') ||
        !tree.has(resolved) ||
        !existsSync(path.join(siteDir, resolved))
      ) {
        broken.push(`${file}: ${url} → ${resolved} does not exist`);
        continue;
      }
      if (fragment !== undefined && !ids.get(resolved)?.has(decodeURIComponent(fragment))) {
        broken.push(`${file}: ${url} → no id "${fragment}" in ${resolved}`);
      }
    }
  }
  return broken;
}

/**
 * HTML with whitespace runs collapsed, no space before `>`, self-closing slashes dropped and
 * single-quoted attributes written with double quotes, so tests can compare snippets however
 * the templates happen to be wrapped and quoted.
 */
export function normalise(html: string): string {
  return html
    .replace(/\s+/g, ' ')
    .replace(/\s*\/>/g, '>')
    .replace(/\s+>/g, '>')
    .replace(/>\s+</g, (m) => (m.length > 2 ? '> <' : m))
    .replace(/='([^']*)'/g, '="$1"');
}
