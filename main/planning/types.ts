/** Planning types shared by the back end and (through the API contract) the UI. */
import type { Term } from '../library/types.js';
import type { SessionMove, StuckSession } from './roll-over.js';

/** A college's holiday calendar in college.yml (`holidays:`). */
export type HolidayRegion = 'england-and-wales' | 'scotland' | 'northern-ireland' | 'none';

/* A term as the planner edits it. Indexes say which entry of the file each item was read from. */

export interface PlannedSession {
  /** Position in the run's `sessions` list as read; absent for a new session. */
  index?: number;
  date: string;
  start: string;
  end: string;
}

export interface PlannedRun {
  /** Position in the term's `runs` list as read; absent for a new run. */
  index?: number;
  course: string;
  venue: string;
  facilitators: string[];
  capacity?: number;
  sessions: PlannedSession[];
  /**
   * The run as written in the file when read, comments included; a run without `index` that
   * has it (a deleted run put back) is written from it, so its comments come back too.
   */
  yaml?: string;
}

export interface TermPlan {
  title: string;
  starts: string;
  ends: string;
  enrolmentOpens?: string;
  runs: PlannedRun[];
}

/** Sessions given as a weekly pattern: "every Tuesday 13:30 to 15:30, 4 weeks from 12 January". */
export interface SessionPattern {
  from: string;
  /** 0 Monday … 6 Sunday; the weekday of `from` when absent. */
  weekday?: number;
  start: string;
  end: string;
  weeks: number;
}

/** What copying a term would do, shown before anything is written. */
export interface TermCopyPreview extends Pick<
  Term,
  'id' | 'file' | 'title' | 'starts' | 'ends' | 'enrolmentOpens'
> {
  runCount: number;
  sessionCount: number;
  moves: SessionMove[];
  stuck: StuckSession[];
}
