/**
 * Keeps something small (the "Saved" indicator) in view: where it sits until the page scrolls
 * it away, then pinned to the top of the window at the same right edge, which is where the
 * editor's sticky toolbar ends. One element either way, so a live region is never announced
 * twice.
 */
import { useEffect, useRef, useState } from 'react';
import type { CSSProperties, ReactNode } from 'react';

/** How far inside the toolbar's right edge the pinned indicator sits, in pixels. */
const INSET = 8;

export function KeptInView({ children }: { children: ReactNode }) {
  const slot = useRef<HTMLDivElement>(null);
  const [away, setAway] = useState(false);
  const [right, setRight] = useState(INSET);
  useEffect(() => {
    const element = slot.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const measure = () =>
      setRight(Math.max(INSET, window.innerWidth - element.getBoundingClientRect().right + INSET));
    const observer = new IntersectionObserver(
      ([entry]) => {
        measure();
        setAway(entry !== undefined && entry.intersectionRatio < 1);
      },
      { threshold: [0, 1] },
    );
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  const pinned: CSSProperties = { right };
  return (
    <div ref={slot} className="kept-in-view">
      <div
        className={away ? 'kept-in-view__content kept-in-view__content--pinned' : undefined}
        style={away ? pinned : undefined}
      >
        {children}
      </div>
    </div>
  );
}
