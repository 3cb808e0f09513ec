/**
 * Gives the sample college (courses/) realistic sign-off histories, signed for real with the
 * test-only keys in tests/sample-keys/. Run after editing sample course content:
 *
 *   npx tsx scripts/sign-sample-library.ts [library folder, default courses/]
 *
 * It lists each trainer's test public key in courses/trainers.yml (comments and layout kept),
 * removes every sample course's signoffs.yml and .tandem/ folder, and signs again at fixed
 * times in October and November 2026. Most courses end up ready (a few after an earlier
 * version was signed and then reworded), one awaits its peer author, and one is changed since
 * sign-off because a module was reworded after both authors signed.
 */
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addTrainerKey } from '../main/signoff/add-trainer-key.js';
import { getLibraryStatuses } from '../main/signoff/course-status.js';
import { openLibrary } from '../main/signoff/open-library.js';
import { formatPublicKeyLine } from '../main/library/public-key-line.js';
import { signCourse } from '../main/signoff/sign-course.js';
import { SAMPLE_PLAN, type CoursePlan, type Edit, type SignStep } from './sample-signoff-plan.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
// The sample library; another folder may be given (e.g. a copy, to try the plan out).
const libraryRoot = path.resolve(process.argv[2] ?? path.join(repoRoot, 'courses'));
const sampleKeysDir = path.join(repoRoot, 'tests', 'sample-keys');
const KEYS_ADDED = '2026-10-01';

async function exists(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined)) !== undefined;
}

/** Makes any missing test key, then copies all into a fresh config folder for signing. */
async function prepareKeys(trainerIds: string[]): Promise<string> {
  await mkdir(sampleKeysDir, { recursive: true });
  const configDir = await mkdtemp(path.join(tmpdir(), 'tandem-sample-config-'));
  await mkdir(path.join(configDir, 'keys'), { recursive: true, mode: 0o700 });
  for (const id of trainerIds) {
    const file = path.join(sampleKeysDir, `${id}.pem`);
    if (!(await exists(file))) {
      const { privateKey } = generateKeyPairSync('ed25519');
      await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }));
      console.log(`made test key tests/sample-keys/${id}.pem`);
    }
    const target = path.join(configDir, 'keys', `${id}.pem`);
    await copyFile(file, target);
    await chmod(target, 0o600);
  }
  return configDir;
}

async function applyEdit(
  courseId: string,
  edit: Edit,
  direction: 'forward' | 'back',
): Promise<void> {
  const file = path.join(libraryRoot, courseId, ...edit.file.split('/'));
  const text = await readFile(file, 'utf8');
  const [find, replace] = direction === 'forward' ? [edit.from, edit.to] : [edit.to, edit.from];
  const count = text.split(find).length - 1;
  if (count !== 1) {
    throw new Error(
      `${courseId}/${edit.file}: expected to find this text exactly once (found ${count}); ` +
        `update scripts/sample-signoff-plan.ts:\n  ${find}`,
    );
  }
  await writeFile(file, text.replace(find, replace));
}

async function signSteps(courseId: string, steps: SignStep[], configDir: string): Promise<void> {
  for (const step of steps) {
    const { library } = await openLibrary(libraryRoot);
    await signCourse(library, courseId, step.trainer, {
      configDir,
      now: new Date(step.time),
      ...(step.comment !== undefined && { comment: step.comment }),
    });
  }
}

async function main(): Promise<void> {
  const { library } = await openLibrary(libraryRoot);
  // Courses added to the sample later get a plain history: every author signs, in turn.
  const plan: Record<string, CoursePlan> = { ...SAMPLE_PLAN };
  const unplanned = library.courses.filter((c) => !(c.id in plan));
  unplanned.forEach((course, i) => {
    const day = String(17 + (i % 12)).padStart(2, '0');
    plan[course.id] = {
      signs: course.authors.map((trainer, n) => ({
        trainer,
        time: `2026-11-${day}T${String(10 + 2 * n).padStart(2, '0')}:${String(7 + 13 * i)
          .slice(-2)
          .padStart(2, '0')}:00Z`,
      })),
    };
  });
  const configDir = await prepareKeys(library.trainers.map((t) => t.id));
  try {
    for (const trainer of library.trainers) {
      const pem = await readFile(path.join(sampleKeysDir, `${trainer.id}.pem`), 'utf8');
      const line = formatPublicKeyLine(createPrivateKey(pem));
      if (await addTrainerKey(libraryRoot, trainer.id, line, KEYS_ADDED)) {
        console.log(
          `listed the test key of ${trainer.id} in ${path.relative(repoRoot, path.join(libraryRoot, 'trainers.yml'))}`,
        );
      }
    }
    for (const [courseId, coursePlan] of Object.entries(plan)) {
      if (!library.courses.some((c) => c.id === courseId)) {
        throw new Error(`The plan names ${courseId}, which is not a course of the sample library.`);
      }
      const courseDir = path.join(libraryRoot, courseId);
      await rm(path.join(courseDir, 'signoffs.yml'), { force: true });
      await rm(path.join(courseDir, '.tandem'), { recursive: true, force: true });
      // A re-run starts from the content as it was before the "after" edit.
      if (coursePlan.after) {
        const file = await readFile(path.join(courseDir, coursePlan.after.file), 'utf8');
        if (!file.includes(coursePlan.after.from))
          await applyEdit(courseId, coursePlan.after, 'back');
      }
      if (coursePlan.earlier) {
        await applyEdit(courseId, coursePlan.earlier.edit, 'back');
        try {
          await signSteps(courseId, coursePlan.earlier.signs, configDir);
        } finally {
          await applyEdit(courseId, coursePlan.earlier.edit, 'forward');
        }
      }
      await signSteps(courseId, coursePlan.signs, configDir);
      if (coursePlan.after) await applyEdit(courseId, coursePlan.after, 'forward');
    }
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
  const reloaded = await openLibrary(libraryRoot);
  for (const status of (await getLibraryStatuses(reloaded.library)).values()) {
    console.log(`${status.courseId.padEnd(36)} ${status.label}`);
  }
}

await main();
