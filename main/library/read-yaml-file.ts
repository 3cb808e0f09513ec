/**
 * Parses YAML text while keeping the node tree, so every later check can point at the exact
 * line and column of the value it complains about.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node } from 'yaml';
import { z } from 'zod';
import { explainYamlSyntaxError } from '../format/yaml-syntax-message.js';
import type { Problem } from './types.js';

/** Text kept between runs, found by everything it is made from (a build's render cache). */
export interface DerivedTexts {
  derived(inputs: unknown, make: () => string): string;
  /** While `keys` is set, the key of every text asked for is added to it. */
  recordTexts?(keys: string[] | undefined): void;
  /** Keeps the texts of `keys` as if asked for again; false when one is no longer held. */
  keepTexts?(keys: readonly string[]): boolean;
}

/** A parsed YAML text plus what is needed to turn a data path back into a file position. */
export interface YamlSource {
  /** Library-relative path, forward slashes. */
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Lines before the YAML text in its file (the `---` fence for front matter). */
  lineOffset: number;
  /**
   * The positions of several paths as an earlier run found them in the same text, so the
   * tree need not be made; undefined when the tree is there or nothing usable was kept.
   */
  keptPositions?(paths: readonly DataPath[], at: 'value' | 'key'): Position[] | undefined;
}

/** Keys and list indexes, as in zod issue paths. */
export type DataPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface ParsedYaml {
  source: YamlSource;
  /** The plain data, or undefined when the text has syntax errors. */
  data: unknown;
  problems: Problem[];
}

/**
 * Parses YAML text. Syntax errors come back as `yaml-syntax` problems with the parser's own
 * message at the parser's position; `data` is then undefined because a half-read file would
 * give misleading follow-on errors.
 *
 * With `derived`, the data of a text an earlier run parsed without any problem is taken from
 * there (found by the text itself), and the text is parsed again, with every node's position,
 * only when something asks for a position: that is, only when a check reports a problem in it.
 */
export function parseYaml(
  text: string,
  file: string,
  lineOffset = 0,
  derived?: DerivedTexts,
): ParsedYaml {
  if (!derived) return parseWithPositions(text, file, lineOffset);
  let parsed: ParsedYaml | undefined;
  const kept = derived.derived([YAML_CACHE_FORMAT, text], () => {
    parsed = parseWithPositions(text, file, lineOffset);
    return parsed.problems.length === 0 && isPlainJson(parsed.data)
      ? JSON.stringify(parsed.data)
      : '';
  });
  if (parsed) return parsed;
  if (kept !== '') {
    try {
      const data: unknown = JSON.parse(kept);
      return { source: lazySource(text, file, lineOffset, derived), data, problems: [] };
    } catch {
      // A damaged entry is never used: the text is parsed as if nothing were kept.
    }
  }
  return parseWithPositions(text, file, lineOffset);
}

/** Tags the kept data's meaning; changed whenever what is kept for a text changes. */
const YAML_CACHE_FORMAT = 'library-yaml-data-v1';

/** Tags kept positions' meaning, as YAML_CACHE_FORMAT does for data. */
const POSITIONS_CACHE_FORMAT = 'library-yaml-positions-v1';

const keptPositionsSchema = z.array(
  z.object({ line: z.number().int().positive(), column: z.number().int().positive() }),
);

/**
 * A source whose tree is made from `text` the first time a position is asked for. Positions
 * asked for together (positionsAt) are kept in `derived`, so a check that reports the same
 * problems in an unchanged text again (a run not yet ready, each time) does not parse it again.
 */
function lazySource(
  text: string,
  file: string,
  lineOffset: number,
  derived: DerivedTexts,
): YamlSource {
  let parsed: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  const tree = () => (parsed ??= parseTree(text));
  const source: YamlSource = {
    file,
    lineOffset,
    get doc() {
      return tree().doc;
    },
    get lineCounter() {
      return tree().lineCounter;
    },
    keptPositions(paths, at) {
      if (parsed) return undefined;
      const kept = derived.derived([POSITIONS_CACHE_FORMAT, text, lineOffset, at, paths], () =>
        JSON.stringify(paths.map((p) => positionAt(source, p, at))),
      );
      try {
        const positions = keptPositionsSchema.safeParse(JSON.parse(kept));
        return positions.success && positions.data.length === paths.length
          ? positions.data
          : undefined;
      } catch {
        return undefined;
      }
    },
  };
  return source;
}

function parseTree(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  // prettyErrors off: the message stays one plain sentence and we add the position ourselves.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return { doc, lineCounter };
}

/**
 * True when JSON gives back exactly `value`: plain objects and lists (none met twice, as an
 * alias would make them), text, finite numbers other than -0, true, false and null.
 */
function isPlainJson(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  if (Array.isArray(value)) return value.every((item) => isPlainJson(item, seen));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(
    ([key, item]) => key !== '__proto__' && isPlainJson(item, seen),
  );
}

function parseWithPositions(text: string, file: string, lineOffset: number): ParsedYaml {
  const { doc, lineCounter } = parseTree(text);
  const source: YamlSource = { file, doc, lineCounter, lineOffset };
  const problems: Problem[] = [];
  // Only the first syntax error: the parser's later errors are usually knock-on effects of it
  // and would send people hunting for mistakes that are not there.
  for (const error of doc.errors.slice(0, 1)) {
    problems.push(syntaxProblem(source, text, error.code, error.message, error.pos[0]));
  }
  for (const warning of doc.warnings) {
    problems.push({
      file,
      ...offsetPosition(source, warning.pos[0]),
      message: `YAML: ${firstSentence(warning.message)}`,
      severity: 'warning',
      code: 'yaml-warning',
    });
  }
  let data: unknown;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (error) {
      // `*name` with no `&name` before it: most often a value that starts with a star.
      if (error instanceof ReferenceError && /unresolved alias/i.test(error.message)) {
        const offset = firstAliasOffset(doc);
        problems.push(syntaxProblem(source, text, 'UNRESOLVED_ALIAS', error.message, offset));
        return { source, data: undefined, problems };
      }
      // Otherwise only a resource limit throws here (an "alias bomb"): the file is refused.
      problems.push({
        file,
        ...offsetPosition(source, firstAliasOffset(doc)),
        message: `YAML: this file expands its aliases (*name) into far too much data to read; write the values out instead`,
        severity: 'error',
        code: 'yaml-too-many-aliases',
      });
    }
  }
  return { source, data, problems };
}

/** A syntax error as a `yaml-syntax` problem, in plain words, at the line to look at. */
function syntaxProblem(
  source: YamlSource,
  text: string,
  code: string,
  message: string,
  offset: number,
): Problem {
  const { line, col } = source.lineCounter.linePos(offset);
  const explained = explainYamlSyntaxError(text, { code, message, line, column: col });
  return {
    file: source.file,
    line: explained.line + source.lineOffset,
    column: explained.column,
    message: `YAML: ${explained.message}`,
    severity: 'error',
    code: 'yaml-syntax',
  };
}

/**
 * How many times YAML aliases may be expanded in one file, in the `yaml` library's count. An
 * "alias bomb" (aliases of aliases) would otherwise expand a few lines into gigabytes.
 */
export const MAX_YAML_ALIASES = 100;

/** Where the first alias of `doc` is, to point the alias problem at. */
function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** Converts a character offset in the YAML text into a 1-based file position. */
export function offsetPosition(source: YamlSource, offset: number): Position {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line: line + source.lineOffset, column: col };
}

/**
 * The position of the node at `path` (keys and list indexes, as in zod issue paths). When the
 * path goes further than the document does (a missing field), the position of the deepest
 * node that exists is returned, so a "missing field" problem points at the entry that lacks it.
 * With `at: 'key'`, a map entry's key is pointed at instead of its value.
 */
export function positionAt(
  source: YamlSource,
  path: readonly PropertyKey[],
  at: 'value' | 'key' = 'value',
): Position {
  let node: Node | null = source.doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      const key = isScalar(pair.key) ? pair.key : undefined;
      if (key?.range && last && at === 'key') return offsetPosition(source, key.range[0]);
      const value: unknown = pair.value;
      if (!isNode(value) || (isScalar(value) && value.value === null)) {
        // `title:` with nothing after it: point at the key.
        if (key?.range) offset = key.range[0];
        break;
      }
      node = value;
    } else if (isSeq(node)) {
      const item: unknown = typeof segment === 'number' ? node.items[segment] : undefined;
      if (!isNode(item)) break;
      node = item;
    } else {
      break;
    }
    if (node.range) offset = node.range[0];
  }
  return offsetPosition(source, offset);
}

/** The positions of `paths` (see positionAt), found together: from what was kept, when it can. */
export function positionsAt(
  source: YamlSource,
  paths: readonly DataPath[],
  at: 'value' | 'key' = 'value',
): Position[] {
  return source.keptPositions?.(paths, at) ?? paths.map((p) => positionAt(source, p, at));
}

function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}

function firstSentence(message: string): string {
  // The parser sometimes appends the offending source after a colon and newline; the position
  // already shows where it is.
  return (message.split('\n')[0] ?? message).replace(/:$/, '').trim();
}
