/**
 * Tandem's word lists, as data: the recovery-oriented language guides of NHS trusts and mental
 * health charities, and the "welcome to all" wording of Recovery Colleges. A college changes them
 * with `language.yml` (see docs/library-format.md). Phrases are written in their base form; the
 * checker also finds their inflections ("suffer from" finds "suffers from", "suffered from").
 */

/** One entry of a word list. */
export interface WordListEntry {
  /** Stable kebab-case id, shown in `--json` output and usable in `allow:`. */
  id: string;
  /** Phrases to find, in base form, separated by single spaces. */
  phrases: readonly string[];
  /** What to write instead. */
  suggestion: string;
  /** One line on why. */
  reason: string;
  /** Words that, right after a phrase, make it another meaning ("kick off the session"). */
  notBefore?: readonly string[];
}

/** Checked everywhere, facilitator notes included. */
export const recoveryLanguage: readonly WordListEntry[] = [
  {
    id: 'suffers-from',
    phrases: ['suffer from', 'suffer with', 'sufferer', 'victim of'],
    suggestion: 'lives with, experiences, has a diagnosis of',
    reason: 'it defines a life by pain; people live full lives alongside a diagnosis',
    notBefore: ['crime'],
  },
  {
    id: 'a-schizophrenic',
    phrases: ['a schizophrenic', 'the schizophrenic', 'schizophrenics'],
    suggestion: 'a person diagnosed with schizophrenia',
    reason: 'it names a person by a diagnosis; the person comes first',
    notBefore: ['episode', 'disorder', 'symptom', 'experience'],
  },
  {
    id: 'a-depressive',
    phrases: ['a depressive', 'the depressive', 'depressives'],
    suggestion: 'a person who experiences depression',
    reason: 'it names a person by a diagnosis; the person comes first',
    notBefore: ['episode', 'disorder', 'illness', 'symptom', 'experience'],
  },
  {
    id: 'is-borderline',
    phrases: ['is borderline', 'was borderline', 'a borderline', 'the borderline'],
    suggestion: 'a person diagnosed with BPD, has lived experience of …',
    reason: 'it names a person by a diagnosis; the person comes first',
    notBefore: ['personality', 'case', 'result'],
  },
  {
    id: 'non-compliant',
    phrases: [
      'non-compliant',
      'noncompliant',
      'non-compliance',
      'refuse treatment',
      'refuse medication',
      'refuse to engage',
    ],
    suggestion: 'chose not to follow a recommendation, declined',
    reason: 'it casts a choice as disobedience; recovery puts the person in charge of their life',
  },
  {
    id: 'patients',
    phrases: ['patients'],
    suggestion: 'students',
    reason: 'everyone at a Recovery College is a student, not a patient',
  },
  {
    id: 'clients',
    phrases: ['clients'],
    suggestion: 'students',
    reason: 'everyone at a Recovery College is a student, not a client',
  },
  {
    id: 'service-users',
    phrases: ['service user'],
    suggestion: 'students, people',
    reason: 'everyone at a Recovery College is a student; "service user" names people by a service',
  },
  {
    id: 'kicking-off',
    phrases: ['kick off'],
    suggestion: 'expressing distress',
    reason: 'it describes distress as bad behaviour',
    notBefore: ['the', 'a', 'an', 'our', 'this', 'with', 'by', 'each', 'every'],
  },
  {
    id: 'attention-seeking',
    phrases: ['attention seeking', 'attention-seeking', 'attention seeker'],
    suggestion: 'connection seeking',
    reason: 'it dismisses a real need for connection and help',
  },
  {
    id: 'manipulative',
    phrases: ['manipulative'],
    suggestion: 'resourceful, doing what they can to get a need met',
    reason: 'it blames a person for trying to get a need met',
  },
  {
    id: 'frequent-flyer',
    phrases: ['frequent flyer', 'frequent flier'],
    suggestion: 'familiar face',
    reason: 'it mocks people who come back when they need help',
  },
  {
    id: 'clean-and-dirty',
    phrases: [
      'stay clean',
      'get clean',
      'got clean',
      'been clean',
      'clean from',
      'clean and sober',
      'clean time',
      'clean test',
      'dirty test',
      'clean sample',
      'dirty sample',
      'clean urine',
      'dirty urine',
    ],
    suggestion: 'not using, using; negative test, positive test',
    reason: 'about drug use, "clean" and "dirty" imply a person is dirty',
  },
  {
    id: 'committed-suicide',
    phrases: ['commit suicide'],
    suggestion: 'died by suicide, took their own life',
    reason: '"committed" dates from when suicide was a crime',
  },
  {
    id: 'treatment-team',
    phrases: ['treatment team'],
    suggestion: 'recovery team',
    reason: 'recovery is led by the person, not done to them',
  },
  {
    id: 'the-mentally-ill',
    phrases: ['the mentally ill'],
    suggestion: 'people who live with mental health problems',
    reason: 'it groups people by a diagnosis; the person comes first',
  },
];

/** Checked in student-facing text only: a Recovery College is education, open to everyone. */
export const welcomeToAll: readonly WordListEntry[] = [
  {
    id: 'referral',
    phrases: ['referral', 'be referred', 'need a referral'],
    suggestion: 'anyone can enrol; no referral is needed',
    reason: 'a Recovery College has no entry criteria: people enrol themselves',
  },
  {
    id: 'diagnosis-required',
    phrases: [
      'must have a diagnosis',
      'need a diagnosis',
      'diagnosis required',
      'diagnosis is required',
    ],
    suggestion: 'you are welcome with or without a diagnosis',
    reason: 'no diagnosis is asked for: the college is open to everyone',
  },
  {
    id: 'therapy',
    phrases: ['therapy', 'therapies', 'therapeutic'],
    suggestion: 'course, learning, session',
    reason: 'a Recovery College is education, not therapy',
  },
  {
    id: 'treatment',
    phrases: ['treatment'],
    suggestion: 'course, learning, support',
    reason: 'a Recovery College is education, not treatment',
  },
  {
    id: 'care-coordinator',
    phrases: ['care coordinator', 'care co-ordinator'],
    suggestion: 'anyone can enrol themselves',
    reason: 'students come without a professional sending them',
  },
  {
    id: 'entry-criteria',
    phrases: ['entry criteria', 'eligibility criteria', 'eligible to attend'],
    suggestion: 'everyone is welcome',
    reason: 'a Recovery College has no entry criteria',
  },
];
