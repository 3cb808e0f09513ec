/**
 * The back end of the contract for one library folder: an object with every `TandemApi`
 * operation (everything but `onEvent`, which each transport provides). Both transports call
 * these only after `validateArgs`.
 */
import type { ApiMethod, TandemApi } from '../contract.js';
import { TandemApiError } from '../api-error.js';
import { createApiContext, type ApiContext, type ApiOptions } from './api-context.js';
import {
  createBuildState,
  planBuild,
  revealOutput,
  siteAddress,
  startBuild,
} from './build-handlers.js';
import { createCourse, readCourse, saveCourse } from './course-handlers.js';
import {
  archiveCourse,
  deleteCourse,
  findCourseUses,
  renameCourse,
  restoreCourse,
  unarchiveCourse,
} from './course-folder-handlers.js';
import { readImage, readPicture } from './image-handlers.js';
import {
  addPage,
  deletePage,
  listPages,
  readPage,
  reorderPages,
  restorePage,
  savePage,
} from './page-handlers.js';
import { addPicture } from './picture-handlers.js';
import { checkLanguage, getLanguageCounts } from './language-handlers.js';
import { getLibrary, getProblems } from './library-handlers.js';
import {
  addModule,
  deleteModule,
  readModule,
  renameModule,
  reorderModules,
  restoreModule,
  saveModule,
} from './module-handlers.js';
import { readCollege, saveCollege } from './college-handlers.js';
import { previewPage } from './preview-handlers.js';
import { readTrainers, saveTrainers } from './roster-handlers.js';
import { readYamlSource, saveYamlSource } from './yaml-source-handlers.js';
import {
  copyTerm,
  createTerm,
  expandSessionPattern,
  listTerms,
  previewTermCopy,
  readTerm,
  saveTerm,
} from './term-handlers.js';
import {
  createKey,
  diffSince,
  getIdentity,
  getStatus,
  setIdentity,
  signOff,
} from './signoff-handlers.js';
import { getSyncStatus, readSyncConflict, resolveSyncConflict, syncNow } from './sync-handlers.js';
import {
  deleteRecoveredText,
  keepRecoveredText,
  listRecoveredTexts,
} from './recovered-handlers.js';

/** Every request/response operation of the contract. */
export type ApiHandlers = Pick<TandemApi, ApiMethod>;

export interface CreatedHandlers {
  handlers: ApiHandlers;
  context: ApiContext;
}

/** Creates the handlers (and their shared context) for the library at `options.root`. */
export function createApiHandlers(options: ApiOptions): CreatedHandlers {
  const context = createApiContext(options);
  const builds = createBuildState();
  const handlers: ApiHandlers = {
    async chooseLibrary() {
      // Switching libraries is the transport's job (Electron replaces these handlers);
      // browser mode serves one fixed library.
      const chosen = options.chooseFolder ? await options.chooseFolder() : null;
      if (chosen === null) return null;
      return getLibrary(createApiContext({ ...options, root: chosen }));
    },
    getLibrary: () => getLibrary(context),
    getProblems: () => getProblems(context),
    readCourse: (courseId) => readCourse(context, courseId),
    createCourse: (course) => createCourse(context, course),
    saveCourse: (request) => saveCourse(context, request),
    findCourseUses: (courseId) => findCourseUses(context, courseId),
    renameCourse: (courseId, newId) => renameCourse(context, courseId, newId),
    archiveCourse: (courseId) => archiveCourse(context, courseId),
    unarchiveCourse: (courseId) => unarchiveCourse(context, courseId),
    deleteCourse: (courseId) => deleteCourse(context, courseId),
    restoreCourse: (deleted) => restoreCourse(context, deleted),
    readModule: (courseId, file) => readModule(context, courseId, file),
    saveModule: (request) => saveModule(context, request),
    addModule: (courseId, title) => addModule(context, courseId, title),
    renameModule: (courseId, file, title) => renameModule(context, courseId, file, title),
    reorderModules: (courseId, files) => reorderModules(context, courseId, files),
    deleteModule: (courseId, file) => deleteModule(context, courseId, file),
    restoreModule: (courseId, deleted) => restoreModule(context, courseId, deleted),
    readImage: (courseId, path) => readImage(context, courseId, path),
    getStatus: (courseId) => getStatus(context, courseId),
    getIdentity: () => getIdentity(context),
    setIdentity: (trainerId) => setIdentity(context, trainerId),
    createKey: () => createKey(context),
    signOff: (courseId, comment) => signOff(context, courseId, comment),
    diffSince: (courseId, trainerId) => diffSince(context, courseId, trainerId),
    planBuild: (buildOptions) => planBuild(context, buildOptions),
    startBuild: (buildOptions) => startBuild(context, builds, buildOptions),
    previewPage: (page) => previewPage(context, page),
    revealOutput: (target) => revealOutput(context, builds, target),
    siteAddress: (siteDir) => siteAddress(context, builds, siteDir),
    listTerms: () => listTerms(context),
    readTerm: (termId) => readTerm(context, termId),
    saveTerm: (request) => saveTerm(context, request),
    createTerm: (term) => createTerm(context, term),
    previewTermCopy: (request) => previewTermCopy(context, request),
    copyTerm: (request) => copyTerm(context, request),
    readCollege: () => readCollege(context),
    saveCollege: (request) => saveCollege(context, request),
    addPicture: (picture) => addPicture(context, picture),
    expandPattern: async (pattern) => expandSessionPattern(pattern),
    readTrainers: () => readTrainers(context),
    readYamlSource: (file) => readYamlSource(context, file),
    saveYamlSource: (request) => saveYamlSource(context, request),
    saveTrainers: (request) => saveTrainers(context, request),
    getSyncStatus: (check) => getSyncStatus(context, check),
    syncNow: () => syncNow(context),
    readSyncConflict: (file) => readSyncConflict(context, file),
    resolveSyncConflict: (file, choice) => resolveSyncConflict(context, file, choice),
    checkLanguage: (blocks) => checkLanguage(context, blocks),
    getLanguageCounts: () => getLanguageCounts(context),
    keepRecoveredText: (entry) => keepRecoveredText(context, entry),
    listRecoveredTexts: () => listRecoveredTexts(context),
    deleteRecoveredText: (id) => deleteRecoveredText(context, id),
    listPages: () => listPages(context),
    readPage: (slug) => readPage(context, slug),
    savePage: (request) => savePage(context, request),
    addPage: (page) => addPage(context, page),
    reorderPages: (slugs) => reorderPages(context, slugs),
    deletePage: (slug) => deletePage(context, slug),
    restorePage: (deleted) => restorePage(context, deleted),
    readPicture: (picture) => readPicture(context, picture),
    async joinSharedLibrary(address, token) {
      if (!options.joinLibrary) {
        throw new TandemApiError(
          'failed',
          'Copying a shared library works in the desktop app. Here, open a copy made with Git.',
        );
      }
      const root = await options.joinLibrary(address, token);
      return root === null ? null : getLibrary(createApiContext({ ...options, root }));
    },
  };
  return { handlers, context };
}
