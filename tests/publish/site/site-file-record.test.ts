/**
 * The record of the files a build left: it vouches for a file only while the file's size,
 * times and inode are as written and the new bytes hash the same; never for a file changed
 * since, or from a damaged or foreign record; a file written too close to the save to tell by
 * its times only when its bytes still hash as recorded.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../../main/publish/markdown/hash-plain-data.js';
import { SiteFileRecord } from '../../../main/publish/site/site-file-record.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tandem-site-record-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.useRealTimers();
});

const hash = (text: string) => sha256Hex(Buffer.from(text));
/** The hash of `file` now, as the writer reads it back when the times cannot vouch. */
const hashOf = (file: string) => () => sha256Hex(readFileSync(file));
/** A hash that must not be asked for: the times alone decide. */
const unasked = () => {
  throw new Error('the file should not have been read back');
};

/** Writes `page.html`, records it, saves the record `later` ms after now and reopens it. */
async function recorded(name: string, later: number, stamp = 'v1') {
  const file = path.join(dir, `${name}.html`);
  const recordFile = path.join(dir, `${name}.json`);
  await writeFile(file, '<p>Hope</p>');
  const record = await SiteFileRecord.open(recordFile, stamp);
  record.note('page.html', await stat(file), hash('<p>Hope</p>'), 'key-1');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + later);
  await record.save();
  vi.useRealTimers();
  return { file, recordFile };
}

describe('SiteFileRecord', () => {
  it('vouches for an unchanged file making the same bytes', async () => {
    const { file, recordFile } = await recorded('same', 10_000);
    const record = await SiteFileRecord.open(recordFile, 'v1');
    expect(record.holds('page.html', await stat(file), hash('<p>Hope</p>'), 'key-1')).toBe(true);
  });

  it.each([
    ['the new bytes differ', async () => undefined, '<p>Rest</p>'],
    [
      'the file was rewritten with its old size and modification time',
      async (file: string) => {
        const before = await stat(file);
        await writeFile(file, '<p>Nope</p>');
        await utimes(file, before.atime, before.mtime);
      },
      '<p>Hope</p>',
    ],
  ])('does not vouch when %s', async (name, change, bytes) => {
    const { file, recordFile } = await recorded(name.replace(/\W+/g, '-'), 10_000);
    await change(file);
    const record = await SiteFileRecord.open(recordFile, 'v1');
    expect(record.holds('page.html', await stat(file), hash(bytes), 'key-1')).toBe(false);
  });

  it('knows an unchanged page by the key it was made from, and only by that key', async () => {
    const { file, recordFile } = await recorded('key', 10_000);
    const record = await SiteFileRecord.open(recordFile, 'v1');
    const info = await stat(file);
    expect(record.madeFrom('page.html', info, 'key-2', unasked)).toBe(false);
    expect(record.madeFrom('page.html', info, '', unasked)).toBe(false);
    expect(record.madeFrom('page.html', info, 'key-1', unasked)).toBe(true);
    await writeFile(file, '<p>Nope</p>');
    expect(record.madeFrom('page.html', await stat(file), 'key-1', hashOf(file))).toBe(false);
  });

  it('knows a page by its new key once it made the same bytes from it', async () => {
    const { file, recordFile } = await recorded('new-key', 10_000);
    const record = await SiteFileRecord.open(recordFile, 'v1');
    // A template edit gave the page a new key; put together again, it came out the same.
    expect(record.holds('page.html', await stat(file), hash('<p>Hope</p>'), 'key-2')).toBe(true);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 10_000);
    await record.save();
    vi.useRealTimers();
    const next = await SiteFileRecord.open(recordFile, 'v1');
    expect(next.madeFrom('page.html', await stat(file), 'key-2', unasked)).toBe(true);
    expect(next.madeFrom('page.html', await stat(file), 'key-1', unasked)).toBe(false);
  });

  it('trusts the times of a file written just before the record was saved for nothing', async () => {
    const { file, recordFile } = await recorded('racy', 0);
    const record = await SiteFileRecord.open(recordFile, 'v1');
    expect(record.holds('page.html', await stat(file), hash('<p>Hope</p>'), 'key-1')).toBe(false);
    // Its bytes are read back: as written, the page need not be made again ...
    expect(record.madeFrom('page.html', await stat(file), 'key-1', hashOf(file))).toBe(true);
    // ... but changed within the same tick of the clock, it must.
    const before = await stat(file);
    await writeFile(file, '<p>Nope</p>');
    await utimes(file, before.atime, before.mtime);
    const again = await SiteFileRecord.open(recordFile, 'v1');
    expect(again.madeFrom('page.html', await stat(file), 'key-1', hashOf(file))).toBe(false);
  });

  it.each([
    ['damaged', (text: string) => text.slice(0, -5)],
    ['from another Tandem', (text: string) => text.replace('"stamp":"v1"', '"stamp":"v0"')],
    ['of another format', (text: string) => text.replace('"format":2', '"format":1')],
  ])('is ignored when %s', async (name, change) => {
    const { file, recordFile } = await recorded(name.replace(/\W+/g, '-'), 10_000);
    await writeFile(recordFile, change(await readFile(recordFile, 'utf8')));
    const record = await SiteFileRecord.open(recordFile, 'v1');
    expect(record.holds('page.html', await stat(file), hash('<p>Hope</p>'), 'key-1')).toBe(false);
    expect(record.madeFrom('page.html', await stat(file), 'key-1', hashOf(file))).toBe(false);
  });
});
