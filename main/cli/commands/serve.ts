/**
 * `tandem serve [library] [--port N]`: runs Tandem in a web browser instead of the desktop
 * app, on this computer only (127.0.0.1). Prints the address to open, which carries a secret
 * token; anyone without it is refused. The token and port are kept per library in the config
 * folder, so a restarted server answers the page that is still open (see serve-session.ts).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import type { RunningServer } from '../../server/start-server.js';
import { writeErr, writeOut } from '../output.js';

interface ServeOptions {
  port?: string;
  openResults?: boolean;
}

/** Registers `tandem serve` on the program. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Open a library in your web browser (on this computer only).')
    .argument('[library]', 'the library folder', './courses')
    .option(
      '--port <number>',
      'port to listen on (0 picks a free one; by default the one this library had last time, if free)',
    )
    .option(
      '--open-results',
      "let the page open published files with this computer's default program",
    )
    .action(async (library: string, options: ServeOptions) => {
      process.exitCode = await runServe(library, options);
    });
}

/** Starts the server and keeps it running until Ctrl+C; returns an exit code on failure. */
export async function runServe(library: string, options: ServeOptions): Promise<number> {
  const root = path.resolve(library);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    writeErr(`tandem serve: there is no library folder at ${library}\n`);
    return 1;
  }
  const port = options.port === undefined ? undefined : Number(options.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    writeErr(`tandem serve: --port must be a whole number from 0 to 65535\n`);
    return 1;
  }
  writeOut(`Preparing Tandem for ${root}…\n`);
  const [{ startServer }, { readServeSession, rememberServeSession }, { tandemConfigDir }] =
    await Promise.all([
      import('../../server/start-server.js'),
      import('../../server/serve-session.js'),
      import('../../signoff/config-dir.js'),
    ]);
  const configDir = tandemConfigDir();
  const session = await readServeSession(configDir, root);
  const start = (listenOn: number) =>
    startServer({
      root,
      port: listenOn,
      token: session.token,
      ...(options.openResults ? { reveal: openWithSystem } : {}),
    });
  let server: RunningServer;
  try {
    server = await startOnRememberedPort(start, port, session.port);
    await rememberServeSession(configDir, root, { token: session.token, port: server.port }).catch(
      (error: unknown) =>
        writeErr(`tandem serve: could not keep this address for next time: ${String(error)}\n`),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as NodeJS.ErrnoException).code; // cast: Node errors carry `code`
    writeErr(
      code === 'EADDRINUSE'
        ? `tandem serve: port ${port} is in use; choose another with --port, or 0 for any free port\n`
        : `tandem serve: ${message}\n`,
    );
    return 1;
  }
  writeOut(
    `Tandem is running. Open this address in your web browser:\n\n  ${server.url}\n\n` +
      'Only this computer can reach it, and only with this address. Press Ctrl+C to stop.\n',
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  writeOut('Tandem stopped.\n');
  return 0;
}

/**
 * Listens on `asked` when given; otherwise on the port this library had last time, so an open
 * page finds the server again, or on any free port when that one is taken.
 */
async function startOnRememberedPort(
  start: (port: number) => Promise<RunningServer>,
  asked: number | undefined,
  remembered: number | undefined,
): Promise<RunningServer> {
  if (asked !== undefined) return start(asked);
  if (remembered === undefined) return start(0);
  try {
    return await start(remembered);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error; // cast: Node errors carry `code`
    return start(0);
  }
}

/**
 * Opens a published file or folder with the OS's default program. Only with --open-results:
 * a web page asking the computer to open files is off unless the person turns it on. The path
 * is passed as one argument (no shell), and the API allows only this session's build output.
 */
async function openWithSystem(absolutePath: string): Promise<boolean> {
  const [command, args]: [string, string[]] =
    process.platform === 'darwin'
      ? ['open', [absolutePath]]
      : process.platform === 'win32'
        ? ['explorer.exe', [absolutePath]]
        : ['xdg-open', [absolutePath]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
