#!/usr/bin/env node
// Runs the compiled command line (build/cli/tandem.js, made by `npm ci` and `npm pack` through
// the `prepare` script). While developing, when the compiled file is missing or older than a
// source in main/, tsx compiles the TypeScript on the fly instead, so an edit is never run
// stale. An installed package ships only the compiled files.
import { existsSync, readdirSync, statSync } from 'node:fs';

const compiled = new URL('../build/cli/tandem.js', import.meta.url);
const sources = new URL('../main/', import.meta.url);

function newestSourceTime() {
  if (!existsSync(sources)) return 0;
  let newest = 0;
  for (const entry of readdirSync(sources, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return newest;
}

if (existsSync(compiled) && statSync(compiled).mtimeMs >= newestSourceTime()) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli/main.ts');
}
