/** Short messages at the foot of the window, some with an action such as Undo. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useApp } from '../state/AppContext.js';
import type { Toast } from '../state/AppContext.js';

const visibleFor = 12_000;

function ToastItem({ toast }: { toast: Toast }) {
  const { dismissToast } = useApp();
  // A message never disappears while someone is reading it or about to press its button.
  const [paused, setPaused] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);
  const actionRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (toast.focusAction) actionRef.current?.focus();
  }, [toast.focusAction]);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => dismissToast(toast.id), visibleFor);
    return () => clearTimeout(timer);
  }, [toast.id, dismissToast, paused]);
  // A layout effect, so the check runs before the message leaves the page.
  useLayoutEffect(() => {
    const item = itemRef.current;
    return () => {
      // Focus inside a message that goes away would be lost; keep it in the main area.
      if (item?.contains(document.activeElement)) document.getElementById('main')?.focus();
    };
  }, []);
  return (
    <li
      ref={itemRef}
      className="toast"
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
    >
      <span>{toast.message}</span>
      {toast.actionLabel && toast.onAction && (
        <button
          ref={actionRef}
          type="button"
          className="button button--small"
          onClick={() => {
            toast.onAction?.();
            dismissToast(toast.id);
          }}
        >
          {toast.actionLabel}
        </button>
      )}
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label="Dismiss message"
        onClick={() => dismissToast(toast.id)}
      >
        ×
      </button>
    </li>
  );
}

/** The list of current toasts, announced as they appear. */
export function Toasts() {
  const { toasts } = useApp();
  return (
    <div className="toasts" role="status" aria-live="polite">
      <ul>
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} />
        ))}
      </ul>
    </div>
  );
}
