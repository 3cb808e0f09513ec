import { describe, expect, it, vi } from 'vitest';
import { appUrlToRelativePath, isAppUrl } from '../../main/electron/app-origin.js';
import {
  decideNavigation,
  decideWindowOpen,
  guardNavigation,
  safeExternalUrl,
  type GuardableContents,
} from '../../main/electron/navigation-guard.js';

describe('safeExternalUrl', () => {
  const allowed: [string, string][] = [
    [
      'https://www.mind.org.uk/information-support/',
      'https://www.mind.org.uk/information-support/',
    ],
    ['https://example.org', 'https://example.org/'],
    ['mailto:recovery.college@example.nhs.uk', 'mailto:recovery.college@example.nhs.uk'],
  ];
  it.each(allowed)('opens %s', (url, expected) => {
    expect(safeExternalUrl(url)).toBe(expected);
  });

  const refused = [
    'http://example.org/', // not encrypted
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'vscode://file/etc/passwd',
    'tandem://app/index.html',
    'https://user:pass@example.org/',
    'https://',
    'mailto:',
    'mailto:a@b.c?attach=/etc/passwd,x@y.z',
    'mailto:not an address',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
    'mailto:a@b.c,x@y.z',
    'mailto:a@b.c?cc=x@y.z',
  ];
  it.each(refused)('refuses %s', (url) => {
    expect(safeExternalUrl(url)).toBeUndefined();
  });

  it('refuses very long URLs', () => {
    expect(safeExternalUrl(`https://example.org/${'a'.repeat(3000)}`)).toBeUndefined();
  });

  it('allows a mail subject', () => {
    expect(safeExternalUrl('mailto:college@example.org?subject=Enrolment')).toBe(
      'mailto:college@example.org?subject=Enrolment',
    );
  });
});

describe('navigation decisions', () => {
  it('allows the app origin only', () => {
    expect(decideNavigation('tandem://app/index.html')).toEqual({ action: 'allow' });
    expect(decideNavigation('tandem://other/index.html')).toEqual({ action: 'deny' });
    expect(decideNavigation('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(decideNavigation('https://example.org/')).toEqual({
      action: 'open-externally',
      url: 'https://example.org/',
    });
  });

  it('never opens a new app window', () => {
    expect(decideWindowOpen('tandem://app/index.html')).toEqual({ action: 'deny' });
    expect(decideWindowOpen('https://example.org/').action).toBe('open-externally');
  });

  it('wires will-navigate, will-redirect, webviews and window.open', async () => {
    const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    const contents: GuardableContents = {
      on: (name: string, listener: (event: { url: string; preventDefault(): void }) => void) =>
        listeners.set(name, listener),
      setWindowOpenHandler: (handler) => {
        openHandler = handler;
      },
    };
    const openExternal = vi.fn(async () => undefined);
    guardNavigation(contents, openExternal);

    const navigate = (name: string, url: string): boolean => {
      let prevented = false;
      listeners.get(name)?.({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(navigate('will-navigate', 'tandem://app/index.html')).toBe(false);
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-attach-webview', 'tandem://app/')).toBe(true);
    expect(openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'https://www.mind.org.uk/' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([
      ['https://evil.example/'],
      ['https://www.mind.org.uk/'],
    ]);
  });
});

describe('app origin', () => {
  it('recognises only tandem://app', () => {
    expect(isAppUrl('tandem://app/x.js')).toBe(true);
    expect(isAppUrl('tandem://app.evil/x.js')).toBe(false);
    expect(isAppUrl('https://app/x.js')).toBe(false);
  });

  it('maps app URLs to files inside the UI folder only', () => {
    expect(appUrlToRelativePath('tandem://app/')).toBe('index.html');
    expect(appUrlToRelativePath('tandem://app/assets/logo.svg')).toBe('assets/logo.svg');
    // The URL parser resolves encoded dot segments first, so this stays inside the folder.
    expect(appUrlToRelativePath('tandem://app/%2e%2e/%2e%2e/etc/passwd')).toBe('etc/passwd');
    expect(appUrlToRelativePath('tandem://app/..%2f..%2fsecret')).toBeUndefined();
    expect(appUrlToRelativePath('tandem://app/a%5c..%5cb')).toBeUndefined();
    expect(appUrlToRelativePath('tandem://app/%00')).toBeUndefined();
    expect(appUrlToRelativePath('https://app/index.html')).toBeUndefined();
  });
});
