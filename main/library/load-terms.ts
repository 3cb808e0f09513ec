/** Loads terms/<term-id>.yml: each term's dates and the course runs in it. */
import { checkTermDates } from './check-dates.js';
import { fileProblem, kebabFileNameProblem } from './problem-at.js';
import { LibraryFiles } from './read-library-file.js';
import { parseYaml } from './read-yaml-file.js';
import { termRefs } from './reference-views.js';
import type { TermRefs } from './reference-views.js';
import { checkSchema } from './schema-problems.js';
import { termSchema } from './schemas.js';
import type { Problem, Term } from './types.js';

export interface LoadedTerms {
  /** Terms that could be used, sorted by start date then id. */
  terms: Term[];
  /** What every readable term file refers to, usable or not, for cross-file checks. */
  refs: TermRefs[];
  /** Ids of every term file found, usable or not. */
  termIds: string[];
  problems: Problem[];
}

/** Reads every terms/*.yml file. A broken term is left out; the others still load. */
export async function loadTerms(from: string | LibraryFiles): Promise<LoadedTerms> {
  const files = LibraryFiles.of(from);
  const result: LoadedTerms = { terms: [], refs: [], termIds: [], problems: [] };
  for (const entry of await files.list('terms')) {
    if (entry.name.startsWith('.') || !entry.isFile) continue;
    const file = `terms/${entry.name}`;
    if (entry.name.endsWith('.yaml')) {
      result.problems.push(
        fileProblem(
          file,
          'term-file-name',
          `term files must end in .yml; rename this file to ${entry.name.replace(/\.yaml$/, '.yml')}`,
        ),
      );
      continue;
    }
    if (!entry.name.endsWith('.yml')) continue;
    const id = entry.name.slice(0, -'.yml'.length);
    result.termIds.push(id);
    const term = await loadTerm(files, id, file, result);
    if (term) result.terms.push(term);
  }
  result.terms.sort((a, b) =>
    a.starts < b.starts ? -1 : a.starts > b.starts ? 1 : a.id < b.id ? -1 : 1,
  );
  return result;
}

async function loadTerm(
  files: LibraryFiles,
  id: string,
  file: string,
  result: LoadedTerms,
): Promise<Term | undefined> {
  const read = await files.read(file);
  if (read.problem) {
    result.problems.push(read.problem);
    return undefined;
  }
  const nameProblem = kebabFileNameProblem(file, 'term-id-format', 'term', id, 'spring-2027');
  if (nameProblem) result.problems.push(nameProblem);
  const usable = !nameProblem;
  const parsed = parseYaml(read.text, file, 0, files.derived);
  result.problems.push(...parsed.problems);
  if (parsed.data === undefined) return undefined;
  const refs = termRefs(id, parsed.source, parsed.data);
  result.refs.push(refs);
  const checked = checkSchema(termSchema, parsed.data, parsed.source);
  result.problems.push(...checked.problems, ...checkTermDates(refs));
  const value = checked.value;
  if (!value || !usable) return undefined;

  const runs = value.runs ?? [];
  return {
    id,
    file,
    title: value.title,
    starts: value.starts,
    ends: value.ends,
    ...(value.enrolmentOpens !== undefined && { enrolmentOpens: value.enrolmentOpens }),
    runs: runs.map((run) => ({
      course: run.course,
      venue: run.venue,
      facilitators: run.facilitators,
      ...(run.capacity !== undefined && { capacity: run.capacity }),
      sessions: run.sessions
        .map(({ date, start, end }) => ({ date, start, end }))
        .sort((a, b) =>
          a.date + a.start < b.date + b.start ? -1 : a.date + a.start > b.date + b.start ? 1 : 0,
        ),
    })),
  };
}
