/**
 * The same content as a generated library, laid out for Eleventy 3, the peer the site bench
 * compares with: every course, module and front page as a Markdown page (front matter kept)
 * inside one shared layout with the site's header, navigation and footer, and the course
 * images copied through.
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const LAYOUT = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{ title }} – Benchmark Recovery College</title>
    <meta name="description" content="{{ summary }}">
    <link rel="stylesheet" href="/assets/site.css">
  </head>
  <body>
    <a class="skip-link" href="#main">Skip to the main content</a>
    <header><p><a href="/">Benchmark Recovery College</a></p>
      <nav aria-label="Main"><ul>
        <li><a href="/">Home</a></li><li><a href="/courses/">Courses</a></li>
        <li><a href="/timetable/">Timetable</a></li><li><a href="/venues/">Venues</a></li>
      </ul></nav>
    </header>
    <main id="main"><h1>{{ title }}</h1>
      {% if outcomes %}<ul>{% for outcome in outcomes %}<li>{{ outcome }}</li>{% endfor %}</ul>{% endif %}
      {{ content | safe }}
    </main>
    <footer><p>Every course is co-produced by a peer trainer and a practitioner trainer.</p></footer>
  </body>
</html>
`;

const CONFIG = `export default function (config) {
  config.addGlobalData('layout', 'page.njk');
  config.addPassthroughCopy('courses/*/images');
  return { dir: { input: 'input', output: 'output', includes: '_includes' } };
}
`;

/** Writes `<dir>/input/` and `<dir>/eleventy.config.mjs` from the library at `libraryRoot`. */
export async function writeEleventyInput(libraryRoot: string, dir: string): Promise<void> {
  const input = path.join(dir, 'input');
  await mkdir(path.join(input, '_includes'), { recursive: true });
  await writeFile(path.join(input, '_includes', 'page.njk'), LAYOUT);
  await writeFile(path.join(dir, 'eleventy.config.mjs'), CONFIG);
  const files = (await readdir(libraryRoot, { recursive: true })).map((f) =>
    f.split(path.sep).join('/'),
  );
  for (const file of files) {
    let target: string | undefined;
    if (file.startsWith('pages/') && file.endsWith('.md')) target = file;
    else if (/^[^/]+\/course\.md$/.test(file))
      target = `courses/${path.posix.dirname(file)}/index.md`;
    else if (/^[^/]+\/modules\/[^/]+\.md$/.test(file)) target = `courses/${file}`;
    else if (/^[^/]+\/images\/[^/]+$/.test(file)) target = `courses/${file}`;
    if (!target) continue;
    await mkdir(path.join(input, path.posix.dirname(target)), { recursive: true });
    await copyFile(path.join(libraryRoot, file), path.join(input, target));
  }
}
