/**
 * A course's modules (sessions): `modules/NN-slug.md` files. Numbers give the order; renaming
 * keeps the number and changes the slug; reordering renumbers the files.
 */
import { readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Document } from 'yaml';
import type {
  DeletedModule,
  ModuleDocument,
  ModuleRef,
  SaveModuleRequest,
  SaveResult,
} from '../contract.js';
import { TandemApiError } from '../api-error.js';
import { versionOf } from '../own-writes.js';
import type { ApiContext } from './api-context.js';
import { saveMarkdownFile } from './save-markdown-file.js';
import { finishInterruptedReorder, renameModulesAtomically } from './reorder-journal.js';
import { MAX_MODULE_NUMBER, moduleFileName, parseModuleFileName } from '../../format/ids.js';
import { listModuleFiles, moduleRefFrom, readModuleRef } from './list-course-files.js';
import {
  assertEditable,
  composeMarkdown,
  parseMarkdownFile,
  setFields,
  slugify,
} from './markdown-file.js';

/** The file name after the last module's; two-digit numbers leave room for modules up to 99. */
function nextModuleFileName(files: string[], slug: string): string {
  const last = Math.max(0, ...files.map((f) => parseModuleFileName(f)?.number ?? 0));
  if (last >= MAX_MODULE_NUMBER) {
    throw new TandemApiError(
      'conflict',
      `The last module is number ${last}, the highest a module file name can carry: move the modules to close any gaps in their numbers, or combine some, then add again.`,
    );
  }
  return moduleFileName(last + 1, slug);
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

async function modulePath(context: ApiContext, courseId: string, file: string): Promise<string> {
  return context.insideCourse(courseId, `modules/${file}`);
}

/**
 * Runs `change` with the course's folder, after any other change to the same course's modules
 * has finished: numbering and renaming must see the folder as the last change left it.
 */
async function changeModules<T>(
  context: ApiContext,
  courseId: string,
  change: (courseDir: string) => Promise<T>,
): Promise<T> {
  const dir = await context.courseDir(courseId);
  return context.serialize(path.join(dir, 'modules'), () => change(dir));
}

/** Reads one module for the editor. */
export async function readModule(
  context: ApiContext,
  courseId: string,
  file: string,
): Promise<ModuleDocument> {
  const bytes = await readFile(await modulePath(context, courseId, file));
  const parsed = parseMarkdownFile(bytes.toString('utf8'));
  return { ...moduleRefFrom(file, parsed.data), body: parsed.body, version: versionOf(bytes) };
}

/** Saves a module's title, duration and body, unless the file changed on disk since it was read. */
export async function saveModule(
  context: ApiContext,
  request: SaveModuleRequest,
): Promise<SaveResult> {
  const file = await modulePath(context, request.courseId, request.file);
  const label = `${request.courseId}/modules/${request.file}`;
  // In the modules' queue: a save never lands half way through a move or rename of its file.
  return changeModules(context, request.courseId, () =>
    saveMarkdownFile(context, file, request.baseVersion, label, (doc) => {
      const duration = request.duration?.trim();
      setFields(doc, { title: request.title.trim(), duration: duration || undefined });
      return request.body;
    }),
  );
}

/** Adds a module after the last one, with the title as its only field. */
export async function addModule(
  context: ApiContext,
  courseId: string,
  title: string,
): Promise<ModuleRef> {
  return changeModules(context, courseId, async (dir) => {
    const files = await listModuleFiles(dir);
    const file = nextModuleFileName(files, slugify(title, 'module'));
    const target = await modulePath(context, courseId, file);
    if (await exists(target)) {
      throw new TandemApiError('conflict', `modules/${file} already exists.`);
    }
    const doc = new Document({ title: title.trim() });
    await context.writeFile(target, composeMarkdown(doc, ''));
    return readModuleRef(dir, file);
  });
}

/** Changes a module's title; its file keeps the number and takes the new title's slug. */
export async function renameModule(
  context: ApiContext,
  courseId: string,
  file: string,
  title: string,
): Promise<ModuleRef> {
  return changeModules(context, courseId, async (dir) => {
    const from = await modulePath(context, courseId, file);
    const current = parseMarkdownFile(await readFile(from, 'utf8'));
    assertEditable(current, `${courseId}/modules/${file}`);
    const number = parseModuleFileName(file)?.number ?? 0;
    const newFile = moduleFileName(number, slugify(title, 'module'));
    const to = await modulePath(context, courseId, newFile);
    if (newFile !== file && (await exists(to))) {
      throw new TandemApiError('conflict', `modules/${newFile} already exists.`);
    }
    setFields(current.doc, { title: title.trim() });
    // Title first (atomic write), then the name (atomic rename): a crash leaves a valid module.
    await context.writeFile(from, composeMarkdown(current.doc, current.body));
    if (newFile !== file) {
      context.ownWrites.removed(from);
      context.ownWrites.wroteFile(to, await readFile(from));
      await rename(from, to);
    }
    return readModuleRef(dir, newFile);
  });
}

/**
 * Renumbers the modules 01, 02… in the order given. `files` must name exactly the modules on
 * disk now; otherwise someone changed the folder meanwhile and the UI must reload first.
 */
export async function reorderModules(
  context: ApiContext,
  courseId: string,
  files: string[],
): Promise<ModuleRef[]> {
  return changeModules(context, courseId, async (dir) => {
    await finishInterruptedReorder(dir, context.ownWrites);
    const current = await listModuleFiles(dir);
    const same =
      new Set(files).size === files.length &&
      files.length === current.length &&
      [...files].sort().join('\n') === [...current].sort().join('\n');
    if (!same) {
      throw new TandemApiError(
        'conflict',
        'The modules on disk are not the ones listed (they may have changed); reload the course and try again.',
      );
    }
    const moves = files
      .map((file, index) => ({
        from: file,
        to: moduleFileName(index + 1, parseModuleFileName(file)?.slug ?? 'module'),
      }))
      .filter((move) => move.from !== move.to);
    await renameModulesAtomically(dir, moves, context.ownWrites);
    return Promise.all(
      files.map((_, index) => {
        const slug = parseModuleFileName(files[index] ?? '')?.slug ?? 'module';
        return readModuleRef(dir, moduleFileName(index + 1, slug));
      }),
    );
  });
}

/** Deletes a module and hands back its content so the UI can offer Undo. */
export async function deleteModule(
  context: ApiContext,
  courseId: string,
  file: string,
): Promise<DeletedModule> {
  return changeModules(context, courseId, async () => {
    const target = await modulePath(context, courseId, file);
    const content = await readFile(target, 'utf8');
    const module = moduleRefFrom(file, parseMarkdownFile(content).data);
    context.ownWrites.removed(target);
    await unlink(target);
    return { module, content };
  });
}

/**
 * Puts a deleted module back, under its old name when its number is still free, else at the
 * end: a module renumbered or renamed meanwhile (a reorder, a co-author) may hold that number
 * now, and two modules must never share one.
 */
export async function restoreModule(
  context: ApiContext,
  courseId: string,
  deleted: DeletedModule,
): Promise<ModuleRef> {
  return changeModules(context, courseId, async (dir) => {
    let file = deleted.module.file;
    const files = await listModuleFiles(dir);
    const number = parseModuleFileName(file)?.number;
    const taken = files.some((other) => parseModuleFileName(other)?.number === number);
    if (taken || (await exists(await modulePath(context, courseId, file)))) {
      file = nextModuleFileName(files, parseModuleFileName(file)?.slug ?? 'module');
    }
    await context.writeFile(await modulePath(context, courseId, file), deleted.content);
    return readModuleRef(dir, file);
  });
}
