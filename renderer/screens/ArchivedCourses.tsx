/** The archived courses under the course list, each with a way back. */
import { useState } from 'react';
import type { ArchivedCourse } from '../../main/api/contract.js';
import { ARCHIVE_FOLDER } from '../../main/format/ids.js';
import { errorMessage, tandem } from '../api.js';
import { useApp } from '../state/AppContext.js';

export function ArchivedCourses({ courses }: { courses: ArchivedCourse[] }) {
  const { refreshLibrary, announce } = useApp();
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  if (courses.length === 0) return null;

  const bringBack = async (course: ArchivedCourse) => {
    setBusy(course.id);
    setError(undefined);
    try {
      await tandem().unarchiveCourse(course.id);
      await refreshLibrary();
      announce(`“${course.title}” is back among the courses.`);
    } catch (e) {
      setError(`“${course.title}” could not be brought back: ${errorMessage(e)}`);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <details className="archived-courses">
      <summary>
        Archived courses ({courses.length}), kept in <code>{ARCHIVE_FOLDER}/</code>
      </summary>
      <p className="hint">
        Archived courses keep their text and sign-offs. They are not published and cannot be added
        to a term until they are brought back.
      </p>
      {error && (
        <p className="notice notice--problem" role="alert">
          {error}
        </p>
      )}
      <ul className="archived-courses__list">
        {courses.map((course) => (
          <li key={course.id} data-archived={course.id}>
            <span>
              {course.title} <code>{course.id}</code>
            </span>
            <button
              type="button"
              className="button button--small"
              disabled={busy !== undefined}
              onClick={() => void bringBack(course)}
            >
              Bring back<span className="visually-hidden"> {course.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
