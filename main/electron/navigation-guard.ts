/**
 * The window may show only the app's own pages. Any attempt to navigate elsewhere (a link in
 * course text, a redirect) is stopped; web links open in the person's own browser, and only
 * `https:` and `mailto:` links, checked first.
 */
import { isAppUrl } from './app-origin.js';

/** True when the window may navigate to `url` (only within the app). */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

const EMAIL = /^[^\s@/?#,;]+@[^\s@/?#,;]+\.[^\s@/?#,;]+$/;
const MAILTO_FIELDS = new Set(['subject', 'body']);

/**
 * The URL to hand to the OS when `url` is a safe external link: `https:` with a real host
 * and no user name or password, or `mailto:` with one plain address. Undefined otherwise
 * (`file:`, `javascript:`, `smb:`, custom app schemes… are never opened).
 */
export function safeExternalUrl(url: string): string | undefined {
  if (url.length > 2048) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol === 'https:') {
    if (!parsed.hostname || parsed.username || parsed.password) return undefined;
    return parsed.href;
  }
  if (parsed.protocol === 'mailto:') {
    const address = decodeURIComponent(parsed.pathname);
    if (!EMAIL.test(address) || parsed.hash) return undefined;
    // A subject or body is fine; other fields (attach=, cc= to extra people…) are refused.
    if ([...parsed.searchParams.keys()].some((key) => !MAILTO_FIELDS.has(key.toLowerCase()))) {
      return undefined;
    }
    return parsed.href;
  }
  return undefined;
}

/** What to do with a navigation or window.open request. */
export type NavigationDecision =
  { action: 'allow' } | { action: 'open-externally'; url: string } | { action: 'deny' };

/** Decides a navigation of the app window (will-navigate, will-redirect, will-frame-navigate). */
export function decideNavigation(url: string): NavigationDecision {
  if (isNavigationAllowed(url)) return { action: 'allow' };
  const external = safeExternalUrl(url);
  return external ? { action: 'open-externally', url: external } : { action: 'deny' };
}

/** Decides window.open / target=_blank: never a new app window; safe links go to the OS. */
export function decideWindowOpen(url: string): NavigationDecision {
  const external = safeExternalUrl(url);
  return external ? { action: 'open-externally', url: external } : { action: 'deny' };
}

/** The parts of Electron's WebContents the guard attaches to. */
export interface GuardableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { url: string; preventDefault(): void }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Attaches the guard to a window's contents; `openExternal` is shell.openExternal. */
export function guardNavigation(
  contents: GuardableContents,
  openExternal: (url: string) => Promise<void>,
): void {
  const onNavigate = (event: { url: string; preventDefault(): void }): void => {
    const decision = decideNavigation(event.url);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.action === 'open-externally') void openExternal(decision.url);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.action === 'open-externally') void openExternal(decision.url);
    return { action: 'deny' };
  });
}
