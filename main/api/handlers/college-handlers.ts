/** The College settings and Venues screens: college.yml read and saved field by field. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { YAMLMap, isMap, isSeq, parse } from 'yaml';
import type { Document } from 'yaml';
import type {
  CollegeDocument,
  CollegeSettings,
  Contact,
  PlannedCategory,
  PlannedVenue,
  SaveCollegeRequest,
  SaveResult,
} from '../contract.js';
import { resolveInside } from '../../fs/resolve-inside.js';
import { linkOnPath } from '../../fs/symbolic-links.js';
import { isTimeZone } from '../../library/check-site-settings.js';
import { collegeFile } from '../../library/load-college.js';
import { collegeSchema } from '../../library/schemas.js';
import { DEFAULT_HOLIDAY_REGION, HOLIDAY_REGIONS } from '../../planning/holidays.js';
import { listOfMaps, setText } from '../../planning/term-plan-yaml.js';
import { TandemApiError } from '../api-error.js';
import { versionOf } from '../own-writes.js';
import type { ApiContext } from './api-context.js';
import { listPictures } from './picture-handlers.js';
import { saveYamlFile } from './save-yaml-file.js';

const CONTACT_FIELDS = ['email', 'phone', 'address', 'website', 'hours'] as const;

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>) // a YAML mapping, checked just above
    : {};
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Each item of a YAML list as `view` shows it, with its place in the list (none: not a list). */
function itemsOf<T>(
  list: unknown,
  view: (item: Record<string, unknown>) => T,
): (T & { index: number })[] {
  return (Array.isArray(list) ? list : []).map((item, index) => ({ index, ...view(record(item)) }));
}

/** college.yml as the settings and venues forms show it. */
export async function readCollege(context: ApiContext): Promise<CollegeDocument> {
  const bytes = await readFile(path.join(context.root, collegeFile));
  let data: Record<string, unknown>;
  try {
    data = record(parse(bytes.toString('utf8')));
  } catch {
    throw new TandemApiError(
      'failed',
      'college.yml cannot be edited in the app until its YAML is fixed; the Problems screen shows where.',
    );
  }
  const contact = record(data.contact);
  const holidays = HOLIDAY_REGIONS.find((region) => region === data.holidays);
  const settings: CollegeSettings = {
    name: textOf(data.name),
    tagline: textOf(data.tagline),
    contact: Object.fromEntries(
      CONTACT_FIELDS.filter((key) => typeof contact[key] === 'string').map((key) => [
        key,
        textOf(contact[key]),
      ]),
    ),
    currentTerm: textOf(data.currentTerm),
    holidays: holidays ?? DEFAULT_HOLIDAY_REGION,
    timeZone: textOf(data.timeZone),
    coverImage: textOf(data.coverImage),
  };
  const venues = itemsOf(data.venues, (venue) => ({
    id: textOf(venue.id),
    name: textOf(venue.name),
    address: textOf(venue.address),
    accessibility: textOf(venue.accessibility),
    online: venue.online === true,
  }));
  const categories = itemsOf(data.categories, (category) => ({
    id: textOf(category.id),
    title: textOf(category.title),
    description: textOf(category.description),
  }));
  const pictures = await listPictures(context);
  return { settings, venues, categories, pictures, version: versionOf(bytes) };
}

/** Saves settings and venues, unless college.yml changed on disk since it was read. */
export async function saveCollege(
  context: ApiContext,
  request: SaveCollegeRequest,
): Promise<SaveResult> {
  await checkSiteFields(context, request.settings);
  return saveYamlFile(
    context,
    path.join(context.root, collegeFile),
    collegeFile,
    request.baseVersion,
    collegeSchema,
    (doc) => {
      applyCollege(doc, request.settings, request.venues);
      if (request.categories) applyCategories(doc, request.categories);
    },
  );
}

function applyCollege(doc: Document, settings: CollegeSettings, venues: PlannedVenue[]): void {
  const root = doc.contents;
  if (!isMap(root)) throw new TandemApiError('failed', 'college.yml must be a set of fields');
  setText(root, 'name', settings.name);
  setText(root, 'tagline', settings.tagline);
  applyContact(root, settings.contact);
  setText(root, 'currentTerm', settings.currentTerm);
  // Left out while it is the default, so an untouched college.yml stays as it was.
  if (settings.holidays === DEFAULT_HOLIDAY_REGION && !root.has('holidays')) {
    // nothing to write
  } else setText(root, 'holidays', settings.holidays, 'currentTerm');
  setOptionalText(root, 'timeZone', settings.timeZone, 'currentTerm');
  setOptionalText(root, 'coverImage', settings.coverImage, 'currentTerm');

  const existing = root.get('venues', true);
  const seq = listOfMaps(existing, venues, (map, venue) => {
    setText(map, 'id', venue.id);
    setText(map, 'name', venue.name);
    setText(map, 'address', venue.address);
    setText(map, 'accessibility', venue.accessibility);
    if (venue.online) map.set('online', true);
    else if (map.has('online')) map.set('online', false);
  });
  if (!isSeq(existing)) root.set('venues', seq);
}

/**
 * Categories in their new order, each kept as its own node (comments and layout go with it).
 * Courses refer to categories by id, so an existing category's id never changes here.
 */
function applyCategories(doc: Document, categories: PlannedCategory[]): void {
  const root = doc.contents;
  const existing = isMap(root) ? root.get('categories', true) : undefined;
  if (!isMap(root) || !isSeq(existing)) {
    throw new TandemApiError('failed', 'college.yml has no list of categories to change');
  }
  const ids = new Set<string>();
  const used = new Set<number>();
  existing.items = categories.map((category) => {
    const reused = category.index !== undefined && used.has(category.index);
    if (category.index !== undefined) used.add(category.index);
    const old = category.index === undefined || reused ? undefined : existing.items[category.index];
    const map = isMap(old) ? old : new YAMLMap();
    const oldId = map.get('id');
    if (old !== undefined && oldId !== category.id) {
      throw new TandemApiError(
        'invalid-argument',
        `The category "${String(oldId)}" keeps its id: courses refer to it. Change its title instead.`,
      );
    }
    if (ids.has(category.id)) {
      throw new TandemApiError(
        'invalid-argument',
        `Two categories cannot both be "${category.id}".`,
      );
    }
    ids.add(category.id);
    setText(map, 'id', category.id);
    setText(map, 'title', category.title);
    setText(map, 'description', category.description);
    return map;
  });
}

/** Sets `key` to `value`, removes it when `value` is empty, leaves it when `value` is absent. */
function setOptionalText(root: YAMLMap, key: string, value: string | undefined, after: string) {
  if (value === undefined) return;
  if (value.trim() === '') root.delete(key);
  else setText(root, key, value.trim(), after);
}

/** A time zone this computer knows, and a cover picture that is a file in the library. */
async function checkSiteFields(context: ApiContext, settings: CollegeSettings): Promise<void> {
  const zone = settings.timeZone?.trim();
  if (zone && !isTimeZone(zone)) {
    throw new TandemApiError(
      'invalid-argument',
      `"${zone}" is not a time zone name; choose one like Europe/London from the list.`,
    );
  }
  const cover = settings.coverImage?.trim();
  if (!cover) return;
  const file = await resolveInside(context.root, cover).catch(() => undefined);
  const info = file === undefined ? undefined : await stat(file).catch(() => undefined);
  if (!info?.isFile() || (await linkOnPath(context.root, cover)) !== undefined) {
    throw new TandemApiError(
      'invalid-argument',
      `${cover} is not a picture in the library; add the picture first.`,
    );
  }
}

function applyContact(root: YAMLMap, contact: Contact): void {
  const node = root.get('contact', true);
  const map = isMap(node) ? node : new YAMLMap();
  for (const key of CONTACT_FIELDS) {
    const value = contact[key]?.trim();
    if (value) setText(map, key, value);
    else map.delete(key);
  }
  if (!isMap(node)) root.set('contact', map);
}
