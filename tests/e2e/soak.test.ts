/**
 * Soak: two trainers (two Chromium profiles) write in one library served by `tandem serve`,
 * while a co-author's computer changes the same files on the shared drive (a loop in this
 * process): random typing, module switches, renames, reorders, new modules, outside edits,
 * renames, swaps and deletions, and the conflicts these cause, resolved as a person would.
 * At the end every word typed into an editor is in the library or its recovered-text store
 * (or in the co-author's bin, when their deletion took a saved file away), the server is still
 * answering with nothing unhandled in its output, and `tandem check` passes.
 *
 * TANDEM_SOAK_SECONDS sets how long it runs (60 s by default, 300 or more for a long run; 0
 * skips it). TANDEM_SOAK_SEED replays a run's choices (the seed is printed; timing still
 * varies), TANDEM_SOAK_CPU the CPU slowdown (default 4, a busy laptop). When a word is lost,
 * what each side did around it is printed, and the whole timeline written to a file.
 */
import { spawn } from 'node:child_process';
import { link, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchTestBrowser, type TestBrowser } from '../support/chromium.js';
import { repoRoot } from '../support/temp-library.js';
import { throttleCpu } from './support/cpu-throttle.js';
import { caretAtEndOf, EDITOR } from './support/open-course.js';
import { seededRandom, seedFrom, type SeededRandom } from './support/seeded-random.js';
import { serveLibrary, type ServedLibrary } from './support/serve-library.js';

const SECONDS = Number(process.env.TANDEM_SOAK_SECONDS ?? 60);
const RUN = SECONDS > 0;
const CPU = Number(process.env.TANDEM_SOAK_CPU ?? 4);
const SEED = seedFrom(process.env.TANDEM_SOAK_SEED);
const COURSES = ['understanding-anxiety', 'planning-for-my-wellbeing'] as const;
const MODULE_FILE = /^(\d{2})-([a-z0-9-]+)\.md$/;

interface Trainer {
  name: string;
  page: Page;
  browser: TestBrowser;
  random: SeededRandom;
  /** Words that reached the editor (or a module's title), each unique. */
  typed: string[];
  /** Bursts a dialog or a re-render cut short before the word reached the editor. */
  interrupted: number;
  conflicts: number;
  restores: number;
  missing: number;
  structural: number;
  steps: number;
  /** Steps that met a screen changed under them, by what went wrong. */
  stumbles: Map<string, number>;
  pageErrors: string[];
}

let served: ServedLibrary;
let bin: string;
const trainers: Trainer[] = [];
/** Words of module titles a trainer replaced by renaming the module. */
const replaced = new Set<string>();
const disk = { changes: 0, appended: [] as string[], failed: 0 };
/** What each side did and when, printed around any word that was lost. */
const timeline: { at: number; who: string; what: string }[] = [];
const started = Date.now();
const note = (who: string, what: string) => timeline.push({ at: Date.now() - started, who, what });

beforeAll(async () => {
  if (!RUN) return;
  console.log(
    `soak: seed ${SEED} (TANDEM_SOAK_SEED=${SEED} replays it), ${SECONDS} s, CPU ${CPU}×`,
  );
  served = await serveLibrary();
  bin = await mkdtemp(path.join(tmpdir(), 'tandem-soak-bin-'));
  for (const [index, name] of ['ann', 'ben'].entries()) {
    const browser = await launchTestBrowser();
    const page = await browser.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.setDefaultTimeout(8000);
    // Leaving a page with unsaved text asks first; the trainer says yes.
    page.on('dialog', (dialog) => void dialog.accept());
    const trainer: Trainer = {
      name,
      page,
      browser,
      random: seededRandom(SEED + index + 1),
      typed: [],
      interrupted: 0,
      conflicts: 0,
      restores: 0,
      missing: 0,
      structural: 0,
      steps: 0,
      stumbles: new Map(),
      pageErrors: [],
    };
    page.on('pageerror', (error) => trainer.pageErrors.push(String(error)));
    await page.goto(served.url);
    await page.goto(`${served.origin}/#/course/${COURSES[0]}/modules`);
    await page.waitForSelector(`${EDITOR} p`);
    if (CPU > 1) await throttleCpu(page, CPU);
    trainers.push(trainer);
  }
}, 180_000);

afterAll(async () => {
  if (!RUN) return;
  for (const trainer of trainers) await trainer.browser.close();
  await served?.stop();
  if (bin) await rm(bin, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A word no one else types: who, which run, which burst. */
const wordFor = (who: string, count: number) => `${who}${SEED.toString(36)}w${count}`;

// ---- the trainers ----------------------------------------------------------------------

/** Deals with whatever the app is asking, as a person would; true when something was asked. */
async function answerTheApp(t: Trainer): Promise<boolean> {
  const { page, random } = t;
  const title = await page
    .$eval('dialog[open] .dialog__title', (h) => h.textContent ?? '')
    .catch(() => undefined);
  if (title?.includes('changed somewhere else')) {
    t.conflicts += 1;
    const choices = await page.$$eval('dialog[open] .dialog__actions button', (buttons) =>
      buttons.map((b) => b.textContent ?? '').filter((text) => !text.startsWith('Copy')),
    );
    const choice = random.pick(choices);
    note(t.name, `conflict: ${choice}`);
    await page.locator(`dialog[open] button::-p-text(${choice})`).click();
    await page.waitForSelector('dialog[open]', { hidden: true, timeout: 10_000 });
    return true;
  }
  if (title?.includes('Unsaved text found')) {
    t.restores += 1;
    const choice = random.chance(0.8) ? 'Restore it' : 'Discard';
    note(t.name, `unsaved text found: ${choice}`);
    await page.locator(`dialog[open] button::-p-text(${choice})`).click();
    return true;
  }
  if (title !== undefined) {
    note(t.name, `Escape from “${title}”`);
    await page.keyboard.press('Escape');
    return true;
  }
  if (await page.$('[data-testid="module-missing"]')) {
    t.missing += 1;
    const choice = random.chance(0.7)
      ? 'Put the module back with my text'
      : 'Close it without putting it back';
    note(t.name, `module missing: ${choice}`);
    await page.locator(`[data-testid="module-missing"] button::-p-text(${choice})`).click();
    await sleep(300);
    return true;
  }
  return false;
}

const screenOf = (page: Page) => new URL(page.url()).hash.replace('#/course/', '');

/** Types one to four new words at the end of a paragraph, sometimes in a new paragraph. */
async function typeBurst(t: Trainer): Promise<void> {
  const { page, random } = t;
  // Paragraphs with text, by their place among the editor's paragraphs.
  const places = await page.$$eval(`${EDITOR} > p`, (ps) =>
    ps.flatMap((p, i) => (p.textContent?.replace(/\uFEFF/g, '').trim() ? [i + 1] : [])),
  );
  if (places.length === 0) return;
  await caretAtEndOf(page, `${EDITOR} > p:nth-of-type(${random.pick(places)})`);
  if (random.chance(0.3)) await page.keyboard.press('Enter');
  const words = Array.from({ length: random.between(1, 4) }, (_, i) =>
    wordFor(t.name, t.typed.length + t.interrupted + i + 1),
  );
  const where = await page
    .$eval('.module-row--selected .module-row__open', (e) => e.textContent ?? '')
    .catch(() => '?');
  note(t.name, `types ${words.join(' ')} in ${screenOf(page)} “${where}”`);
  await page.keyboard.type(` ${words.join(' ')}`, { delay: random.between(20, 90) });
  const shown = await page.$eval(EDITOR, (e) => e.textContent ?? '').catch(() => '');
  const asked = (await page.$('dialog[open]')) ? 'a dialog opened' : 'no dialog';
  for (const word of words) {
    if (shown.includes(word)) {
      t.typed.push(word);
      continue;
    }
    t.interrupted += 1;
    const stumble = `a word did not reach the editor (${asked})`;
    t.stumbles.set(stumble, (t.stumbles.get(stumble) ?? 0) + 1);
  }
}

async function openAnotherModule(t: Trainer): Promise<void> {
  const rows = await t.page.$$('.module-row__open');
  if (rows.length === 0) return;
  await t.random.pick(rows).click();
  await t.page.waitForSelector(`${EDITOR} p`);
}

async function moveModule(t: Trainer): Promise<void> {
  const { page, random } = t;
  const up = random.chance(0.5);
  if (random.chance(0.5)) {
    await page.focus('.module-row--selected .module-row__open');
    await page.keyboard.down('Alt');
    await page.keyboard.press(up ? 'ArrowUp' : 'ArrowDown');
    await page.keyboard.up('Alt');
  } else {
    await page.click(`.module-row--selected button[title^="${up ? 'Move up' : 'Move down'}"]`);
  }
  t.structural += 1;
}

/** Types a module title with a new word in the focused field and submits it. */
async function typeTitle(t: Trainer, before: string): Promise<boolean> {
  const word = wordFor(t.name, t.typed.length + t.interrupted + 1);
  note(t.name, `types the title “${before} ${word}”`);
  await t.page.keyboard.type(`${before} ${word}`, { delay: 30 });
  await t.page.keyboard.press('Enter');
  t.structural += 1;
  // Typed into a title: kept once the module list shows it.
  const shown = await t.page
    .waitForFunction(
      (w) => document.querySelector('.module-list__items')?.textContent?.includes(w),
      { timeout: 8000 },
      word,
    )
    .then(() => true)
    .catch(() => false);
  if (shown) t.typed.push(word);
  else t.interrupted += 1;
  return shown;
}

async function renameModule(t: Trainer): Promise<void> {
  await t.page.click('.module-row--selected button[aria-label^="Rename"]');
  const input = await t.page.waitForSelector('.module-row__rename input');
  const before = (await input?.evaluate((field) => (field as HTMLInputElement).value)) ?? '';
  await input?.click({ count: 3 });
  // The old title is replaced on purpose: its words are no longer owed to anyone.
  if (await typeTitle(t, 'Session')) for (const word of before.split(/\s+/)) replaced.add(word);
}

async function addModule(t: Trainer): Promise<void> {
  if ((await t.page.$$('.module-row__open')).length >= 8) return;
  await t.page.click('#new-module-title');
  await typeTitle(t, 'Extra');
}

async function openOtherCourse(t: Trainer): Promise<void> {
  const course = t.random.pick(COURSES);
  await t.page.evaluate((to) => (location.hash = to), `#/course/${course}/modules`);
  await t.page.waitForSelector(`${EDITOR} p`);
}

async function trainerStep(t: Trainer): Promise<void> {
  if (await answerTheApp(t)) return;
  const roll = t.random.next();
  const act = (what: string, step: (t: Trainer) => Promise<void>) => {
    note(t.name, `${what} in ${screenOf(t.page)}`);
    return step(t);
  };
  if (roll < 0.6) await typeBurst(t);
  else if (roll < 0.65) await act('opens another module', openAnotherModule);
  else if (roll < 0.75) await act('moves the module', moveModule);
  else if (roll < 0.82) await act('renames the module', renameModule);
  else if (roll < 0.86) await act('adds a module', addModule);
  else if (roll < 0.9) await act('opens a course', openOtherCourse);
  else await sleep(t.random.between(300, 2000));
}

async function runTrainer(t: Trainer, until: number): Promise<void> {
  while (Date.now() < until) {
    t.steps += 1;
    // A step can meet a screen that changed under it (a module renamed away, a dialog):
    // the person looks again and carries on.
    await trainerStep(t).catch((error: unknown) => {
      const what = String(error).split('\n')[0]?.slice(0, 90) ?? '';
      note(t.name, `stumbled: ${what}`);
      t.stumbles.set(what, (t.stumbles.get(what) ?? 0) + 1);
    });
  }
}

// ---- the co-author's computer, on the shared drive ---------------------------------------

/** Moves a file without ever replacing another (rename would silently overwrite). */
async function moveWithoutReplacing(from: string, to: string): Promise<void> {
  await link(from, to);
  await unlink(from);
}

async function moduleFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((f) => MODULE_FILE.test(f));
}

async function diskStep(random: SeededRandom): Promise<void> {
  const course = random.chance(0.75) ? COURSES[0] : COURSES[1];
  const dir = path.join(served.root, course, 'modules');
  const files = await moduleFiles(dir);
  if (files.length === 0) return;
  const name = random.pick(files);
  const [, number, slug] = MODULE_FILE.exec(name) ?? [];
  const roll = random.next();
  if (roll < 0.5) {
    const word = `disk${SEED.toString(36)}w${disk.appended.length + 1}`;
    note('disk', `appends to ${course}/${name}`);
    await appendFile(path.join(dir, name), `\nA co-author’s line ${word}.\n`);
    disk.appended.push(word);
  } else if (roll < 0.62) {
    const base = (slug ?? 'module').replace(/-v\d+$/, '');
    const to = `${number}-${base}-v${random.between(2, 9)}.md`;
    note('disk', `renames ${course}/${name} to ${to}`);
    if (to !== name) await moveWithoutReplacing(path.join(dir, name), path.join(dir, to));
  } else if (roll < 0.74 && files.length > 1) {
    const other = random.pick(files.filter((f) => f !== name));
    const [, otherNumber, otherSlug] = MODULE_FILE.exec(other) ?? [];
    const aside = path.join(bin, `swap-${Date.now()}-${name}`);
    note('disk', `swaps ${course}/${name} and ${other}`);
    await moveWithoutReplacing(path.join(dir, name), aside);
    try {
      await moveWithoutReplacing(
        path.join(dir, other),
        path.join(dir, `${number}-${otherSlug}.md`),
      );
    } catch (error) {
      await moveWithoutReplacing(aside, path.join(dir, name));
      throw error;
    }
    // Should someone take the number meanwhile, the file stays in the bin: deleted, not lost.
    await moveWithoutReplacing(aside, path.join(dir, `${otherNumber}-${slug}.md`));
  } else if (roll < 0.84 && files.length > 1) {
    // Deleted on the shared drive: its bin keeps what was in the file at that moment.
    note('disk', `deletes ${course}/${name}`);
    await moveWithoutReplacing(path.join(dir, name), path.join(bin, `${Date.now()}-${name}`));
  } else {
    const highest = Math.max(...files.map((f) => Number(MODULE_FILE.exec(f)?.[1] ?? 0)));
    if (highest >= 12) return;
    const next = String(highest + 1).padStart(2, '0');
    const note = disk.changes + 1;
    const text = `---\ntitle: A co-author’s note ${note}\n---\n\nWritten on another computer.\n`;
    await writeFile(path.join(dir, `${next}-co-author-note-${note}.md`), text, { flag: 'wx' });
    timeline.push({ at: Date.now() - started, who: 'disk', what: `adds ${course}/${next}` });
  }
  disk.changes += 1;
}

async function runDisk(until: number): Promise<void> {
  const random = seededRandom(SEED);
  while (Date.now() < until) {
    await sleep(random.between(1500, 4000));
    // The folder changes under this loop too (the trainers' own renames): it tries again.
    await diskStep(random).catch(() => (disk.failed += 1));
  }
}

// ---- the end ---------------------------------------------------------------------------

/** Answers the app until the page has nothing unsaved and nothing to ask. */
async function settle(t: Trainer): Promise<void> {
  const until = Date.now() + 60_000;
  let calm = 0;
  while (Date.now() < until && calm < 3) {
    const asked = await answerTheApp(t).catch(() => true);
    const saved = await t.page
      .$eval('[data-testid="save-status"]', (e) => e.textContent?.includes('Saved') ?? false)
      .catch(() => false);
    calm = !asked && saved ? calm + 1 : 0;
    await sleep(700);
  }
  if (calm < 3) throw new Error(`${t.name}'s page did not settle with everything saved`);
}

/** Every file's text under `dir` (all of it: modules, course files, the hidden stores). */
async function allText(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const texts = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}

function tandemCheck(root: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'bin', 'tandem.js'), 'check', root],
      {
        cwd: repoRoot,
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** Prints what happened around each lost word, and whether a page's journal still holds it. */
async function explainLoss(lost: string[]): Promise<void> {
  for (const t of trainers) {
    const journal = await t.page
      .evaluate(() => Object.entries(localStorage).map(([k, v]) => `${k} ${v}`))
      .catch(() => [] as string[]);
    for (const word of lost) {
      const entry = journal.find((line) => line.includes(word));
      if (entry) console.log(`soak: ${word} is in ${t.name}'s journal: ${entry.slice(0, 160)}`);
    }
  }
  const file = path.join(tmpdir(), `tandem-soak-${SEED}.txt`);
  await writeFile(file, timeline.map((e) => `${e.at} ${e.who}: ${e.what}`).join('\n'));
  console.log(`soak: the whole timeline is in ${file}`);
  for (const word of lost) {
    const typedAt = timeline.find((e) => e.what.includes(word))?.at ?? 0;
    // Its moment, and everything that later touched a file named after it (a title word).
    const around = timeline.filter(
      (e) => Math.abs(e.at - typedAt) < 15_000 || (e.at > typedAt && e.what.includes(word)),
    );
    console.log(
      `soak: around ${word}:\n${around.map((e) => `  ${e.at} ${e.who}: ${e.what}`).join('\n')}`,
    );
  }
}

it.skipIf(!RUN)(
  'keeps every word two trainers type while a co-author changes the files',
  { timeout: (SECONDS + 240) * 1000 },
  async () => {
    const until = Date.now() + SECONDS * 1000;
    await Promise.all([...trainers.map((t) => runTrainer(t, until)), runDisk(until)]);
    for (const t of trainers) await settle(t);

    const typed = trainers.flatMap((t) => t.typed);
    const report = {
      seed: SEED,
      seconds: SECONDS,
      cpu: CPU,
      words: typed.length,
      characters: typed.reduce((sum, word) => sum + word.length + 1, 0),
      interrupted: trainers.reduce((sum, t) => sum + t.interrupted, 0),
      conflicts: trainers.reduce((sum, t) => sum + t.conflicts, 0),
      restores: trainers.reduce((sum, t) => sum + t.restores, 0),
      missingModules: trainers.reduce((sum, t) => sum + t.missing, 0),
      trainerSteps: trainers.reduce((sum, t) => sum + t.steps, 0),
      trainerMovesRenamesAdds: trainers.reduce((sum, t) => sum + t.structural, 0),
      diskChanges: disk.changes,
      diskStepsThatMetAChange: disk.failed,
    };
    console.log(`soak: ${JSON.stringify(report)}`);
    for (const t of trainers)
      console.log(`soak: ${t.name} stumbled`, Object.fromEntries(t.stumbles));

    // The run really did something, so passing means something.
    expect(report.words).toBeGreaterThan(0);
    expect(report.diskChanges).toBeGreaterThan(0);
    expect(report.conflicts + report.missingModules).toBeGreaterThan(0);

    const kept = `${await allText(served.root)}\n${await allText(bin)}`;
    const lost = typed.filter((word) => !kept.includes(word) && !replaced.has(word));
    if (lost.length > 0) await explainLoss(lost);
    expect(lost).toEqual([]);

    expect(served.running()).toBe(true);
    const answer = await trainers[0]?.page.evaluate(async () => {
      const library = await window.tandem.getLibrary();
      return library.courses.length;
    });
    expect(answer).toBe(COURSES.length);
    expect(served.output()).not.toMatch(/unhandled|uncaught|\n\s+at /i);
    expect(trainers.flatMap((t) => t.pageErrors)).toEqual([]);

    const check = await tandemCheck(served.root);
    expect(check.output).not.toMatch(/duplicate-module-number/);
    expect(check.code, check.output).toBe(0);
  },
);
