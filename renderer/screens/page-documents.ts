/** How the Pages screen loads and saves a front page through the API. */
import { stringify } from 'yaml';
import type { SaveResult } from '../../main/api/contract.js';
import { tandem } from '../api.js';
import type { Loaded } from '../hooks/useSavedDocument.js';

export interface PageDraft {
  title: string;
  body: string;
}

/** True for a page draft (checks the journal's copy). */
export function isPageDraft(value: unknown): value is PageDraft {
  if (typeof value !== 'object' || value === null) return false;
  const { title, body } = value as Record<string, unknown>; // cast: an object, checked field by field
  return typeof title === 'string' && typeof body === 'string';
}

export function samePage(a: PageDraft, b: PageDraft): boolean {
  return a.title === b.title && a.body === b.body;
}

/** Reads pages/<slug>.md. */
export async function loadPage(slug: string): Promise<Loaded<PageDraft>> {
  const doc = await tandem().readPage(slug);
  return { value: { title: doc.title, body: doc.body }, version: doc.version };
}

/** Saves pages/<slug>.md against the version it was loaded at. */
export function savePage(slug: string, draft: PageDraft, baseVersion: string): Promise<SaveResult> {
  return tandem().savePage({ slug, title: draft.title, body: draft.body, baseVersion });
}

/** The page as text for the recovered-text store: its title as front matter, then its text. */
export function pageFileText(draft: PageDraft): string {
  return `---\n${stringify({ title: draft.title })}---\n\n${draft.body}`;
}
