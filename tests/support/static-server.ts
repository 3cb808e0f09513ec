/**
 * A tiny static file server on 127.0.0.1 for browser tests: serves `dir` under the URL
 * sub-path `prefix` (e.g. `/prospectus/2027/`), as a college's web host might.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.ics': 'text/calendar; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

export interface StaticServer {
  /** The site's URL, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, prefix: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = pathname.startsWith(prefix)
      ? path.resolve(root, `./${pathname.slice(prefix.length)}`)
      : null;
    if (!file || (file !== root && !file.startsWith(root + path.sep))) {
      res.writeHead(404).end();
      return;
    }
    const target = pathname.endsWith('/') ? path.join(file, 'index.html') : file;
    readFile(target).then(
      (body) => {
        res.writeHead(200, {
          'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
