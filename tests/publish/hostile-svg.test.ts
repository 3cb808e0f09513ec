/**
 * SVG files are documents that can run script. They are parsed as XML and checked against an
 * allow-list; what is published (site, print, editor) is the checked tree written out again.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiHandlers } from '../../main/api/handlers/create-api-handlers.js';
import { readPrintAsset } from '../../main/publish/pdf/print-images.js';
import { buildPublication } from '../../main/publish/build.js';
import { safeSvg } from '../../main/publish/safe-svg.js';
import { fixtureLibrary } from '../support/temp-library.js';
import { readTree } from './site/site-files.js';

const S = 'xmlns="http://www.w3.org/2000/svg"';
const X = 'xmlns:xlink="http://www.w3.org/1999/xlink"';
const utf16 = Buffer.concat([
  Buffer.from([0xff, 0xfe]),
  Buffer.from(`<svg ${S} onload="alert(1)"/>`, 'utf16le'),
]);

describe('safeSvg', () => {
  it.each([
    [
      `<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>`,
      /<s:script>/,
    ],
    [
      `<svg ${S}><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></svg>`,
      /<h:script>/,
    ],
    [
      `<svg ${S}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject></svg>`,
      /foreignObject/,
    ],
    [`<svg ${S} ${X}><use xlink:href="&#106;avascript:alert(1)"/></svg>`, /javascript:alert/],
    [`<svg ${S} ${X}><image xlink:href="file:///etc/passwd"/></svg>`, /file:/],
    [`<svg ${S} ${X}><use href="https://example.org/x.svg#a"/></svg>`, /links must stay/],
    [`<svg ${S}><animate attributeName="href" to="javascript:alert(1)"/></svg>`, /<animate>/],
    [`<svg ${S}><set attributeName="onclick" to="alert(1)"/></svg>`, /<set>/],
    [`<svg ${S} onload="alert(1)"/>`, /event handler \(onload\)/],
    [`<svg ${S}><g ONCLICK="alert(1)"/></svg>`, /event handler/],
    [`<svg ${S}><style>@import url(https://example.org/x.css);</style></svg>`, /style sheet/],
    [`<svg ${S}><rect style="fill: url(https://example.org/t)"/></svg>`, /loads something/],
    [`<svg ${S}><style>rect { fill: \\75 rl(x) }</style></svg>`, /style sheet/],
    [`<!DOCTYPE svg [<!ENTITY a "&#106;avascript:">]><svg ${S}>&a;</svg>`, /entity not found/],
    [`<?xml version="1.0" encoding="UTF-7"?><svg ${S}/>`, /encoding "UTF-7"/],
    [`<svg ${S}><rect></svg>`, /not well-formed XML at line 1/],
    [`<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>`, /not an SVG/],
  ])('refuses %s', (svg, reason) => {
    const result = safeSvg(Buffer.from(svg));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses UTF-16 and invalid UTF-8', () => {
    expect(safeSvg(utf16)).toEqual({ ok: false, reason: expect.stringMatching(/UTF-16/) });
    const latin1 = Buffer.from(`<svg ${S}><title>Caf\xe9</title></svg>`, 'latin1');
    expect(safeSvg(latin1)).toEqual({ ok: false, reason: expect.stringMatching(/UTF-8/) });
  });

  it('keeps a drawing and writes it out again without editor metadata and comments', () => {
    const result = safeSvg(
      Buffer.from(
        `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n` +
          `<svg ${S} ${X} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10" inkscape:version="1.3" data-x="1">` +
          `<!-- made by hand --><metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>` +
          `<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>` +
          `<title>Lake &amp; sun</title><rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/></svg>`,
      ),
    );
    expect(result).toEqual({
      ok: true,
      svg:
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<svg ${S} ${X} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10">` +
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>' +
        '<title>Lake &amp; sun</title><rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/></svg>\n',
    });
  });
});

describe('a library whose SVGs hide scripts', () => {
  const root = fixtureLibrary('svg-scripts-in-disguise');
  const hostile = [
    'understanding-anxiety/images/entity-javascript-link.svg',
    'understanding-anxiety/images/prefixed-script.svg',
    'understanding-anxiety/images/remote-style.svg',
    'understanding-anxiety/images/utf-16.svg',
    'understanding-anxiety/images/xhtml-script.svg',
    'images/cover.svg',
  ];
  let out: string;
  let tree: Map<string, Buffer>;
  let warnings: string[];
  /** The whole site, every course included, into `out`. */
  const build = () =>
    buildPublication(root, {
      outDir: out,
      only: 'site',
      paper: 'A4',
      largePrint: false,
      booklet: false,
      facilitatorPacks: false,
      draft: true,
    });
  beforeAll(async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200');
    out = path.join(tmpdir(), `tandem-svg-${process.pid}-${Date.now()}`);
    const result = await build();
    expect(result.errors).toEqual([]);
    warnings = result.problems.map((p) => `${p.file}: ${p.code}`);
    tree = await readTree(result.siteDir ?? '');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await rm(out, { recursive: true, force: true });
  });

  it('leaves every hostile SVG and the cover off the site, each with a warning', () => {
    expect(warnings.sort()).toEqual(hostile.map((file) => `${file}: unsafe-svg`).sort());
    const svgs = [...tree.keys()].filter((f) => f.endsWith('.svg'));
    expect(svgs).toEqual(['courses/understanding-anxiety/images/calm-lake.svg']);
    for (const [file, bytes] of tree) {
      if (file.endsWith('.css')) continue;
      expect(bytes.toString('utf8'), file).not.toMatch(/<[a-z]+:script|javascript:|tracker/i);
    }
  });

  it('leaves them off again, and publishes the same, when a rebuild takes the checks from its cache', async () => {
    const again = await build();
    expect(again.problems.map((p) => `${p.file}: ${p.code}`).sort()).toEqual([...warnings].sort());
    expect(await readTree(again.siteDir ?? '')).toEqual(tree);
  });

  it('publishes the safe SVG as checked and written out again, as an <img>', async () => {
    const published = tree.get('courses/understanding-anxiety/images/calm-lake.svg')?.toString();
    const original = await readFile(path.join(root, 'understanding-anxiety/images/calm-lake.svg'));
    expect(published).toBe(safeSvg(original).ok && (safeSvg(original) as { svg: string }).svg);
    const page = tree.get('courses/understanding-anxiety/what-is-anxiety.html')?.toString() ?? '';
    expect(page).toMatch(/<img src="images\/calm-lake\.svg"/);
    expect(page).not.toMatch(/<(object|embed|iframe)/);
  });

  it('serves no hostile SVG to the print page or the editor', async () => {
    const api = createApiHandlers({ root, configDir: path.join(out, 'config') }).handlers;
    for (const file of hostile) {
      expect(await readPrintAsset(root, `/library/${file}`), file).toBeUndefined();
      const [course, ...rest] = file.split('/');
      if (course === 'images') continue;
      await expect(api.readImage(course ?? '', rest.join('/'))).rejects.toThrow(/is not shown/);
    }
    expect(
      await readPrintAsset(root, '/library/understanding-anxiety/images/calm-lake.svg'),
    ).toEqual(expect.objectContaining({ contentType: 'image/svg+xml' }));
  });
});
