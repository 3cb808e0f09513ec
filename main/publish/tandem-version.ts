/** Tandem's own version, from its package.json, for stamping what builds keep between runs. */
import { readFileSync } from 'node:fs';

// cast: package.json always has a version string.
export const TANDEM_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
