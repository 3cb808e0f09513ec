/**
 * Small sign-off test libraries built on disk in temp folders, with the matching in-memory
 * Library (so these tests do not depend on the loader), and real Ed25519 keys.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Course, Library, Trainer, TrainerRole } from '../../main/library/types.js';
import { canonicalMessage } from '../../main/signoff/canonical-message.js';
import { formatPublicKeyLine } from '../../main/library/public-key-line.js';
import { formatRecord } from '../../main/signoff/signoffs-file.js';
import type { SignoffRecord } from '../../main/signoff/types.js';

export interface TestTrainer {
  id: string;
  name: string;
  role: TrainerRole;
  privateKey: KeyObject;
  publicKeyLine: string;
}

/** Makes a trainer with a fresh real key pair. */
export function makeTrainer(id: string, name: string, role: TrainerRole): TestTrainer {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { id, name, role, privateKey, publicKeyLine: formatPublicKeyLine(privateKey) };
}

export const ann = (): TestTrainer => makeTrainer('ann-lee', 'Ann Lee', 'peer');
export const sam = (): TestTrainer => makeTrainer('sam-okafor', 'Sam Okafor', 'practitioner');

/** Roster entries for test trainers, each listing its own public key. */
export function rosterOf(trainers: TestTrainer[]): Trainer[] {
  return trainers.map((t) => ({
    id: t.id,
    name: t.name,
    role: t.role,
    keys: [{ publicKey: t.publicKeyLine, added: '2026-10-01' }],
  }));
}

export interface TestCourseFiles {
  [relPath: string]: string | Buffer;
}

/** The default content of a small course: description, two modules and an image. */
export function defaultCourseFiles(authors: string[]): TestCourseFiles {
  return {
    'course.md': [
      '---',
      'title: Understanding anxiety',
      'code: UMH101',
      'category: understanding-mental-health',
      'summary: Learn what anxiety is and what can help.',
      'audience: Anyone interested in anxiety.',
      'format: 3 weekly sessions of 2 hours',
      'outcomes:',
      '  - Explain what anxiety is',
      'authors:',
      ...authors.map((a) => `  - ${a}`),
      '---',
      '',
      'Everyone feels anxious sometimes.',
      '',
    ].join('\n'),
    'modules/01-what-is-anxiety.md':
      '---\ntitle: What is anxiety?\nduration: 2 hours\n---\n\nAnxiety is a normal feeling.\n\n![A calm lake](../images/lake.png)\n',
    'modules/02-calming.md': '---\ntitle: Calming body and mind\n---\n\nBreathe in for four.\n',
    'images/lake.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
  };
}

export interface TestLibrary {
  root: string;
  library: Library;
  dispose(): Promise<void>;
  courseDir(courseId: string): string;
}

const COLLEGE_YML = `name: Test Recovery College
tagline: Learning together
contact:
  email: hello@test-college.example.org
currentTerm: spring-2027
categories:
  - id: understanding-mental-health
    title: Understanding mental health
    description: Courses about common mental health experiences.
venues:
  - id: main-hall
    name: Main Hall
    address: 1 Mill Lane, Kingsford KF1 4AB
    accessibility: Step-free entrance and an accessible toilet.
`;

/** trainers.yml listing each trainer with its public key. */
export function trainersYaml(trainers: TestTrainer[]): string {
  return trainers
    .map(
      (t) =>
        `- id: ${t.id}\n  name: ${t.name}\n  role: ${t.role}\n  keys:\n    - publicKey: ${t.publicKeyLine}\n      added: 2026-10-01\n`,
    )
    .join('');
}

function termYaml(courses: Record<string, string[]>): string {
  // Each run in a week of its own, so the same trainers and hall are never booked twice at once.
  const runs = Object.entries(courses)
    .map(([id, authors], i) => {
      const date = new Date(Date.UTC(2027, 0, 12 + 7 * i)).toISOString().slice(0, 10);
      return `  - course: ${id}\n    venue: main-hall\n    facilitators: [${authors.join(', ')}]\n    sessions:\n      - { date: ${date}, start: '10:00', end: '12:00' }\n`;
    })
    .join('');
  return `title: Spring 2027\nstarts: 2027-01-11\nends: 2027-03-26\nruns:\n${runs}`;
}

function courseOf(id: string, authors: string[]): Course {
  return {
    id,
    file: `${id}/course.md`,
    title: id === 'understanding-anxiety' ? 'Understanding anxiety' : `Course ${id}`,
    code: 'UMH101',
    category: 'understanding-mental-health',
    summary: 'Learn what anxiety is and what can help.',
    audience: 'Anyone interested in anxiety.',
    format: '3 weekly sessions of 2 hours',
    outcomes: ['Explain what anxiety is'],
    authors,
    tags: [],
    body: 'Everyone feels anxious sometimes.\n',
    bodyLine: 13,
    modules: [],
    images: [],
  };
}

/** Writes `files` (course-relative paths) into `courseDir`. */
export async function writeCourseFiles(courseDir: string, files: TestCourseFiles): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const target = path.join(courseDir, ...rel.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/** A temp library with the given trainers and courses (id → authors), content on disk. */
export async function makeTestLibrary(
  trainers: TestTrainer[],
  courses: Record<string, string[]>,
): Promise<TestLibrary> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-signoff-'));
  const root = path.join(dir, 'library');
  for (const [id, authors] of Object.entries(courses)) {
    await writeCourseFiles(path.join(root, id), defaultCourseFiles(authors));
  }
  await writeFile(path.join(root, 'college.yml'), COLLEGE_YML);
  await writeFile(path.join(root, 'trainers.yml'), trainersYaml(trainers));
  await mkdir(path.join(root, 'terms'), { recursive: true });
  await writeFile(path.join(root, 'terms', 'spring-2027.yml'), termYaml(courses));
  const library: Library = {
    root,
    college: {
      name: 'Test Recovery College',
      tagline: 'Learning together',
      contact: {},
      currentTerm: 'spring-2027',
      categories: [],
      venues: [],
    },
    trainers: rosterOf(trainers),
    terms: [],
    pages: [],
    courses: Object.entries(courses).map(([id, authors]) => courseOf(id, authors)),
  };
  return {
    root,
    library,
    courseDir: (id) => path.join(root, id),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A correctly signed record, made directly with the trainer's key (no checks). */
export function signedRecord(
  trainer: TestTrainer,
  courseId: string,
  version: string,
  time: string,
  comment?: string,
): SignoffRecord {
  const signature = sign(
    null,
    canonicalMessage({ courseId, version, trainer: trainer.id, role: trainer.role, time, comment }),
    trainer.privateKey,
  ).toString('base64');
  const record: SignoffRecord = {
    trainer: trainer.id,
    role: trainer.role,
    version,
    time,
    signature,
  };
  if (comment !== undefined) record.comment = comment;
  return record;
}

/** Writes whole signoffs.yml text made of `records`. */
export async function writeRecords(courseDir: string, records: SignoffRecord[]): Promise<void> {
  await writeFile(path.join(courseDir, 'signoffs.yml'), records.map(formatRecord).join(''));
}

/** Puts `trainer`'s private key in `configDir` the way `tandem keys create` would. */
export async function installKey(configDir: string, trainer: TestTrainer): Promise<void> {
  await mkdir(path.join(configDir, 'keys'), { recursive: true, mode: 0o700 });
  await writeFile(
    path.join(configDir, 'keys', `${trainer.id}.pem`),
    trainer.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    { mode: 0o600 },
  );
}
