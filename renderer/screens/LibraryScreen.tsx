/** Every course in the library, with filters, search and "New course". */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CourseSummary, LibraryOverview } from '../../main/api/contract.js';
import { useApp } from '../state/AppContext.js';
import { suggestionCount, useLanguageCounts } from '../hooks/useLanguageCounts.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { usePageHeading } from '../hooks/usePageHeading.js';
import { NewCourseDialog } from './NewCourseDialog.js';
import { ArchivedCourses } from './ArchivedCourses.js';
import { overviewLine } from './overview-line.js';

type StatusFilter = 'all' | 'draft' | 'awaiting' | 'changed' | 'ready' | 'problems';

const statusOptions: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'Any status' },
  { value: 'draft', label: 'Draft' },
  { value: 'awaiting', label: 'Awaiting sign-off' },
  { value: 'changed', label: 'Changed since sign-off' },
  { value: 'ready', label: 'Ready' },
  { value: 'problems', label: 'Has problems' },
];

function matches(course: CourseSummary, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'problems') return course.problemCount > 0;
  return course.status?.state === filter;
}

/** The course library screen. */
export function LibraryScreen() {
  const { library, newCourseRequest } = useApp();
  const heading = usePageHeading();
  const [category, setCategory] = useState('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [author, setAuthor] = useState('all');
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const suggestions = useLanguageCounts(library);
  // The desktop menu's "New course" opens the dialog here.
  const seenRequest = useRef(newCourseRequest);
  useEffect(() => {
    if (newCourseRequest === seenRequest.current) return;
    seenRequest.current = newCourseRequest;
    setCreating(true);
  }, [newCourseRequest]);

  const courses = useMemo(() => {
    if (!library) return [];
    const words = search.trim().toLowerCase();
    return library.courses
      .filter((c) => category === 'all' || c.category === category)
      .filter((c) => matches(c, status))
      .filter((c) => author === 'all' || c.authors.includes(author))
      .filter(
        (c) =>
          !words || c.title.toLowerCase().includes(words) || c.code.toLowerCase().includes(words),
      )
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [library, category, status, author, search]);

  if (!library) return null;
  const filtered = category !== 'all' || status !== 'all' || author !== 'all' || search !== '';

  return (
    <div className="screen">
      <div className="screen__header">
        <h1 ref={heading} tabIndex={-1}>
          Courses
        </h1>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          New course
        </button>
      </div>
      <p className="screen__intro">{overviewLine(library.courses)}</p>
      <div role="search" className="filters" aria-label="Find courses">
        <div className="field field--inline">
          <label htmlFor="filter-search">Search by title</label>
          <input
            id="filter-search"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-category">Category</label>
          <select
            id="filter-category"
            value={category}
            onChange={(event) => setCategory(event.target.value)}
          >
            <option value="all">All categories</option>
            {library.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-status">Status</label>
          <select
            id="filter-status"
            value={status}
            onChange={(event) => setStatus(event.target.value as StatusFilter)} // options are StatusFilter values
          >
            {statusOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="filter-author">Author</label>
          <select
            id="filter-author"
            value={author}
            onChange={(event) => setAuthor(event.target.value)}
          >
            <option value="all">Anyone</option>
            {library.trainers.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name} ({t.role})
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="result-count" role="status" aria-live="polite">
        {filtered
          ? `Showing ${courses.length} of ${library.courses.length} courses`
          : 'Showing all courses, by title'}
      </p>
      {courses.length === 0 ? (
        <p className="empty">
          {library.courses.length === 0
            ? 'There are no courses yet. Choose “New course” to write the first one.'
            : 'No courses match. Try clearing the search or choosing “Any status”.'}
        </p>
      ) : (
        <ul className="course-list">
          {courses.map((course) => (
            <CourseCard
              key={course.id}
              course={course}
              library={library}
              suggestions={suggestions?.[course.id] ?? 0}
            />
          ))}
        </ul>
      )}
      <ArchivedCourses courses={library.archived ?? []} />
      <NewCourseDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

function CourseCard({
  course,
  library,
  suggestions,
}: {
  course: CourseSummary;
  library: LibraryOverview;
  suggestions: number;
}) {
  const { navigate } = useApp();
  const categoryTitle = library.categories.find((c) => c.id === course.category)?.title;
  const authors = course.authors.map((id) => library.trainers.find((t) => t.id === id));
  const href = `#/course/${encodeURIComponent(course.id)}/modules`;
  return (
    <li className="course-card" data-course={course.id}>
      <div className="course-card__main">
        <h2 className="course-card__title">
          <a
            href={href}
            onClick={(event) => {
              event.preventDefault();
              void navigate({ screen: 'course', courseId: course.id, tab: 'modules' });
            }}
          >
            {course.title || course.id}
          </a>
        </h2>
        <p className="course-card__meta">
          <span className="course-card__code">{course.code}</span>
          {categoryTitle && <span>{categoryTitle}</span>}
        </p>
        <p className="course-card__authors">
          <span className="visually-hidden">Authors: </span>
          {authors.map((t, index) => (
            <span key={course.authors[index]} className="author-chip">
              {t ? t.name : course.authors[index]}
              {t && <span className="author-chip__role"> {t.role}</span>}
            </span>
          ))}
        </p>
      </div>
      <div className="course-card__side">
        <StatusBadge status={course.status} />
        {course.problemCount > 0 && (
          <a
            className="problem-link"
            href={`#/problems/${encodeURIComponent(course.id)}`}
            onClick={(event) => {
              event.preventDefault();
              void navigate({ screen: 'problems', courseId: course.id });
            }}
          >
            {course.problemCount === 1 ? '1 problem' : `${course.problemCount} problems`}
            <span className="visually-hidden"> in {course.title}</span>
          </a>
        )}
        {suggestions > 0 && (
          <span className="suggestion-count" data-testid="suggestion-count">
            {suggestionCount(suggestions)}
          </span>
        )}
      </div>
    </li>
  );
}
