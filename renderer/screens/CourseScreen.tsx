/**
 * One course: its modules and their text, its details, and its sign-off. Everything typed here
 * autosaves; leaving the screen saves first.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CourseDocument, ModuleRef } from '../../main/api/contract.js';
import { errorMessage, tandem } from '../api.js';
import { useApp } from '../state/AppContext.js';
import type { CourseTab } from '../state/route.js';
import { useSavedDocument } from '../hooks/useSavedDocument.js';
import type { SavedDocument, SaveStatus, SetAside } from '../hooks/useSavedDocument.js';
import { useSaveBeforeLeaving } from '../hooks/useSaveBeforeLeaving.js';
import { useTandemEvent } from '../hooks/useTandemEvent.js';
import { usePageHeading } from '../hooks/usePageHeading.js';
import { SaveIndicator } from '../components/SaveIndicator.js';
import { KeptInView } from '../components/KeptInView.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { ConflictDialog } from '../components/ConflictDialog.js';
import { RecoveredDraftDialog } from '../components/RecoveredDraftDialog.js';
import { pageJournal } from '../state/draft-journal.js';
import { BodyConflictDialog } from '../components/BodyConflictDialog.js';
import { RECOVERED_NOTE, keepAside, keptOnLeavingNote } from '../components/keep-aside.js';
import { courseFieldRows } from '../components/course-field-rows.js';
import { Tabs } from '../components/Tabs.js';
import { SitePreview } from '../components/SitePreview.js';
import {
  courseAsText,
  isCourseDraft,
  isModuleDraft,
  loadCourse,
  loadModule,
  saveCourse,
  saveModule,
  sameCourse,
  sameModule,
} from './course-documents.js';
import type { CourseDraft, ModuleDraft } from './course-documents.js';
import { ModulesTab } from './ModulesTab.js';
import { CourseDetailsForm } from './CourseDetailsForm.js';
import { SignoffPanel } from './SignoffPanel.js';
import { CourseFolderPanel } from './CourseFolderPanel.js';
import { MissingModuleNotice, moduleFileText } from './MissingModuleNotice.js';

const tabs: { id: CourseTab; label: string }[] = [
  { id: 'modules', label: 'Modules' },
  { id: 'details', label: 'Course details' },
  { id: 'signoff', label: 'Sign-off' },
];

function combinedStatus(...docs: SavedDocument<unknown>[]): SaveStatus {
  const order: SaveStatus[] = ['conflict', 'error', 'saving'];
  return order.find((s) => docs.some((d) => d.status === s)) ?? 'saved';
}

/** The course editor screen. */
export function CourseScreen({ courseId, tab }: { courseId: string; tab: CourseTab }) {
  const { library, navigate, refreshLibrary, showToast, announce } = useApp();
  const heading = usePageHeading();
  const [modules, setModules] = useState<ModuleRef[]>([]);
  const [images, setImages] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [listError, setListError] = useState<string | undefined>(undefined);
  const [previewShown, setPreviewShown] = useState(false);
  // Counts the saves that landed, so the preview renders the page again after each one.
  const [saves, setSaves] = useState(0);

  // The module open in the editor vanished from disk: it stays open, with its text, until the
  // person puts it back or closes it (see MissingModuleNotice).
  const [missing, setMissing] = useState<ModuleRef | undefined>(undefined);
  const shown = useRef<{ selected?: string; modules: ModuleRef[]; open: boolean }>({
    modules: [],
    open: false,
  });
  const takeDocument = useCallback((doc: CourseDocument) => {
    const { selected: current, modules: before, open } = shown.current;
    const vanished =
      current && open && !doc.modules.some((m) => m.file === current)
        ? before.find((m) => m.file === current)
        : undefined;
    setModules(doc.modules);
    setImages(doc.images);
    if (vanished) {
      setMissing(vanished);
      return;
    }
    // Back on disk (a sync tool only moved it for a moment): nothing is missing any more.
    if (current && doc.modules.some((m) => m.file === current)) setMissing(undefined);
    setSelected((now) =>
      now && doc.modules.some((m) => m.file === now) ? now : doc.modules[0]?.file,
    );
  }, []);

  // Kept as the screen was left, the text is no longer in view: say so where it can be seen.
  const tellKeptAside = (what: string, side: SetAside<unknown>) => {
    if (side.whose !== 'left') {
      announce(RECOVERED_NOTE);
      return;
    }
    showToast({
      message: keptOnLeavingNote(what),
      actionLabel: 'Open Recovered text',
      onAction: () => void navigate({ screen: 'recovered' }),
    });
  };

  const journal = pageJournal(library?.root);
  const course = useSavedDocument<CourseDraft>({
    key: courseId,
    load: (id) => loadCourse(id, takeDocument),
    save: (id, draft, base) => saveCourse(id, draft, base),
    equals: sameCourse,
    journal: journal && {
      store: journal,
      file: (id) => `${id}/course.md`,
      label: (id, draft) => `the details of “${draft.fields.title || id}”`,
      isValue: isCourseDraft,
    },
    setAside: async (id, side) => {
      const name = library?.courses.find((c) => c.id === id)?.title ?? id;
      const what = `the details of “${name}”`;
      await keepAside(`${id}/course.md`, what, side, courseAsText);
      tellKeptAside(what, side);
    },
  });
  const module = useSavedDocument<ModuleDraft>({
    key: selected,
    load: (file) => loadModule(courseId, file),
    save: (file, draft, base) => saveModule(courseId, file, draft, base),
    equals: sameModule,
    journal: journal && {
      store: journal,
      file: (file) => `${courseId}/modules/${file}`,
      label: (file, draft) => `the module “${draft.title || file}”`,
      isValue: isModuleDraft,
    },
    setAside: async (file, side) => {
      // Text kept from a draft is named by its own title: the file may be gone from the list.
      const title =
        ('value' in side && side.value.title) ||
        modules.find((m) => m.file === file)?.title ||
        file;
      const what = `the module “${title}”`;
      await keepAside(`${courseId}/modules/${file}`, what, side, moduleFileText);
      tellKeptAside(what, side);
    },
  });

  useEffect(() => {
    shown.current = { selected, modules, open: module.value !== undefined };
  });
  useEffect(() => setMissing(undefined), [selected]);

  const flushAll = useCallback(async () => {
    const [a, b] = await Promise.all([course.flush(), module.flush()]);
    return a && b;
  }, [course, module]);
  const flushRef = useRef(flushAll);
  useEffect(() => {
    flushRef.current = flushAll;
  });
  // Stable across renders, so panels can depend on it without re-running their effects.
  const flushStable = useCallback(() => flushRef.current(), []);

  useSaveBeforeLeaving(flushStable, course.dirty || module.dirty, 'this course');

  // Counts list changes made here (add, move, rename, delete), so that a list read from disk
  // before one of them is not taken for the present.
  const listChanges = useRef(0);
  const refreshModules = useCallback(async (): Promise<void> => {
    const seen = listChanges.current;
    try {
      const doc = await tandem().readCourse(courseId);
      if (seen !== listChanges.current) return refreshModules();
      takeDocument(doc);
      setListError(undefined);
    } catch (error) {
      setListError(errorMessage(error));
    }
  }, [courseId, takeDocument]);

  // A co-author's change on the shared drive: reload what is open (or raise a conflict).
  useTandemEvent((event) => {
    if (event.type !== 'library-changed') return;
    const mine = event.files.filter(
      (f) => f.startsWith(`${courseId}/`) || f.includes(`/${courseId}/`),
    );
    if (mine.length === 0) return;
    if (mine.some((f) => f.endsWith(`${courseId}/course.md`))) void course.fileChanged();
    if (selected && mine.some((f) => f.endsWith(`${courseId}/modules/${selected}`)))
      void module.fileChanged();
    if (mine.some((f) => f.includes(`${courseId}/modules/`) || f.includes(`${courseId}/images/`)))
      void refreshModules();
  });

  const selectModule = useCallback(
    async (file: string) => {
      if (file === selected) return;
      if (!(await module.flush())) {
        announce('This module is not saved yet. Please retry saving before opening another.');
        return;
      }
      setSelected(file);
    },
    [module, selected, announce],
  );

  const summary = library?.courses.find((c) => c.id === courseId);
  const title = course.value?.fields.title || summary?.title || courseId;
  const status = combinedStatus(
    course as SavedDocument<unknown>, // status and flags do not depend on the draft's type
    module as SavedDocument<unknown>,
  );

  // The app's own saves raise no change events, yet they can change the course's sign-off
  // state (a signed course that is edited is "changed since sign-off"): refresh once they land.
  const sawSaving = useRef(false);
  useEffect(() => {
    if (status === 'saving') {
      sawSaving.current = true;
      return;
    }
    if (status !== 'saved' || !sawSaving.current) return;
    sawSaving.current = false;
    setSaves((n) => n + 1);
    const timer = setTimeout(() => void refreshLibrary(), 1000);
    return () => clearTimeout(timer);
  }, [status, refreshLibrary]);

  if (course.loadError) {
    return (
      <div className="screen">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <div className="notice notice--problem" role="alert">
          <p>This course could not be opened: {course.loadError}</p>
          <p>
            <a
              href="#/problems"
              onClick={(event) => {
                event.preventDefault();
                void navigate({ screen: 'problems', courseId });
              }}
            >
              See the problems in this course
            </a>
          </p>
        </div>
      </div>
    );
  }

  const moduleInfo = modules.find((m) => m.file === selected);

  return (
    <div className={`screen screen--course${previewShown ? ' screen--with-preview' : ''}`}>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a
          href="#/library"
          onClick={(event) => {
            event.preventDefault();
            void navigate({ screen: 'library' });
          }}
        >
          Courses
        </a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{title}</span>
      </nav>
      <div className="screen__header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          <p className="screen__subtitle">
            {course.value?.fields.code && <span>{course.value.fields.code}</span>}
            <StatusBadge status={summary?.status} />
          </p>
        </div>
        {!previewShown && (
          <button
            type="button"
            className="button screen__header-action"
            onClick={() => setPreviewShown(true)}
          >
            Preview the student page
          </button>
        )}
        <KeptInView>
          <SaveIndicator
            status={missing ? 'error' : status}
            error={
              missing
                ? `“${missing.title}” is no longer on disk`
                : (course.saveError ?? module.saveError)
            }
            onRetry={() => {
              if (course.status === 'error') course.retry();
              if (module.status === 'error') module.retry();
            }}
          />
        </KeptInView>
      </div>
      <Tabs
        label="Course sections"
        tabs={tabs}
        current={tab}
        onSelect={(next) => void navigate({ screen: 'course', courseId, tab: next })}
      >
        {tab === 'modules' && (
          <ModulesTab
            courseId={courseId}
            modules={modules}
            images={images}
            selected={selected}
            onSelect={selectModule}
            module={module}
            missing={
              missing && missing.file === selected ? (
                <MissingModuleNotice
                  courseId={courseId}
                  module={missing}
                  draft={module.value}
                  onRestored={async (file) => {
                    setMissing(undefined);
                    await refreshModules();
                    if (file === selected) await module.takeTheirs();
                    else setSelected(file);
                    announce(`Module “${missing.title}” is back, with your text.`);
                  }}
                  onClose={async () => {
                    // The module stays deleted, but text typed since its last save is kept.
                    if (module.dirty && module.value) {
                      await keepAside(
                        `${courseId}/modules/${missing.file}`,
                        `the module “${missing.title}”`,
                        { whose: 'unsaved', value: module.value },
                        moduleFileText,
                      );
                      announce('Your unsaved text is kept under “Recovered text”.');
                    }
                    module.forgetDraft();
                    setMissing(undefined);
                    setSelected(modules[0]?.file);
                  }}
                />
              ) : undefined
            }
            listError={listError}
            flush={flushStable}
            onModulesChanged={(next, select) => {
              listChanges.current += 1;
              setModules(next);
              if (select !== undefined) setSelected(select);
              void refreshLibrary();
            }}
            refreshModules={refreshModules}
            showToast={showToast}
            announce={announce}
          />
        )}
        {tab === 'details' && course.value && library && (
          <>
            <CourseDetailsForm
              key={course.generation}
              courseId={courseId}
              draft={course.value}
              images={images}
              library={library}
              onChange={course.update}
              onBlur={() => void course.flush()}
            />
            <CourseFolderPanel courseId={courseId} title={title} flush={flushStable} />
          </>
        )}
        {tab === 'signoff' && (
          <SignoffPanel
            courseId={courseId}
            flush={flushStable}
            authors={course.value?.fields.authors}
          />
        )}
      </Tabs>
      {previewShown && (
        <SitePreview
          courseId={courseId}
          moduleFile={tab === 'modules' ? selected : undefined}
          revision={saves}
          onClose={() => setPreviewShown(false)}
        />
      )}
      {course.recovered && (
        <RecoveredDraftDialog
          recovered={course.recovered}
          onRestore={course.restoreRecovered}
          onDiscard={course.discardRecovered}
        />
      )}
      {module.recovered && !course.recovered && (
        <RecoveredDraftDialog
          recovered={module.recovered}
          onRestore={module.restoreRecovered}
          onDiscard={module.discardRecovered}
        />
      )}
      {course.conflict && (
        <ConflictDialog
          open
          what="this course’s details"
          mine={courseAsText(course.conflict.mine)}
          theirs={course.conflict.theirs}
          fields={courseFieldRows(
            course.conflict.mine,
            course.conflict.theirs,
            course.conflict.theirsBody,
            (id) => library?.trainers.find((t) => t.id === id)?.name ?? id,
          )}
          onKeepMine={course.keepMine}
          onTakeTheirs={() => void course.takeTheirs()}
        />
      )}
      <BodyConflictDialog
        document={module}
        what={`the module “${moduleInfo?.title ?? module.conflict?.mine.title ?? ''}”`}
        announce={announce}
      />
    </div>
  );
}
