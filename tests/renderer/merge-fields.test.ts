import { describe, expect, it } from 'vitest';
import { mergeFields } from '../../renderer/components/merge-fields.js';

interface Draft {
  title: string;
  duration: string;
  body: string;
}

const base: Draft = { title: 'Breathing', duration: '2 hours', body: 'b' };

describe('mergeFields keeps a field changed on either side', () => {
  const cases: {
    name: string;
    mine: Partial<Draft>;
    theirs: Record<string, unknown>;
    merged: Partial<Draft>;
    clashes: string[];
  }[] = [
    {
      name: 'nothing changed',
      mine: {},
      theirs: { title: 'Breathing', duration: '2 hours' },
      merged: {},
      clashes: [],
    },
    {
      name: 'their new title',
      mine: {},
      theirs: { title: 'Slow breathing', duration: '2 hours' },
      merged: { title: 'Slow breathing' },
      clashes: [],
    },
    {
      name: 'my new title',
      mine: { title: 'Calm breathing' },
      theirs: { title: 'Breathing', duration: '2 hours' },
      merged: { title: 'Calm breathing' },
      clashes: [],
    },
    {
      name: 'the same new title on both sides',
      mine: { title: 'Calm' },
      theirs: { title: 'Calm', duration: '2 hours' },
      merged: { title: 'Calm' },
      clashes: [],
    },
    {
      name: 'both changed the title differently: mine, named',
      mine: { title: 'Calm breathing' },
      theirs: { title: 'Slow breathing', duration: '2 hours' },
      merged: { title: 'Calm breathing' },
      clashes: ['title'],
    },
    {
      name: 'one title each side, the other field each',
      mine: { title: 'Calm breathing' },
      theirs: { title: 'Breathing', duration: '90 minutes' },
      merged: { title: 'Calm breathing', duration: '90 minutes' },
      clashes: [],
    },
    {
      name: 'a field removed on disk is empty there',
      mine: {},
      theirs: { title: 'Breathing' },
      merged: { duration: '' },
      clashes: [],
    },
    {
      name: 'a number in YAML is compared as text',
      mine: { duration: '2' },
      theirs: { title: 'Breathing', duration: 2 },
      merged: { duration: '2' },
      clashes: [],
    },
  ];
  it.each(cases)('$name', ({ mine, theirs, merged, clashes }) => {
    const result = mergeFields(base, { ...base, body: 'mine', ...mine }, theirs, ['body']);
    expect(result).toEqual({ merged: { ...base, body: 'mine', ...merged }, clashes });
  });
});
