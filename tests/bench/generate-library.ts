/**
 * Writes a large, valid library for benchmarks: `courses` courses with modules, activities,
 * facilitator notes and an image each, all running in one ten-week term. Deterministic: the
 * same arguments always give the same files.
 *
 * Run on its own: `npx tsx tests/bench/generate-library.ts OUT_DIR [--courses N]`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface GenerateOptions {
  courses: number;
  modulesPerCourse: number;
  /** Rough number of words in each module body. */
  wordsPerModule: number;
}

export const defaultGenerateOptions: GenerateOptions = {
  courses: 1000,
  modulesPerCourse: 4,
  wordsPerModule: 400,
};

const CATEGORIES = [
  [
    'understanding-mental-health',
    'Understanding mental health',
    'Courses about common experiences and what can help.',
  ],
  ['living-well', 'Living well', 'Everyday ways to look after your body and mind.'],
  ['life-skills', 'Developing life skills', 'Practical courses about money, work, study and home.'],
  [
    'carers-family-friends',
    'For carers, family and friends',
    'Support for the people who support others.',
  ],
  ['getting-involved', 'Getting involved', 'Peer support, volunteering and sharing your story.'],
  ['creative', 'Creative and social', 'Learning through making, writing and meeting people.'],
] as const;

const WORDS =
  'we talk together about hope and what helps each of us notice small steps plan the week ahead share ideas kindly try something new at our own pace listen learn and rest when we need to'.split(
    ' ',
  );

/** A small deterministic pseudo-random generator (mulberry32), so output never changes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(rand: () => number, words: number): string {
  const picked = Array.from(
    { length: words },
    () => WORDS[Math.floor(rand() * WORDS.length)] ?? 'we',
  );
  const text = picked.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rand: () => number, words: number): string {
  const out: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 8 + Math.floor(rand() * 10));
    out.push(sentence(rand, n));
    left -= n;
  }
  return out.join(' ');
}

function isoDate(start: Date, addDays: number): string {
  const d = new Date(start.getTime() + addDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** Courses a pair teaches: one at each of the three times of day. */
const COURSES_PER_PAIR = 3;
/** Courses a venue holds: one per weekday (Monday to Friday) and time of day. */
const COURSES_PER_VENUE = 15;

/** The id (and folder) of generated course number `n`, counting from 1. */
export function generatedCourseId(n: number): string {
  return `course-${String(n).padStart(4, '0')}`;
}

/** Writes the library into `root` (created if missing) and returns how many files it wrote. */
export async function generateLibrary(
  root: string,
  options: GenerateOptions = defaultGenerateOptions,
): Promise<{ files: number }> {
  const rand = random(20270111);
  const files = new Map<string, string>();
  // A timetable a real college could keep: each pair of trainers teaches three courses, one at
  // each time of the same weekday, and each venue holds fifteen, one per weekday and time, so
  // nobody and no room is booked twice at once (the planning checks would rightly refuse it).
  const pairs = Math.max(1, Math.ceil(options.courses / COURSES_PER_PAIR));
  const peers = Array.from({ length: pairs }, (_, i) => `peer-trainer-${i + 1}`);
  const practitioners = Array.from({ length: pairs }, (_, i) => `practitioner-trainer-${i + 1}`);
  const venues = Array.from(
    { length: Math.max(1, Math.ceil(options.courses / COURSES_PER_VENUE)) },
    (_, i) => `venue-${i + 1}`,
  );

  files.set(
    'college.yml',
    [
      'name: Benchmark Recovery College',
      'tagline: Learning together for recovery and wellbeing',
      'contact:',
      '  email: hello@bench.example.org',
      '  phone: 01632 960 000',
      '  address: 1 Example Street, Kingsford KF1 1AA',
      'currentTerm: spring-2027',
      'categories:',
      ...CATEGORIES.flatMap(([id, title, description]) => [
        `  - id: ${id}`,
        `    title: ${title}`,
        `    description: ${description}`,
      ]),
      'venues:',
      ...venues.flatMap((id, i) => [
        `  - id: ${id}`,
        `    name: Community Centre ${i + 1}`,
        `    address: ${i + 1} High Street, Kingsford KF${i + 1} 2AB`,
        '    accessibility: Step-free access, an accessible toilet and a quiet room.',
      ]),
      '',
    ].join('\n'),
  );
  files.set(
    'trainers.yml',
    [
      ...peers.flatMap((id, i) => [`- id: ${id}`, `  name: Peer Trainer ${i + 1}`, '  role: peer']),
      ...practitioners.flatMap((id, i) => [
        `- id: ${id}`,
        `  name: Practitioner Trainer ${i + 1}`,
        '  role: practitioner',
      ]),
      '',
    ].join('\n'),
  );
  files.set('pages/welcome.md', `---\ntitle: Welcome\norder: 1\n---\n\n${paragraph(rand, 80)}\n`);
  files.set(
    'pages/how-to-enrol.md',
    `---\ntitle: How to enrol\norder: 2\n---\n\n${paragraph(rand, 60)}\n`,
  );

  const termStart = new Date('2027-01-11T00:00:00Z'); // a Monday
  const runs: string[] = [];
  const times = [
    ['10:00', '12:00'],
    ['13:30', '15:30'],
    ['18:00', '19:30'],
  ] as const;
  for (let c = 1; c <= options.courses; c++) {
    const id = generatedCourseId(c);
    const [category] = CATEGORIES[c % CATEGORIES.length] ?? CATEGORIES[0];
    const slot = (c - 1) % COURSES_PER_VENUE;
    const pair = Math.floor((c - 1) / COURSES_PER_PAIR);
    const peer = peers[pair] ?? 'peer-trainer-1';
    const practitioner = practitioners[pair] ?? 'practitioner-trainer-1';
    files.set(
      `${id}/course.md`,
      [
        '---',
        `title: Course number ${c} about ${WORDS[c % WORDS.length]} and ${WORDS[(c * 3) % WORDS.length]}`,
        `code: BEN${String(c).padStart(4, '0')}`,
        `category: ${category}`,
        `summary: ${sentence(rand, 12)}`,
        `audience: ${sentence(rand, 14)}`,
        `format: ${options.modulesPerCourse} weekly sessions of 2 hours`,
        'outcomes:',
        `  - ${sentence(rand, 8)}`,
        `  - ${sentence(rand, 9)}`,
        `  - ${sentence(rand, 7)}`,
        'authors:',
        `  - ${peer}`,
        `  - ${practitioner}`,
        'tags: [bench]',
        '---',
        '',
        paragraph(rand, 90),
        '',
        '![A winding path through a park](images/path.svg)',
        '',
        paragraph(rand, 60),
        '',
      ].join('\n'),
    );
    files.set(
      `${id}/images/path.svg`,
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20" fill="#dfeee8"/><path d="M0 18 C 10 ${c % 18} 30 2 40 4" stroke="#0d5c63" fill="none"/></svg>\n`,
    );
    for (let m = 1; m <= options.modulesPerCourse; m++) {
      const third = Math.floor(options.wordsPerModule / 3);
      files.set(
        `${id}/modules/${String(m).padStart(2, '0')}-session-${m}.md`,
        [
          '---',
          `title: Session ${m} – ${WORDS[(c + m) % WORDS.length]} and ${WORDS[(c * m) % WORDS.length]}`,
          'duration: 2 hours',
          '---',
          '',
          paragraph(rand, third),
          '',
          '## Trying it out',
          '',
          `- ${sentence(rand, 6)}`,
          `- ${sentence(rand, 7)}`,
          `- ${sentence(rand, 5)}`,
          '',
          ':::activity',
          paragraph(rand, 30),
          ':::',
          '',
          ':::facilitator',
          `Facilitator note ${c}-${m}: ${paragraph(rand, 25)}`,
          ':::',
          '',
          '## Looking ahead',
          '',
          paragraph(rand, third),
          '',
          m > 1 ? '![A winding path](../images/path.svg)\n' : '',
        ].join('\n'),
      );
    }
    const firstWeek = c % 6;
    const weekday = Math.floor(slot / COURSES_PER_PAIR);
    const [start, end] = times[slot % COURSES_PER_PAIR] ?? times[0];
    runs.push(
      `  - course: ${id}`,
      `    venue: ${venues[Math.floor((c - 1) / COURSES_PER_VENUE)] ?? 'venue-1'}`,
      `    facilitators: [${peer}, ${practitioner}]`,
      `    capacity: ${10 + (c % 3)}`,
      '    sessions:',
      ...Array.from(
        { length: options.modulesPerCourse },
        (_, s) =>
          `      - { date: ${isoDate(termStart, (firstWeek + s) * 7 + weekday)}, start: '${start}', end: '${end}' }`,
      ),
    );
  }
  files.set(
    'terms/spring-2027.yml',
    [
      'title: Spring term 2027',
      'starts: 2027-01-11',
      'ends: 2027-03-26',
      'runs:',
      ...runs,
      '',
    ].join('\n'),
  );

  const dirs = new Set([...files.keys()].map((f) => path.dirname(path.join(root, f))));
  for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
  const entries = [...files];
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(
      entries.slice(i, i + 64).map(([file, text]) => writeFile(path.join(root, file), text)),
    );
  }
  return { files: files.size };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [out, ...rest] = process.argv.slice(2);
  if (!out) {
    process.stderr.write('usage: tsx tests/bench/generate-library.ts OUT_DIR [--courses N]\n');
    process.exit(2);
  }
  const at = rest.indexOf('--courses');
  const courses = at >= 0 ? Number(rest[at + 1]) : defaultGenerateOptions.courses;
  const { files } = await generateLibrary(path.resolve(out), {
    ...defaultGenerateOptions,
    courses,
  });
  process.stdout.write(`Wrote ${files} files for ${courses} courses into ${path.resolve(out)}\n`);
}
