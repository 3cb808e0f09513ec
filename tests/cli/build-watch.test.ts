/**
 * `tandem build --watch`: builds, then builds again after each change to the library, with the
 * output folder (here inside the library) never taken for a change; stops cleanly on SIGINT.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import {
  copyLibrary,
  fixtureLibrary,
  repoRoot,
  type TempLibrary,
} from '../support/temp-library.js';

let library: TempLibrary | undefined;
let child: ChildProcessWithoutNullStreams | undefined;
afterEach(async () => {
  child?.kill('SIGKILL');
  await library?.dispose();
});

/** Collects a stream's text; `until(pattern)` resolves once the text so far matches it. */
function collect(stream: NodeJS.ReadableStream) {
  let text = '';
  const waiting: { pattern: RegExp; resolve: () => void }[] = [];
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    for (const w of waiting.filter((each) => each.pattern.test(text))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  });
  return {
    text: () => text,
    until: (pattern: RegExp) =>
      new Promise<void>((resolve) => {
        if (pattern.test(text)) resolve();
        else waiting.push({ pattern, resolve });
      }),
  };
}

it('rebuilds after a module is saved, only for changes outside its output, and stops on Ctrl+C', async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  const out = path.join(library.root, 'published');
  child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'bin/tandem.js'),
      'build',
      library.root,
      '--only',
      'site',
      '--draft',
      '--out',
      out,
      '--watch',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const stdout = collect(child.stdout);
  const stderr = collect(child.stderr);
  const exited = new Promise<number | null>((resolve) => child?.on('close', resolve));
  await stderr.until(/Watching .* for changes/);
  expect(stdout.text()).toMatch(/^Website: /m);

  const moduleFile = 'understanding-anxiety/modules/01-what-is-anxiety.md';
  await appendFile(path.join(library.root, moduleFile), '\nA sentence saved just now.\n');
  await stdout.until(/Rebuilt in \d+\.\d\d s after changes to .*01-what-is-anxiety/);
  const page = await readFile(
    path.join(out, 'site/courses/understanding-anxiety/what-is-anxiety.html'),
    'utf8',
  );
  expect(page).toContain('A sentence saved just now.');
  // Saved again: the first rebuild's own writes into the output folder, had they been taken for
  // changes, would show in one of the rebuilds by now.
  await appendFile(path.join(library.root, moduleFile), '\nAnd one more.\n');
  await stdout.until(/Rebuilt in[^]*Rebuilt in/);
  const rebuilds = stdout.text().match(/^.*Rebuilt in.*$/gm) ?? [];
  expect(rebuilds).toHaveLength(2);
  for (const line of rebuilds)
    expect(line).toMatch(/after changes to [^,]*01-what-is-anxiety\.md: /);

  // A college.yml that cannot be read stops the next build, and says what to do.
  const college = path.join(library.root, 'college.yml');
  const collegeText = await readFile(college, 'utf8');
  await writeFile(college, `${collegeText}\nname: [unclosed\n`);
  await stdout.until(/Build failed[^]*fix the errors above and save, and it builds again/);
  await writeFile(college, collegeText);
  await stdout.until(/Build failed[^]*Rebuilt in/);

  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(stderr.text()).not.toMatch(/Error|failed/);
});
