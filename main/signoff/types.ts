/**
 * Sign-off vocabulary shared by the CLI, the build gate and the app (pure types, no Node code:
 * the renderer sees these through main/api/contract.ts).
 */
import type { Problem, TrainerRole } from '../library/types.js';

/** `changed` is shown to people as "changed since sign-off". */
export type CourseState = 'draft' | 'awaiting' | 'changed' | 'ready';

/** One record of <course-id>/signoffs.yml, as written. */
export interface SignoffRecord {
  trainer: string;
  role: TrainerRole;
  /** Content version: `sha256:` + hex. */
  version: string;
  /** UTC, ISO 8601 with `Z`, second precision. */
  time: string;
  comment?: string;
  /** base64 Ed25519 signature over the canonical message. */
  signature: string;
}

export interface CheckedRecord extends SignoffRecord {
  /** 1-based line of the record in signoffs.yml. */
  line: number;
  valid: boolean;
  /** Why the record does not count, in plain words, when `valid` is false. */
  reason?: string;
}

export interface AuthorSignoff {
  trainerId: string;
  name: string;
  role: TrainerRole;
  /** True when this author has a valid sign-off of the current version. */
  signedCurrent: boolean;
  /** The latest version this author validly signed, if any. */
  lastSignedVersion?: string;
  /** UTC time of that sign-off. */
  lastSignedAt?: string;
  /** Line of that sign-off's record in signoffs.yml. */
  lastSignedLine?: number;
}

export interface CourseStatus {
  courseId: string;
  /** Current content version. */
  version: string;
  state: CourseState;
  /** Plain-words label: "ready", "draft", "awaiting Sam Okafor", "changed since sign-off (Ann Lee)". */
  label: string;
  authors: AuthorSignoff[];
  /** Trainer ids who still have to sign the current version. */
  awaiting: string[];
  /** Trainer ids whose latest valid sign-off is of an older version. */
  changedSince: string[];
  records: CheckedRecord[];
  /** Problems with signoffs.yml as a whole (e.g. broken YAML); its records then cannot count. */
  problems?: Problem[];
}

/** A per-file, per-line difference between a signed version and now. */
export interface FileDiff {
  /** Course-relative path, e.g. `modules/02-noticing-stress.md`. */
  path: string;
  change: 'added' | 'removed' | 'modified';
  /** Unified-diff hunks for text files; empty for binary files (images). */
  hunks: DiffHunk[];
}

export interface DiffHunk {
  oldStart: number;
  newStart: number;
  lines: { kind: 'context' | 'added' | 'removed'; text: string }[];
}

export interface Identity {
  /** Who is using Tandem on this computer, from the roster; null until chosen. */
  trainerId: string | null;
  /** True when this computer holds a private key for that trainer. */
  hasKey: boolean;
}
