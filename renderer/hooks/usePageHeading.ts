/** Moves focus to a screen's main heading when the screen opens, so keyboard and screen reader users start there. */
import { useEffect, useRef } from 'react';

/** Returns a ref for the screen's h1; focuses it on mount. */
export function usePageHeading<T extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return ref;
}
