/**
 * Every CLI line goes out through these, so no text from a library (titles, messages, comments,
 * paths) can send control sequences to the terminal (main/signoff/printable.ts).
 */
import { terminalJson, terminalText } from './printable.js';

/** Writes `text` to standard output, control characters replaced. */
export function writeOut(text: string): void {
  process.stdout.write(terminalText(text));
}

/** Writes `text` to standard error, control characters replaced. */
export function writeErr(text: string): void {
  process.stderr.write(terminalText(text));
}

/** Writes `value` as JSON to standard output, with control characters escaped. */
export function writeJson(value: unknown): void {
  process.stdout.write(`${terminalJson(value)}\n`);
}

/**
 * Writes output coloured by Tandem itself (`tandem status`, `tandem diff`), whose every piece of
 * library text was already passed through `printable` before the colours were added.
 */
export function writeStyled(text: string): void {
  process.stdout.write(text);
}
