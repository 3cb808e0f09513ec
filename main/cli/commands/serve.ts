/**
 * `tandem serve [library] [--port N]`: runs Tandem in a web browser instead of the desktop
 * app, on this computer only (127.0.0.1). Prints the address to open, which carries a secret
 * token for this run; anyone without it is refused.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { startServer } from '../../server/start-server.js';
import { writeErr, writeOut } from '../output.js';

interface ServeOptions {
  port: string;
  openResults?: boolean;
}

/** Registers `tandem serve` on the program. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Open a library in your web browser (on this computer only).')
    .argument('[library]', 'the library folder', './courses')
    .option('--port <number>', 'port to listen on (0 picks a free one)', '0')
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
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    writeErr(`tandem serve: --port must be a whole number from 0 to 65535\n`);
    return 1;
  }
  writeOut(`Preparing Tandem for ${root}…\n`);
  let server;
  try {
    server = await startServer({
      root,
      port,
      ...(options.openResults ? { reveal: openWithSystem } : {}),
    });
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
