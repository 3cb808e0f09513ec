/**
 * A YAML syntax error in plain words. The `yaml` parser names what it met ("All mapping items
 * must start at the same column"); people need what to do ("this list item needs a dash"). The
 * parser's error code and a look at the line (and the lines above it) choose the explanation,
 * and some errors move to the line where the mistake is: an unclosed quote or bracket is
 * reported where it opens, not where the file ends. Pure: no parser here, only its code.
 */

/** The YAML files the app lets people fix as text: a term, college.yml or trainers.yml. */
export const YAML_SOURCE_PATTERN =
  /^(?:terms\/[a-z0-9]+(?:-[a-z0-9]+)*\.yml|college\.yml|trainers\.yml)$/;

export interface YamlSyntaxError {
  /** The `yaml` package's `YAMLParseError.code`, e.g. `BAD_INDENT`. */
  code: string;
  /** The parser's own first sentence, used when nothing better is known. */
  message: string;
  /** Where the parser stopped, from 1. */
  line: number;
  column: number;
}

export interface ExplainedYamlError {
  line: number;
  column: number;
  message: string;
}

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isBlank = (line: string): boolean => line.trim() === '' || line.trim().startsWith('#');

/** The key of a `key: value` line (after any `- `), or undefined. */
function keyOf(line: string): string | undefined {
  const match = /^\s*(?:-\s+)?([^\s:#'"][^:#]*?|'[^']*'|"[^"]*"):(?:\s|$)/.exec(line);
  return match?.[1]?.replace(/^['"]|['"]$/g, '');
}

/** The nearest line above `index` (0-based) at `indent`, skipping blank and comment lines. */
function siblingAbove(lines: string[], index: number, indent: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    if (indentOf(line) === indent) return line;
    if (indentOf(line) < indent) return undefined;
  }
  return undefined;
}

/** The last line at or above `index` (0-based) where `open` is not closed by `close`. */
function openerAbove(lines: string[], index: number, open: string, close: string) {
  for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
    const line = lines[i] ?? '';
    const count = (c: string) => line.split(c).length - 1;
    const unclosed = open === close ? count(open) % 2 === 1 : count(open) > count(close);
    if (unclosed) return { line: i + 1, column: line.lastIndexOf(open) + 1 };
  }
  return undefined;
}

const firstSentence = (message: string): string =>
  (message.split('\n')[0] ?? message).replace(/\.$/, '');

/** The explanation of one syntax error of `text`, at the line the person should look at. */
export function explainYamlSyntaxError(text: string, error: YamlSyntaxError): ExplainedYamlError {
  const lines = text.split(/\r?\n/);
  const at = (message: string, line = error.line, column = error.column) => ({
    line,
    column,
    message,
  });
  const index = Math.max(0, error.line - 1);
  const current = lines[index] ?? '';
  const trimmed = current.trim();
  const key = keyOf(current);

  if (error.code === 'TAB_AS_INDENT') {
    return at(
      'this line is indented with a tab; YAML needs spaces: replace the tab with spaces, lined up with the lines around it',
      error.line,
      1,
    );
  }

  if (error.code === 'DUPLICATE_KEY') {
    const name = key ?? 'this field';
    const indent = indentOf(current.replace(/^(\s*)-\s+/, '$1  '));
    let earlier: number | undefined;
    for (let i = index - 1; i >= 0; i--) {
      const line = lines[i] ?? '';
      if (isBlank(line)) continue;
      const lineIndent = indentOf(line.replace(/^(\s*)-\s+/, '$1  '));
      if (lineIndent < indent) break;
      if (lineIndent === indent && keyOf(line) === name) earlier = i + 1;
    }
    const where = earlier === undefined ? '' : ` (also on line ${earlier})`;
    return at(`"${name}" is given twice in the same group${where}; keep only one of them`);
  }

  if (error.code === 'MISSING_CHAR' && /missing closing (['"])quote/i.test(error.message)) {
    const quote = /closing (['"])/.exec(error.message)?.[1] ?? "'";
    const opener = openerAbove(lines, index, quote, quote);
    return at(
      `the quote ${quote} that starts this value is never closed: add ${quote} at the end of the value`,
      opener?.line,
      opener?.column,
    );
  }

  const bracket = /end with an? ([\]}])/.exec(error.message)?.[1];
  if (bracket) {
    const open = bracket === ']' ? '[' : '{';
    const opener = openerAbove(lines, index, open, bracket);
    const what = bracket === ']' ? 'list' : 'group';
    return at(
      `this ${what} starts with ${open} but is not closed: add ${bracket} at its end, on the same line`,
      opener?.line,
      opener?.column,
    );
  }

  if (error.code === 'MISSING_CHAR' && /without - indicator/.test(error.message) && key) {
    // A field of a list item, indented a little off from the item's other fields.
    const above = [...lines.slice(0, index)].reverse().find((line) => !isBlank(line));
    const column = above ? indentOf(above) + (above.trimStart().startsWith('- ') ? 2 : 0) : 0;
    if (above && column !== indentOf(current)) {
      return at(
        `"${key}" is indented differently from the fields around it: line it up with the others of its group`,
        error.line,
        indentOf(current) + 1,
      );
    }
  }

  if (
    error.code === 'BAD_INDENT' ||
    (error.code === 'MISSING_CHAR' && /without - indicator/.test(error.message))
  ) {
    const indent = indentOf(current);
    const sibling = siblingAbove(lines, index, indent);
    if (sibling?.trimStart().startsWith('- ') && !trimmed.startsWith('-')) {
      return at(
        `this list item needs a dash: write it as "- ${trimmed}", like the items above it`,
        error.line,
        indent + 1,
      );
    }
    return at(
      key
        ? `"${key}" is indented differently from the fields around it: line it up with the others of its group`
        : 'this line is indented differently from the lines around it: line it up with the others of its group',
      error.line,
      indent + 1,
    );
  }

  if (error.code === 'UNRESOLVED_ALIAS') {
    const value = key ? current.slice(current.indexOf(':') + 1).trim() : trimmed;
    return at(
      `a value cannot start with * (YAML reads it as a reference to another value): put it in quotes, like ${key ? `${key}: ` : ''}'${value}'`,
    );
  }

  if (error.code === 'BAD_SCALAR_START') {
    const char = /character (\S)/.exec(error.message)?.[1] ?? trimmed.charAt(0);
    const value = key ? current.slice(current.indexOf(':') + 1).trim() : trimmed;
    const quoted = `'${value.replace(/'/g, "''")}'`;
    return at(
      `a value cannot start with ${char}: put it in quotes, like ${key ? `${key}: ${quoted}` : quoted}`,
    );
  }

  if (
    error.code === 'BLOCK_AS_IMPLICIT_KEY' &&
    key &&
    !/:\s/.test(current.slice(current.indexOf(':') + 1))
  ) {
    // The line itself is fine: the next one is indented too far to belong to it.
    const next = lines.findIndex((line, i) => i > index && !isBlank(line));
    if (next >= 0) {
      const nextKey = keyOf(lines[next] ?? '');
      return at(
        `${nextKey ? `"${nextKey}"` : 'this line'} is indented further than the fields it belongs with: line it up with them`,
        next + 1,
        indentOf(lines[next] ?? '') + 1,
      );
    }
  }

  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && key) {
    const value = current.slice(current.indexOf(':') + 1).trim();
    if (/^\d{1,2}:\s*\d{2}\b/.test(value)) {
      const time = value.replace(/\s+/g, '').replace(/^(\d):/, '0$1:');
      return at(
        `a time is written in quotes with no space after its colon, like ${key}: '${time}'`,
      );
    }
    return at(
      `this value has a colon followed by a space, which YAML reads as the start of another field: put the whole value in quotes, like ${key}: '${value.replace(/'/g, "''")}'`,
    );
  }

  if (error.code === 'UNEXPECTED_TOKEN' || error.code === 'BLOCK_IN_FLOW') {
    if (current.includes('{') || current.includes('[')) {
      return at(
        "the items inside { } or [ ] need a comma between them, like { date: 2027-01-18, start: '10:00', end: '12:00' }",
      );
    }
  }

  if (
    error.code === 'MULTILINE_IMPLICIT_KEY' ||
    (error.code === 'MISSING_CHAR' && /followed by map values/.test(error.message)) ||
    error.code === 'UNEXPECTED_TOKEN'
  ) {
    if (trimmed.startsWith('- ')) {
      return at(
        'a list item (starting with -) cannot follow a field on its own: indent it under the field whose list it belongs to',
        error.line,
        indentOf(current) + 1,
      );
    }
    if (!key) {
      const words = trimmed.split(/\s+/);
      const example =
        words.length > 1 ? `${words[0]}: ${words.slice(1).join(' ')}` : `${trimmed}: …`;
      return at(
        `this line needs a colon after the field's name, like ${example}`,
        error.line,
        indentOf(current) + 1,
      );
    }
  }

  return at(`this line cannot be read as YAML (${firstSentence(error.message)})`);
}
