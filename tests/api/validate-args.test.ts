import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../main/api/contract.js';
import { dispatch } from '../../main/api/dispatch.js';
import {
  createApiHandlers,
  type ApiHandlers,
} from '../../main/api/handlers/create-api-handlers.js';
import { ARG_SCHEMAS, isApiMethod, validateArgs } from '../../main/api/validate-args.js';

describe('validateArgs', () => {
  it('has a schema for every method of the contract, and no others', () => {
    expect(Object.keys(ARG_SCHEMAS).sort()).toEqual([...API_METHODS].sort());
  });

  const refused: [string, unknown][] = [
    ['readCourse', ['../etc']],
    ['readCourse', ['Understanding-Anxiety']],
    ['readCourse', ['a/b']],
    ['readCourse', [42]],
    ['readCourse', []],
    ['readCourse', ['a', 'extra']],
    ['readCourse', 'not-a-list'],
    ['readModule', ['course', '../course.md']],
    ['readModule', ['course', '01-x.md/../../y']],
    ['readModule', ['course', 'notes.txt']],
    ['readImage', ['course', '/etc/passwd']],
    ['readImage', ['course', 'modules/01-x.md']],
    ['readImage', ['course', 'images\\..\\x.png']],
    [
      'saveModule',
      [{ courseId: 'c', file: '01-x.md', title: 'T', body: '', baseVersion: 'whatever' }],
    ],
    [
      'saveModule',
      [
        {
          courseId: 'c',
          file: '01-x.md',
          title: 'T',
          body: '',
          baseVersion: `sha256:${'0'.repeat(64)}`,
          extra: 1,
        },
      ],
    ],
    ['addModule', ['course', '   ']],
    ['previewPage', [{ page: 'module', courseId: '../x', file: '01-a.md' }]],
    ['previewPage', [{ page: 'module', courseId: 'x', file: '../../college.yml' }]],
    ['previewPage', [{ page: 'search' }]],
    ['previewPage', [{ page: 'home', courseId: 'x' }]],
    ['setIdentity', ['../../keys/x']],
    ['checkLanguage', [[{ text: 'Hello', audience: 'patients', comments: [] }]]],
    ['checkLanguage', [[{ text: 'Hello', audience: 'students' }]]],
    [
      'startBuild',
      [
        {
          paper: 'Letter',
          largePrint: false,
          booklet: false,
          facilitatorPacks: false,
          draft: false,
        },
      ],
    ],
  ];
  it.each(refused)('refuses %s %j', (method, args) => {
    expect(isApiMethod(method)).toBe(true);
    if (!isApiMethod(method)) return;
    expect(() => validateArgs(method, args)).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    );
  });

  it('accepts good arguments and drops trailing nulls (JSON for undefined)', () => {
    expect(validateArgs('signOff', ['understanding-anxiety', null])).toEqual([
      'understanding-anxiety',
    ]);
    expect(validateArgs('signOff', ['understanding-anxiety', 'Checked it'])).toEqual([
      'understanding-anxiety',
      'Checked it',
    ]);
    expect(validateArgs('readModule', ['c', '01-what-is-anxiety.md'])).toEqual([
      'c',
      '01-what-is-anxiety.md',
    ]);
  });
});

describe('createApiHandlers', () => {
  it('implements every method of the contract, and nothing else', () => {
    const { handlers } = createApiHandlers({ root: '.' });
    expect(Object.keys(handlers).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(typeof handlers[method]).toBe('function');
  });
});

describe('dispatch', () => {
  const calls: unknown[][] = [];
  const handlers = Object.fromEntries(
    API_METHODS.map((m) => [
      m,
      async (...args: unknown[]) => (calls.push([m, ...args]), `${m} done`),
    ]),
  ) as unknown as ApiHandlers; // cast: a stand-in that records calls, for every method

  it('calls the handler with validated arguments', async () => {
    expect(await dispatch(handlers, 'readCourse', ['understanding-anxiety'])).toEqual({
      ok: true,
      value: 'readCourse done',
    });
    expect(calls.at(-1)).toEqual(['readCourse', 'understanding-anxiety']);
  });

  it('refuses names outside the allow-list without calling anything', async () => {
    const before = calls.length;
    for (const name of ['constructor', '__proto__', 'hasOwnProperty', 'onEvent', '']) {
      expect(await dispatch(handlers, name, [])).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    }
    expect(await dispatch(handlers, 'readCourse', ['..'])).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(calls.length).toBe(before);
  });

  it('turns thrown errors into plain ApiErrors', async () => {
    const failing = { ...handlers, getLibrary: () => Promise.reject(new Error('disk on fire')) };
    expect(await dispatch(failing, 'getLibrary', [])).toEqual({
      ok: false,
      error: { code: 'failed', message: 'disk on fire' },
    });
  });
});
