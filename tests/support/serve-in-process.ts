/**
 * The browser-mode server in process on a library folder, with a small stand-in UI bundle (the
 * real bundle is exercised end to end in tests/e2e), and the cookie a signed-in page sends.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../main/server/start-server.js';

export interface ServerInProcess {
  server: RunningServer;
  /** The session cookie a page that opened the server's address sends. */
  cookie: string;
  /** Stops the server and removes the stand-in bundle. */
  close(): Promise<void>;
}

/**
 * Serves `root`. Beside the stand-in bundle's folders lies `outside.js`, which the server must
 * never send.
 */
export async function serveInProcess(root: string): Promise<ServerInProcess> {
  const bundleDir = await mkdtemp(path.join(tmpdir(), 'tandem-bundle-'));
  await mkdir(path.join(bundleDir, 'renderer'));
  await mkdir(path.join(bundleDir, 'transport'));
  await writeFile(
    path.join(bundleDir, 'renderer', 'index.html'),
    '<!doctype html><html><head><title>T</title></head><body><script type="module" src="./app.js"></script></body></html>',
  );
  await writeFile(path.join(bundleDir, 'renderer', 'app.js'), 'console.log(1);');
  await writeFile(path.join(bundleDir, 'transport', 'http-transport.js'), '/* transport */');
  await writeFile(path.join(bundleDir, 'outside.js'), 'secret');
  const server = await startServer({
    root,
    ensureBundle: false,
    watch: false,
    configDir: path.join(bundleDir, 'config'),
    bundles: {
      projectRoot: bundleDir,
      rendererDir: path.join(bundleDir, 'renderer'),
      transportDir: path.join(bundleDir, 'transport'),
    },
  });
  return {
    server,
    cookie: `tandem_token_${server.port}=${server.token}`,
    async close() {
      await server.close();
      await rm(bundleDir, { recursive: true, force: true });
    },
  };
}
