/** The built website under /site/: only files inside its folder, folders as their index page. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSiteFile, SITE_CONTENT_SECURITY_POLICY } from '../../main/server/site-files.js';

let dir: string;
let site: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tandem-site-files-'));
  site = path.join(dir, 'site');
  await mkdir(path.join(site, 'courses', 'understanding-anxiety'), { recursive: true });
  await writeFile(path.join(site, 'index.html'), '<h1>Home</h1>');
  await writeFile(path.join(site, 'courses', 'understanding-anxiety', 'index.html'), '<h1>C</h1>');
  await writeFile(path.join(site, 'feed.xml'), '<feed/>');
  await writeFile(path.join(site, 'calendar.ics'), 'BEGIN:VCALENDAR');
  await writeFile(path.join(site, 'tool.exe'), 'MZ');
  // Beside the site, not in it: what a path traversal would be after.
  await writeFile(path.join(dir, 'secret.html'), 'secret');
  await mkdir(path.join(dir, 'elsewhere'));
  await writeFile(path.join(dir, 'elsewhere', 'index.html'), 'secret');
  if (process.platform !== 'win32') {
    await symlink(path.join(dir, 'elsewhere'), path.join(site, 'linked'));
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readSiteFile', () => {
  const served: [string, string, string][] = [
    ['', '<h1>Home</h1>', 'text/html; charset=utf-8'],
    ['index.html', '<h1>Home</h1>', 'text/html; charset=utf-8'],
    ['courses/understanding-anxiety/', '<h1>C</h1>', 'text/html; charset=utf-8'],
    ['feed.xml', '<feed/>', 'application/xml; charset=utf-8'],
    ['calendar.ics', 'BEGIN:VCALENDAR', 'text/calendar; charset=utf-8'],
  ];
  it.each(served)('serves %j', async (url, body, type) => {
    const answer = await readSiteFile(site, url);
    expect(answer && 'file' in answer && answer.file.body.toString()).toBe(body);
    expect(answer && 'file' in answer && answer.file.contentType).toBe(type);
  });

  it('sends a folder named without its final slash to the folder address', async () => {
    expect(await readSiteFile(site, 'courses/understanding-anxiety')).toEqual({
      redirectTo: '/site/courses/understanding-anxiety/',
    });
  });

  const refused = [
    '../secret.html',
    '%2e%2e/secret.html',
    '..%2fsecret.html',
    '..%5csecret.html',
    'courses/../../secret.html',
    '%2fetc%2fpasswd',
    '/etc/passwd',
    'C:%5cWindows%5cwin.ini',
    'index.html%00.txt',
    '%E0%A4%A',
    'tool.exe',
    'missing.html',
    '../elsewhere/',
    '../elsewhere',
  ];
  it.each(refused)('refuses %j', async (url) => {
    expect(await readSiteFile(site, url)).toBeUndefined();
  });

  it.skipIf(process.platform === 'win32')('does not follow a link out of the site', async () => {
    expect(await readSiteFile(site, 'linked/')).toBeUndefined();
    expect(await readSiteFile(site, 'linked/index.html')).toBeUndefined();
  });

  it('lets site pages make no requests from scripts', () => {
    expect(SITE_CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(SITE_CONTENT_SECURITY_POLICY).toContain("form-action 'none'");
  });
});
