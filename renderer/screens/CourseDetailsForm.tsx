/** The course's details (course.md front matter) and its description. */
import { useCallback } from 'react';
import type { CourseFields, LibraryOverview } from '../../main/api/contract.js';
import { checkLanguage, tandem } from '../api.js';
import { AuthorPicker, authorsProblem } from '../components/AuthorPicker.js';
import { EditableList } from '../components/EditableList.js';
import { ModuleEditor } from '../editor/index.js';
import type { CourseDraft } from './course-documents.js';

export interface CourseDetailsFormProps {
  courseId: string;
  draft: CourseDraft;
  images: string[];
  library: LibraryOverview;
  onChange(change: (draft: CourseDraft) => CourseDraft): void;
  /** Focus left the form: a good moment to save. */
  onBlur(): void;
}

type TextField = 'title' | 'code' | 'summary' | 'audience' | 'format';

const textFields: {
  name: TextField;
  label: string;
  hint?: string;
  long?: boolean;
  width?: 'short' | 'medium';
}[] = [
  { name: 'title', label: 'Title', width: 'medium' },
  {
    name: 'code',
    label: 'Course code',
    hint: 'A short code for the prospectus, like UMH101.',
    width: 'short',
  },
  {
    name: 'summary',
    label: 'Summary',
    hint: 'One or two sentences that tell a student what the course is about.',
    long: true,
  },
  { name: 'audience', label: 'Who it is for', long: true },
  {
    name: 'format',
    label: 'Format',
    hint: 'For example: 4 weekly sessions of 2 hours.',
    width: 'medium',
  },
];

/** The "Course details" tab. */
export function CourseDetailsForm(props: CourseDetailsFormProps) {
  const { courseId, draft, images, library, onChange } = props;
  const setField = <K extends keyof CourseFields>(name: K, value: CourseFields[K]) =>
    onChange((d) => ({ ...d, fields: { ...d.fields, [name]: value } }));
  const fields = draft.fields;
  // Stable, so the editor keeps its image cache between renders.
  const loadImage = useCallback((path: string) => tandem().readImage(courseId, path), [courseId]);
  const renderText = (f: (typeof textFields)[number]) => (
    <div key={f.name} className={`field${f.width ? ` field--${f.width}` : ''}`}>
      <label htmlFor={`course-${f.name}`}>{f.label}</label>
      {f.hint && (
        <p className="hint" id={`course-${f.name}-hint`}>
          {f.hint}
        </p>
      )}
      {f.long ? (
        <textarea
          id={`course-${f.name}`}
          rows={3}
          value={fields[f.name]}
          aria-describedby={f.hint ? `course-${f.name}-hint` : undefined}
          onChange={(event) => setField(f.name, event.target.value)}
        />
      ) : (
        <input
          id={`course-${f.name}`}
          type="text"
          value={fields[f.name]}
          aria-describedby={f.hint ? `course-${f.name}-hint` : undefined}
          onChange={(event) => setField(f.name, event.target.value)}
        />
      )}
    </div>
  );
  return (
    <form
      className="form course-form"
      onSubmit={(event) => event.preventDefault()}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) props.onBlur(); // relatedTarget is a Node when focus stays in the page
      }}
    >
      <h2>Course details</h2>
      <div className="form__grid">
        {textFields.slice(0, 2).map(renderText)}
        <div className="field field--medium">
          <label htmlFor="course-category">Category</label>
          <select
            id="course-category"
            value={fields.category}
            onChange={(event) => setField('category', event.target.value)}
          >
            {!library.categories.some((c) => c.id === fields.category) && (
              <option value={fields.category}>{fields.category || 'Choose a category'}</option>
            )}
            {library.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        {textFields.slice(2).map(renderText)}
        <div className="field field--medium">
          <label htmlFor="course-tags">Tags</label>
          <p className="hint" id="course-tags-hint">
            Words that help people find the course, separated by commas.
          </p>
          <input
            id="course-tags"
            type="text"
            aria-describedby="course-tags-hint"
            defaultValue={fields.tags.join(', ')}
            onChange={(event) =>
              setField(
                'tags',
                event.target.value
                  .split(',')
                  .map((t) => t.trim())
                  .filter(Boolean),
              )
            }
          />
        </div>
      </div>
      <EditableList
        label="Learning outcomes"
        itemLabel="Outcome"
        hint="What students will be able to do by the end. Alt+Up and Alt+Down move an outcome."
        items={fields.outcomes}
        onChange={(outcomes) => setField('outcomes', outcomes)}
      />
      <AuthorPicker
        trainers={library.trainers}
        selected={fields.authors}
        onChange={(authors) => setField('authors', authors)}
        problem={authorsProblem(library.trainers, fields.authors)}
      />
      <div className="field field--wide">
        <h3 id="course-description-label" className="field__label">
          Description
        </h3>
        <p className="hint">
          What students read about the course in the prospectus and on the website.
        </p>
        <ModuleEditor
          markdown={draft.description}
          onChange={(description) => onChange((d) => ({ ...d, description }))}
          images={images}
          loadImage={loadImage}
          imagePrefix=""
          ariaLabel="Course description"
          checkLanguage={checkLanguage}
        />
      </div>
    </form>
  );
}
