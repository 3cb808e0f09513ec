/**
 * Publishing from the app: plan (which courses go in), start (progress and the result arrive
 * as events), and show the result. The build itself is main/publish/build.ts.
 */
import { randomUUID } from 'node:crypto';
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildOptions, BuildPlan, BuildProgress, BuildResult } from '../contract.js';
import { isInside } from '../../fs/resolve-inside.js';
import { selectPublishedCourses } from '../../publish/select-published-courses.js';
import { TandemApiError } from '../api-error.js';
import type { ApiContext } from './api-context.js';
import { requireLibrary } from './library-handlers.js';

/** Marks a folder as Tandem's output, so a later build may write into it again. */
export const OUTPUT_MARKER = '.tandem-output';

/** Per-library build state: the one running build and every folder built this session. */
export interface BuildState {
  running: string | undefined;
  /** Absolute output folders of this session's builds; revealOutput is limited to these. */
  outputs: Set<string>;
}

/** Fresh build state for one set of handlers. */
export function createBuildState(): BuildState {
  return { running: undefined, outputs: new Set() };
}

/** Which courses a build would publish, and why the others stay out. */
export async function planBuild(
  context: ApiContext,
  options: Pick<BuildOptions, 'termId' | 'draft'>,
): Promise<BuildPlan> {
  const library = await requireLibrary(context);
  const termId = options.termId ?? library.college.currentTerm;
  if (!library.terms.some((t) => t.id === termId)) {
    throw new TandemApiError('not-found', `There is no term "${termId}" in terms/.`);
  }
  const selection = await selectPublishedCourses(library, { draft: options.draft });
  return {
    termId,
    included: selection.courses.map((c) => ({ courseId: c.id, title: c.title })),
    excluded: selection.excluded,
  };
}

/**
 * Checks where a build may write. The UI may name any folder, so the rules keep a build from
 * overwriting someone's files: never inside the library, and only a folder that is new, empty,
 * or was made by an earlier Tandem build.
 */
export async function checkOutputFolder(root: string, outDir: string): Promise<string> {
  if (!path.isAbsolute(outDir) || outDir.includes('\0')) {
    throw new TandemApiError('invalid-argument', 'The output folder must be a full path.');
  }
  const target = path.resolve(outDir);
  if (isInside(root, target) || isInside(target, root)) {
    throw new TandemApiError(
      'forbidden',
      'Publish to a folder outside the library (and not one that contains it).',
    );
  }
  const info = await stat(target).catch(() => undefined);
  if (info) {
    if (!info.isDirectory()) {
      throw new TandemApiError('invalid-argument', `${target} is a file, not a folder.`);
    }
    const entries = await readdir(target);
    if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
      throw new TandemApiError(
        'forbidden',
        `${target} already has files that Tandem did not make; choose an empty or new folder.`,
      );
    }
  }
  return target;
}

/** Starts a build in the background; progress and the result arrive as events. */
export async function startBuild(
  context: ApiContext,
  state: BuildState,
  request: Omit<BuildOptions, 'outDir'> & { outDir?: string; buildId?: string },
): Promise<{ buildId: string }> {
  const { buildId = randomUUID(), ...options } = request;
  if (state.running) {
    throw new TandemApiError('conflict', 'A build is already running; wait for it to finish.');
  }
  const library = await requireLibrary(context);
  const termId = options.termId ?? library.college.currentTerm;
  const outDir = await checkOutputFolder(
    context.root,
    options.outDir ?? path.join(context.outputRoot, termId),
  );
  state.running = buildId;
  state.outputs.add(outDir);
  const full: BuildOptions = { ...options, termId, outDir };
  void (async () => {
    let result: BuildResult;
    try {
      // Loaded on first use: the pipeline (Markdown, templates, PDF) is not needed to edit.
      const { buildPublication } = await import('../../publish/build.js');
      result = await buildPublication(context.root, full, (progress: BuildProgress) =>
        context.emit({ type: 'build-progress', buildId, progress }),
      );
      await writeFile(
        path.join(outDir, OUTPUT_MARKER),
        'This folder was made by Tandem; the next build may replace what is in it.\n',
      ).catch(() => undefined);
    } catch (error) {
      result = {
        ok: false,
        facilitatorPacks: [],
        excluded: [],
        problems: [],
        errors: [error instanceof Error ? error.message : String(error)],
      };
    } finally {
      state.running = undefined;
    }
    context.emit({ type: 'build-finished', buildId, result });
  })();
  return { buildId };
}

/** Checks that `target` is something this session's builds wrote, and that it still exists. */
async function sessionOutput(state: BuildState, target: string): Promise<string> {
  const resolved = path.resolve(target);
  const known = [...state.outputs].some((dir) => isInside(dir, resolved));
  if (!path.isAbsolute(target) || !known) {
    throw new TandemApiError('forbidden', 'Only files from this session’s builds can be shown.');
  }
  if (!(await stat(resolved).catch(() => undefined))) {
    throw new TandemApiError('not-found', `${resolved} no longer exists.`);
  }
  return resolved;
}

/**
 * The address at which the transport serves a website this session built (browser mode: a
 * route of the local server), or null when it cannot (the desktop app opens the folder).
 */
export async function siteAddress(
  context: ApiContext,
  state: BuildState,
  siteDir: string,
): Promise<string | null> {
  const resolved = await sessionOutput(state, siteDir);
  return context.options.serveSite ? context.options.serveSite(resolved) : null;
}

/** Shows a built file or folder; only what this session's builds wrote may be shown. */
export async function revealOutput(
  context: ApiContext,
  state: BuildState,
  target: string,
): Promise<boolean> {
  const resolved = await sessionOutput(state, target);
  return context.options.reveal ? context.options.reveal(resolved) : false;
}
