/**
 * Makes text from library files safe to print on a terminal: the one place every CLI output
 * goes through (main/cli/output.ts). A hostile file could otherwise move the cursor, clear the
 * screen, rewrite earlier lines, change the terminal title or write to the clipboard (OSC 52),
 * or reorder what is shown with Unicode direction controls.
 */

// C0 and C1 control characters except tab and newline, and the Unicode bidirectional controls.
const CONTROL =
  // eslint-disable-next-line no-control-regex -- control characters are what is matched
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Replaces control characters (including newlines) in one line of output with `�`. */
export function printable(text: string): string {
  return terminalText(text).replace(/\n/g, '\uFFFD');
}

/** Replaces control characters in output of several lines with `�`, keeping newlines and tabs. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

/**
 * JSON for a terminal or another program: the same data, with every character `terminalText`
 * would replace written as a `\uXXXX` escape (JSON.stringify already escapes C0 ones).
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    CONTROL,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
