/**
 * Browser mode (`tandem serve`): the same UI and the same API as the desktop app, over HTTP on
 * 127.0.0.1 only. Every request must name this server in its Host header and carry the
 * per-run token (from the printed URL, then an HttpOnly SameSite=Strict cookie); API calls must
 * also come from the app's own origin with a JSON body and the API header.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { TandemEvent } from '../api/contract.js';
import { dispatch } from '../api/dispatch.js';
import { createApiHandlers } from '../api/handlers/create-api-handlers.js';
import { OwnWrites } from '../api/own-writes.js';
import { watchLibrary, type LibraryWatcher } from '../api/watch-library.js';
import { finishInterruptedReorders } from '../api/handlers/reorder-journal.js';
import { recoverRename } from '../api/handlers/rename-journal.js';
import { API_HEADER } from './http-transport-client.js';
import { bundlePaths, ensureRendererBundle, type BundlePaths } from './renderer-bundle.js';
import {
  STATUS_FOR_CODE,
  isAllowedHost,
  isAllowedOrigin,
  isSameSiteFetch,
  readCookie,
  securityHeaders,
  tokenCookie,
  tokenCookieName,
  tokensMatch,
} from './request-guards.js';
import { injectTransport, readStaticFile } from './static-files.js';
import { readSiteFile, SITE_CONTENT_SECURITY_POLICY, SITE_PATH } from './site-files.js';

/** URL path of the transport script the server adds to index.html. */
export const TRANSPORT_PATH = '/_tandem/http-transport.js';
const MAX_BODY_BYTES = 25 * 1024 * 1024;

export interface ServeOptions {
  /** The library folder. */
  root: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Fixed token (tests); a fresh 256-bit one otherwise. */
  token?: string;
  /** Where identity and keys live (tests); defaults to the OS config folder. */
  configDir?: string;
  /** Where builds go by default. */
  outputRoot?: string;
  /** Where the built UI is; defaults to this project's build/ folders. */
  bundles?: BundlePaths;
  /** Build the UI bundle first when it is missing or stale (default true). */
  ensureBundle?: boolean;
  /** Opens a built file for revealOutput; by default browser mode cannot (returns false). */
  reveal?: (absolutePath: string) => Promise<boolean>;
  /** Watch the library for outside changes (default true). */
  watch?: boolean;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT/?token=…` — open this to use the app. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
  });
  response.end(JSON.stringify(value ?? null));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer; // cast: no encoding was set, so chunks are Buffers
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request is too large.');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Starts browser mode for a library; resolves once it is listening. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const root = path.resolve(options.root);
  const bundles = options.bundles ?? bundlePaths();
  if (options.ensureBundle ?? true) await ensureRendererBundle(bundles);

  const token = options.token ?? randomBytes(32).toString('base64url');
  const clients = new Set<ServerResponse>();
  const emit = (event: TandemEvent): void => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of clients) client.write(data);
  };
  const ownWrites = new OwnWrites();
  await finishInterruptedReorders(root, ownWrites);
  await recoverRename(root, ownWrites);
  // The website folder "Open the website" last asked for (always one this session built).
  let siteDir: string | undefined;
  const { handlers } = createApiHandlers({
    root,
    configDir: options.configDir,
    outputRoot: options.outputRoot,
    emit,
    ownWrites,
    reveal: options.reveal,
    serveSite: (dir) => {
      siteDir = dir;
      return SITE_PATH;
    },
  });

  let port = 0;
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!isAllowedHost(header(request, 'host'), port)) {
      throw new HttpError(
        403,
        'This address is not served here. Use http://127.0.0.1 with the printed port.',
      );
    }
    if (!isSameSiteFetch(header(request, 'sec-fetch-site'))) {
      throw new HttpError(403, 'Requests from other sites are refused.');
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);

    // First visit: the token arrives in the URL; keep it in a cookie and drop it from the URL.
    const urlToken = url.searchParams.get('token');
    if (urlToken !== null) {
      if (!tokensMatch(urlToken, token)) throw new HttpError(403, 'This link has the wrong token.');
      response.writeHead(303, {
        ...securityHeaders(),
        'Set-Cookie': tokenCookie(port, token),
        Location: '/',
      });
      response.end();
      return;
    }
    const given = readCookie(header(request, 'cookie'), tokenCookieName(port));
    if (!tokensMatch(given, token)) {
      throw new HttpError(
        403,
        'Open Tandem with the full address printed by "tandem serve" (it includes a token).',
      );
    }

    if (url.pathname === '/api/events') {
      if (request.method !== 'GET') throw new HttpError(405, 'Use GET.');
      response.writeHead(200, {
        ...securityHeaders(),
        'Content-Type': 'text/event-stream; charset=utf-8',
        Connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
      return;
    }

    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') throw new HttpError(405, 'Use POST.');
      if (!isAllowedOrigin(header(request, 'origin'), port)) {
        throw new HttpError(403, 'API requests must come from the Tandem page itself.');
      }
      if (header(request, API_HEADER) !== '1') throw new HttpError(403, 'Missing API header.');
      if (!(header(request, 'content-type') ?? '').startsWith('application/json')) {
        throw new HttpError(415, 'Send JSON.');
      }
      const method = url.pathname.slice('/api/'.length);
      let args: unknown;
      try {
        args = JSON.parse(await readBody(request));
      } catch (error) {
        if (error instanceof HttpError) throw error;
        sendJson(response, 400, {
          code: 'invalid-argument',
          message: 'The request body is not JSON.',
        });
        return;
      }
      const outcome = await dispatch(handlers, method, args);
      if (outcome.ok) sendJson(response, 200, outcome.value);
      else sendJson(response, STATUS_FOR_CODE[outcome.error.code], outcome.error);
      return;
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Use GET.');
    if (url.pathname.startsWith(SITE_PATH)) {
      const answer = siteDir
        ? await readSiteFile(siteDir, url.pathname.slice(SITE_PATH.length))
        : undefined;
      if (!answer) throw new HttpError(404, 'Not found. Publish the website, then open it again.');
      if ('redirectTo' in answer) {
        response.writeHead(301, { ...securityHeaders(), Location: answer.redirectTo });
        response.end();
        return;
      }
      response.writeHead(200, {
        ...securityHeaders(),
        'Content-Security-Policy': SITE_CONTENT_SECURITY_POLICY,
        'Content-Type': answer.file.contentType,
      });
      response.end(request.method === 'HEAD' ? undefined : answer.file.body);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204, securityHeaders());
      response.end();
      return;
    }
    if (url.pathname === TRANSPORT_PATH) {
      const file = await readStaticFile(bundles.transportDir, '/http-transport.js');
      if (!file) throw new HttpError(404, 'The transport script is not built.');
      response.writeHead(200, { ...securityHeaders(), 'Content-Type': file.contentType });
      response.end(request.method === 'HEAD' ? undefined : file.body);
      return;
    }
    const pathname = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = await readStaticFile(bundles.rendererDir, pathname);
    if (!file) throw new HttpError(404, 'Not found.');
    const body =
      pathname === '/index.html'
        ? Buffer.from(injectTransport(file.body.toString('utf8'), TRANSPORT_PATH))
        : file.body;
    response.writeHead(200, { ...securityHeaders(), 'Content-Type': file.contentType });
    response.end(request.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof HttpError) sendText(response, error.status, error.message);
      else sendText(response, 500, 'Something went wrong inside Tandem.');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port; // cast: a TCP server's address is AddressInfo

  let watcher: LibraryWatcher | undefined;
  if (options.watch ?? true) {
    watcher = watchLibrary({
      root,
      ownWrites,
      emit,
      onError: (error) => console.error(`Watching the library: ${String(error)}`),
    });
    await watcher.ready;
  }
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();

  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    async close() {
      clearInterval(heartbeat);
      await watcher?.close();
      for (const client of clients) client.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
