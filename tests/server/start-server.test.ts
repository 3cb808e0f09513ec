/**
 * The browser-mode server in process, on a temp copy of a library, with a small stand-in UI
 * bundle (the real bundle is exercised end to end in tests/e2e). Each refusal is checked with
 * real HTTP requests.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport, type FetchLike } from '../../main/server/http-transport-client.js';
import type { RunningServer } from '../../main/server/start-server.js';
import { serveInProcess, type ServerInProcess } from '../support/serve-in-process.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

let library: TempLibrary;
let served: ServerInProcess;
let server: RunningServer;
let cookie: string;

beforeAll(async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  served = await serveInProcess(library.root);
  ({ server, cookie } = served);
});

afterAll(async () => {
  await served?.close();
  await library?.dispose();
});

/** Raw request with full control over headers (fetch would not let us set Host). */
function raw(
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path: pathname,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const apiHeaders = (): Record<string, string> => ({
  cookie,
  origin: server.origin,
  'content-type': 'application/json',
  'x-tandem-api': '1',
});

describe('browser-mode server', () => {
  it('prints a 127.0.0.1 address with a 256-bit token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  it('swaps the URL token for an HttpOnly SameSite=Strict cookie and redirects', async () => {
    const response = await raw(`/?token=${server.token}`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('refuses a wrong token in the URL', async () => {
    expect((await raw('/?token=guess')).status).toBe(403);
  });

  it('refuses every request without the token, even for the UI files', async () => {
    expect((await raw('/')).status).toBe(403);
    expect((await raw('/app.js')).status).toBe(403);
    expect(
      (await raw('/api/getLibrary', { method: 'POST', headers: { ...apiHeaders(), cookie: '' } }))
        .status,
    ).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const response = await raw('/', { headers: { cookie, host: `evil.example:${server.port}` } });
    expect(response.status).toBe(403);
  });

  it('serves the page with the transport script first and security headers', async () => {
    const response = await raw('/', { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.body.indexOf('/_tandem/http-transport.js')).toBeLessThan(
      response.body.indexOf('./app.js'),
    );
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect((await raw('/_tandem/http-transport.js', { headers: { cookie } })).body).toContain(
      'transport',
    );
  });

  it('never serves files outside the UI folder', async () => {
    for (const attempt of ['/../outside.js', '/%2e%2e/outside.js', '/..%2foutside.js', '/%00.js']) {
      expect((await raw(attempt, { headers: { cookie } })).status).toBe(404);
    }
  });

  it('refuses API calls from another origin, without the API header, or not JSON', async () => {
    const post = (headers: Record<string, string>) =>
      raw('/api/getLibrary', { method: 'POST', headers, body: '[]' });
    expect((await post({ ...apiHeaders(), origin: 'http://evil.example' })).status).toBe(403);
    const without = (name: string): Record<string, string> =>
      Object.fromEntries(Object.entries(apiHeaders()).filter(([key]) => key !== name));
    expect((await post(without('origin'))).status).toBe(403);
    expect((await post(without('x-tandem-api'))).status).toBe(403);
    expect((await post({ ...apiHeaders(), 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post({ ...apiHeaders(), 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await raw('/api/getLibrary', { headers: { cookie } })).status).toBe(405);
  });

  it('answers only methods of the contract', async () => {
    for (const method of ['constructor', '__proto__', 'toString', 'onEvent', 'deleteEverything']) {
      const response = await raw(`/api/${method}`, {
        method: 'POST',
        headers: apiHeaders(),
        body: '[]',
      });
      expect(response.status).toBe(404);
      expect(JSON.parse(response.body)).toMatchObject({ code: 'not-found' });
    }
  });

  it('answers bad arguments with 400 and the reason', async () => {
    const response = await raw('/api/readCourse', {
      method: 'POST',
      headers: apiHeaders(),
      body: JSON.stringify(['../../etc']),
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      code: 'invalid-argument',
      message: expect.stringContaining('argument 0') as string,
    });
    const notJson = await raw('/api/getLibrary', {
      method: 'POST',
      headers: apiHeaders(),
      body: '{',
    });
    expect(notJson.status).toBe(400);
  });

  it('keeps image reads inside the course images folder', async () => {
    for (const attempt of [
      'images/../course.md',
      'images/../../college.yml',
      '../images/x.svg',
      'course.md',
    ]) {
      const response = await raw('/api/readImage', {
        method: 'POST',
        headers: apiHeaders(),
        body: JSON.stringify(['understanding-anxiety', attempt]),
      });
      expect([400, 403]).toContain(response.status);
    }
  });

  it('works through the same client the browser uses', async () => {
    // The real transport, with a fetch that adds what a browser adds by itself.
    const fetchWithBrowserHeaders: FetchLike = async (url, init) =>
      fetch(`${server.origin}${url}`, {
        ...init,
        headers: { ...init.headers, cookie, origin: server.origin },
      });
    const api = createHttpTransport({
      fetch: fetchWithBrowserHeaders,
      openEvents: () => ({ onmessage: null, close: () => undefined }),
    });
    const overview = await api.getLibrary();
    expect(overview.courses.map((c) => c.id)).toContain('understanding-anxiety');
    const image = await api.readImage('understanding-anxiety', 'images/calm-lake.svg');
    expect(image.startsWith('data:image/svg+xml;base64,')).toBe(true);
    await expect(api.readCourse('no-such-course')).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('no-such-course') as string,
    });
    expect(await api.chooseLibrary()).toBeNull();
  });
});
