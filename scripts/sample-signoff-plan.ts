/**
 * The sample college's sign-off histories, used by scripts/sign-sample-library.ts. Every edit
 * is a real wording change: its `from` and `to` texts must each appear exactly once in the file.
 */

export interface SignStep {
  trainer: string;
  /** UTC, second precision. */
  time: string;
  comment?: string;
}

/** A real wording change in one file: `from` is the older text, `to` the newer. */
export interface Edit {
  /** Course-relative path. */
  file: string;
  from: string;
  to: string;
}

export interface CoursePlan {
  /** An earlier version (the current content with `edit` undone), signed before the current one. */
  earlier?: { edit: Edit; signs: SignStep[] };
  /** Sign-offs of the current content. */
  signs: SignStep[];
  /** An edit made after signing, which leaves the course changed since sign-off. */
  after?: Edit;
}

export const SAMPLE_PLAN: Record<string, CoursePlan> = {
  'understanding-anxiety': {
    earlier: {
      edit: {
        file: 'modules/03-calming-body-and-mind.md',
        from: 'Breathe out through your mouth for a count of 6.',
        to: 'Breathe out slowly through your mouth for a count of 6.',
      },
      signs: [
        { trainer: 'hannah-lewis', time: '2026-10-06T10:12:40Z' },
        { trainer: 'amira-hassan', time: '2026-10-07T14:31:05Z', comment: 'Happy with this.' },
      ],
    },
    signs: [
      {
        trainer: 'amira-hassan',
        time: '2026-10-20T09:47:18Z',
        comment: 'Slower out-breath reads better.',
      },
      { trainer: 'hannah-lewis', time: '2026-10-21T16:05:52Z' },
    ],
  },
  'building-confidence': {
    signs: [
      { trainer: 'mark-sullivan', time: '2026-10-08T11:20:14Z' },
      {
        trainer: 'amira-hassan',
        time: '2026-10-09T13:02:47Z',
        comment: 'Checked the strengths activity.',
      },
    ],
  },
  'food-mood-and-movement': {
    signs: [
      { trainer: 'rosie-mcallister', time: '2026-10-12T10:41:09Z' },
      { trainer: 'sanjay-patel', time: '2026-10-13T15:18:33Z' },
    ],
  },
  'getting-a-good-nights-sleep': {
    signs: [
      { trainer: 'sanjay-patel', time: '2026-10-14T09:26:51Z' },
      {
        trainer: 'daniel-okafor',
        time: '2026-10-15T12:54:20Z',
        comment: 'Sleep diary wording is clear now.',
      },
    ],
    // Reworded after both signed: the course is changed since sign-off until they sign again.
    after: {
      file: 'modules/02-habits-that-help.md',
      from: 'If you are lying awake for a long time, it can help to get up, go somewhere else and do something calm in low light.',
      to: 'If you have been lying awake for a long time, it can help to get up, go to another room and do something calm in low light.',
    },
  },
  'hearing-voices': {
    earlier: {
      edit: {
        file: 'modules/02-living-well-with-voices.md',
        from: 'The voices do not have to be in charge.',
        to: 'Voices are not always in charge.',
      },
      signs: [
        { trainer: 'tom-brennan', time: '2026-10-05T14:08:36Z' },
        { trainer: 'hannah-lewis', time: '2026-10-06T09:15:02Z' },
      ],
    },
    signs: [
      {
        trainer: 'tom-brennan',
        time: '2026-10-27T10:33:45Z',
        comment: 'Softer wording on voices, as the group suggested.',
      },
      { trainer: 'hannah-lewis', time: '2026-10-28T11:49:27Z' },
    ],
  },
  'looking-after-yourself-as-a-carer': {
    signs: [
      { trainer: 'bethan-evans', time: '2026-10-16T10:02:58Z' },
      { trainer: 'rosie-mcallister', time: '2026-10-19T15:37:11Z' },
    ],
  },
  'managing-money-and-wellbeing': {
    signs: [
      {
        trainer: 'bethan-evans',
        time: '2026-10-22T09:58:04Z',
        comment: 'Advice line numbers checked.',
      },
      { trainer: 'tom-brennan', time: '2026-10-22T13:44:39Z' },
    ],
  },
  'mindfulness-for-beginners': {
    signs: [
      { trainer: 'priya-chauhan', time: '2026-10-23T11:11:21Z' },
      { trainer: 'hannah-lewis', time: '2026-10-26T10:27:48Z' },
    ],
  },
  'planning-for-my-wellbeing': {
    earlier: {
      edit: {
        file: 'modules/03-early-warning-signs.md',
        from: 'Spotting them early gives us more choice.',
        to: 'Noticing them early gives us more choices.',
      },
      signs: [
        { trainer: 'grace-adeyemi', time: '2026-10-09T10:19:30Z' },
        { trainer: 'priya-chauhan', time: '2026-10-12T14:42:16Z' },
      ],
    },
    signs: [
      {
        trainer: 'priya-chauhan',
        time: '2026-11-02T10:06:55Z',
        comment: 'Small wording change only.',
      },
      { trainer: 'grace-adeyemi', time: '2026-11-03T09:38:12Z' },
    ],
  },
  'recovery-and-hope': {
    signs: [
      { trainer: 'grace-adeyemi', time: '2026-10-29T14:21:43Z' },
      {
        trainer: 'rosie-mcallister',
        time: '2026-10-30T10:53:07Z',
        comment: 'Our story examples are right now.',
      },
    ],
  },
  'sharing-your-story-safely': {
    signs: [
      { trainer: 'amira-hassan', time: '2026-11-04T11:35:26Z' },
      { trainer: 'grace-adeyemi', time: '2026-11-05T16:12:50Z' },
    ],
  },
  'supporting-someone-you-care-about': {
    signs: [
      { trainer: 'bethan-evans', time: '2026-11-06T09:44:31Z' },
      { trainer: 'priya-chauhan', time: '2026-11-09T12:28:09Z' },
    ],
  },
  'understanding-low-mood': {
    signs: [
      { trainer: 'mark-sullivan', time: '2026-11-10T10:14:37Z' },
      {
        trainer: 'daniel-okafor',
        time: '2026-11-11T15:03:22Z',
        comment: 'Checked the small steps activity.',
      },
    ],
  },
  'introduction-to-peer-support': {
    signs: [
      {
        trainer: 'rosie-mcallister',
        time: '2026-11-12T10:22:41Z',
        comment: 'Good to see peer support explained plainly.',
      },
      { trainer: 'grace-adeyemi', time: '2026-11-13T14:09:16Z' },
    ],
  },
  'managing-stress': {
    signs: [
      { trainer: 'mark-sullivan', time: '2026-11-17T09:51:33Z' },
      {
        trainer: 'tom-brennan',
        time: '2026-11-18T11:36:04Z',
        comment: 'Checked the stress bucket activity.',
      },
    ],
  },
  'volunteering-and-your-community': {
    // Only the practitioner has signed: the course is awaiting its peer author.
    signs: [
      {
        trainer: 'bethan-evans',
        time: '2026-11-16T10:40:18Z',
        comment: 'Ready from my side.',
      },
    ],
  },
};
