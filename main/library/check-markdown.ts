/**
 * Markdown rules for course descriptions, modules and pages: images need alt text and must be
 * files inside the course (or library) folder, and only the blocks Tandem knows are used.
 */
import path from 'node:path';
import type { Definition, Image, ImageReference, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { Node } from 'unist';
import { z } from 'zod';
import { facilitatorNearMisses } from './facilitator-near-misses.js';
import { isInside } from './library-paths.js';
import { markdownLimitProblem } from './markdown-limits.js';
import { RecentValues } from './recent-values.js';
import type { MarkdownTrees } from './markdown-trees.js';
import { parseLibraryMarkdown } from '../format/parse-library-markdown.js';
import type { DerivedTexts } from './read-yaml-file.js';
import type { Problem } from './types.js';

/** A Markdown body to check, with where it sits in its file. */
export interface MarkdownFile {
  /** Library-relative path of the file. */
  file: string;
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyLine: number;
  /** Library-relative folder that images must stay inside: the course folder, or '' for the library. */
  imageFolder: string;
}

/** The container blocks Tandem understands: `:::activity` (for students) and `:::facilitator` (for trainers only). */
export const knownDirectives = ['activity', 'facilitator'] as const;

export type { DerivedTexts };

const positionSchema = { line: z.number(), column: z.number() };

/** What the rules find in a body's tree alone, at positions in the body: the same for the same text. */
const treeFindingsSchema = z.object({
  problems: z.array(
    z.object({
      ...positionSchema,
      message: z.string(),
      severity: z.enum(['error', 'warning']),
      code: z.string(),
    }),
  ),
  images: z.array(z.object({ ...positionSchema, url: z.string(), alt: z.string() })),
  /** The first limit the text goes past (markdown-limits.ts); then it was not parsed. */
  limit: z.object({ ...positionSchema, message: z.string() }).nullable(),
});
type TreeFindings = z.infer<typeof treeFindingsSchema>;

/**
 * Checks one Markdown body. `fileExists` answers for library-relative paths, so tests can run
 * in memory. With `trees`, the body's tree is parsed once and shared with the renderers. With
 * `derived`, what the tree shows is taken from there when it holds this exact text, and the
 * body is not parsed at all; only the image files are looked for again.
 */
export async function checkMarkdown(
  markdown: MarkdownFile,
  fileExists: (file: string) => Promise<boolean>,
  trees?: MarkdownTrees,
  derived?: DerivedTexts,
): Promise<Problem[]> {
  const find = (): TreeFindings => {
    // Checked before parsing: text nested thousands deep must never reach the parser.
    const limit = markdownLimitProblem(markdown.body);
    if (limit) return { problems: [], images: [], limit };
    const tree = trees ? trees.tree(markdown.body) : parseLibraryMarkdown(markdown.body);
    return { ...treeFindings(markdown.body, tree), limit: null };
  };
  // The limits are kept with the findings: both are the same for the same text.
  const findings = derived
    ? cachedJson(derived, ['markdown-findings', markdown.body], treeFindingsSchema, find)
    : find();
  if (findings.limit) {
    return [
      {
        file: markdown.file,
        line: markdown.bodyLine + findings.limit.line - 1,
        column: findings.limit.column,
        message: findings.limit.message,
        severity: 'error',
        code: 'markdown-too-deep',
      },
    ];
  }
  const problems: Problem[] = [];
  const at = (
    position: { line: number; column: number },
    code: string,
    message: string,
    severity: Problem['severity'] = 'error',
  ) => {
    problems.push({
      file: markdown.file,
      line: markdown.bodyLine + position.line - 1,
      column: position.column,
      message,
      severity,
      code,
    });
  };
  for (const found of findings.problems) at(found, found.code, found.message, found.severity);
  for (const image of findings.images) {
    if (image.alt.trim() === '') {
      at(
        image,
        'missing-alt-text',
        `image "${image.url}" has no alt text; alt text is required: describe the picture between the brackets, like ![A calm lake at sunrise](${image.url})`,
      );
    }
    const problem = await imagePathProblem(markdown, image.url, fileExists);
    if (problem) at(image, problem.code, problem.message);
  }
  return problems;
}

/**
 * Values read back from kept JSON lately, by schema and kept text: a watched rebuild reads
 * the same findings of thousands of unchanged texts after every save.
 */
const readBack = new WeakMap<z.ZodType, RecentValues<string, unknown>>();

/**
 * The value `find` gives for `inputs`, kept in `derived` as JSON: taken from there when what is
 * kept has the shape of `schema`, otherwise found (again). A value read back may be given to
 * later calls too: callers never change it.
 */
export function cachedJson<T>(
  derived: DerivedTexts,
  inputs: unknown,
  schema: z.ZodType<T>,
  find: () => T,
): T {
  // Found now, the value itself is given: reading back what was just written would only cost.
  let found: { value: T } | undefined;
  const text = derived.derived(inputs, () => {
    found = { value: find() };
    return JSON.stringify(found.value);
  });
  if (found) return found.value;
  let known = readBack.get(schema);
  if (!known) {
    known = new RecentValues(64 * 1024 * 1024);
    readBack.set(schema, known);
  }
  const earlier = known.get(text, text.length);
  // cast: kept only below, for this schema, once it had the schema's shape.
  if (earlier !== undefined) return earlier as T;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) {
      known.set(text, parsed.data, text.length);
      return parsed.data;
    }
  } catch {
    // Not JSON: found again below.
  }
  return find();
}

/** Every problem the tree of `body` shows, and every image it uses, in the order they are reported. */
function treeFindings(body: string, tree: Root): Omit<TreeFindings, 'limit'> {
  // The shared tree is as parsed, so inline directives are skipped below: they are literal text.
  const nearMisses = facilitatorNearMisses(body, tree);
  const problems: TreeFindings['problems'] = nearMisses.map((miss) => ({
    line: miss.line,
    column: miss.column,
    message: miss.message,
    severity: 'error',
    code: 'facilitator-near-miss',
  }));
  const start = (node: Node) => node.position?.start ?? { line: 1, column: 1 };
  const nearMissLines = new Set(nearMisses.map((miss) => miss.line));

  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node: Definition) => {
    definitions.set(node.identifier, node);
  });

  const images: { node: Image | ImageReference; url: string; alt: string }[] = [];
  visit(tree, (node: Node) => {
    if (node.type === 'textDirective') return SKIP;
    if (node.type === 'image') {
      const image = node as Image; // narrowed by the type field
      images.push({ node: image, url: image.url, alt: image.alt ?? '' });
    } else if (node.type === 'imageReference') {
      const reference = node as ImageReference; // narrowed by the type field
      const definition = definitions.get(reference.identifier);
      if (definition)
        images.push({ node: reference, url: definition.url, alt: reference.alt ?? '' });
    } else if (node.type === 'containerDirective' || node.type === 'leafDirective') {
      // Directive nodes (added to mdast by remark-directive) all carry a name.
      const directive = node as DirectiveNode;
      const problem = directiveProblem(directive);
      // A block named like a facilitator note (`:::facilitators`) is already an error above.
      const { line, column } = start(node);
      if (problem && !nearMissLines.has(node.position?.start.line ?? 0))
        problems.push({
          line,
          column,
          message: problem,
          severity: 'warning',
          code: 'unknown-directive',
        });
    }
    return undefined;
  });

  const used = images.map(({ node, url, alt }) => ({ ...start(node), url, alt }));
  return { problems, images: used };
}

interface DirectiveNode extends Node {
  type: 'containerDirective' | 'leafDirective';
  name: string;
}

function directiveProblem(node: DirectiveNode): string | undefined {
  const known: readonly string[] = knownDirectives;
  // Block names are matched without regard to case, as the publishing pipeline does.
  if (known.includes(node.name.toLowerCase())) return undefined;
  const colons = node.type === 'containerDirective' ? ':::' : '::';
  return `unknown block "${colons}${node.name}" is shown as ordinary text; the known blocks are :::activity and :::facilitator`;
}

const scheme = /^[a-z][a-z0-9+.-]*:/i;
const windowsAbsolute = /^[a-z]:[\\/]/i;

async function imagePathProblem(
  markdown: MarkdownFile,
  url: string,
  fileExists: (file: string) => Promise<boolean>,
): Promise<{ code: string; message: string } | undefined> {
  const where =
    markdown.imageFolder === ''
      ? 'the library folder'
      : `the course folder (${markdown.imageFolder}/)`;
  const example = markdown.file.includes('/modules/')
    ? '../images/picture.png'
    : 'images/picture.png';
  if (url.trim() === '') {
    return { code: 'image-not-found', message: `an image has no path; add one, like ${example}` };
  }
  // `C:\...` looks like a URL scheme but is a Windows path, reported as absolute below.
  if (!windowsAbsolute.test(url) && (scheme.test(url) || url.startsWith('//'))) {
    return {
      code: 'image-leaves-course',
      message: `image "${url}" is not a file in ${where}; save the picture in the images folder and use a relative path, like ${example}`,
    };
  }
  if (windowsAbsolute.test(url) || url.startsWith('/') || url.startsWith('\\')) {
    return {
      code: 'image-leaves-course',
      message: `image path "${url}" is absolute; use a path relative to this file inside ${where}, like ${example}`,
    };
  }
  let decoded = url;
  try {
    decoded = decodeURI(url);
  } catch {
    // A stray % is kept as written; the existence check below will report it.
  }
  const target = path.posix.normalize(
    path.posix.join(path.posix.dirname(markdown.file), decoded.replace(/[?#].*$/, '')),
  );
  if (!isInside(markdown.imageFolder, target)) {
    return {
      code: 'image-leaves-course',
      message: `image path "${url}" leaves ${where}; keep images inside it, like ${example}`,
    };
  }
  if (!(await fileExists(target))) {
    return {
      code: 'image-not-found',
      message: `image file "${url}" not found (looked for ${target})`,
    };
  }
  return undefined;
}
