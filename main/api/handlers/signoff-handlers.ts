/** Sign-off from the app: status, who am I, keys, signing, and what changed since a sign-off. */
import path from 'node:path';
import type { OnWrite } from '../../fs/write-file-atomic.js';
import type { CourseStatus, FileDiff, Identity } from '../contract.js';
import { addTrainerKey } from '../../signoff/add-trainer-key.js';
import { getCourseStatus } from '../../signoff/course-status.js';
import { diffSinceSignoff } from '../../signoff/diff-since.js';
import {
  getIdentity as readIdentity,
  setIdentity as writeIdentity,
} from '../../signoff/identity.js';
import { createTrainerKey } from '../../signoff/key-store.js';
import { signCourse } from '../../signoff/sign-course.js';
import { TandemApiError } from '../api-error.js';
import type { ApiContext } from './api-context.js';
import { requireLibrary } from './library-handlers.js';

/** Registers a sign-off or key write as the app's own, before it happens. */
function ownWrite(context: ApiContext): OnWrite {
  return (file, content) => context.ownWrites.wroteFile(file, content);
}

/** Where a course stands in sign-off. */
export async function getStatus(context: ApiContext, courseId: string): Promise<CourseStatus> {
  await context.courseDir(courseId);
  return getCourseStatus(await requireLibrary(context), courseId);
}

/** Who uses Tandem on this computer. */
export async function getIdentity(context: ApiContext): Promise<Identity> {
  return readIdentity({ configDir: context.configDir });
}

/** Chooses who uses Tandem on this computer; only a trainer on the library's roster. */
export async function setIdentity(context: ApiContext, trainerId: string): Promise<Identity> {
  const library = await requireLibrary(context);
  if (!library.trainers.some((t) => t.id === trainerId)) {
    throw new TandemApiError('not-found', `There is no trainer "${trainerId}" in trainers.yml.`);
  }
  return writeIdentity(trainerId, { configDir: context.configDir });
}

async function requireTrainer(context: ApiContext): Promise<string> {
  const { trainerId } = await readIdentity({ configDir: context.configDir });
  if (!trainerId) {
    throw new TandemApiError('failed', 'Choose who you are first (your name on the trainer list).');
  }
  return trainerId;
}

/**
 * Makes a key pair for the current trainer and lists the public key in trainers.yml when it
 * can; otherwise the UI shows the line to add by hand.
 */
export async function createKey(
  context: ApiContext,
): Promise<{ publicKeyLine: string; addedToLibrary: boolean }> {
  const trainerId = await requireTrainer(context);
  const { publicKeyLine } = await createTrainerKey(trainerId, { configDir: context.configDir });
  const today = new Date().toISOString().slice(0, 10);
  const rosterFile = path.join(context.root, 'trainers.yml');
  let addedToLibrary = false;
  try {
    addedToLibrary = await context.serialize(rosterFile, () =>
      addTrainerKey(context.root, trainerId, publicKeyLine, today, ownWrite(context)),
    );
  } catch {
    // trainers.yml could not be edited (e.g. it has errors); the line is shown to add by hand.
  }
  return { publicKeyLine, addedToLibrary };
}

/** Signs off the course as the current trainer. */
export async function signOff(
  context: ApiContext,
  courseId: string,
  comment?: string,
): Promise<CourseStatus> {
  const dir = await context.courseDir(courseId);
  const trainerId = await requireTrainer(context);
  const library = await requireLibrary(context);
  const signoffs = path.join(dir, 'signoffs.yml');
  return context.serialize(signoffs, () =>
    signCourse(library, courseId, trainerId, {
      configDir: context.configDir,
      onWrite: ownWrite(context),
      ...(comment?.trim() ? { comment } : {}),
    }),
  );
}

/** What changed in a course since `trainerId` last signed it off. */
export async function diffSince(
  context: ApiContext,
  courseId: string,
  trainerId: string,
): Promise<FileDiff[]> {
  await context.courseDir(courseId);
  return diffSinceSignoff(await requireLibrary(context), courseId, trainerId);
}
