/**
 * The ids a course or term file mentions, read straight from its YAML data. Cross-file rules
 * use these rather than the validated model so that a file with one structural problem (say a
 * missing summary) still has its other mistakes reported in the same check.
 */
import type { YamlSource } from './read-yaml-file.js';

export interface CourseRefs {
  id: string;
  file: string;
  source: YamlSource;
  code: string | undefined;
  category: string | undefined;
  /** Undefined items are entries that are not text (reported by the schema check). */
  authors: (string | undefined)[] | undefined;
}

export interface RunRefs {
  course: string | undefined;
  venue: string | undefined;
  facilitators: (string | undefined)[] | undefined;
  sessions: ({ date?: string; start?: string; end?: string } | undefined)[];
}

export interface TermRefs {
  id: string;
  source: YamlSource;
  starts: string | undefined;
  ends: string | undefined;
  enrolmentOpens: string | undefined;
  runs: (RunRefs | undefined)[];
}

/** Reads what a course's front matter refers to, ignoring values of the wrong shape. */
export function courseRefs(
  id: string,
  file: string,
  source: YamlSource,
  data: unknown,
): CourseRefs {
  const fields = record(data);
  return {
    id,
    file,
    source,
    code: text(fields?.code),
    category: text(fields?.category),
    authors: textList(fields?.authors),
  };
}

/** Reads what a term file refers to and its dates, ignoring values of the wrong shape. */
export function termRefs(id: string, source: YamlSource, data: unknown): TermRefs {
  const fields = record(data);
  const runs = Array.isArray(fields?.runs) ? fields.runs : [];
  return {
    id,
    source,
    starts: text(fields?.starts),
    ends: text(fields?.ends),
    enrolmentOpens: text(fields?.enrolmentOpens),
    runs: runs.map((item) => {
      const run = record(item);
      if (!run) return undefined;
      const sessions = Array.isArray(run.sessions) ? run.sessions : [];
      return {
        course: text(run.course),
        venue: text(run.venue),
        facilitators: textList(run.facilitators),
        sessions: sessions.map((entry) => {
          const session = record(entry);
          if (!session) return undefined;
          return { date: text(session.date), start: text(session.start), end: text(session.end) };
        }),
      };
    }),
  };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>) // a YAML mapping, checked just above
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function textList(value: unknown): (string | undefined)[] | undefined {
  return Array.isArray(value) ? value.map(text) : undefined;
}
