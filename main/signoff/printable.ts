/** Makes text from library files safe to print on a terminal. */

// C0 and C1 control characters except tab: a hostile file could otherwise move the cursor,
// rewrite earlier lines or change the terminal title.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/** Replaces control characters (including newlines) in one line of output with `�`. */
export function printable(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}
