/**
 * The one contract between Tandem's UI and its back end.
 *
 * Every operation the renderer may ask for is a named method of `TandemApi`, with its argument
 * and result types. The Electron preload exposes exactly these methods on `window.tandem`; in
 * browser mode (`tandem serve`) a small HTTP client installs the same object before the UI
 * loads. The renderer only ever sees `window.tandem`, so it never knows which transport it is on.
 *
 * This file must stay free of runtime Node code: it is compiled into the renderer too.
 */
import type { Category, Problem, TrainerRole, Venue } from '../library/types.js';
import type { BuildOptions, BuildProgress, BuildResult, ExcludedCourse } from '../publish/types.js';
import type { CourseStatus, FileDiff } from '../signoff/types.js';
import type { SyncChoice, SyncConflictFile, SyncStatus } from '../sync/types.js';

export type { Category, Problem, TrainerRole, Venue } from '../library/types.js';
export type {
  BuildOptions,
  BuildProgress,
  BuildResult,
  ExcludedCourse,
  PaperSize,
} from '../publish/types.js';
export type {
  AuthorSignoff,
  CheckedRecord,
  CourseState,
  CourseStatus,
  DiffHunk,
  FileDiff,
} from '../signoff/types.js';
export type { SyncChoice, SyncConflictFile, SyncErrorKind, SyncStatus } from '../sync/types.js';

/** Identifies the exact bytes of a file as the UI last read them (content hash). */
export type FileVersion = string;

export interface TrainerSummary {
  id: string;
  name: string;
  role: TrainerRole;
}

export interface TermSummary {
  id: string;
  title: string;
  starts: string;
  ends: string;
}

export interface CourseSummary {
  id: string;
  title: string;
  code: string;
  category: string;
  authors: string[];
  /** Undefined when the course has errors that stop its status being worked out. */
  status?: CourseStatus;
  problemCount: number;
}

export interface LibraryOverview {
  /** Absolute path of the open library folder. */
  root: string;
  collegeName: string;
  currentTerm: string;
  categories: Category[];
  venues: Venue[];
  trainers: TrainerSummary[];
  terms: TermSummary[];
  courses: CourseSummary[];
  problems: Problem[];
}

/** The front-matter fields of course.md that the course form edits. */
export interface CourseFields {
  title: string;
  code: string;
  category: string;
  summary: string;
  audience: string;
  format: string;
  outcomes: string[];
  authors: string[];
  tags: string[];
}

export interface ModuleRef {
  /** File name inside modules/, e.g. `02-noticing-stress.md`. */
  file: string;
  number: number;
  title: string;
  duration?: string;
}

export interface CourseDocument {
  id: string;
  fields: CourseFields;
  /** Markdown body of course.md. */
  description: string;
  /** Version of course.md as read. */
  version: FileVersion;
  modules: ModuleRef[];
  /** Course-relative paths under images/, e.g. `images/river.jpg`. */
  images: string[];
}

export interface ModuleDocument extends ModuleRef {
  /** Markdown body (front matter removed). */
  body: string;
  version: FileVersion;
}

export interface NewCourse {
  /** Lower-case kebab-case folder name; derived from the title when omitted. */
  id?: string;
  title: string;
  category: string;
  authors: string[];
}

export interface SaveCourseRequest {
  courseId: string;
  fields: CourseFields;
  description: string;
  /** The version the editor loaded; the save is refused if the file changed since. */
  baseVersion: FileVersion;
}

export interface SaveModuleRequest {
  courseId: string;
  file: string;
  title: string;
  duration?: string;
  body: string;
  baseVersion: FileVersion;
}

/** A save either lands, or is refused because someone else changed the file on disk. */
export type SaveResult =
  | { ok: true; version: FileVersion }
  | {
      ok: false;
      conflict: {
        /** The whole file as it is on disk now. */
        theirs: string;
        /** For modules and course descriptions: the body part of `theirs`. */
        theirsBody: string;
        version: FileVersion;
      };
    };

export interface DeletedModule {
  module: ModuleRef;
  /** The whole file as it was, so the UI can offer Undo through `restoreModule`. */
  content: string;
}

export interface Identity {
  /** Who is using Tandem on this computer, from the roster; null until chosen. */
  trainerId: string | null;
  /** True when this computer holds a private key for that trainer. */
  hasKey: boolean;
}

export interface BuildPlan {
  termId: string;
  included: { courseId: string; title: string }[];
  excluded: ExcludedCourse[];
}

/** Desktop menu commands the UI carries out (Electron only; browser mode has no app menu). */
export type MenuCommand =
  'open-library' | 'new-course' | 'save' | 'show-problems' | 'publish' | 'help';

/** Things the back end tells the UI without being asked. */
export type TandemEvent =
  | { type: 'library-changed'; files: string[] }
  | { type: 'build-progress'; buildId: string; progress: BuildProgress }
  | { type: 'build-finished'; buildId: string; result: BuildResult }
  | { type: 'menu'; command: MenuCommand };

export interface TandemApi {
  /** Electron: shows the OS folder picker. Browser mode: returns null (the library is fixed). */
  chooseLibrary(): Promise<LibraryOverview | null>;
  getLibrary(): Promise<LibraryOverview>;
  getProblems(): Promise<Problem[]>;

  readCourse(courseId: string): Promise<CourseDocument>;
  createCourse(course: NewCourse): Promise<CourseDocument>;
  saveCourse(request: SaveCourseRequest): Promise<SaveResult>;

  readModule(courseId: string, file: string): Promise<ModuleDocument>;
  saveModule(request: SaveModuleRequest): Promise<SaveResult>;
  addModule(courseId: string, title: string): Promise<ModuleRef>;
  renameModule(courseId: string, file: string, title: string): Promise<ModuleRef>;
  /** `files` is the complete list of module file names in the new order; returns the renamed refs. */
  reorderModules(courseId: string, files: string[]): Promise<ModuleRef[]>;
  deleteModule(courseId: string, file: string): Promise<DeletedModule>;
  restoreModule(courseId: string, deleted: DeletedModule): Promise<ModuleRef>;
  /** Reads an image from the course's images/ folder as a data: URL for the editor. */
  readImage(courseId: string, path: string): Promise<string>;

  getStatus(courseId: string): Promise<CourseStatus>;
  getIdentity(): Promise<Identity>;
  setIdentity(trainerId: string): Promise<Identity>;
  /** Makes this trainer's key pair; returns the public key line for trainers.yml. */
  createKey(): Promise<{ publicKeyLine: string; addedToLibrary: boolean }>;
  signOff(courseId: string, comment?: string): Promise<CourseStatus>;
  diffSince(courseId: string, trainerId: string): Promise<FileDiff[]>;

  planBuild(options: Pick<BuildOptions, 'termId' | 'draft'>): Promise<BuildPlan>;
  /** Starts a build; progress and the result arrive as events with the returned id. */
  startBuild(options: Omit<BuildOptions, 'outDir'> & { outDir?: string }): Promise<{
    buildId: string;
  }>;
  /** Shows a built file or folder in the OS file manager (Electron) or opens it (browser mode). */
  revealOutput(path: string): Promise<boolean>;

  /** Where the library stands against its shared copy in Git; `check` asks the host first. */
  getSyncStatus(check?: boolean): Promise<SyncStatus>;
  /** Sends this person's changes and brings in everyone else's. */
  syncNow(): Promise<SyncStatus>;
  /** Both versions of a file that both sides changed in the same place. */
  readSyncConflict(path: string): Promise<SyncConflictFile>;
  /** Keeps mine, theirs or both for that file, then syncs. */
  resolveSyncConflict(path: string, choice: SyncChoice): Promise<SyncStatus>;
  /** Desktop: copies a shared library from its address into a folder the person chooses, and opens it. */
  joinSharedLibrary(address: string, token?: string): Promise<LibraryOverview | null>;

  /** Subscribes to back-end events; returns the function that unsubscribes. */
  onEvent(listener: (event: TandemEvent) => void): () => void;
}

/** Every request/response operation, i.e. every method except the event subscription. */
export type ApiMethod = Exclude<keyof TandemApi, 'onEvent'>;

/** Runtime list of the operations, checked by both transports before anything is dispatched. */
export const API_METHODS = [
  'chooseLibrary',
  'getLibrary',
  'getProblems',
  'readCourse',
  'createCourse',
  'saveCourse',
  'readModule',
  'saveModule',
  'addModule',
  'renameModule',
  'reorderModules',
  'deleteModule',
  'restoreModule',
  'readImage',
  'getStatus',
  'getIdentity',
  'setIdentity',
  'createKey',
  'signOff',
  'diffSince',
  'planBuild',
  'startBuild',
  'revealOutput',
  'getSyncStatus',
  'syncNow',
  'readSyncConflict',
  'resolveSyncConflict',
  'joinSharedLibrary',
] as const satisfies readonly ApiMethod[];

// Compile-time proof that API_METHODS lists every operation exactly.
type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
const everyMethodListed: Missing extends never ? true : Missing = true;
void everyMethodListed;

export type ApiArgs<M extends ApiMethod> = Parameters<TandemApi[M]>;
export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<TandemApi[M]>>;

/** Errors cross the boundary as plain data; the UI shows `message` to people. */
export interface ApiError {
  code: 'not-found' | 'invalid-argument' | 'forbidden' | 'conflict' | 'failed';
  message: string;
}

/** Channel name used by IPC for an operation; one channel per method. */
export const channelFor = (method: ApiMethod): string => `tandem:${method}`;

/** IPC channel for events pushed from main to the renderer. */
export const EVENT_CHANNEL = 'tandem:event';

declare global {
  interface Window {
    tandem: TandemApi;
  }
}
