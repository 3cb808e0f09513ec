/**
 * The data types of the writing checks that cross the API: kept free of imports so that the
 * contract (compiled into the renderer too) can name them.
 */

/** The rules, as shown in `[rule]` and `--json`. */
export type LanguageRule =
  | 'recovery-language'
  | 'welcome-to-all'
  | 'reading-age'
  | 'long-sentence'
  | 'passive-voice'
  | 'simpler-word';

/** Who reads a block: students (everything is checked) or facilitators (word list only). */
export type Audience = 'students' | 'facilitators';

export interface LanguageFinding {
  rule: LanguageRule;
  /** The word-list entry id, or the rule again for rules without a list. */
  id: string;
  /** Offsets into the checked text, [start, end). */
  start: number;
  end: number;
  /** The text found. */
  text: string;
  message: string;
  /** What to write instead; absent when only the author can say. */
  suggestion?: string;
  /** One line on why. */
  reason: string;
  /** The accept marker that would stop this finding being reported (in API reports). */
  acceptMarker?: string;
}

/** One block of text as the editor holds it (a paragraph, heading or list item). */
export interface LanguageBlock {
  text: string;
  audience: Audience;
  /** The inline HTML in the block, as written; accept markers are read from it. */
  comments: string[];
}

/** The findings for each block asked about, in the same order, and the text's reading age. */
export interface LanguageReport {
  /** The college's target reading age. */
  target: number;
  /** UK reading age of all the student-facing blocks together; null without words. */
  readingAge: number | null;
  blocks: LanguageFinding[][];
}
