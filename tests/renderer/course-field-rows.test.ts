import { describe, expect, it } from 'vitest';
import { courseFieldRows } from '../../renderer/components/course-field-rows.js';

const fields = {
  title: 'Understanding anxiety',
  code: 'UMH101',
  category: 'understanding-mental-health',
  summary: 'Learn what anxiety is.',
  audience: 'Anyone.',
  format: '2 weekly sessions of 2 hours',
  outcomes: ['Explain what anxiety is', 'Try two ways to calm'],
  authors: ['amira-hassan', 'hannah-lewis'],
  tags: ['anxiety'],
};
const file = (summary: string) =>
  [
    '---',
    'title: Understanding anxiety',
    'code: UMH101',
    'category: understanding-mental-health',
    `summary: ${summary}`,
    'audience: Anyone.',
    'format: 2 weekly sessions of 2 hours',
    'outcomes:',
    '  - Explain what anxiety is',
    '  - Try two ways to calm',
    'authors: [amira-hassan, hannah-lewis]',
    'tags: [anxiety]',
    '---',
    '',
    'Everyone feels anxious sometimes.',
    '',
  ].join('\n');

describe('courseFieldRows', () => {
  it('marks only the fields that differ, with the form’s labels', () => {
    const rows = courseFieldRows(
      { fields, description: 'Everyone feels anxious sometimes.\n' },
      file('Learn what anxiety is, and what helps.'),
      '\nEveryone feels anxious sometimes.\n',
    );
    expect(rows?.filter((r) => r.differs)).toEqual([
      {
        label: 'Summary',
        mine: 'Learn what anxiety is.',
        theirs: 'Learn what anxiety is, and what helps.',
        differs: true,
      },
    ]);
    expect(rows?.map((r) => r.label)).toEqual([
      'Title',
      'Course code',
      'Category',
      'Summary',
      'Who it is for',
      'Format',
      'Learning outcomes',
      'Authors',
      'Tags',
      'Description',
    ]);
  });

  it('shows lists one item a line, and authors by name', () => {
    const names: Record<string, string> = { 'amira-hassan': 'Amira Hassan' };
    const rows = courseFieldRows(
      { fields, description: '' },
      file('x'),
      '',
      (id) => names[id] ?? id,
    );
    expect(rows?.find((r) => r.label === 'Authors')?.theirs).toBe('Amira Hassan\nhannah-lewis');
    expect(rows?.find((r) => r.label === 'Learning outcomes')?.mine).toBe(
      'Explain what anxiety is\nTry two ways to calm',
    );
  });

  const unreadable: [string, string][] = [
    ['no front matter', 'Just text.\n'],
    ['unclosed front matter', '---\ntitle: A\n'],
    ['front matter that is not YAML', '---\ntitle: [\n---\n'],
    ['front matter that is a list', '---\n- a\n---\n'],
  ];
  it.each(unreadable)('gives no rows for a file with %s', (_, text) => {
    expect(courseFieldRows({ fields, description: '' }, text, '')).toBeUndefined();
  });

  it('reads a field missing on disk as empty, and so as different', () => {
    const rows = courseFieldRows(
      { fields, description: '' },
      '---\ntitle: Understanding anxiety\n---\n',
      '',
    );
    expect(rows?.find((r) => r.label === 'Title')?.differs).toBe(false);
    expect(rows?.find((r) => r.label === 'Course code')).toMatchObject({
      theirs: '',
      differs: true,
    });
  });
});
