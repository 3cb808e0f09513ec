/**
 * Says in words what a set of changed files is, for the sync's commit message:
 * "Amira Hassan: edited Understanding anxiety, session 2; signed off Coping with stress".
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { splitFrontMatter } from '../format/front-matter-fences.js';
import { parse } from 'yaml';
import type { WorkingChange } from './git-engine.js';

const VERB = { added: 'added', modified: 'edited', removed: 'removed' } as const;
const MAX_PHRASES = 3;

/** The course's title from its course.md, or its folder name. */
async function courseTitle(dir: string, courseId: string): Promise<string> {
  try {
    const text = await readFile(path.join(dir, courseId, 'course.md'), 'utf8');
    const parsed: unknown = parse(splitFrontMatter(text).frontMatter ?? '');
    const title = (parsed as { title?: unknown } | null)?.title; // cast: checked just below
    if (typeof title === 'string' && title.trim() !== '') return title.trim();
  } catch {
    // A course being removed, or front matter that does not parse: its id says enough.
  }
  return courseId;
}

/** One phrase for one file, e.g. "edited Understanding anxiety, session 2". */
async function phraseFor(dir: string, change: WorkingChange): Promise<string | undefined> {
  const parts = change.path.split('/');
  const verb = VERB[change.change];
  const [top, second, third] = parts;
  if (parts.length === 1) {
    if (top === 'college.yml') return `${verb} the college details`;
    if (top === 'trainers.yml') return `${verb} the list of trainers`;
    return `${verb} ${top}`;
  }
  if (top === 'terms') return `${verb} the term ${path.basename(second ?? '', '.yml')}`;
  if (top === 'pages') return `${verb} the page ${path.basename(second ?? '', '.md')}`;
  if (!top || top.startsWith('.') || top === 'images') return `${verb} ${change.path}`;
  const title = await courseTitle(dir, top);
  if (second === 'signoffs.yml') return `signed off ${title}`;
  if (second === '.tandem') return undefined; // the signed copies that go with a sign-off
  if (second === 'course.md') return `${verb} ${title}`;
  if (second === 'modules' && third) {
    const number = /^(\d+)-/.exec(third)?.[1];
    return `${verb} ${title}, ${number ? `session ${Number(number)}` : third}`;
  }
  if (second === 'images') return `${verb} a picture in ${title}`;
  return `${verb} ${change.path}`;
}

/** The whole message; `who` is the person's name. */
export async function describeChanges(
  dir: string,
  who: string,
  changes: WorkingChange[],
): Promise<string> {
  const phrases: string[] = [];
  for (const change of changes) {
    const phrase = await phraseFor(dir, change);
    if (phrase && !phrases.includes(phrase)) phrases.push(phrase);
  }
  if (phrases.length === 0) return `${who}: updated the library`;
  const shown = phrases.slice(0, MAX_PHRASES).join('; ');
  const more = phrases.length - MAX_PHRASES;
  const summary = `${who}: ${shown}${more > 0 ? ` and ${more} more ${more === 1 ? 'change' : 'changes'}` : ''}`;
  const list = changes.map((change) => `${VERB[change.change]} ${change.path}`).join('\n');
  return `${summary}\n\n${list}\n`;
}
