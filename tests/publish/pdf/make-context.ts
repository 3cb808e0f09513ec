/**
 * A small college built in memory for the PDF tests: three categories, seven courses (one with
 * facilitator notes and an image), runs across four weeks, two venues and two front pages.
 */
import type { Course, Library, Run, Trainer } from '../../../main/library/types.js';
import type { BuildOptions, PublishContext } from '../../../main/publish/types.js';
import type { CourseStatus } from '../../../main/signoff/types.js';

/** Text that appears only inside `:::facilitator` blocks. */
export const facilitatorSecrets = [
  'Keep the tissues near the door',
  'Check in privately with anyone who went quiet',
];

const trainers: Trainer[] = [
  { id: 'amira-hassan', name: 'Amira Hassan', role: 'peer', keys: [] },
  { id: 'hannah-lewis', name: 'Hannah Lewis', role: 'practitioner', keys: [] },
  { id: 'sam-okafor', name: 'Sam Okafor', role: 'peer', keys: [] },
  { id: 'dr-priya-nair', name: 'Priya Nair', role: 'practitioner', keys: [] },
];

function course(
  id: string,
  title: string,
  code: string,
  category: string,
  authors: [string, string],
  modules: { title: string; body: string }[] = [],
): Course {
  return {
    id,
    file: `${id}/course.md`,
    title,
    code,
    category,
    summary: `A friendly introduction to ${title.toLowerCase()}, with time to share ideas and try things out.`,
    audience: 'Anyone who is interested, whether for yourself, someone you support, or your work.',
    format: `${Math.max(1, modules.length)} weekly sessions of 2 hours`,
    outcomes: [
      `Explain in your own words what ${title.toLowerCase()} means`,
      'Try out practical ideas that other people have found helpful',
      'Know where to find more support and information',
    ],
    authors,
    tags: [],
    body: 'Course description.',
    bodyLine: 20,
    modules: modules.map((m, i) => ({
      slug: m.title.toLowerCase().replace(/[^a-z]+/g, '-'),
      number: i + 1,
      file: `${id}/modules/0${i + 1}-x.md`,
      title: m.title,
      duration: '2 hours',
      body: m.body,
      bodyLine: 4,
    })),
    images: [],
  };
}

const courses: Course[] = [
  course(
    'understanding-anxiety',
    'Understanding anxiety',
    'UMH101',
    'understanding',
    ['amira-hassan', 'hannah-lewis'],
    [
      {
        title: 'What is anxiety?',
        body: `Anxiety is a normal human feeling.\n\n:::activity\nWrite down three things that help you feel calm.\n:::\n\n:::facilitator\n${facilitatorSecrets[0]}, and remind the group that sharing is optional.\n:::\n`,
      },
      {
        title: 'Calming body and mind',
        body: `## Breathing\n\nWe try a slow breathing exercise together.\n\n:::facilitator\n${facilitatorSecrets[1]}.\n:::\n`,
      },
    ],
  ),
  course(
    'hearing-voices',
    'Hearing voices',
    'UMH102',
    'understanding',
    ['sam-okafor', 'dr-priya-nair'],
    [{ title: 'A common experience', body: 'Many people hear voices.' }],
  ),
  course('understanding-low-mood', 'Understanding low mood', 'UMH103', 'understanding', [
    'amira-hassan',
    'dr-priya-nair',
  ]),
  course('recovery-and-hope', 'Recovery and hope', 'BAL201', 'building', [
    'sam-okafor',
    'hannah-lewis',
  ]),
  course('wellness-planning', 'Making a wellness plan', 'BAL202', 'building', [
    'amira-hassan',
    'hannah-lewis',
  ]),
  course('money-and-wellbeing', 'Money and wellbeing', 'LS301', 'skills', [
    'sam-okafor',
    'hannah-lewis',
  ]),
  course('sleep-well', 'Sleeping well', 'LS302', 'skills', ['amira-hassan', 'dr-priya-nair']),
];

function weekly(first: string, count: number, start: string, end: string) {
  const base = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => ({
    date: new Date(base + i * 7 * 86_400_000).toISOString().slice(0, 10),
    start,
    end,
  }));
}

const runs: Run[] = [
  {
    course: 'understanding-anxiety',
    venue: 'old-library',
    facilitators: ['amira-hassan', 'hannah-lewis'],
    capacity: 12,
    sessions: weekly('2027-01-12', 3, '10:00', '12:00'),
  },
  {
    course: 'understanding-anxiety',
    venue: 'online',
    facilitators: ['sam-okafor', 'hannah-lewis'],
    sessions: weekly('2027-02-16', 3, '18:00', '19:30'),
  },
  {
    course: 'hearing-voices',
    venue: 'greenway',
    facilitators: ['sam-okafor', 'dr-priya-nair'],
    sessions: weekly('2027-01-13', 3, '13:30', '15:30'),
  },
  {
    course: 'understanding-low-mood',
    venue: 'old-library',
    facilitators: ['amira-hassan', 'dr-priya-nair'],
    sessions: [{ date: '2027-01-14', start: '10:00', end: '15:00' }],
  },
  {
    course: 'recovery-and-hope',
    venue: 'old-library',
    facilitators: ['sam-okafor', 'hannah-lewis'],
    sessions: [
      { date: '2027-01-18', start: '10:00', end: '12:00' },
      { date: '2027-01-21', start: '14:00', end: '16:00' },
    ],
  },
  {
    course: 'wellness-planning',
    venue: 'greenway',
    facilitators: ['amira-hassan', 'hannah-lewis'],
    sessions: weekly('2027-01-26', 4, '10:00', '12:00'),
  },
  {
    course: 'money-and-wellbeing',
    venue: 'old-library',
    facilitators: ['sam-okafor', 'hannah-lewis'],
    sessions: weekly('2027-02-01', 2, '13:00', '15:00'),
  },
];

/** Builds a PublishContext for `root` (an existing folder) with the given options. */
export function makeContext(root: string, options: Partial<BuildOptions> = {}): PublishContext {
  const library: Library = {
    root,
    college: {
      name: 'Riverside Recovery College',
      tagline: 'Learning together for recovery and wellbeing',
      contact: {
        email: 'hello@riverside-recovery.example.org',
        phone: '01632 960 418',
        address: 'The Old Library, 12 Mill Lane, Kingsford KF1 4AB',
        website: 'https://riverside-recovery.example.org',
        hours: 'Monday to Friday, 9:30am to 4:30pm',
      },
      currentTerm: 'spring-2027',
      categories: [
        {
          id: 'understanding',
          title: 'Understanding mental health',
          description: 'Courses about common mental health experiences and what can help.',
        },
        {
          id: 'building',
          title: 'Building a life beyond illness',
          description: 'Courses about recovery, hope and making plans for the life you want.',
        },
        {
          id: 'skills',
          title: 'Developing life skills',
          description: 'Practical courses about everyday things that affect our wellbeing.',
        },
      ],
      venues: [
        {
          id: 'old-library',
          name: 'The Old Library',
          address: '12 Mill Lane, Kingsford KF1 4AB',
          accessibility:
            'Step-free access, a lift to the first floor and a hearing loop in both rooms. A quiet room is always open.',
          online: false,
        },
        {
          id: 'greenway',
          name: 'Greenway Community Centre',
          address: 'Greenway Road, Eastfield, Kingsford KF3 2DN',
          accessibility: 'All on one level with free parking, including blue badge spaces.',
          online: false,
        },
        {
          id: 'online',
          name: 'Online (Zoom)',
          address: 'We email you a joining link the day before each session.',
          accessibility: 'Captions are switched on. You can join by phone if you prefer.',
          online: true,
        },
      ],
    },
    trainers,
    terms: [],
    pages: [
      {
        slug: 'welcome',
        file: 'pages/welcome.md',
        title: 'Welcome',
        order: 1,
        body: 'Welcome to our college. **Everyone is welcome.**\n\n## What is a Recovery College?\n\nA place to learn together.',
        bodyLine: 5,
      },
      {
        slug: 'how-to-enrol',
        file: 'pages/how-to-enrol.md',
        title: 'How to enrol',
        order: 2,
        body: '1. Choose a course.\n2. Call or email us.\n3. Come along.',
        bodyLine: 5,
      },
    ],
    courses,
  };
  const term = {
    id: 'spring-2027',
    file: 'terms/spring-2027.yml',
    title: 'Spring term 2027',
    starts: '2027-01-11',
    ends: '2027-03-26',
    enrolmentOpens: '2026-12-01',
    runs,
  };
  const order = new Map(library.college.categories.map((c, i) => [c.id, i]));
  const sorted = [...courses].sort(
    (a, b) =>
      (order.get(a.category) ?? 0) - (order.get(b.category) ?? 0) || a.title.localeCompare(b.title),
  );
  const statuses = new Map<string, CourseStatus>();
  for (const c of courses) {
    // Every course but "Sleeping well" is signed off by both authors.
    const ready = c.id !== 'sleep-well';
    statuses.set(c.id, {
      courseId: c.id,
      version: 'sha256:00',
      state: ready ? 'ready' : 'awaiting',
      label: ready ? 'ready' : 'awaiting',
      authors: c.authors.map((id) => ({
        trainerId: id,
        name: trainers.find((t) => t.id === id)?.name ?? id,
        role: trainers.find((t) => t.id === id)?.role ?? 'peer',
        signedCurrent: ready,
        ...(ready ? { lastSignedVersion: 'sha256:00', lastSignedAt: '2026-11-20T10:15:00Z' } : {}),
      })),
      awaiting: ready ? [] : c.authors,
      changedSince: [],
      records: [],
    });
  }
  return {
    library,
    term,
    courses: sorted,
    runs: [...runs].sort((a, b) =>
      (a.sessions[0]?.date ?? '').localeCompare(b.sessions[0]?.date ?? ''),
    ),
    statuses,
    options: {
      outDir: `${root}/out`,
      paper: 'A4',
      largePrint: false,
      booklet: false,
      facilitatorPacks: false,
      draft: false,
      ...options,
    },
    builtAt: new Date('2026-11-29T04:00:00Z'),
    onProgress: () => undefined,
  };
}
