/** Every shipped word-list entry finds its phrases and their inflections, and nothing else. */
import { describe, expect, it } from 'vitest';
import { checkMarkdownLanguage } from '../../main/language/check-markdown-language.js';
import { languageSettings } from '../../main/language/language-settings.js';
import { recoveryLanguage, welcomeToAll } from '../../main/language/word-list.js';

const settings = languageSettings();

/** The entry ids found in a Markdown body, in order. */
function found(markdown: string): string[] {
  return checkMarkdownLanguage(markdown, settings)
    .findings.filter((f) => f.rule === 'recovery-language' || f.rule === 'welcome-to-all')
    .map((f) => f.id);
}

// [entry id, sentences that must be flagged, sentences that must not be]
const cases: [string, string[], string[]][] = [
  [
    'suffers-from',
    [
      'She suffers from anxiety.',
      'He suffered from low mood for years.',
      'People suffering with voices are welcome.',
      'Many sufferers find it helps.',
      'He was a victim of his illness.',
    ],
    ['She has suffered a loss.', 'He was a victim of crime.', 'We talk about suffering.'],
  ],
  [
    'a-schizophrenic',
    ['He is a schizophrenic.', 'Schizophrenics are welcome.'],
    ['Schizophrenia is a diagnosis.', 'She had a schizophrenic episode once.'],
  ],
  [
    'a-depressive',
    ['My friend is a depressive.', 'Depressives often feel alone.'],
    ['He had a depressive episode.', 'Depression is common.'],
  ],
  [
    'is-borderline',
    ['She is borderline, they said.', 'He was borderline.'],
    ['She has a borderline personality diagnosis.', 'It is a borderline case.'],
  ],
  [
    'non-compliant',
    [
      'He was non-compliant.',
      'She was noncompliant with her plan.',
      'He refused medication.',
      'She refuses to engage.',
    ],
    ['Our building is compliant with the rules.', 'She refused the offer of tea.'],
  ],
  ['patients', ['Our patients enjoy the course.'], ['Be patient with yourself.']],
  ['clients', ['Our clients enjoy the course.'], ['Our students enjoy the course.']],
  [
    'service-users',
    ['Service users can enrol.', 'Every service user can enrol.'],
    ['The service uses a booking form.'],
  ],
  [
    'kicking-off',
    [
      'He started kicking off in the ward.',
      'She kicked off again.',
      'If someone kicks off, stay calm.',
    ],
    ['We kick off the session with tea.', 'We kicked off with a check-in.'],
  ],
  [
    'attention-seeking',
    [
      'That is just attention seeking.',
      'It was attention-seeking behaviour.',
      'She is an attention seeker.',
    ],
    ['We seek your attention for a moment.'],
  ],
  ['manipulative', ['He can be manipulative.'], ['You can manipulate the clay with your hands.']],
  ['frequent-flyer', ['He is a frequent flyer at A&E.'], ['She flies frequently.']],
  [
    'clean-and-dirty',
    [
      'He has stayed clean for a year.',
      'She has been clean since May.',
      'He is staying clean.',
      'He gave a dirty sample last week.',
      'She got clean last year.',
    ],
    ['Keep the kitchen clean.', 'Wash your dirty cups.', 'A clean page helps you plan.'],
  ],
  [
    'committed-suicide',
    ['He committed suicide.', 'People who commit suicide.'],
    ['He died by suicide.', 'We are committed to suicide prevention.'],
  ],
  ['treatment-team', ['Ask your treatment team.'], ['Ask your recovery team.']],
  [
    'the-mentally-ill',
    ['Care for the mentally ill.'],
    ['Care for people living with mental illness.'],
  ],
  [
    'referral',
    ['A referral is needed to join.', 'You must be referred by your GP.'],
    ['You do not need a referral.', 'No referral is needed.'],
  ],
  [
    'diagnosis-required',
    ['You must have a diagnosis to join.', 'A diagnosis is required.'],
    ['You do not need a diagnosis.', 'Some people have a diagnosis.'],
  ],
  [
    'therapy',
    ['This course is a kind of therapy.', 'We offer group therapies.'],
    ['This is education, not therapy.', 'You can contact NHS Talking Therapies.'],
  ],
  [
    'treatment',
    ['The course is part of your treatment.'],
    ['The course is not treatment.', 'We treat everyone with respect.'],
  ],
  [
    'care-coordinator',
    ['Ask your care coordinator to book.', 'Ask your care co-ordinator.'],
    ['Ask us at the front desk.'],
  ],
  [
    'entry-criteria',
    ['Please check the entry criteria.', 'You must be eligible to attend.'],
    ['There are no entry criteria.'],
  ],
];

describe('word lists', () => {
  it('has a case for every shipped entry', () => {
    const ids = [...recoveryLanguage, ...welcomeToAll].map((entry) => entry.id).sort();
    expect(cases.map(([id]) => id).sort()).toEqual(ids);
  });

  describe.each(cases)('%s', (id, flagged, notFlagged) => {
    it.each(flagged)('flags: %s', (sentence) => {
      expect(found(sentence)).toContain(id);
    });
    it.each(notFlagged)('does not flag: %s', (sentence) => {
      expect(found(sentence)).toEqual([]);
    });
    it.each(flagged)('does not flag it quoted: %s', (sentence) => {
      expect(found(`One student said, “${sentence}”`)).toEqual([]);
      expect(found(`> ${sentence}`)).toEqual([]);
    });
  });

  it('gives each finding its suggestion and reason, at the words found', () => {
    const [finding] = checkMarkdownLanguage('Many people\nsuffer from anxiety.', settings).findings;
    expect(finding).toMatchObject({
      rule: 'recovery-language',
      id: 'suffers-from',
      text: 'suffer from',
      line: 2,
      column: 1,
      suggestion: 'lives with, experiences, has a diagnosis of',
    });
    expect(finding?.message).toBe(
      '"suffer from": it defines a life by pain; people live full lives alongside a diagnosis',
    );
  });

  it('checks facilitator notes for recovery language only', () => {
    const markdown = [
      ':::facilitator',
      'Some patients may find this hard. Therapy is not our aim.',
      ':::',
    ].join('\n');
    expect(found(markdown)).toEqual(['patients']);
  });

  it('does not flag quoted speech in straight or single quotes, nor code', () => {
    expect(found('He said "I suffer from anxiety" and smiled.')).toEqual([]);
    expect(found("She said 'my patients are kind' to us.")).toEqual([]);
    expect(found('Type `patients` in the box.')).toEqual([]);
    expect(found('Our patients don’t mind.')).toEqual(['patients']);
  });
});
