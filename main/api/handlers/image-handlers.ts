/** Images for the editor, read only from a course's images/ folder or the library's. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveInside } from '../../fs/resolve-inside.js';
import { linkMessage, linkOnPath } from '../../fs/symbolic-links.js';
import { safeSvg } from '../../publish/safe-svg.js';
import { TandemApiError } from '../api-error.js';
import type { ApiContext } from './api-context.js';

/** Image types the editor shows, by extension. Anything else is refused. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * Reads `images/...` of a course as a data: URL. The editor shows it through <img>, where
 * scripts inside an SVG never run; an SVG is still returned only as `safeSvg` writes it.
 */
export async function readImage(
  context: ApiContext,
  courseId: string,
  relative: string,
): Promise<string> {
  checkImagePath(relative);
  return imageDataUrl(await context.insideCourse(courseId, relative), relative);
}

/** Reads `images/...` of the library itself (the front pages' pictures) as a data: URL. */
export async function readPicture(context: ApiContext, relative: string): Promise<string> {
  checkImagePath(relative);
  const link = await linkOnPath(context.root, relative);
  if (link !== undefined) throw new TandemApiError('forbidden', `${linkMessage(link)}.`);
  return imageDataUrl(await resolveInside(context.root, relative), relative);
}

function checkImagePath(relative: string): void {
  if (!relative.startsWith('images/')) {
    throw new TandemApiError('forbidden', `Images are read only from images/, not "${relative}".`);
  }
}

/** `file` (absolute, contained) as a data: URL; `relative` names it in messages. */
async function imageDataUrl(file: string, relative: string): Promise<string> {
  const type = IMAGE_TYPES[path.extname(relative).toLowerCase()];
  if (!type) {
    throw new TandemApiError(
      'invalid-argument',
      `${relative} is not an image Tandem shows (use ${Object.keys(IMAGE_TYPES).join(', ')}).`,
    );
  }
  const info = await stat(file);
  if (!info.isFile()) throw new TandemApiError('not-found', `${relative} is not a file.`);
  if (info.size > MAX_IMAGE_BYTES) {
    throw new TandemApiError('failed', `${relative} is too large to show (over 20 MB).`);
  }
  const bytes = await readFile(file);
  if (type !== 'image/svg+xml') return `data:${type};base64,${bytes.toString('base64')}`;
  const checked = safeSvg(bytes);
  if (!checked.ok) {
    throw new TandemApiError('failed', `${relative} is not shown because ${checked.reason}.`);
  }
  return `data:${type};base64,${Buffer.from(checked.svg, 'utf8').toString('base64')}`;
}
