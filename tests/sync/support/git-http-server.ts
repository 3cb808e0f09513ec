/**
 * A real Git smart-HTTP server for tests: Debian's `git http-backend` (a CGI program) behind a
 * small Node HTTP server on 127.0.0.1, with basic auth and one bare repository per server.
 * Nothing about the Git protocol is imitated; the test's clones talk to real Git.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { copyLibraryFiles } from '../../support/temp-library.js';

const run = promisify(execFile);

/** A gate a test can put in front of one kind of request, e.g. to kill a client mid-push. */
export type RequestHook = (request: { service: string; method: string }) => Promise<void> | void;

export interface GitHttpServer {
  /** `http://127.0.0.1:PORT/library.git`, without credentials. */
  url: string;
  /** The same address with the test user's credentials in it, as git accepts them. */
  urlWithCredentials: string;
  username: string;
  password: string;
  /** The bare repository on disk. */
  bareDir: string;
  /** Called before each request is passed to git; may wait to hold the request open. */
  setHook(hook: RequestHook | undefined): void;
  /** Runs a git command in the bare repository (e.g. to read what was pushed). */
  git(...args: string[]): Promise<string>;
  close(): Promise<void>;
}

const USERNAME = 'trainer';
const PASSWORD = 'correct-horse-battery';

/**
 * Starts a server whose one repository holds `sourceDir`'s files as its first commit on
 * `main` (made with the git binary, author "Tandem tests"). With `copyOf`, the repository is
 * instead a copy of another server's (much quicker when many tests start from the same one).
 */
export async function startGitHttpServer(
  sourceDir: string,
  options: { copyOf?: GitHttpServer } = {},
): Promise<GitHttpServer> {
  const root = await mkdtemp(path.join(tmpdir(), 'tandem-git-'));
  const bareDir = path.join(root, 'library.git');
  const seed = path.join(root, 'seed');
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Tandem tests',
    GIT_AUTHOR_EMAIL: 'tests@example.org',
    GIT_COMMITTER_NAME: 'Tandem tests',
    GIT_COMMITTER_EMAIL: 'tests@example.org',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: root,
  };
  const git = async (cwd: string, ...args: string[]): Promise<string> =>
    (await run('git', args, { cwd, env, maxBuffer: 32 * 1024 * 1024 })).stdout;
  if (options.copyOf) {
    await run('cp', ['-R', options.copyOf.bareDir, bareDir]);
  } else {
    // As a library's first commit would hold it: without a computer's own check cache.
    await copyLibraryFiles(sourceDir, seed);
    await git(seed, 'init', '-q', '-b', 'main');
    await git(seed, 'add', '-A');
    await git(seed, 'commit', '-q', '-m', 'The library as it starts');
    await git(root, 'clone', '-q', '--bare', seed, bareDir);
    await git(bareDir, 'config', 'http.receivepack', 'true');
  }

  let hook: RequestHook | undefined;
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Like the big hosts with tokens: the password is checked, any user name will do.
    const given = Buffer.from(
      (request.headers.authorization ?? '').replace(/^Basic /, ''),
      'base64',
    ).toString('utf8');
    if (given.slice(given.indexOf(':') + 1) !== PASSWORD) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="library"' });
      response.end('Sign in needed');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const service =
      url.searchParams.get('service') ?? path.basename(url.pathname).replace(/^info$/, 'refs');
    await hook?.({ service, method: request.method ?? 'GET' });
    await runBackend(request, response, url, root, env);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // cast: a TCP server has an AddressInfo
  return {
    url: `http://127.0.0.1:${port}/library.git`,
    urlWithCredentials: `http://${USERNAME}:${PASSWORD}@127.0.0.1:${port}/library.git`,
    username: USERNAME,
    password: PASSWORD,
    bareDir,
    setHook(next) {
      hook = next;
    },
    git: (...args) => git(bareDir, ...args),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Passes one request to `git http-backend` as CGI and streams its answer back. */
function runBackend(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  projectRoot: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['http-backend'], {
      env: {
        ...env,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        REMOTE_USER: USERNAME,
        REMOTE_ADDR: '127.0.0.1',
        REQUEST_METHOD: request.method ?? 'GET',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.replace(/^\?/, ''),
        CONTENT_TYPE: request.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: request.headers['content-encoding'] ?? '',
        HTTP_GIT_PROTOCOL: String(request.headers['git-protocol'] ?? ''),
      },
    });
    request.pipe(child.stdin);
    let head = Buffer.alloc(0);
    let headDone = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (headDone) {
        response.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      headDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      response.writeHead(status, headers);
      response.write(head.subarray(end + 4));
    });
    child.on('error', reject);
    child.on('close', () => {
      if (!headDone) response.writeHead(502);
      response.end();
      resolve();
    });
  });
}
