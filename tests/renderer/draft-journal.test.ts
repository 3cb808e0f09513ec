/** The journal of unsaved text: per library and file, tolerant of whatever storage holds. */
import { describe, expect, it } from 'vitest';
import { draftJournal, type JournalStorage } from '../../renderer/state/draft-journal.js';

function memoryStorage(): JournalStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const isText = (value: unknown): value is string => typeof value === 'string';
const entry = {
  changedAt: '2027-03-03T14:05:00.000Z',
  label: 'the module “Breathing”',
  baseVersion: 'v1',
  base: 'Before.',
  draft: 'Before. And after.',
};

describe('draftJournal', () => {
  it('keeps an entry per library and file until it is removed', () => {
    const storage = memoryStorage();
    const north = draftJournal(storage, '/libraries/north');
    north.write('anxiety/modules/01-a.md', entry);
    expect(north.read('anxiety/modules/01-a.md', isText)).toEqual(entry);
    expect(north.read('anxiety/modules/02-b.md', isText)).toBeUndefined();
    expect(draftJournal(storage, '/libraries/south').read('anxiety/modules/01-a.md', isText)).toBe(
      undefined,
    );
    north.remove('anxiety/modules/01-a.md');
    expect(north.read('anxiety/modules/01-a.md', isText)).toBeUndefined();
    expect(storage.items.size).toBe(0);
  });

  it('does not mix up a library and file whose names run together', () => {
    const storage = memoryStorage();
    draftJournal(storage, '/a:b').write('c', entry);
    expect(draftJournal(storage, '/a').read('b:c', isText)).toBeUndefined();
  });

  const unreadable: [string, string][] = [
    ['not JSON', '{'],
    ['null', 'null'],
    ['a draft of another shape', JSON.stringify({ ...entry, draft: { body: 1 } })],
    ['no base version', JSON.stringify({ ...entry, baseVersion: undefined })],
  ];
  it.each(unreadable)('reads an entry that is %s as none', (_, text) => {
    const storage = memoryStorage();
    const journal = draftJournal(storage, '/libraries/north');
    journal.write('f', entry);
    const [key] = [...storage.items.keys()];
    storage.items.set(key ?? '', text);
    expect(journal.read('f', isText)).toBeUndefined();
  });

  it('carries on when the storage refuses (full, or turned off)', () => {
    const refusing: JournalStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const journal = draftJournal(refusing, '/libraries/north');
    expect(() => journal.write('f', entry)).not.toThrow();
    expect(journal.read('f', isText)).toBeUndefined();
    expect(() => journal.remove('f')).not.toThrow();
  });
});
