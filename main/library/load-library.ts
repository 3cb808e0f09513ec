/** Loads a library folder into the model in ./types.ts and reports every problem found at once. */
import path from 'node:path';
import { linkMessage, scanLibrary } from '../fs/symbolic-links.js';
import { checkMarkdown, type DerivedTexts } from './check-markdown.js';
import { checkReferences } from './check-references.js';
import type { CourseLoad, CourseLoads } from './course-loads.js';
import { loadCollege } from './load-college.js';
import { loadCourses } from './load-courses.js';
import { loadPages } from './load-pages.js';
import { loadTerms } from './load-terms.js';
import { loadTrainers } from './load-trainers.js';
import { MarkdownTrees } from './markdown-trees.js';
import { LibraryFiles, type TextReads } from './read-library-file.js';
import { fileProblem } from './problem-at.js';
import { sortProblems } from './sort-problems.js';
import { checkPlanning } from '../planning/check-planning.js';
import { syncConflictProblems } from './sync-conflict-problems.js';
import type { LoadResult, Problem } from './types.js';

/** Most text a library may hold: hundreds of times a large college's, still quick to check. */
export const MAX_LIBRARY_TEXT_BYTES = 200 * 1024 * 1024;

/**
 * Reads and checks the library at `root`. Never throws for bad content: every problem in every
 * file is reported, and a broken course, term or page is left out while the rest loads.
 * `library` is undefined only when college.yml or trainers.yml cannot be used.
 * `earlierTrees`: the Markdown trees of an earlier load, reused for text that has not changed.
 * `derived`: what earlier runs found in each Markdown and YAML text, so unchanged text is not
 * parsed. `reads`: filled with what this load reads, taking over an earlier load's reads of
 * files the walk finds unchanged (see `TextReads`). `loads`: filled with what this load finds
 * of each course, taking over an earlier load's courses whose folders are unchanged
 * (course-loads.ts); it needs `reads`.
 */
export async function loadLibrary(
  root: string,
  earlierTrees?: MarkdownTrees,
  derived?: DerivedTexts,
  reads?: TextReads,
  loads?: CourseLoads,
): Promise<LoadResult> {
  const absoluteRoot = path.resolve(root);
  // One walk answers which paths go through a link and what each folder holds.
  const scan = scanLibrary(absoluteRoot);
  const files = LibraryFiles.walked(absoluteRoot, scan, derived, reads);
  const [college, trainers, terms, pages] = await Promise.all([
    loadCollege(files),
    loadTrainers(files),
    loadTerms(files),
    loadPages(files),
  ]);
  // After the rest, so what each course's load derives is noted for it alone (course-loads.ts).
  const courses = await loadCourses(files, loads);
  const problems: Problem[] = [
    ...college.problems,
    ...trainers.problems,
    ...terms.problems,
    ...pages.problems,
    ...courses.problems,
  ];

  // Asked once per file and load: the sessions of a course often show the same picture.
  const found = new Map<string, Promise<boolean>>();
  const fileExists = (file: string): Promise<boolean> => {
    let answer = found.get(file);
    if (!answer) {
      answer = files.isFile(file);
      found.set(file, answer);
    }
    return answer;
  };
  for (const link of scan.links) {
    problems.push(fileProblem(link, 'symbolic-link', linkMessage()));
  }
  if (scan.textBytes > MAX_LIBRARY_TEXT_BYTES) {
    // Every file was still checked (each is limited on its own); the build stops here.
    problems.push(
      fileProblem(
        'college.yml',
        'library-too-large',
        `the library's Markdown and YAML files add up to ${Math.round(scan.textBytes / 1024 / 1024)} MB, more than the ${MAX_LIBRARY_TEXT_BYTES / 1024 / 1024} MB Tandem publishes; move old courses out of the library folder`,
      ),
    );
  }
  const markdownTrees = new MarkdownTrees(earlierTrees);
  // A course taken over from the earlier load is not checked again: it brings its problems.
  const checkedNow = new Map<CourseLoad, Problem[]>();
  for (const markdown of [...courses.markdown, ...pages.markdown]) {
    const load = markdown.imageFolder === '' ? undefined : loads?.get(markdown.imageFolder);
    if (load?.checked !== undefined) continue;
    derived?.recordTexts?.(load?.kept);
    try {
      const found = await checkMarkdown(markdown, fileExists, markdownTrees, derived);
      problems.push(...found);
      if (load) {
        const checked = checkedNow.get(load) ?? [];
        checked.push(...found);
        checkedNow.set(load, checked);
      }
    } finally {
      derived?.recordTexts?.(undefined);
    }
  }
  for (const id of courses.courseIds) {
    const load = loads?.get(id);
    if (load?.checked !== undefined) problems.push(...load.checked);
    else if (load) load.checked = checkedNow.get(load) ?? [];
  }
  markdownTrees.forgetEarlier();
  reads?.forgetEarlier();
  loads?.forgetEarlier();
  problems.push(...(await syncConflictProblems(absoluteRoot)));

  if (!college.college || !college.source || !trainers.trainers || !trainers.source) {
    return {
      library: undefined,
      problems: sortProblems(unique(problems)),
      markdownTrees,
      readBytes: files.readBytes,
    };
  }
  problems.push(
    ...checkReferences({
      college: college.college,
      collegeSource: college.source,
      trainers: trainers.trainers,
      trainersSource: trainers.source,
      terms: terms.refs,
      termIds: terms.termIds,
      courses: courses.refs,
      courseIds: courses.courseIds,
      archivedCourseIds: courses.archivedIds,
    }),
    ...checkPlanning(college.college, terms.refs),
  );
  return {
    library: {
      root: absoluteRoot,
      college: college.college,
      trainers: trainers.trainers,
      terms: terms.terms,
      pages: pages.pages,
      courses: courses.courses,
    },
    problems: sortProblems(unique(problems)),
    markdownTrees,
    termRefs: terms.refs,
    readBytes: files.readBytes,
  };
}

/** Problems without repeats (a link is found by the scan and by the reader that met it). */
function unique(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.code}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
