/** The module list beside the text of the selected module. */
import { useCallback, useState, type ReactNode } from 'react';
import type { ModuleRef } from '../../main/api/contract.js';
import { checkLanguage, errorMessage, tandem } from '../api.js';
import type { Toast } from '../state/AppContext.js';
import type { SavedDocument } from '../hooks/useSavedDocument.js';
import { ModuleList } from '../components/ModuleList.js';
import { ModuleEditor } from '../editor/index.js';
import type { ModuleDraft } from './course-documents.js';

export interface ModulesTabProps {
  courseId: string;
  modules: ModuleRef[];
  images: string[];
  selected: string | undefined;
  onSelect(file: string): Promise<void>;
  module: SavedDocument<ModuleDraft>;
  listError: string | undefined;
  /** Shown above the editor when the open module vanished from disk. */
  missing?: ReactNode;
  /** Saves everything open; false when that failed. */
  flush(): Promise<boolean>;
  /** The list changed on disk; `select` is the module file to open next, if it changed. */
  onModulesChanged(modules: ModuleRef[], select?: string): void;
  refreshModules(): Promise<void>;
  showToast(toast: Omit<Toast, 'id'>): void;
  announce(message: string): void;
}

/** Modules tab of the course screen. */
export function ModulesTab(props: ModulesTabProps) {
  const { courseId, modules, images, selected, module, flush, announce } = props;
  const [busy, setBusy] = useState(false);
  // Stable, so the editor keeps its image cache between renders.
  const loadImage = useCallback((path: string) => tandem().readImage(courseId, path), [courseId]);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  // Every change to the list saves open work first, so file renames never strand a draft.
  const act = async (what: string, work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    try {
      if (!(await flush())) {
        setProblem('Your text is not saved yet, so the module list was left as it was.');
        return;
      }
      await work();
    } catch (error) {
      setProblem(`${what} did not work: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const add = (title: string) =>
    act('Adding the module', async () => {
      const ref = await tandem().addModule(courseId, title);
      props.onModulesChanged([...modules, ref], ref.file);
      announce(`Module “${ref.title}” added.`);
    });

  const reorder = (files: string[]) =>
    act('Moving the module', async () => {
      const position = selected ? files.indexOf(selected) : -1;
      const refs = await module.followRename(
        () => tandem().reorderModules(courseId, files),
        (moved) => (position >= 0 ? moved[position]?.file : undefined),
      );
      props.onModulesChanged(refs, position >= 0 ? refs[position]?.file : undefined);
    });

  const rename = (file: string, title: string) => {
    // The open module's new title is saved with its text first, so the rename itself leaves
    // the content as the draft knows it, and the draft can follow the file to its new name.
    if (file === selected && !busy) module.update((draft) => ({ ...draft, title: title.trim() }));
    return act('Renaming the module', async () => {
      const ref = await module.followRename(
        () => tandem().renameModule(courseId, file, title),
        (renamed) => (file === selected ? renamed.file : undefined),
      );
      const next = modules.map((m) => (m.file === file ? ref : m));
      if (file === selected && ref.file === file) await module.fileChanged();
      props.onModulesChanged(next, file === selected ? ref.file : undefined);
      announce(`Module renamed to “${ref.title}”.`);
    });
  };

  const remove = (file: string) =>
    act('Deleting the module', async () => {
      const index = modules.findIndex((m) => m.file === file);
      const deleted = await tandem().deleteModule(courseId, file);
      const rest = modules.filter((m) => m.file !== file);
      const nextSelected =
        file === selected ? (rest[Math.min(index, rest.length - 1)]?.file ?? '') : undefined;
      props.onModulesChanged(rest, nextSelected === '' ? undefined : nextSelected);
      props.showToast({
        message: `Module “${deleted.module.title}” deleted.`,
        actionLabel: 'Undo',
        focusAction: true,
        onAction: () =>
          void act('Bringing the module back', async () => {
            const ref = await tandem().restoreModule(courseId, deleted);
            await props.refreshModules();
            await props.onSelect(ref.file);
            announce(`Module “${ref.title}” is back.`);
          }),
      });
      // Re-read the list: the back end may renumber the files that followed.
      await props.refreshModules();
    });

  const info = modules.find((m) => m.file === selected);
  const draft = module.value;

  return (
    <div className="modules-tab">
      <ModuleList
        modules={modules}
        selected={selected}
        busy={busy}
        onSelect={(file) => void props.onSelect(file)}
        onAdd={add}
        onReorder={reorder}
        onRename={rename}
        onDelete={remove}
        problem={problem ?? props.listError}
      />
      <section className="module-pane" aria-labelledby="module-pane-title">
        {!selected && (
          <>
            <h2 id="module-pane-title">No module yet</h2>
            <p className="empty">
              A module is one session of the course. Add the first one with “Add module”.
            </p>
          </>
        )}
        {selected && (
          <>
            <div className="module-pane__header">
              <h2 id="module-pane-title">
                {info ? `Module ${info.number}: ${info.title}` : 'Module'}
              </h2>
              {draft && (
                <div className="field field--inline field--compact">
                  <label htmlFor="module-duration">How long</label>
                  <input
                    id="module-duration"
                    type="text"
                    placeholder="e.g. 2 hours"
                    value={draft.duration}
                    onChange={(event) => {
                      const duration = event.target.value;
                      module.update((d) => ({ ...d, duration }));
                    }}
                    onBlur={() => void module.flush()}
                  />
                </div>
              )}
            </div>
            {props.missing}
            {module.loadError && !props.missing && (
              <p className="notice notice--problem" role="alert">
                This module could not be opened: {module.loadError}
              </p>
            )}
            {!draft && !module.loadError && <p className="loading">Opening the module…</p>}
            {draft && (
              <div
                className="module-pane__editor"
                onBlur={(event) => {
                  if (!event.currentTarget.contains(event.relatedTarget as Node | null))
                    void module.flush(); // relatedTarget is a Node when focus stays in the page
                }}
              >
                {/* A new draft (another module, or text from disk) starts a new editor; a
                    module moved or renamed from here keeps its editor, caret and all. */}
                <ModuleEditor
                  key={module.generation}
                  markdown={draft.body}
                  onChange={(body) => module.update((d) => ({ ...d, body }))}
                  images={images}
                  loadImage={loadImage}
                  ariaLabel={`Text of module ${info?.number ?? ''}: ${info?.title ?? ''}`}
                  checkLanguage={checkLanguage}
                />
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}
