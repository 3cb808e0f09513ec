/**
 * Boundary checks: one zod schema per API method, applied to the raw arguments before any
 * handler runs, by both transports (IPC and HTTP). Ids and file names are held to the exact
 * shapes the library format allows, so nothing from the UI can name a path outside a course.
 */
import { z } from 'zod';
import { COURSE_TEXT_FIELDS, sameForEach } from '../format/course-fields.js';
import {
  ID_PATTERN,
  MODULE_FILE_PATTERN,
  RECOVERED_ID_PATTERN,
  VERSION_PATTERN,
} from '../format/ids.js';
import { API_METHODS, type ApiArgs, type ApiMethod } from './contract.js';
import { YAML_SOURCE_PATTERN } from '../format/yaml-syntax-message.js';
import { TandemApiError, describeZodError } from './api-error.js';

const MAX_TEXT = 5_000_000; // a module body larger than this is a mistake, not a course
const id = z.string().max(100).regex(ID_PATTERN, 'must be lower-case words joined by dashes');
const moduleFile = z
  .string()
  .max(160)
  .regex(MODULE_FILE_PATTERN, 'must be a module file name like 01-welcome.md');
const title = z.string().trim().min(1, 'must not be empty').max(300);
const shortText = z.string().max(2000);
const longText = z.string().max(MAX_TEXT);
const version = z.string().regex(VERSION_PATTERN, 'must be a version from the back end');
const imagePath = z
  .string()
  .max(500)
  .regex(/^images\/[^\0\\]+$/, 'must be a path under images/');

const yamlSourceFile = z
  .string()
  .max(200)
  .regex(YAML_SOURCE_PATTERN, 'must be terms/<id>.yml, college.yml or trainers.yml');

const courseFields = z.strictObject({
  ...sameForEach(COURSE_TEXT_FIELDS, shortText),
  outcomes: z.array(shortText).max(100),
  authors: z.array(id).max(20),
  tags: z.array(shortText).max(100),
});

const moduleRef = z.strictObject({
  file: moduleFile,
  number: z.number().int().min(0).max(999),
  title: shortText,
  duration: shortText.optional(),
});

const buildBase = {
  termId: id.optional(),
  draft: z.boolean(),
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2027-01-18');
const clock = z.string().regex(/^\d{2}:\d{2}$/, 'must be a time like 09:30');
const index = z.number().int().min(0).max(10_000).optional();
const termPlan = z.strictObject({
  title,
  starts: isoDate,
  ends: isoDate,
  enrolmentOpens: isoDate.optional(),
  runs: z
    .array(
      z.strictObject({
        index,
        course: id,
        venue: id,
        facilitators: z.array(id).min(1).max(20),
        capacity: z.number().int().min(1).max(10_000).optional(),
        sessions: z
          .array(z.strictObject({ index, date: isoDate, start: clock, end: clock }))
          .min(1)
          .max(200),
        yaml: z.string().max(200_000).optional(),
      }),
    )
    .max(1000),
});
const termCopy = z.strictObject({
  id,
  fromTermId: id,
  starts: isoDate,
  title: title.optional(),
});
const collegeSettings = z.strictObject({
  name: title,
  tagline: title,
  contact: z.strictObject({
    email: shortText.optional(),
    phone: shortText.optional(),
    address: shortText.optional(),
    website: shortText.optional(),
    hours: shortText.optional(),
  }),
  currentTerm: id,
  holidays: z.enum(['england-and-wales', 'scotland', 'northern-ireland', 'none']),
  timeZone: z.string().trim().max(100).optional(),
  coverImage: z.string().trim().max(500).optional(),
});
const plannedVenue = z.strictObject({
  index,
  id,
  name: title,
  address: z.string().trim().min(1).max(2000),
  accessibility: z.string().trim().min(1).max(5000),
  online: z.boolean(),
});
const plannedCategory = z.strictObject({
  index,
  id,
  title,
  description: z.string().trim().min(1).max(5000),
});
const rosterEntry = z.strictObject({
  index,
  id,
  name: title,
  role: z.enum(['peer', 'practitioner']),
});

const schemas = {
  chooseLibrary: z.tuple([]),
  getLibrary: z.tuple([]),
  getProblems: z.tuple([]),
  readCourse: z.tuple([id]),
  findCourseUses: z.tuple([id]),
  renameCourse: z.tuple([id, id]),
  archiveCourse: z.tuple([id]),
  unarchiveCourse: z.tuple([id]),
  deleteCourse: z.tuple([id]),
  restoreCourse: z.tuple([
    z.strictObject({
      courseId: id,
      title: shortText,
      keptAs: z.string().regex(RECOVERED_ID_PATTERN, 'is not a deleted course'),
    }),
  ]),
  createCourse: z.tuple([
    z.strictObject({
      id: id.optional(),
      title,
      category: id,
      authors: z.array(id).max(20),
    }),
  ]),
  saveCourse: z.tuple([
    z.strictObject({
      courseId: id,
      fields: courseFields,
      description: longText,
      baseVersion: version,
    }),
  ]),
  readModule: z.tuple([id, moduleFile]),
  saveModule: z.tuple([
    z.strictObject({
      courseId: id,
      file: moduleFile,
      title,
      duration: shortText.optional(),
      body: longText,
      baseVersion: version,
    }),
  ]),
  addModule: z.tuple([id, title]),
  renameModule: z.tuple([id, moduleFile, title]),
  reorderModules: z.tuple([id, z.array(moduleFile).min(1).max(200)]),
  deleteModule: z.tuple([id, moduleFile]),
  restoreModule: z.tuple([id, z.strictObject({ module: moduleRef, content: longText })]),
  readImage: z.tuple([id, imagePath]),
  getStatus: z.tuple([id]),
  getIdentity: z.tuple([]),
  setIdentity: z.tuple([id]),
  createKey: z.tuple([]),
  signOff: z.tuple([id, z.string().max(500).optional()]),
  diffSince: z.tuple([id, id]),
  planBuild: z.tuple([z.strictObject(buildBase)]),
  startBuild: z.tuple([
    z.strictObject({
      ...buildBase,
      outDir: z.string().min(1).max(4096).optional(),
      only: z.enum(['site', 'pdf']).optional(),
      paper: z.enum(['A4', 'A5']),
      largePrint: z.boolean(),
      booklet: z.boolean(),
      facilitatorPacks: z.boolean(),
      buildId: z
        .string()
        .regex(/^[A-Za-z0-9-]{8,64}$/, 'must be 8 to 64 letters, digits and dashes')
        .optional(),
    }),
  ]),
  previewPage: z.tuple([
    z.discriminatedUnion('page', [
      z.strictObject({ page: z.literal('home') }),
      z.strictObject({ page: z.literal('timetable') }),
      z.strictObject({ page: z.literal('course'), courseId: id }),
      z.strictObject({ page: z.literal('module'), courseId: id, file: moduleFile }),
    ]),
  ]),
  revealOutput: z.tuple([z.string().min(1).max(4096)]),
  listTerms: z.tuple([]),
  readTerm: z.tuple([id]),
  saveTerm: z.tuple([z.strictObject({ termId: id, plan: termPlan, baseVersion: version })]),
  createTerm: z.tuple([
    z.strictObject({
      id,
      title,
      starts: isoDate,
      ends: isoDate,
      enrolmentOpens: isoDate.optional(),
    }),
  ]),
  previewTermCopy: z.tuple([termCopy]),
  copyTerm: z.tuple([termCopy]),
  readCollege: z.tuple([]),
  saveCollege: z.tuple([
    z.strictObject({
      settings: collegeSettings,
      venues: z.array(plannedVenue).min(1).max(500),
      categories: z.array(plannedCategory).min(1).max(500).optional(),
      baseVersion: version,
    }),
  ]),
  listPages: z.tuple([]),
  readPage: z.tuple([id]),
  savePage: z.tuple([z.strictObject({ slug: id, title, body: longText, baseVersion: version })]),
  addPage: z.tuple([z.strictObject({ title, slug: id })]),
  reorderPages: z.tuple([z.array(id).min(1).max(200)]),
  deletePage: z.tuple([id]),
  restorePage: z.tuple([
    z.strictObject({
      page: z.strictObject({ slug: id, title: shortText, order: z.number().optional() }),
      content: longText,
    }),
  ]),
  readPicture: z.tuple([imagePath]),
  addPicture: z.tuple([
    z.strictObject({
      fileName: z.string().min(1).max(255),
      // base64, under the transports' own limit: the handler explains the 5 MB picture limit
      data: z.string().max(24 * 1024 * 1024),
    }),
  ]),
  expandPattern: z.tuple([
    z.strictObject({
      from: isoDate,
      weekday: z.number().int().min(0).max(6).optional(),
      start: clock,
      end: clock,
      weeks: z.number().int().min(1).max(52),
    }),
  ]),
  readTrainers: z.tuple([]),
  readYamlSource: z.tuple([yamlSourceFile]),
  saveYamlSource: z.tuple([
    z.strictObject({ file: yamlSourceFile, text: longText, baseVersion: version }),
  ]),
  saveTrainers: z.tuple([
    z.strictObject({ trainers: z.array(rosterEntry).max(2000), baseVersion: version }),
  ]),
  getSyncStatus: z.tuple([z.boolean().optional()]),
  syncNow: z.tuple([]),
  readSyncConflict: z.tuple([z.string().min(1).max(1000)]),
  resolveSyncConflict: z.tuple([z.string().min(1).max(1000), z.enum(['mine', 'theirs', 'both'])]),
  checkLanguage: z.tuple([
    z
      .array(
        z.strictObject({
          text: z.string().max(100_000),
          audience: z.enum(['students', 'facilitators']),
          comments: z.array(shortText).max(100),
        }),
      )
      .max(20_000),
  ]),
  getLanguageCounts: z.tuple([]),
  joinSharedLibrary: z.tuple([z.string().min(1).max(2000), z.string().max(1000).optional()]),
  keepRecoveredText: z.tuple([
    z.strictObject({
      file: z.string().max(500),
      what: z.string().max(500),
      reason: z.string().max(500),
      text: longText,
    }),
  ]),
  listRecoveredTexts: z.tuple([]),
  siteAddress: z.tuple([z.string().min(1).max(4096)]),
  deleteRecoveredText: z.tuple([z.string().regex(RECOVERED_ID_PATTERN, 'is not a recovered text')]),
} satisfies { [M in ApiMethod]: z.ZodType<ApiArgs<M>> };

/** The argument schema of every method, keyed by method name. */
export const ARG_SCHEMAS: { readonly [M in ApiMethod]: z.ZodType<ApiArgs<M>> } = schemas;

/** True when `name` is one of the API's operations (an own entry, not a prototype key). */
export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

/**
 * Checks raw arguments for `method`. JSON turns a trailing `undefined` argument into `null`,
 * so trailing nulls are dropped first. Throws `TandemApiError('invalid-argument')` naming
 * what is wrong.
 */
export function validateArgs<M extends ApiMethod>(method: M, args: unknown): ApiArgs<M> {
  if (!Array.isArray(args)) {
    throw new TandemApiError('invalid-argument', `${method}: arguments must be a list`);
  }
  const trimmed = [...args];
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] == null) trimmed.pop();
  const schema: z.ZodType<ApiArgs<M>> = ARG_SCHEMAS[method];
  const result = schema.safeParse(trimmed);
  if (!result.success) {
    throw new TandemApiError('invalid-argument', `${method}: ${describeZodError(result.error)}`);
  }
  return result.data;
}
