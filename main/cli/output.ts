/**
 * Every CLI line goes out through these, so no text from a library (titles, messages, comments,
 * paths) can send control sequences to the terminal (main/signoff/printable.ts).
 */
import { terminalJson, terminalText } from './printable.js';

/**
 * Keeps the command running when whoever reads its output stops reading (`tandem build | head`):
 * the rest of the output is dropped instead of the process dying mid-build with a stack trace.
 * Any other failure to write still ends the process with its error.
 */
export function toleratePipesClosedEarly(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
      throw error;
    });
  }
}

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
