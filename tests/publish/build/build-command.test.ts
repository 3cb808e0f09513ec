/**
 * `tandem build` end to end through the real CLI, and the sign-off gate with real Ed25519
 * signatures: only signed-off courses reach the site, carrying their version and dates.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublication } from '../../../main/publish/build.js';
import { hashCourseVersion } from '../../../main/signoff/hash-course-version.js';
import { ann, makeTestLibrary, sam, signedRecord, writeRecords } from '../../signoff/support.js';
import type { TestLibrary } from '../../signoff/support.js';
import { fixtureLibrary, repoRoot } from '../../support/temp-library.js';
import { normalise } from '../site/site-files.js';

const run = promisify(execFile);

async function tandem(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [path.join(repoRoot, 'bin/tandem.js'), ...args], {
      env: { ...process.env, SOURCE_DATE_EPOCH: '1796083200' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }; // cast: execFile rejects with the exit code and output
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'tandem-build-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('tandem build', () => {
  it('builds the site and says where it is, with plain progress lines off a terminal', async () => {
    const out = path.join(tmp, 'ok');
    const result = await tandem('build', fixtureLibrary('valid-minimal'), '--out', out, '--only', 'site', '--draft');
    expect(result.code).toBe(0);
    const siteDir = path.join(out, 'site');
    expect(result.stdout).toContain('Published 2 courses for Spring term 2027 (with drafts)');
    expect(result.stdout).toContain(`Website:            ${siteDir}`);
    expect(result.stdout).toContain(pathToFileURL(path.join(siteDir, 'index.html')).href);
    expect(result.stderr).toBe('Reading the library…\nMaking the website…\n');
    expect(existsSync(path.join(siteDir, 'courses/understanding-anxiety/index.html'))).toBe(true);
  });

  it('lists the courses it left out and why', async () => {
    const result = await tandem('build', fixtureLibrary('valid-minimal'), '--out', path.join(tmp, 'gate'), '--only', 'site');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Left out (2), not yet ready to publish:');
    expect(result.stdout).toMatch(/- Understanding anxiety \(understanding-anxiety\): not yet signed off by Amira Hassan and Hannah Lewis/);
  });

  it('prints library errors as path:line:column: message and exits 1 without writing', async () => {
    const out = path.join(tmp, 'bad');
    const result = await tandem('build', fixtureLibrary('unknown-venue'), '--out', out);
    expect(result.code).toBe(1);
    const where = path.relative(process.cwd(), path.join(fixtureLibrary('unknown-venue'), 'terms/spring-2027.yml'));
    expect(result.stdout).toContain(`${where.split(path.sep).join('/')}:7:12: unknown venue "town-hall"`);
    expect(result.stdout).toContain('Nothing was published');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 with a clear message for an unknown term', async () => {
    const result = await tandem('build', fixtureLibrary('valid-minimal'), '--out', path.join(tmp, 'term'), '--term', 'summer-1999');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('There is no term "summer-1999"');
  });

  it.each([
    ['is a file', (file: string) => file, (file: string) => `The output folder ${file} is a file, not a folder`],
    ['is under a file', (file: string) => path.join(file, 'out'), (file: string) => `The output folder ${path.join(file, 'out')} cannot be made: ${file} is a file, not a folder`],
  ])('exits 1 in plain words, before writing anything, when the output folder %s', async (_name, outOf, message) => {
    const file = path.join(tmp, `in-the-way-${_name.replace(/ /g, '-')}`);
    await writeFile(file, 'notes\n');
    const result = await tandem('build', fixtureLibrary('valid-minimal'), '--out', outOf(file), '--draft');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${message(file)}; choose another output folder.`);
    expect(result.stdout).not.toMatch(/ENOTDIR|EEXIST/);
    expect(await readFile(file, 'utf8')).toBe('notes\n');
  });

  it('rejects an unknown --only value', async () => {
    const result = await tandem('build', fixtureLibrary('valid-minimal'), '--only', 'everything');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Allowed choices are site, pdf/);
  });
});

describe('publishing signed-off courses', () => {
  let lib: TestLibrary;
  let version: string;

  beforeAll(async () => {
    const peer = ann();
    const practitioner = sam();
    lib = await makeTestLibrary([peer, practitioner], {
      'signed-course': ['ann-lee', 'sam-okafor'],
      'unsigned-course': ['ann-lee', 'sam-okafor'],
    });
    // Each course needs its own code.
    const unsigned = path.join(lib.courseDir('unsigned-course'), 'course.md');
    await writeFile(unsigned, (await readFile(unsigned, 'utf8')).replace('UMH101', 'UMH102'));
    version = await hashCourseVersion(lib.courseDir('signed-course'));
    await writeRecords(lib.courseDir('signed-course'), [
      signedRecord(peer, 'signed-course', version, '2026-11-03T10:15:00Z'),
      signedRecord(practitioner, 'signed-course', version, '2026-11-05T16:40:00Z'),
    ]);
  });
  afterAll(async () => {
    await lib.dispose();
  });

  it('publishes only the signed-off course, with its version and both sign-off dates', async () => {
    const result = await buildPublication(lib.root, {
      outDir: path.join(tmp, 'signed'),
      only: 'site',
      paper: 'A4',
      largePrint: false,
      booklet: false,
      facilitatorPacks: false,
      draft: false,
    });
    expect(result.errors).toEqual([]);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.excluded.map((e) => e.courseId)).toEqual(['unsigned-course']);
    const siteDir = result.siteDir ?? '';
    expect(existsSync(path.join(siteDir, 'courses/unsigned-course'))).toBe(false);
    const html = normalise(await readFile(path.join(siteDir, 'courses/signed-course/index.html'), 'utf8'));
    expect(version).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(html).toContain(`<meta name="tandem-version" content="${version}">`);
    expect(html).toContain('Ann Lee (peer trainer) on <time datetime="2026-11-03T10:15:00Z">3 November 2026</time>');
    expect(html).toContain('Sam Okafor (practitioner trainer) on <time datetime="2026-11-05T16:40:00Z">5 November 2026</time>');
    expect(html).not.toContain('Draft – not yet signed off');
  });
});
