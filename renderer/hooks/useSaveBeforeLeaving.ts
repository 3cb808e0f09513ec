/**
 * Leaving a screen with unsaved text saves it first; when that fails the person stays, with
 * their text. Closing or reloading the page while text is unsaved asks first.
 */
import { useEffect, useRef } from 'react';
import { useApp } from '../state/AppContext.js';

/** `flush` saves everything open (false when it could not); `dirty` while anything is unsaved. */
export function useSaveBeforeLeaving(flush: () => Promise<boolean>, dirty: boolean, where: string) {
  const { setLeaveGuard, announce } = useApp();
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });

  useEffect(() => {
    setLeaveGuard(async () => {
      const ok = await flushRef.current();
      if (!ok) announce(`Your changes are not saved yet, so you are still on ${where}.`);
      return ok;
    });
    return () => setLeaveGuard(null);
  }, [setLeaveGuard, announce, where]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      void flushRef.current();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
