/**
 * What every handler module needs: the open library, where this person's keys live, how to
 * tell the UI about events, and the transport-specific hooks (folder picker, file manager).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { TandemEvent } from '../contract.js';
import { resolveInside } from '../../fs/resolve-inside.js';
import { linkMessage, linkOnPath } from '../../fs/symbolic-links.js';
import { writeFileAtomic } from '../../fs/write-file-atomic.js';
import { TandemApiError } from '../api-error.js';
import { OwnWrites } from '../own-writes.js';
import { ID_PATTERN } from '../../format/ids.js';

export interface ApiOptions {
  /** The library folder this set of handlers serves. */
  root: string;
  /** Where identity and private keys are kept; defaults to the OS config folder. */
  configDir?: string;
  /** Where builds go when the UI names no folder; defaults to `<library>-published` beside it. */
  outputRoot?: string;
  /** Sends an event to the UI. */
  emit?: (event: TandemEvent) => void;
  /** Electron: shows the OS folder picker. Absent in browser mode (the library is fixed). */
  chooseFolder?: () => Promise<string | null>;
  /** Browser mode: serves a built website folder; returns the address to open it at. */
  serveSite?: (siteDir: string) => string;
  /** Shows a file or folder to the person; absent when the transport cannot. */
  reveal?: (absolutePath: string) => Promise<boolean>;
  /** Shared with the library watcher so it can ignore the app's own writes. */
  ownWrites?: OwnWrites;
  /** Desktop: the Git host token this person stored (kept with the OS's safeStorage). */
  gitToken?: () => Promise<string | undefined>;
  /** Desktop: picks a folder, copies the shared library there, opens it; null when cancelled. */
  joinLibrary?: (address: string, token?: string) => Promise<string | null>;
}

/** Per-library state shared by the handler modules. */
export interface ApiContext {
  readonly root: string;
  readonly configDir: string | undefined;
  readonly outputRoot: string;
  readonly ownWrites: OwnWrites;
  readonly options: ApiOptions;
  emit(event: TandemEvent): void;
  /** Runs `task` after every earlier task for the same key (e.g. one course folder). */
  serialize<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Absolute path of an existing course folder; refuses ids that are not course folders. */
  courseDir(courseId: string): Promise<string>;
  /** Resolves a course-relative path inside the course folder (containment-checked). */
  insideCourse(courseId: string, relative: string): Promise<string>;
  /** Writes a file atomically and tells the watcher it was the app. */
  writeFile(file: string, content: string | Uint8Array): Promise<void>;
}

/** A library path through a symbolic link is refused (docs/library-format.md). */
async function refuseLinksForApi(root: string, relative: string): Promise<void> {
  const link = await linkOnPath(root, relative);
  if (link !== undefined) throw new TandemApiError('forbidden', `${linkMessage(link)}.`);
}

/** Builds the shared context for one library folder. */
export function createApiContext(options: ApiOptions): ApiContext {
  const root = path.resolve(options.root);
  const ownWrites = options.ownWrites ?? new OwnWrites();
  const queues = new Map<string, Promise<unknown>>();
  const context: ApiContext = {
    root,
    configDir: options.configDir,
    outputRoot: options.outputRoot ?? `${root}-published`,
    ownWrites,
    options,
    emit: (event) => options.emit?.(event),
    serialize<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = queues.get(key) ?? Promise.resolve();
      const next = previous.then(task, task);
      const settled = next.catch(() => undefined);
      queues.set(key, settled);
      void settled.then(() => {
        if (queues.get(key) === settled) queues.delete(key);
      });
      return next;
    },
    async courseDir(courseId) {
      // validate-args already checked the shape; checked again because handlers are also
      // called directly (tests, Electron menu actions).
      if (!ID_PATTERN.test(courseId)) {
        throw new TandemApiError('invalid-argument', `"${courseId}" is not a course id.`);
      }
      const dir = await resolveInside(root, courseId);
      await refuseLinksForApi(root, `${courseId}/course.md`);
      const info = await stat(path.join(dir, 'course.md')).catch(() => undefined);
      if (!info?.isFile()) {
        throw new TandemApiError('not-found', `There is no course "${courseId}" in this library.`);
      }
      return dir;
    },
    async insideCourse(courseId, relative) {
      const dir = await context.courseDir(courseId);
      const inside = await resolveInside(dir, relative);
      await refuseLinksForApi(root, `${courseId}/${relative}`);
      return inside;
    },
    async writeFile(file, content) {
      ownWrites.wroteFile(file, content);
      await writeFileAtomic(file, content);
    },
  };
  return context;
}
