/** The small complete library in docs/library-format.md must itself pass the check. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadLibrary } from '../../main/library/load-library.js';
import { repoRoot } from '../support/temp-library.js';

it('the example library in docs/library-format.md loads with no problems', async () => {
  const doc = await readFile(path.join(repoRoot, 'docs/library-format.md'), 'utf8');
  const example = doc.slice(doc.indexOf('## A small complete library'));
  const files = [...example.matchAll(/`([^`\n]+)`:\n\n```(?:yaml|markdown)\n([\s\S]*?)```/g)];
  expect(files.map((match) => match[1])).toEqual([
    'college.yml',
    'trainers.yml',
    'terms/spring-2027.yml',
    'pages/welcome.md',
    'understanding-anxiety/course.md',
    'understanding-anxiety/modules/01-what-is-anxiety.md',
  ]);
  const root = await mkdtemp(path.join(tmpdir(), 'tandem-doc-example-'));
  try {
    for (const [, file = '', text = ''] of files) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
    await mkdir(path.join(root, 'understanding-anxiety/images'));
    await writeFile(
      path.join(root, 'understanding-anxiety/images/calm-lake.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>',
    );
    const { library, problems } = await loadLibrary(root);
    expect(problems).toEqual([]);
    expect(library?.courses.map((c) => c.id)).toEqual(['understanding-anxiety']);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
