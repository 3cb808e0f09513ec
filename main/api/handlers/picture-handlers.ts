/**
 * Pictures added from the person's computer for the college's own pages and cover: checked
 * (a picture type Tandem publishes, bytes that really are that type, a size limit, SVG made
 * safe) and copied into the library's images/ folder under a plain file name.
 */
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { AddedPicture, NewPicture } from '../contract.js';
import { resolveInside } from '../../fs/resolve-inside.js';
import { linkMessage, linkOnPath } from '../../fs/symbolic-links.js';
import { safeSvg } from '../../publish/safe-svg.js';
import { TandemApiError } from '../api-error.js';
import type { ApiContext } from './api-context.js';
import { IMAGE_TYPES } from './image-handlers.js';

/** Largest picture the app adds: plenty for a printed cover, small enough for a website. */
export const MAX_PICTURE_BYTES = 5 * 1024 * 1024;

/** The library folder for pictures that belong to no one course (docs/library-format.md). */
export const PICTURES_FOLDER = 'images';

const ascii = (bytes: Buffer, from: number, to: number) =>
  bytes.subarray(from, to).toString('latin1');

/** Whether `bytes` start the way every file of `type` does. SVG is checked by `safeSvg`. */
const LOOKS_LIKE: Readonly<Record<string, (bytes: Buffer) => boolean>> = {
  'image/png': (b) => ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n',
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => ['GIF87a', 'GIF89a'].includes(ascii(b, 0, 6)),
  'image/webp': (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  'image/avif': (b) => ascii(b, 4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(b, 8, 12)),
};

/** `Calm Lake (2).JPG` → `calm-lake-2.jpg`. */
function plainName(fileName: string): { base: string; ext: string } {
  const ext = path.extname(fileName).toLowerCase();
  const base = path
    .basename(fileName, path.extname(fileName))
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return { base: base || 'picture', ext };
}

/** The picture's bytes as they will be written, or a plain reason to refuse it. */
export function checkPicture(fileName: string, bytes: Buffer): Buffer {
  const { ext } = plainName(fileName);
  const type = IMAGE_TYPES[ext];
  if (!type) {
    const known = Object.keys(IMAGE_TYPES).join(', ');
    throw new TandemApiError(
      'invalid-argument',
      `${fileName} is not a picture Tandem publishes; choose a ${known} file.`,
    );
  }
  if (bytes.length === 0) throw new TandemApiError('invalid-argument', `${fileName} is empty.`);
  if (bytes.length > MAX_PICTURE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new TandemApiError(
      'invalid-argument',
      `${fileName} is ${mb} MB; pictures can be up to ${MAX_PICTURE_BYTES / 1024 / 1024} MB. Save a smaller copy and add that.`,
    );
  }
  if (type === 'image/svg+xml') {
    const checked = safeSvg(bytes);
    if (!checked.ok) {
      throw new TandemApiError('invalid-argument', `${fileName} was not added: ${checked.reason}.`);
    }
    return Buffer.from(checked.svg, 'utf8');
  }
  if (!LOOKS_LIKE[type]?.(bytes)) {
    throw new TandemApiError(
      'invalid-argument',
      `${fileName} is not really a ${ext.slice(1).toUpperCase()} picture (its contents are something else).`,
    );
  }
  return bytes;
}

/** Library-relative paths of the pictures in images/, sorted. */
export async function listPictures(context: ApiContext): Promise<string[]> {
  const entries = await readdir(path.join(context.root, PICTURES_FOLDER), {
    withFileTypes: true,
  }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .filter((entry) => IMAGE_TYPES[path.extname(entry.name).toLowerCase()] !== undefined)
    .map((entry) => `${PICTURES_FOLDER}/${entry.name}`)
    .sort();
}

/**
 * Copies a checked picture into images/. A file already there with the same bytes is reused;
 * another picture with the same name is never overwritten: the new one gets `-2`, `-3`….
 */
export async function addPicture(context: ApiContext, picture: NewPicture): Promise<AddedPicture> {
  const bytes = checkPicture(picture.fileName, Buffer.from(picture.data, 'base64'));
  const link = await linkOnPath(context.root, PICTURES_FOLDER);
  if (link !== undefined) throw new TandemApiError('forbidden', `${linkMessage(link)}.`);
  const folder = await resolveInside(context.root, PICTURES_FOLDER);
  return context.serialize(folder, async () => {
    await mkdir(folder, { recursive: true });
    const { base, ext } = plainName(picture.fileName);
    for (let n = 1; n < 1000; n++) {
      const name = `${base}${n === 1 ? '' : `-${n}`}${ext}`;
      const file = path.join(folder, name);
      const existing = await readFile(file).catch(() => undefined);
      if (existing && !existing.equals(bytes)) continue;
      if (!existing) await context.writeFile(file, bytes);
      return { path: `${PICTURES_FOLDER}/${name}` };
    }
    throw new TandemApiError('failed', `images/ already has too many pictures named ${base}.`);
  });
}
