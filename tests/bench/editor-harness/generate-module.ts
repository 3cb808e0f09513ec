/**
 * Module documents for the editor benchmark and screenshots: a realistic short module, and a
 * long one of a given word count built from the same kinds of blocks (deterministic).
 */

/** A realistic module using every block the editor styles. */
export const SAMPLE_MODULE = `## Welcome

Welcome back. Today we look at **small steps**: simple things you can do when your mood is low. Nothing here is a test, and you can always *pass*.

:::facilitator
**Timings:** welcome 15 min; small steps 40 min; break 15 min; planning 30 min; close 20 min.

Peer trainer leads the welcome and shares one small step that helped them, only as much as they are comfortable with.
:::

### Why small steps help

When mood is low, big tasks can feel impossible. Breaking them down gives us:

- a clear place to start
- a sense of achievement, however small
- a way to notice what lifts our mood

![A path of stepping stones across a calm lake](../images/calm-lake.svg)

:::activity
**Your next small step** — Think of one thing you have been putting off. Write down the smallest first step you could take this week. If you would like to, share it with the person next to you.
:::

| Step | When | How did it feel? |
| --- | --- | --- |
| Open the curtains | Morning | A little brighter |
| Walk to the shop | Afternoon | Tired, but pleased |

> "I started with making my bed. It was the first thing I had finished in weeks." — a former student

<details>
<summary>Large print version</summary>
Ask either trainer for the large print handout.
</details>

## Find out more

1. [Mind: depression](https://www.mind.org.uk/information-support/types-of-mental-health-problems/depression/)
2. Ask your personal tutor about a learning plan.
`;

const WORDS =
  'we notice how our mood changes through the day and what helps a little time with friends can make a difference small steps build confidence when we plan them together students share ideas about sleep food movement and rest each person finds their own way and that is fine hope grows when we feel heard and when we take part at our own pace'.split(
    ' ',
  );

/** Small deterministic pseudo-random generator (mulberry32), so every run types into the same text. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds a module of about `wordCount` words: headings, paragraphs, lists, activities, notes, tables. */
export function generateModule(wordCount: number, seed = 7): string {
  const next = random(seed);
  let words = 0;
  const sentence = (length: number) => {
    const parts: string[] = [];
    for (let i = 0; i < length; i += 1)
      parts.push(WORDS[Math.floor(next() * WORDS.length)] ?? 'we');
    words += length;
    const text = parts.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };
  const paragraph = () =>
    Array.from({ length: 4 + Math.floor(next() * 4) }, () =>
      sentence(8 + Math.floor(next() * 10)),
    ).join(' ');
  const blocks: string[] = [];
  let section = 1;
  while (words < wordCount) {
    blocks.push(`## Part ${section}: ${sentence(4).slice(0, -1)}`);
    blocks.push(paragraph());
    blocks.push(`### ${sentence(3).slice(0, -1)}`);
    blocks.push(paragraph().replace(/(\w+) (\w+)\./, '**$1** *$2*.'));
    blocks.push(Array.from({ length: 4 }, () => `- ${sentence(6)}`).join('\n'));
    if (section % 3 === 0) blocks.push(`:::activity\n${paragraph()}\n:::`);
    if (section % 4 === 0) blocks.push(`:::facilitator\n${paragraph()}\n:::`);
    if (section % 10 === 0) {
      blocks.push(
        '| Step | Notes |\n| --- | --- |\n| One | ' +
          sentence(5) +
          ' |\n| Two | ' +
          sentence(5) +
          ' |',
      );
    }
    blocks.push(paragraph());
    section += 1;
  }
  return blocks.join('\n\n') + '\n';
}
