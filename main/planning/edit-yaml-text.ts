/**
 * Edits a YAML file the way a careful person would: through the `yaml` Document API, then
 * writing back only the lines the edit changed. The printer alone would also re-space comments
 * and re-wrap long text everywhere, so its output before and after the edit are compared and
 * only that difference is merged into the original text (a three-way merge, by `node-diff3`).
 * An unchanged document gives back the original text byte for byte.
 */
import { isDeepStrictEqual } from 'node:util';
import { diff3Merge, diffComm } from 'node-diff3';
import { LineCounter, parseDocument } from 'yaml';
import { explainYamlSyntaxError } from '../format/yaml-syntax-message.js';
import type { Document, ToStringOptions } from 'yaml';

// 100 columns is how the sample library and prettier wrap folded text.
const PRINT: ToStringOptions = { lineWidth: 100 };

/** Thrown when the file cannot be edited safely because it is not valid YAML. */
export class YamlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlSyntaxError';
  }
}

/** Parses text for editing; refuses text with syntax errors rather than guess. */
export function parseForEdit(text: string, label: string): Document.Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const plain = explainYamlSyntaxError(text, { ...error, line, column: col });
    throw new YamlSyntaxError(
      `${label} cannot be changed until its YAML is fixed: line ${plain.line}: ${plain.message}`,
    );
  }
  return doc;
}

/** Applies `edit` to the document of `text` and returns the new text, changing only what it must. */
export function editYamlText(text: string, label: string, edit: (doc: Document) => void): string {
  const crlf = text.includes('\r\n');
  const original = crlf ? text.replace(/\r\n/g, '\n') : text;
  const doc = parseForEdit(original, label);
  const before = doc.toString(PRINT);
  edit(doc);
  const after = doc.toString(PRINT);
  if (after === before) return text;
  const merged = mergeEdit(original, before, after);
  // The merge keeps people's formatting; if it ever gave different data, the printer's own
  // output is used instead, because the data must be exactly what was asked for.
  const checked = parseDocument(merged);
  const result =
    checked.errors.length === 0 && isDeepStrictEqual(checked.toJS(), doc.toJS()) ? merged : after;
  return crlf ? result.replace(/\n/g, '\r\n') : result;
}

/** `original` with the change from `before` to `after` applied; where both differ, `after` wins. */
function mergeEdit(original: string, before: string, after: string): string {
  const regions = diff3Merge(original.split('\n'), before.split('\n'), after.split('\n'), {
    excludeFalseConflicts: true,
  });
  const lines: string[] = [];
  for (const region of regions) {
    if (region.ok) lines.push(...region.ok);
    else if (region.conflict) lines.push(...resolve(region.conflict));
  }
  return lines.join('\n');
}

/**
 * A change next to a line the printer re-spaced shows up as a conflict. When the original and
 * the printer's version of that stretch line up one to one, lines the edit did not touch keep
 * their original text; otherwise the edited printing of the stretch is used.
 */
function resolve(conflict: { a: string[]; o: string[]; b: string[] }): string[] {
  if (conflict.a.length !== conflict.o.length) return conflict.b;
  const lines: string[] = [];
  let at = 0;
  for (const part of diffComm(conflict.o, conflict.b)) {
    if (part.common) {
      lines.push(...conflict.a.slice(at, at + part.common.length));
      at += part.common.length;
    } else {
      const originals = conflict.a.slice(at, at + part.buffer1.length);
      lines.push(
        ...(part.buffer1.length === part.buffer2.length
          ? part.buffer2.map((line, i) =>
              keepSpacing(originals[i] ?? '', part.buffer1[i] ?? '', line),
            )
          : part.buffer2),
      );
      at += part.buffer1.length;
    }
  }
  return lines;
}

/**
 * One edited line whose original was spaced differently (`date: 2027-01-11  # Monday`): the
 * edit (`01-11` → `04-12`) is made inside the original line when its text around the edit is
 * the same, so only the value changes.
 */
function keepSpacing(original: string, printed: string, edited: string): string {
  let prefix = 0;
  while (prefix < printed.length && printed[prefix] === edited[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < printed.length - prefix &&
    suffix < edited.length - prefix &&
    printed[printed.length - 1 - suffix] === edited[edited.length - 1 - suffix]
  ) {
    suffix++;
  }
  const before = printed.slice(prefix, printed.length - suffix);
  const rest = original.slice(prefix);
  if (!original.startsWith(printed.slice(0, prefix)) || !rest.startsWith(before)) return edited;
  return (
    original.slice(0, prefix) +
    edited.slice(prefix, edited.length - suffix) +
    rest.slice(before.length)
  );
}
