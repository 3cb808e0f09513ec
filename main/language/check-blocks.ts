/**
 * The writing checks over blocks of plain text, as the editor sends them: each block parsed
 * with parse-english on its own, so offsets are offsets into the block's text. Results are
 * remembered per block text, so a re-check after one keystroke re-reads one paragraph.
 */
import { ParseEnglish } from 'parse-english';
import { acceptMarker, acceptedIn } from './accept-marker.js';
import { checkProse } from './check-prose.js';
import type { ProseResult } from './check-prose.js';
import type { LanguageSettings } from './language-settings.js';
import { addCounts, readingAge } from './reading-age.js';
import type { LanguageBlock, LanguageReport } from './types.js';

const parser = new ParseEnglish();
const cacheLimit = 5000;
const caches = new WeakMap<LanguageSettings, Map<string, ProseResult>>();

/** Checks each block; the report lists the findings of block i at index i. */
export function checkBlocks(
  blocks: readonly LanguageBlock[],
  settings: LanguageSettings,
): LanguageReport {
  let cache = caches.get(settings);
  if (!cache) {
    cache = new Map();
    caches.set(settings, cache);
  }
  let counts = { words: 0, sentences: 0, syllables: 0 };
  const found = blocks.map((block) => {
    const accepted = block.comments.flatMap(acceptedIn);
    const key = `${block.audience}\u0000${accepted.join('\u0000')}\u0000${block.text}`;
    let result = cache.get(key);
    if (!result) {
      const checked = checkProse(parser.parse(block.text), block.text, {
        settings,
        audience: block.audience,
        accepted,
      });
      result = {
        counts: checked.counts,
        findings: checked.findings.map((finding) => ({
          ...finding,
          acceptMarker: acceptMarker(acceptKey(finding)),
        })),
      };
      // A simple bound: a long editing session must not grow the cache without end.
      if (cache.size >= cacheLimit) cache.clear();
      cache.set(key, result);
    }
    counts = addCounts(counts, result.counts);
    return result.findings;
  });
  return { target: settings.readingAge, readingAge: readingAge(counts) ?? null, blocks: found };
}

/** What to accept: the words found, or the rule for findings about a whole sentence. */
function acceptKey(finding: { rule: string; text: string }): string {
  return finding.rule === 'reading-age' || finding.rule === 'long-sentence'
    ? finding.rule
    : finding.text.toLowerCase();
}
