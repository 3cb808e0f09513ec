/**
 * App-wide state: the open library, who is using Tandem, navigation (with a guard so unsaved
 * work is saved before leaving a screen), announcements for screen readers, and toasts.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import type { Identity, LibraryOverview, TrainerSummary } from '../../main/api/contract.js';
import { errorMessage, tandem } from '../api.js';
import { useTandemEvent } from '../hooks/useTandemEvent.js';
import { parseRoute, routeHash } from './route.js';
import type { Route } from './route.js';
import { startHash } from './work-role.js';

export interface Toast {
  id: number;
  message: string;
  actionLabel?: string;
  onAction?: () => void;
  /** Move focus to the action, when the control that led to it has gone (e.g. Delete). */
  focusAction?: boolean;
}

/** Returns false to stay on the current screen (e.g. work could not be saved). */
export type LeaveGuard = () => Promise<boolean>;

export interface AppState {
  library: LibraryOverview | null;
  libraryError: string | null;
  identity: Identity | null;
  route: Route;
  navigate(route: Route): Promise<void>;
  setLeaveGuard(guard: LeaveGuard | null): void;
  refreshLibrary(): Promise<void>;
  refreshIdentity(): Promise<void>;
  setIdentity(trainerId: string): Promise<void>;
  trainer(id: string): TrainerSummary | undefined;
  announce(message: string): void;
  toasts: Toast[];
  showToast(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
  /** Polite announcement for screen readers, rendered by the shell. */
  announcement: string;
  /** Goes up each time someone asks for a new course from outside the library screen (menu). */
  newCourseRequest: number;
  requestNewCourse(): void;
  /** Saves whatever is open now; false when it could not be saved. */
  saveNow(): Promise<boolean>;
}

const AppContext = createContext<AppState | null>(null);

/** The app state; only usable inside `<AppProvider>`. */
export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp() must be used inside <AppProvider>.');
  return state;
}

/** Provides library, identity, route and messages to the whole app. */
export function AppProvider({ children }: { children: ReactNode }) {
  const [library, setLibrary] = useState<LibraryOverview | null>(null);
  const [libraryError, setLibraryError] = useState<string | null>(null);
  const [identity, setIdentityState] = useState<Identity | null>(null);
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash || startHash()));
  const [announcement, setAnnouncement] = useState('');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [newCourseRequest, setNewCourseRequest] = useState(0);
  const guardRef = useRef<LeaveGuard | null>(null);
  const toastId = useRef(0);

  const refreshLibrary = useCallback(async () => {
    try {
      setLibrary(await tandem().getLibrary());
      setLibraryError(null);
    } catch (error) {
      setLibraryError(errorMessage(error));
    }
  }, []);

  const refreshIdentity = useCallback(async () => {
    try {
      setIdentityState(await tandem().getIdentity());
    } catch (error) {
      setLibraryError(errorMessage(error));
    }
  }, []);

  useEffect(() => {
    void refreshLibrary();
    void refreshIdentity();
  }, [refreshLibrary, refreshIdentity]);

  useEffect(() => {
    if (library) document.title = `${library.collegeName} — Tandem`;
  }, [library]);

  // Files changed on disk (a co-author on a shared drive, or our own saves): refresh the
  // overview after the burst of changes settles.
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useTandemEvent((event) => {
    if (event.type !== 'library-changed') return;
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => void refreshLibrary(), 250);
  });

  useEffect(() => {
    const onHashChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const navigate = useCallback(async (next: Route) => {
    const guard = guardRef.current;
    if (guard && !(await guard())) return;
    const hash = routeHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(next);
  }, []);

  const setLeaveGuard = useCallback((guard: LeaveGuard | null) => {
    guardRef.current = guard;
  }, []);

  const requestNewCourse = useCallback(() => setNewCourseRequest((n) => n + 1), []);

  const saveNow = useCallback(async () => (guardRef.current ? guardRef.current() : true), []);

  const setIdentity = useCallback(async (trainerId: string) => {
    setIdentityState(await tandem().setIdentity(trainerId));
  }, []);

  const trainer = useCallback(
    (id: string) => library?.trainers.find((t) => t.id === id),
    [library],
  );

  const announce = useCallback((message: string) => {
    // Clearing first makes a repeated message be announced again.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(message), 50);
  }, []);

  const dismissToast = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const showToast = useCallback((toast: Omit<Toast, 'id'>) => {
    const id = ++toastId.current;
    setToasts((list) => [...list.slice(-2), { ...toast, id }]);
  }, []);

  const value = useMemo<AppState>(
    () => ({
      library,
      libraryError,
      identity,
      route,
      navigate,
      setLeaveGuard,
      refreshLibrary,
      refreshIdentity,
      setIdentity,
      trainer,
      announce,
      toasts,
      showToast,
      dismissToast,
      announcement,
      newCourseRequest,
      requestNewCourse,
      saveNow,
    }),
    [
      library,
      libraryError,
      identity,
      route,
      navigate,
      setLeaveGuard,
      refreshLibrary,
      refreshIdentity,
      setIdentity,
      trainer,
      announce,
      toasts,
      showToast,
      dismissToast,
      announcement,
      newCourseRequest,
      requestNewCourse,
      saveNow,
    ],
  );
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}
