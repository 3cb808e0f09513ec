/** The renderer runs sandboxed: ESLint must refuse any import of Node code into renderer/. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp-library.js';

const eslint = new ESLint({ cwd: repoRoot });

async function restrictedImports(source: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(`${source}\nexport const probe = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('renderer import boundary', () => {
  it.each([
    ["import x from 'node:fs';", 1],
    ["import x from 'fs';", 1],
    ["import x from 'electron';", 1],
    ["import { loadLibrary as x } from '../main/library/load-library.js';", 1],
    ["import { buildPublication as x } from '../../main/publish/build.js';", 1],
    ["import type { TandemApi as x } from '../main/api/contract.js';", 0],
    ["import x from 'react';", 0],
  ] as const)('%s → %i refusal(s) in renderer/', async (source, expected) => {
    expect(await restrictedImports(source, 'renderer/screens/probe.ts')).toBe(expected);
  });

  it('lets Node code import Node modules', async () => {
    expect(await restrictedImports("import x from 'node:fs';", 'main/probe.ts')).toBe(0);
  });
});
