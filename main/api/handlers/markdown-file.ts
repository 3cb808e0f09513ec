/**
 * Reading and rewriting the Markdown files the editor works on (course.md, modules): the front
 * matter is edited in place as a YAML document, so field order, comments and any fields the
 * app does not know about survive a save.
 */
import { readFile } from 'node:fs/promises';
import { isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { MAX_YAML_ALIASES } from '../../library/read-yaml-file.js';
import { splitFrontMatter } from '../../format/front-matter-fences.js';
import { TandemApiError } from '../api-error.js';
import { versionOf } from '../own-writes.js';

export interface MarkdownFile {
  /** The whole file. */
  text: string;
  version: string;
  /** The front matter as a YAML document (empty when the file has none). */
  doc: Document;
  /** Front matter as plain data; `{}` when missing or not a mapping. */
  data: Record<string, unknown>;
  /** The body, without the blank line that conventionally follows the closing fence. */
  body: string;
  /** YAML errors in the front matter, as `line: message`. */
  yamlErrors: string[];
}

/** Splits and parses Markdown text with front matter. */
export function parseMarkdownFile(text: string): MarkdownFile {
  const split = splitFrontMatter(text);
  const doc: Document = parseDocument(split.frontMatter ?? '');
  const yamlErrors = doc.errors.map((error) => {
    const line = (error.linePos?.[0]?.line ?? 1) + split.frontMatterLine - 1;
    return `line ${line}: ${error.message.split('\n')[0] ?? ''}`;
  });
  let json: unknown;
  if (yamlErrors.length === 0) {
    try {
      json = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch {
      yamlErrors.push('line 1: the front matter expands its aliases into far too much data');
    }
  }
  const data =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>) // cast: checked to be a plain object just above
      : {};
  return {
    text,
    version: versionOf(text),
    doc,
    data,
    body: split.body.replace(/^\r?\n/, ''),
    yamlErrors,
  };
}

/** Reads a Markdown file from disk; its version is the hash of the exact bytes read. */
export async function readMarkdownFile(file: string): Promise<MarkdownFile> {
  const bytes = await readFile(file);
  const parsed = parseMarkdownFile(bytes.toString('utf8'));
  return { ...parsed, version: versionOf(bytes) };
}

/** A string field of front matter data, or '' (the form shows empty fields for missing ones). */
export function stringField(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** A list-of-strings field of front matter data, or []. */
export function listField(data: Record<string, unknown>, key: string): string[] {
  const value = data[key];
  return Array.isArray(value) ? value.map((item) => String(item)) : [];
}

/**
 * Sets front-matter fields in place. A scalar keeps its node (and so its quoting and comment);
 * a list is replaced only when it changed. `undefined` removes the field. Fields not yet in the
 * file are appended in the order given, except empty optional lists listed in `omitWhenEmpty`.
 */
export function setFields(
  doc: Document,
  fields: Record<string, string | string[] | undefined>,
  omitWhenEmpty: readonly string[] = [],
): void {
  if (doc.contents === null) doc.contents = doc.createNode({});
  for (const [key, value] of Object.entries(fields)) {
    const current: unknown = doc.get(key, true);
    if (value === undefined) {
      if (doc.has(key)) doc.delete(key);
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length === 0 && omitWhenEmpty.includes(key) && current === undefined) continue;
      const same =
        isSeq(current) &&
        current.items.length === value.length &&
        current.items.every((item, index) => isScalar(item) && String(item.value) === value[index]);
      if (!same) doc.set(key, doc.createNode(value));
      continue;
    }
    if (isScalar(current)) current.value = value;
    else doc.set(key, value);
  }
}

/** Puts front matter and body back together: `---`, fields, `---`, a blank line, the body. */
export function composeMarkdown(doc: Document, body: string): string {
  const yaml = doc.toString({ lineWidth: 0 });
  const text = body.length > 0 && !body.endsWith('\n') ? `${body}\n` : body;
  return `---\n${yaml}---\n\n${text}`;
}

/** Refuses to rewrite front matter that does not parse: the file must be fixed by hand first. */
export function assertEditable(file: MarkdownFile, label: string): void {
  if (file.yamlErrors.length > 0) {
    throw new TandemApiError(
      'failed',
      `${label} cannot be saved because its front matter has YAML errors (${file.yamlErrors[0]}). ` +
        'Fix the file in a text editor first; your changes here are kept until then.',
    );
  }
}

/** Lower-case kebab-case from a title: "Getting a good night's sleep" → "getting-a-good-nights-sleep". */
export function slugify(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // drop accents left as combining marks by NFKD
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug.length > 0 ? slug : fallback;
}
