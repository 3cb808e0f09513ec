/**
 * The categories courses are listed under, in prospectus order: rename, describe, move up or
 * down, add. A category's id never changes, because every course names its category by id.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { CollegeDocument, PlannedCategory } from '../../../main/api/contract.js';
import { tandem } from '../../api.js';
import type { PlanningFile } from '../../hooks/usePlanningFile.js';
import { useRecordEdit } from '../../hooks/useRecordEdit.js';
import type { RecordField } from '../../components/record-merge.js';
import { RecordEditNotices } from '../../components/RecordConflictDialog.js';
import { slug } from './slug.js';

/** An id for a new category: from its title, kept apart from the ids already used. */
function newId(title: string, taken: readonly PlannedCategory[]): string {
  const base = slug(title) || 'category';
  let id = base;
  for (let n = 2; taken.some((c) => c.id === id); n++) id = `${base}-${n}`;
  return id;
}

const BLANK: PlannedCategory = { id: '', title: '', description: '' };

/** A category's fields as the form labels them, for the conflict view. */
const CATEGORY_FIELDS: RecordField<PlannedCategory>[] = [
  { name: 'title', label: 'Title' },
  { name: 'description', label: 'Description' },
];

function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The Categories panel of the College screen, saving through the screen's college.yml `state`. */
export function CategoriesPanel({ state }: { state: PlanningFile<CollegeDocument> }) {
  const [adding, setAdding] = useState(false);
  // After a move the list is read again; focus follows the category that moved.
  const [focusAfter, setFocusAfter] = useState<string | undefined>(undefined);
  const categories = state.doc?.categories ?? [];
  useEffect(() => {
    if (!focusAfter) return;
    const ids = [`${focusAfter}-up`, `${focusAfter}-down`].map((id) => `category-${id}`);
    const button = ids
      .map((id) => document.getElementById(id))
      .find((el): el is HTMLButtonElement => el instanceof HTMLButtonElement && !el.disabled);
    button?.focus();
    setFocusAfter(undefined);
  }, [state.doc, focusAfter]);

  const saveCategories = (what: string, edit: (list: PlannedCategory[]) => PlannedCategory[]) =>
    state.save(what, (doc) =>
      tandem().saveCollege({
        settings: doc.settings,
        venues: doc.venues,
        categories: edit(doc.categories),
        baseVersion: doc.version,
      }),
    );
  const move = async (category: PlannedCategory, by: -1 | 1) => {
    const saved = await saveCategories(`the new place of ${category.title}`, (list) => {
      const from = list.findIndex((c) => c.id === category.id);
      return from < 0 ? list : moved(list, from, from + by);
    });
    if (saved) setFocusAfter(category.id);
  };

  return (
    <section className="panel" aria-labelledby="categories-heading">
      <div className="screen__header">
        <h2 id="categories-heading">Categories</h2>
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add a category
        </button>
      </div>
      <p className="hint">
        Courses are listed under these, in this order, in the prospectus and on the website.
      </p>
      {adding && (
        <CategoryForm
          category={BLANK}
          busy={state.busy}
          onCancel={() => setAdding(false)}
          onSave={async (category) => {
            const saved = await saveCategories(`the new category ${category.title}`, (list) => [
              ...list,
              { ...category, id: newId(category.title, list) },
            ]);
            if (saved) setAdding(false);
            return saved;
          }}
        />
      )}
      <ol className="category-list">
        {categories.map((category, i) => (
          <li key={category.id} className="category-list__item">
            <CategoryForm
              category={category}
              busy={state.busy}
              latest={async () =>
                (await state.reload())?.categories.find((c) => c.id === category.id)
              }
              onSave={(changed) =>
                saveCategories(`the category ${changed.title}`, (list) =>
                  list.map((c) => (c.id === category.id ? { ...changed, index: c.index } : c)),
                )
              }
            >
              <span className="category-list__order">
                <button
                  id={`category-${category.id}-up`}
                  type="button"
                  className="button"
                  disabled={state.busy || i === 0}
                  onClick={() => void move(category, -1)}
                >
                  Move up<span className="visually-hidden"> {category.title}</span>
                </button>
                <button
                  id={`category-${category.id}-down`}
                  type="button"
                  className="button"
                  disabled={state.busy || i === categories.length - 1}
                  onClick={() => void move(category, 1)}
                >
                  Move down<span className="visually-hidden"> {category.title}</span>
                </button>
              </span>
            </CategoryForm>
          </li>
        ))}
      </ol>
    </section>
  );
}

function CategoryForm({
  category,
  busy,
  latest,
  onSave,
  onCancel,
  children,
}: {
  category: PlannedCategory;
  busy: boolean;
  /** The category as it is on disk now; absent for a new one. */
  latest?(): Promise<PlannedCategory | undefined>;
  onSave(category: PlannedCategory): Promise<boolean>;
  onCancel?(): void;
  /** More actions beside Save (the Move buttons). */
  children?: ReactNode;
}) {
  const edit = useRecordEdit({
    record: category,
    fields: CATEGORY_FIELDS,
    file: 'college.yml',
    what: `the category “${category.title}”`,
    latest,
    onSave,
  });
  const { value, setValue } = edit.draft;
  const isNew = category.id === '';
  const key = isNew ? 'new' : category.id;
  const changed = edit.draft.dirty;
  const missing = !value.title.trim() || !value.description.trim();
  return (
    <>
      <form
        className="form"
        aria-label={isNew ? 'New category' : category.title}
        onSubmit={(event) => {
          event.preventDefault();
          if (!missing) void edit.submit({ ...value, title: value.title.trim() });
        }}
      >
        <div className="field">
          <label htmlFor={`category-${key}-title`}>{isNew ? 'New category' : 'Title'}</label>
          <input
            id={`category-${key}-title`}
            type="text"
            value={value.title}
            onChange={(event) => setValue({ ...value, title: event.target.value })}
          />
          {!isNew && (
            <p className="hint">
              Id <code>{category.id}</code>: courses name their category by it, so it stays the same
              when you rename the category.
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`category-${key}-description`}>Description</label>
          <textarea
            id={`category-${key}-description`}
            rows={3}
            value={value.description}
            onChange={(event) => setValue({ ...value, description: event.target.value })}
          />
        </div>
        {missing && changed && (
          <p className="field__problem">Please give the category a title and a description.</p>
        )}
        <div className="dialog__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || !changed || missing}
          >
            {isNew ? 'Add category' : 'Save category'}
            {!isNew && <span className="visually-hidden"> {category.title}</span>}
          </button>
          {onCancel && (
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          {children}
        </div>
      </form>
      <RecordEditNotices edit={edit} />
    </>
  );
}
