/**
 * Opening and saving without changes must leave every file byte for byte as it was: front
 * matter is edited in place, so a save never reformats someone's file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../main/api/handlers/create-api-handlers.js';
import { copyLibrary, sampleLibrary, type TempLibrary } from '../support/temp-library.js';

let library: TempLibrary;
beforeAll(async () => {
  library = await copyLibrary(sampleLibrary);
});
afterAll(() => library.dispose());

describe('saving unchanged content', () => {
  it('keeps every course.md and module of the sample library byte-identical', async () => {
    const api = createApiHandlers({ root: library.root }).handlers;
    const { courses } = await api.getLibrary();
    expect(courses.length).toBeGreaterThan(3);
    let modules = 0;
    for (const summary of courses) {
      const course = await api.readCourse(summary.id);
      const saved = await api.saveCourse({
        courseId: course.id,
        fields: course.fields,
        description: course.description,
        baseVersion: course.version,
      });
      expect(saved, summary.id).toEqual({ ok: true, version: course.version });
      for (const ref of course.modules) {
        const module = await api.readModule(course.id, ref.file);
        const result = await api.saveModule({
          courseId: course.id,
          file: module.file,
          title: module.title,
          duration: module.duration,
          body: module.body,
          baseVersion: module.version,
        });
        expect(result, `${course.id}/${ref.file}`).toEqual({ ok: true, version: module.version });
        modules++;
      }
    }
    expect(modules).toBeGreaterThan(courses.length);
  });
});
