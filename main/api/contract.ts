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
import type { Category, Contact, Course, Problem, TrainerRole, Venue } from '../library/types.js';
import type { LanguageBlock, LanguageReport } from '../language/types.js';
import type {
  BuildOptions,
  BuildProgress,
  BuildResult,
  ExcludedCourse,
  PreviewPage,
  SitePreview,
} from '../publish/types.js';
import type { CourseStatus, FileDiff, Identity } from '../signoff/types.js';
import type {
  HolidayRegion,
  PlannedSession,
  SessionPattern,
  TermCopyPreview,
  TermPlan,
} from '../planning/types.js';
import type { SyncChoice, SyncConflictFile, SyncStatus } from '../sync/types.js';

export type { Category, Contact, Problem, TrainerRole, Venue } from '../library/types.js';
export type { SessionMove, StuckSession } from '../planning/roll-over.js';
export type {
  HolidayRegion,
  PlannedRun,
  PlannedSession,
  SessionPattern,
  TermCopyPreview,
  TermPlan,
} from '../planning/types.js';
export type {
  Audience,
  LanguageBlock,
  LanguageFinding,
  LanguageReport,
  LanguageRule,
} from '../language/types.js';
export type {
  BuildOptions,
  BuildProgress,
  BuildResult,
  ExcludedCourse,
  PaperSize,
  PreviewPage,
  SitePreview,
} from '../publish/types.js';
export type {
  AuthorSignoff,
  CheckedRecord,
  CourseState,
  CourseStatus,
  DiffHunk,
  FileDiff,
  Identity,
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
  /** Courses kept in archive/ (out of terms and publishing), by title. */
  archived?: ArchivedCourse[];
}

/** A text kept aside when someone chose the other side of a conflict, until they delete it. */
export interface RecoveredText {
  /** `2026-12-01T20-15-03Z-9f3a61c2`. */
  id: string;
  /** Library-relative path of the file it came from (for people; never opened as a path). */
  file: string;
  /** The file's name for people, e.g. `the module “Breathing”`. */
  what: string;
  /** Why it was kept, e.g. `Your version, when you chose the version on disk`. */
  reason: string;
  /** When it was kept (ISO 8601). */
  keptAt: string;
  text: string;
}

export type NewRecoveredText = Omit<RecoveredText, 'id' | 'keptAt'>;

/** The front-matter fields of course.md that the course form edits. */
export type CourseFields = Pick<
  Course,
  | 'title'
  | 'code'
  | 'category'
  | 'summary'
  | 'audience'
  | 'format'
  | 'outcomes'
  | 'authors'
  | 'tags'
>;

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

/** A front page, `pages/<slug>.md`; the slug is its id. */
export interface PageRef {
  slug: string;
  title: string;
  /** Its `order` field; absent when the file has none (a problem `tandem check` names). */
  order?: number;
}

export interface PageList {
  /** In the order the prospectus and website show them. */
  pages: PageRef[];
  /** Pictures in the library's images/ folder the pages can show: `images/map.svg`. */
  pictures: string[];
}

export interface PageDocument extends PageRef {
  /** Markdown body (front matter removed). */
  body: string;
  version: FileVersion;
}

export interface NewPage {
  title: string;
  /** Lower-case kebab-case, the file's name: `how-to-enrol`. */
  slug: string;
}

export interface SavePageRequest {
  slug: string;
  title: string;
  body: string;
  baseVersion: FileVersion;
}

export interface DeletedPage {
  page: PageRef;
  /** The whole file as it was, so the UI can offer Undo through `restorePage`. */
  content: string;
}

export interface BuildPlan {
  termId: string;
  included: { courseId: string; title: string }[];
  excluded: ExcludedCourse[];
}

/** A course kept in archive/<id>/. */
export interface ArchivedCourse {
  id: string;
  title: string;
}

/** One run of a course in a term file, as people are told before the course changes. */
export interface CourseRunUse {
  termId: string;
  termTitle: string;
  /** `terms/<term id>.yml`. */
  file: string;
  /** The run's place among the term's runs, from 1. */
  run: number;
  sessionCount: number;
  firstSession?: string;
}

/** What renaming, archiving or deleting a course would touch. */
export interface CourseUses {
  courseId: string;
  title: string;
  runs: CourseRunUse[];
  /** Term files with YAML errors that mention the course: fixed first, before any change. */
  unreadableTerms: string[];
  /** Files outside the course that use its pictures or link into it (`pages/welcome.md`). */
  usedBy: string[];
  /** Authors whose sign-off counts now; a sign-off names the course id, so a rename ends it. */
  signedBy: string[];
}

export interface RenamedCourse {
  id: string;
  /** The term files whose runs now name the new id. */
  termFiles: string[];
}

/** A deleted course, kept on this computer until Undo puts it back (`restoreCourse`). */
export interface DeletedCourse {
  courseId: string;
  title: string;
  /** Where it is kept: `.tandem/trash/<keptAs>/<courseId>/`. */
  keptAs: string;
}

/** A YAML file's own text, for fixing a syntax error in place. */
export interface YamlSource {
  /** Library-relative: `terms/<id>.yml`, `college.yml` or `trainers.yml`. */
  file: string;
  text: string;
  version: FileVersion;
  /** The first syntax error, in plain words, at the line to fix; absent when it reads well. */
  problem?: { line: number; column: number; message: string };
}

export interface YamlSourceSave {
  file: string;
  text: string;
  baseVersion: FileVersion;
}

/** A term in the Terms list. */
export interface TermListing extends TermSummary {
  runCount: number;
  sessionCount: number;
  errorCount: number;
  warningCount: number;
}

export interface TermDocument {
  id: string;
  /** Library-relative path, `terms/<id>.yml`. */
  file: string;
  plan: TermPlan;
  version: FileVersion;
  /** Every problem in this term's file. */
  problems: Problem[];
  /** The problems inside each run, in the order of `plan.runs`. */
  runProblems: Problem[][];
  /** The problems at each session, by run then session, as in `plan`. */
  sessionProblems: Problem[][][];
  /** Public holidays between the term's first and last day. */
  holidays: { date: string; name: string }[];
  /** The term's weeks, Monday to Sunday, numbered from 1. */
  weeks: { number: number; starts: string; ends: string }[];
}

export interface SaveTermRequest {
  termId: string;
  plan: TermPlan;
  baseVersion: FileVersion;
}

export interface NewTerm {
  id: string;
  title: string;
  starts: string;
  ends: string;
  enrolmentOpens?: string;
}

export interface TermCopyRequest {
  /** The new term's id. */
  id: string;
  fromTermId: string;
  starts: string;
  title?: string;
}

export interface CollegeSettings {
  name: string;
  tagline: string;
  contact: Contact;
  currentTerm: string;
  holidays: HolidayRegion;
  /** IANA name; empty for the default (Europe/London). Absent in a save: left as it is. */
  timeZone?: string;
  /** Library-relative picture for the prospectus cover; empty for none. Absent: left as it is. */
  coverImage?: string;
}

/** A venue as the Venues screen edits it; `index` is its place in college.yml as read. */
export interface PlannedVenue extends Venue {
  index?: number;
}

/** A picture from the person's computer, to copy into the library's images/ folder. */
export interface NewPicture {
  /** The file's own name, e.g. `Calm lake.JPG`; its extension says what type it must be. */
  fileName: string;
  /** The file's bytes, base64. */
  data: string;
}

export interface AddedPicture {
  /** Library-relative, e.g. `images/calm-lake.jpg`. */
  path: string;
}

/** A category as the College screen edits it; `index` is its place in college.yml as read. */
export interface PlannedCategory extends Category {
  index?: number;
}

export interface CollegeDocument {
  settings: CollegeSettings;
  venues: PlannedVenue[];
  categories: PlannedCategory[];
  /** Pictures in the library's images/ folder, for the cover: `images/cover.svg`. */
  pictures: string[];
  version: FileVersion;
}

export interface SaveCollegeRequest {
  settings: CollegeSettings;
  venues: PlannedVenue[];
  /** In their new order; absent to leave the categories as they are. */
  categories?: PlannedCategory[];
  baseVersion: FileVersion;
}

export interface RosterEntry {
  /** Place in trainers.yml as read; absent for a new trainer. */
  index?: number;
  id: string;
  name: string;
  role: TrainerRole;
}

export interface TrainersDocument {
  /** Each trainer with where they are named: `terms/spring-2027.yml (understanding-anxiety)`. */
  trainers: (RosterEntry & { usedIn: string[] })[];
  version: FileVersion;
}

export interface SaveTrainersRequest {
  trainers: RosterEntry[];
  baseVersion: FileVersion;
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
  /** The runs that name a course and whose sign-offs count, before it is renamed or removed. */
  findCourseUses(courseId: string): Promise<CourseUses>;
  /** Moves the course folder to its new id, every run naming it too; all or nothing. */
  renameCourse(courseId: string, newId: string): Promise<RenamedCourse>;
  archiveCourse(courseId: string): Promise<void>;
  unarchiveCourse(courseId: string): Promise<void>;
  /** Refused while a term runs the course; the folder is kept for `restoreCourse`. */
  deleteCourse(courseId: string): Promise<DeletedCourse>;
  restoreCourse(deleted: DeletedCourse): Promise<void>;

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
  /**
   * Starts a build; progress and the result arrive as events with the returned id: the caller's
   * `buildId` when it gives one, so it can tell its events apart before this call returns.
   */
  startBuild(
    options: Omit<BuildOptions, 'outDir'> & { outDir?: string; buildId?: string },
  ): Promise<{ buildId: string }>;
  /** One student-site page as it would be published now, drafts included and marked. */
  previewPage(page: PreviewPage): Promise<SitePreview>;
  /** Shows a built file or folder in the OS file manager (Electron) or opens it (browser mode). */
  revealOutput(path: string): Promise<boolean>;
  /** Where the page can open a website this session built (browser mode), or null. */
  siteAddress(siteDir: string): Promise<string | null>;

  // Planning the term (administrators): terms, college settings and venues, the trainer roster.
  listTerms(): Promise<TermListing[]>;
  readTerm(termId: string): Promise<TermDocument>;
  saveTerm(request: SaveTermRequest): Promise<SaveResult>;
  createTerm(term: NewTerm): Promise<TermDocument>;
  previewTermCopy(request: TermCopyRequest): Promise<TermCopyPreview>;
  copyTerm(request: TermCopyRequest): Promise<TermDocument>;
  readCollege(): Promise<CollegeDocument>;
  saveCollege(request: SaveCollegeRequest): Promise<SaveResult>;
  /** Checks a picture (type, size, SVG safety) and copies it into the library's images/ folder. */
  addPicture(picture: NewPicture): Promise<AddedPicture>;
  /** The sessions of a weekly pattern and the pattern in words, for the planner to show. */
  expandPattern(
    pattern: SessionPattern,
  ): Promise<{ sessions: PlannedSession[]; description: string }>;
  readTrainers(): Promise<TrainersDocument>;
  /** A planning file's text and its first YAML syntax error, to fix it in place. */
  readYamlSource(file: string): Promise<YamlSource>;
  /** Saves a fixed planning file whole; refused while it is still not YAML. */
  saveYamlSource(request: YamlSourceSave): Promise<SaveResult>;
  /** Refused, saying where, when a trainer still named in a run or as an author is left out. */
  saveTrainers(request: SaveTrainersRequest): Promise<SaveResult>;
  // The front pages (pages/*.md): welcome, how to enrol, the learning agreement…
  listPages(): Promise<PageList>;
  readPage(slug: string): Promise<PageDocument>;
  savePage(request: SavePageRequest): Promise<SaveResult>;
  addPage(page: NewPage): Promise<PageRef>;
  /** `slugs` is every page in the new order; only the `order` fields that change are written. */
  reorderPages(slugs: string[]): Promise<PageRef[]>;
  deletePage(slug: string): Promise<DeletedPage>;
  restorePage(deleted: DeletedPage): Promise<PageRef>;
  /** Reads a picture from the library's own images/ folder as a data: URL for the editor. */
  readPicture(path: string): Promise<string>;
  /** Where the library stands against its shared copy in Git; `check` asks the host first. */
  getSyncStatus(check?: boolean): Promise<SyncStatus>;
  /** Sends this person's changes and brings in everyone else's. */
  syncNow(): Promise<SyncStatus>;
  /** Both versions of a file that both sides changed in the same place. */
  readSyncConflict(path: string): Promise<SyncConflictFile>;
  /** Keeps mine, theirs or both for that file, then syncs. */
  resolveSyncConflict(path: string, choice: SyncChoice): Promise<SyncStatus>;
  /** Writing suggestions for blocks of text as the editor holds them (never blocking). */
  checkLanguage(blocks: LanguageBlock[]): Promise<LanguageReport>;
  /** The number of writing suggestions in each course, by course id. */
  getLanguageCounts(): Promise<Record<string, number>>;
  /** Desktop: copies a shared library from its address into a folder the person chooses, and opens it. */
  joinSharedLibrary(address: string, token?: string): Promise<LibraryOverview | null>;

  /** Keeps the side of a conflict (or the unsaved text) a person did not choose. */
  keepRecoveredText(entry: NewRecoveredText): Promise<RecoveredText>;
  listRecoveredTexts(): Promise<RecoveredText[]>;
  deleteRecoveredText(id: string): Promise<void>;

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
  'findCourseUses',
  'renameCourse',
  'archiveCourse',
  'unarchiveCourse',
  'deleteCourse',
  'restoreCourse',
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
  'previewPage',
  'revealOutput',
  'listTerms',
  'readTerm',
  'saveTerm',
  'createTerm',
  'previewTermCopy',
  'copyTerm',
  'readCollege',
  'saveCollege',
  'addPicture',
  'expandPattern',
  'readTrainers',
  'readYamlSource',
  'saveYamlSource',
  'saveTrainers',
  'getSyncStatus',
  'syncNow',
  'readSyncConflict',
  'resolveSyncConflict',
  'checkLanguage',
  'getLanguageCounts',
  'joinSharedLibrary',
  'keepRecoveredText',
  'listRecoveredTexts',
  'deleteRecoveredText',
  'siteAddress',
  'listPages',
  'readPage',
  'savePage',
  'addPage',
  'reorderPages',
  'deletePage',
  'restorePage',
  'readPicture',
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
