/**
 * Renaming, archiving and deleting a course on real files: the folder and every run that names
 * it move together or not at all, and a deleted course comes back byte for byte.
 */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiContext } from '../../main/api/handlers/api-context.js';
import { renameCourse } from '../../main/api/handlers/course-folder-handlers.js';
import {
  createApiHandlers,
  type ApiHandlers,
} from '../../main/api/handlers/create-api-handlers.js';
import { RENAME_JOURNAL, recoverRename } from '../../main/api/handlers/rename-journal.js';
import { OwnWrites } from '../../main/api/own-writes.js';
import { loadLibrary } from '../../main/library/load-library.js';
import {
  copyLibrary,
  fixtureLibrary,
  sampleLibrary,
  type TempLibrary,
} from '../support/temp-library.js';
import { fileTree } from '../support/file-tree.js';

const COURSE = 'understanding-anxiety';
let library: TempLibrary;
let api: ApiHandlers;
let configDir: string;

const read = (file: string): Promise<string> => readFile(path.join(library.root, file), 'utf8');
const spring = (): Promise<string> => read('terms/spring-2027.yml');

async function open(source: string): Promise<void> {
  library = await copyLibrary(source);
  configDir = path.join(path.dirname(library.root), 'config');
  api = createApiHandlers({ root: library.root, configDir }).handlers;
}

/** A second term that also runs the course, with a comment on its run. */
async function addSummerTerm(): Promise<string> {
  const summer = (await spring())
    .replace('Spring term 2027', 'Summer term 2027')
    .replace(
      '  - course: understanding-anxiety',
      '  - course: understanding-anxiety # the usual pair',
    )
    .replace(/2027-0([123])-/g, (_, month: string) => `2027-0${Number(month) + 4}-`);
  await writeFile(path.join(library.root, 'terms/summer-2027.yml'), summer);
  return summer;
}

afterEach(async () => {
  await library.dispose();
});

describe('renaming a course', () => {
  beforeEach(() => open(fixtureLibrary('valid-minimal')));

  it('moves the folder and changes only the course line of each run that names it', async () => {
    const summer = await addSummerTerm();
    const springBefore = await spring();
    const folderBefore = await fileTree(path.join(library.root, COURSE));
    const uses = await api.findCourseUses(COURSE);
    expect(uses.runs.map((run) => [run.file, run.run, run.firstSession])).toEqual([
      ['terms/spring-2027.yml', 1, '2027-01-18'],
      ['terms/summer-2027.yml', 1, '2027-05-18'],
    ]);

    const renamed = await api.renameCourse(COURSE, 'living-with-anxiety');

    expect(renamed).toEqual({
      id: 'living-with-anxiety',
      termFiles: ['terms/spring-2027.yml', 'terms/summer-2027.yml'],
    });
    expect(await spring()).toBe(
      springBefore.replace('course: understanding-anxiety', 'course: living-with-anxiety'),
    );
    expect(await read('terms/summer-2027.yml')).toBe(
      summer.replace(
        'course: understanding-anxiety # the usual pair',
        'course: living-with-anxiety # the usual pair',
      ),
    );
    expect(await fileTree(path.join(library.root, 'living-with-anxiety'))).toEqual(folderBefore);
    const names = await readdir(library.root);
    expect(names).not.toContain(COURSE);
    expect(
      Object.keys(await fileTree(library.root)).filter((f) => f.startsWith('.tandem/')),
    ).toEqual([]);
    const { problems } = await loadLibrary(library.root);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('moves the cover picture and the front pages’ pictures into the new folder too', async () => {
    const picture = `${COURSE}/images/calm-lake.svg`;
    const college = `${await read('college.yml')}coverImage: ${picture} # the lake\n`;
    await writeFile(path.join(library.root, 'college.yml'), college);
    const welcome = `${await read('pages/welcome.md')}\n![A calm lake](../${picture})\n`;
    await writeFile(path.join(library.root, 'pages/welcome.md'), welcome);
    expect((await api.findCourseUses(COURSE)).usedBy).toEqual([
      'college.yml (coverImage)',
      'pages/welcome.md',
    ]);
    await expect(api.archiveCourse(COURSE)).rejects.toThrow(
      'college.yml (coverImage), pages/welcome.md use pictures or pages of this course',
    );

    await api.renameCourse(COURSE, 'calm');

    expect(await read('college.yml')).toBe(
      college.replace(`coverImage: ${picture}`, 'coverImage: calm/images/calm-lake.svg'),
    );
    expect(await read('pages/welcome.md')).toBe(
      welcome.replace(`../${picture}`, '../calm/images/calm-lake.svg'),
    );
    const { problems } = await loadLibrary(library.root);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('refuses an id in use, a bad id and a term it cannot read, changing nothing', async () => {
    const before = await fileTree(library.root);
    await expect(api.renameCourse(COURSE, 'planning-for-my-wellbeing')).rejects.toThrow(
      'There is already a folder called "planning-for-my-wellbeing".',
    );
    await expect(api.renameCourse(COURSE, 'terms')).rejects.toThrow('keeps for itself');
    await expect(api.renameCourse(COURSE, 'Living_With')).rejects.toThrow('cannot be a course id');
    const broken = `title: Broken\nruns:\n  - course: ${COURSE}\n    venue: [old-library\n`;
    await writeFile(path.join(library.root, 'terms/broken.yml'), broken);
    await expect(api.renameCourse(COURSE, 'living-with-anxiety')).rejects.toThrow(
      'terms/broken.yml cannot be read as YAML',
    );
    await rm(path.join(library.root, 'terms/broken.yml'));
    expect(await fileTree(library.root)).toEqual(before);
  });

  it('puts every term file back when a step fails part way', async () => {
    await addSummerTerm();
    const before = await fileTree(library.root);
    const context = createApiContext({ root: library.root, configDir });
    let writes = 0;
    const failing = {
      ...context,
      async writeFile(file: string, content: string | Uint8Array) {
        writes += 1;
        if (writes === 2) throw new Error('the disk is full');
        await context.writeFile(file, content);
      },
    };
    await expect(renameCourse(failing, COURSE, 'living-with-anxiety')).rejects.toThrow(
      'the disk is full',
    );
    expect(await fileTree(library.root)).toEqual(before);
  });

  it('finishes an interrupted rename after the folder moved, and undoes one before', async () => {
    const springBefore = await spring();
    const springAfter = springBefore.replace(`course: ${COURSE}`, 'course: living-with-anxiety');
    const journal = JSON.stringify({
      from: COURSE,
      to: 'living-with-anxiety',
      steps: [{ file: 'terms/spring-2027.yml', before: springBefore, after: springAfter }],
    });
    const journalFile = path.join(library.root, ...RENAME_JOURNAL.split('/'));
    await mkdir(path.dirname(journalFile), { recursive: true });

    // Stopped after the term file was written, before the folder moved: undone.
    await writeFile(journalFile, journal);
    await writeFile(path.join(library.root, 'terms/spring-2027.yml'), springAfter);
    await recoverRename(library.root, new OwnWrites());
    expect(await spring()).toBe(springBefore);
    expect(await readdir(path.dirname(journalFile))).toEqual([]);

    // Stopped after the folder moved, before the journal went: finished.
    await writeFile(journalFile, journal);
    await rename(path.join(library.root, COURSE), path.join(library.root, 'living-with-anxiety'));
    await recoverRename(library.root, new OwnWrites());
    expect(await spring()).toBe(springAfter);
    expect(await readdir(path.dirname(journalFile))).toEqual([]);
  });
});

describe('sign-off across a rename', () => {
  beforeEach(() => open(sampleLibrary));

  it('says whose sign-off a rename ends, and the renamed course then awaits them', async () => {
    const uses = await api.findCourseUses(COURSE);
    expect(uses.signedBy).toEqual(['Hannah Lewis', 'Amira Hassan']);
    expect((await api.getStatus(COURSE)).state).toBe('ready');
    await api.renameCourse(COURSE, 'living-with-anxiety');
    const status = await api.getStatus('living-with-anxiety');
    expect(status.state).toBe('draft');
    expect(status.records.every((record) => !record.valid)).toBe(true);
  });
});

describe('archiving a course', () => {
  beforeEach(() => open(fixtureLibrary('valid-minimal')));

  it('keeps it in archive/, out of the courses and publishing, and brings it back', async () => {
    const before = await fileTree(library.root);
    await api.archiveCourse(COURSE);

    expect(await fileTree(path.join(library.root, 'archive', COURSE))).toEqual(
      await fileTree(path.join(fixtureLibrary('valid-minimal'), COURSE)),
    );
    const loaded = await loadLibrary(library.root);
    expect(loaded.library?.courses.map((c) => c.id)).toEqual(['planning-for-my-wellbeing']);
    const run = loaded.problems.filter((p) => p.file === 'terms/spring-2027.yml');
    expect(run).toEqual([
      expect.objectContaining({
        line: 6,
        severity: 'warning',
        code: 'archived-course',
        message: expect.stringContaining('course "understanding-anxiety" is archived'),
      }),
    ]);
    const overview = await api.getLibrary();
    expect(overview.archived).toEqual([{ id: COURSE, title: 'Understanding anxiety' }]);
    expect(overview.courses.map((c) => c.id)).toEqual(['planning-for-my-wellbeing']);
    const plan = await api.planBuild({ draft: true });
    expect(plan.included.map((c) => c.courseId)).toEqual(['planning-for-my-wellbeing']);

    await api.unarchiveCourse(COURSE);
    expect(await fileTree(library.root)).toEqual(before);
    expect(await readdir(path.join(library.root, 'archive'))).toEqual([]);
  });

  it('refuses to archive over a course already archived under that id', async () => {
    await mkdir(path.join(library.root, 'archive', COURSE), { recursive: true });
    await expect(api.archiveCourse(COURSE)).rejects.toThrow('already a course');
  });
});

describe('deleting a course', () => {
  beforeEach(() => open(fixtureLibrary('valid-minimal')));

  it('is refused while a term runs it, naming the run', async () => {
    await expect(api.deleteCourse(COURSE)).rejects.toThrow(
      'This course runs in terms/spring-2027.yml (run 1). Remove those runs first, or archive the course instead.',
    );
    expect(await readdir(library.root)).toContain(COURSE);
  });

  it('keeps the folder on this computer, and Undo puts it back byte for byte', async () => {
    const term = (await spring()).replace(
      / {2}- course: understanding-anxiety[\s\S]*?(?= {2}- course)/,
      '',
    );
    await writeFile(path.join(library.root, 'terms/spring-2027.yml'), term);
    const before = await fileTree(library.root);

    const deleted = await api.deleteCourse(COURSE);

    expect(deleted).toEqual({
      courseId: COURSE,
      title: 'Understanding anxiety',
      keptAs: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-[0-9a-f]{8}$/),
    });
    expect(await readdir(library.root)).not.toContain(COURSE);
    const kept = path.join(library.root, '.tandem/trash', deleted.keptAs, COURSE);
    expect(await fileTree(kept)).toEqual(
      await fileTree(path.join(fixtureLibrary('valid-minimal'), COURSE)),
    );

    await api.restoreCourse(deleted);
    const after = await fileTree(library.root);
    expect(Object.keys(after).filter((file) => !file.startsWith('.tandem/'))).toEqual(
      Object.keys(before),
    );
    for (const file of Object.keys(before)) expect(after[file]).toBe(before[file]);
    await expect(api.restoreCourse(deleted)).rejects.toThrow('is no longer kept');
  });
});
