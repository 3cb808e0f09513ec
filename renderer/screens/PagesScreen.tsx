/**
 * The college's front pages (welcome, how to enrol, the learning agreement…): the list in the
 * order the prospectus shows them, beside the text of the page open in the same editor as
 * modules, with the same autosave, conflict view and unsaved-text journal.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PageRef } from '../../main/api/contract.js';
import { isKebabCase } from '../../main/format/ids.js';
import { errorMessage, tandem, checkLanguage } from '../api.js';
import { useApp } from '../state/AppContext.js';
import { pageJournal } from '../state/draft-journal.js';
import { useSavedDocument } from '../hooks/useSavedDocument.js';
import { useSaveBeforeLeaving } from '../hooks/useSaveBeforeLeaving.js';
import { useTandemEvent } from '../hooks/useTandemEvent.js';
import { usePageHeading } from '../hooks/usePageHeading.js';
import { AddPictureButton } from '../components/AddPictureButton.js';
import { BodyConflictDialog } from '../components/BodyConflictDialog.js';
import { KeptInView } from '../components/KeptInView.js';
import { ModuleList } from '../components/ModuleList.js';
import { ModuleEditor } from '../editor/index.js';
import { RecoveredDraftDialog } from '../components/RecoveredDraftDialog.js';
import { SaveIndicator } from '../components/SaveIndicator.js';
import { RECOVERED_NOTE, keepAside } from '../components/keep-aside.js';
import { slug as slugOf } from './planning/slug.js';
import { isPageDraft, loadPage, pageFileText, samePage, savePage } from './page-documents.js';
import type { PageDraft } from './page-documents.js';

const pageFile = (slug: string) => `pages/${slug}.md`;

/** The Pages screen. */
export function PagesScreen() {
  const { library, showToast, announce, refreshLibrary } = useApp();
  const heading = usePageHeading();
  const [pages, setPages] = useState<PageRef[]>([]);
  const [pictures, setPictures] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [listError, setListError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const journal = pageJournal(library?.root);
  const titleOf = (slug: string) => pages.find((p) => p.slug === slug)?.title ?? slug;
  const page = useSavedDocument<PageDraft>({
    key: selected,
    load: loadPage,
    save: savePage,
    equals: samePage,
    journal: journal && {
      store: journal,
      file: pageFile,
      label: (slug, draft) => `the page “${draft.title || slug}”`,
      isValue: isPageDraft,
    },
    setAside: async (slug, side) => {
      await keepAside(pageFile(slug), `the page “${titleOf(slug)}”`, side, pageFileText);
      announce(RECOVERED_NOTE);
    },
  });
  useSaveBeforeLeaving(page.flush, page.dirty, 'this page');

  const refresh = useCallback(async (select?: string) => {
    try {
      const list = await tandem().listPages();
      setPages(list.pages);
      setPictures(list.pictures);
      setListError(undefined);
      setSelected((now) => {
        const wanted = select ?? now;
        return list.pages.some((p) => p.slug === wanted) ? wanted : list.pages[0]?.slug;
      });
    } catch (error) {
      setListError(errorMessage(error));
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  useTandemEvent((event) => {
    if (event.type !== 'library-changed') return;
    if (selected && event.files.includes(pageFile(selected))) void page.fileChanged();
    if (event.files.some((f) => f.startsWith('pages/') || f.startsWith('images/'))) void refresh();
  });

  // Every change to the list saves the open text first, and says so when it cannot.
  const act = async (what: string, work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setListError(undefined);
    try {
      if (!(await page.flush())) {
        setListError('Your text is not saved yet, so the list of pages was left as it was.');
        return;
      }
      await work();
      void refreshLibrary();
    } catch (error) {
      setListError(`${what} did not work: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const select = async (slug: string) => {
    if (slug === selected) return;
    if (!(await page.flush())) {
      announce('This page is not saved yet. Please retry saving before opening another.');
      return;
    }
    setSelected(slug);
  };

  const reorder = (slugs: string[]) =>
    act('Moving the page', async () => {
      setPages(await tandem().reorderPages(slugs));
      // The open page's `order` line may have changed: take the file as it is now.
      await page.fileChanged();
    });

  const rename = (slug: string, title: string) =>
    act('Renaming the page', async () => {
      if (slug !== selected) return;
      page.update((draft) => ({ ...draft, title }));
      if (await page.flush()) await refresh();
    });

  const remove = (slug: string) =>
    act('Removing the page', async () => {
      const index = pages.findIndex((p) => p.slug === slug);
      const deleted = await tandem().deletePage(slug);
      const rest = pages.filter((p) => p.slug !== slug);
      setPages(rest);
      if (slug === selected) setSelected(rest[Math.min(index, rest.length - 1)]?.slug);
      showToast({
        message: `Page “${deleted.page.title}” removed.`,
        actionLabel: 'Undo',
        focusAction: true,
        onAction: () =>
          void act('Bringing the page back', async () => {
            const ref = await tandem().restorePage(deleted);
            await refresh(ref.slug);
            announce(`Page “${ref.title}” is back.`);
          }),
      });
      await refresh();
    });

  const loadPicture = useCallback((path: string) => tandem().readPicture(path), []);
  const info = pages.find((p) => p.slug === selected);
  const draft = page.value;

  return (
    <div className="screen">
      <div className="screen__header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Pages
          </h1>
          <p className="screen__intro">
            The front pages of the prospectus and website, in the order students read them.
          </p>
        </div>
        <KeptInView>
          <SaveIndicator status={page.status} error={page.saveError} onRetry={page.retry} />
        </KeptInView>
      </div>
      <div className="modules-tab">
        <div className="page-list-column">
          <ModuleList
            modules={pages.map((p) => ({ file: p.slug, title: p.title }))}
            labels={{ heading: 'Pages', item: 'Page' }}
            selected={selected}
            busy={busy}
            onSelect={(slug) => void select(slug)}
            onReorder={reorder}
            onRename={rename}
            onDelete={remove}
            problem={listError}
          />
          <NewPageForm
            taken={pages.map((p) => p.slug)}
            busy={busy}
            onAdd={(title, slug) =>
              act('Adding the page', async () => {
                const ref = await tandem().addPage({ title, slug });
                await refresh(ref.slug);
                announce(`Page “${ref.title}” added.`);
              })
            }
          />
        </div>
        <section className="module-pane" aria-labelledby="page-pane-title">
          {!selected && (
            <>
              <h2 id="page-pane-title">No page yet</h2>
              <p className="empty">Add the first page, such as a welcome, with “Add page”.</p>
            </>
          )}
          {selected && (
            <>
              <div className="module-pane__header">
                <h2 id="page-pane-title">{info ? `Page: ${info.title}` : 'Page'}</h2>
                <span className="muted">
                  <code>{pageFile(selected)}</code>
                </span>
              </div>
              {page.loadError && (
                <p className="notice notice--problem" role="alert">
                  This page could not be opened: {page.loadError}
                </p>
              )}
              {!draft && !page.loadError && <p className="loading">Opening the page…</p>}
              {draft && (
                <div
                  className="module-pane__editor"
                  onBlur={(event) => {
                    if (!event.currentTarget.contains(event.relatedTarget as Node | null))
                      void page.flush(); // relatedTarget is a Node when focus stays in the page
                  }}
                >
                  <div className="field">
                    <label htmlFor="page-title">Title</label>
                    <input
                      id="page-title"
                      type="text"
                      value={draft.title}
                      onChange={(event) => {
                        const title = event.target.value;
                        page.update((d) => ({ ...d, title }));
                      }}
                    />
                  </div>
                  <div className="field page-pictures">
                    <AddPictureButton
                      id="page-picture-file"
                      onAdded={(path) => {
                        setPictures((list) => [...new Set([...list, path])].sort());
                        announce(`${path} added. Put it in the text with the Picture button.`);
                      }}
                    />
                  </div>
                  <ModuleEditor
                    key={`${selected}:${page.generation}`}
                    markdown={draft.body}
                    onChange={(body) => page.update((d) => ({ ...d, body }))}
                    images={pictures}
                    loadImage={loadPicture}
                    ariaLabel={`Text of the page ${info?.title ?? selected}`}
                    checkLanguage={checkLanguage}
                    kind="page"
                  />
                </div>
              )}
            </>
          )}
        </section>
      </div>
      {page.recovered && (
        <RecoveredDraftDialog
          recovered={page.recovered}
          onRestore={page.restoreRecovered}
          onDiscard={page.discardRecovered}
        />
      )}
      <BodyConflictDialog
        document={page}
        what={`the page “${info?.title ?? selected ?? ''}”`}
        announce={announce}
      />
    </div>
  );
}

/** Title and id of a new page; the id follows the title until someone edits it. */
function NewPageForm({
  taken,
  busy,
  onAdd,
}: {
  taken: string[];
  busy: boolean;
  onAdd(title: string, slug: string): Promise<void>;
}) {
  const [title, setTitle] = useState('');
  const [typedId, setTypedId] = useState<string | undefined>(undefined);
  const id = typedId ?? slugOf(title);
  const problem = !id
    ? undefined
    : !isKebabCase(id)
      ? 'The id must be lower-case words joined by hyphens, like how-to-enrol.'
      : taken.includes(id)
        ? `There is already a page with the id ${id}.`
        : undefined;
  return (
    <form
      className="module-list module-list__add"
      aria-labelledby="new-page-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!title.trim() || !id || problem) return;
        void onAdd(title.trim(), id).then(() => {
          setTitle('');
          setTypedId(undefined);
        });
      }}
    >
      <h2 id="new-page-heading" className="module-list__title">
        New page
      </h2>
      <div className="field">
        <label htmlFor="new-page-title">Title</label>
        <input
          id="new-page-title"
          type="text"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="new-page-id">Id (its file name and web address)</label>
        <input
          id="new-page-id"
          type="text"
          value={id}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby="new-page-id-hint"
          onChange={(event) => setTypedId(event.target.value)}
        />
        <p className={problem ? 'field__problem' : 'hint'} id="new-page-id-hint">
          {problem ?? 'It cannot be changed later, because other pages and websites link to it.'}
        </p>
      </div>
      <button type="submit" className="button" disabled={busy || !title.trim() || !id || !!problem}>
        Add page
      </button>
    </form>
  );
}
