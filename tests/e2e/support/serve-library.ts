/**
 * Starts the real `tandem serve` command (a child process, exactly as a person would run it)
 * on a temporary copy of a library, with its own empty config folder, and returns the address
 * to open. `stop()` ends the server and removes the copies.
 *
 * In puppeteer, wait for `load` or for something on the page, not `networkidle0`: the page keeps
 * an event stream (Server-Sent Events) open for as long as it is shown.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyLibrary, fixtureLibrary, repoRoot } from '../../support/temp-library.js';

export interface ServedLibrary {
  /** `http://127.0.0.1:PORT/?token=…` — what `tandem serve` printed. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  token: string;
  /** The temporary library copy being served (tests may change its files). */
  root: string;
  /** The temporary TANDEM_CONFIG_DIR (identity and private keys). */
  configDir: string;
  /** Everything the server printed so far (for failure messages). */
  output(): string;
  /** True while the server process has not ended. */
  running(): boolean;
  /** Kills the server at once (SIGKILL), as a crash or a closed terminal would. */
  crash(): Promise<void>;
  /** Runs `tandem serve` again on the same library and config folder; returns its address. */
  startAgain(): Promise<string>;
  stop(): Promise<void>;
}

export interface ServeLibraryOptions {
  /** Library folder to copy; defaults to tests/fixtures/libraries/valid-minimal. */
  library?: string;
  /** Milliseconds to wait for the address (the first run may build the UI bundle). */
  timeoutMs?: number;
}

interface ServeProcess {
  url: string;
  output(): string;
  running(): boolean;
  /** Ends the process with `signal` and waits for it to exit. */
  end(signal: NodeJS.Signals): Promise<void>;
}

/** Spawns `tandem serve` and waits for it to print its address. */
async function spawnServe(
  root: string,
  configDir: string,
  args: string[],
  timeoutMs: number,
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'bin', 'tandem.js'), 'serve', root, ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, TANDEM_CONFIG_DIR: configDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const running = () => child.exitCode === null && child.signalCode === null;
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (!running()) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`tandem serve printed no address in time:\n${output}`)),
        timeoutMs,
      );
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`tandem serve exited (${code}) before printing its address:\n${output}`));
      });
    });
    return { url, output: () => output, running, end };
  } catch (error) {
    await end('SIGTERM');
    throw error;
  }
}

/** Runs `tandem serve` on a temp copy of a library and waits for it to print its address. */
export async function serveLibrary(options: ServeLibraryOptions = {}): Promise<ServedLibrary> {
  const copy = await copyLibrary(options.library ?? fixtureLibrary('valid-minimal'));
  const configDir = await mkdtemp(path.join(tmpdir(), 'tandem-config-'));
  const timeoutMs = options.timeoutMs ?? 90_000;
  const cleanup = async (): Promise<void> => {
    await current?.end('SIGTERM');
    await copy.dispose();
    await rm(configDir, { recursive: true, force: true });
  };
  let current: ServeProcess | undefined;
  try {
    current = await spawnServe(copy.root, configDir, ['--port', '0'], timeoutMs);
  } catch (error) {
    await cleanup();
    throw error;
  }
  const parsed = new URL(current.url);
  return {
    url: current.url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    root: copy.root,
    configDir,
    output: () => current?.output() ?? '',
    running: () => current?.running() ?? false,
    async crash() {
      await current?.end('SIGKILL');
    },
    async startAgain() {
      if (current?.running()) throw new Error('tandem serve is still running');
      // No --port: as a person would run it again, on the port this library had last time.
      current = await spawnServe(copy.root, configDir, [], timeoutMs);
      return current.url;
    },
    stop: cleanup,
  };
}
