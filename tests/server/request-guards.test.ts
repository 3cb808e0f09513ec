import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedHost,
  isAllowedOrigin,
  isSameSiteFetch,
  readCookie,
  securityHeaders,
  tokenCookie,
  tokensMatch,
} from '../../main/server/request-guards.js';

describe('isAllowedHost', () => {
  const cases: [string | undefined, boolean][] = [
    ['127.0.0.1:4321', true],
    ['localhost:4321', true],
    ['127.0.0.1:4322', false],
    ['127.0.0.1', false],
    ['evil.example:4321', false], // DNS rebinding: the attacker's name resolves to 127.0.0.1
    ['localhost.evil.example:4321', false],
    ['[::1]:4321', false],
    ['LOCALHOST:4321', false],
    [undefined, false],
    ['', false],
  ];
  it.each(cases)('%j → %s', (host, allowed) => {
    expect(isAllowedHost(host, 4321)).toBe(allowed);
  });
});

describe('isAllowedOrigin', () => {
  const cases: [string | undefined, boolean][] = [
    ['http://127.0.0.1:4321', true],
    ['http://localhost:4321', true],
    ['https://127.0.0.1:4321', false],
    ['http://127.0.0.1:80', false],
    ['http://evil.example', false],
    ['null', false], // sandboxed iframes and file: pages
    [undefined, false],
  ];
  it.each(cases)('%j → %s', (origin, allowed) => {
    expect(isAllowedOrigin(origin, 4321)).toBe(allowed);
  });
});

describe('isSameSiteFetch', () => {
  it.each([
    ['same-origin', true],
    ['none', true],
    [undefined, true],
    ['same-site', false],
    ['cross-site', false],
  ] as const)('%j → %s', (value, allowed) => {
    expect(isSameSiteFetch(value)).toBe(allowed);
  });
});

describe('tokens and cookies', () => {
  it('matches only the exact token', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abd', 'abc')).toBe(false);
    expect(tokensMatch('ab', 'abc')).toBe(false);
    expect(tokensMatch(undefined, 'abc')).toBe(false);
    expect(tokensMatch('', 'abc')).toBe(false);
  });

  it('reads one cookie among several', () => {
    expect(readCookie('a=1; tandem_token_9=xyz; b=2', 'tandem_token_9')).toBe('xyz');
    expect(readCookie('tandem_token_90=xyz', 'tandem_token_9')).toBeUndefined();
    expect(readCookie(undefined, 'x')).toBeUndefined();
  });

  it('keeps the token from page scripts and other sites', () => {
    const cookie = tokenCookie(4321, 'secret');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie.startsWith('tandem_token_4321=secret;')).toBe(true);
  });
});

describe('security headers', () => {
  it('allows scripts only from the app and forbids framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    const headers = securityHeaders();
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['X-Frame-Options']).toBe('DENY');
  });
});
