/**
 * Writing suggestions while editing, off the keystroke path: a check runs only after typing
 * pauses (debounced), the blocks are gathered then, not on each key, and the answer is drawn as
 * Slate decorations. Drawing them makes Slate look at every text node of the module, which on a
 * long module takes a noticeable moment, so an answer that comes back while the person is typing
 * (the first check's, say, started as the module opened) waits for the next pause. A decoration
 * is drawn only while its text node still holds the text it was found in, so a stale answer never
 * underlines the wrong words.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Text, type Descendant, type NodeEntry, type Range } from 'slate';
import type { LanguageBlock, LanguageReport } from '../../main/api/contract.js';
import { languageBlocks, placeFindings, type PlacedFinding } from './language-blocks.js';

/** Asks the back end for the suggestions of some blocks (`window.tandem.checkLanguage`). */
export type CheckLanguage = (blocks: LanguageBlock[]) => Promise<LanguageReport>;

/** How long typing must pause before the text is checked again. */
export const languageCheckDelayMs = 400;

/** Properties a language decoration adds to the leaves it covers (read by renderLanguageLeaf). */
export interface LanguageDecoration {
  languageKey: string;
  languageKind: 'care' | 'plain';
}

interface Checked {
  report: LanguageReport | undefined;
  findings: PlacedFinding[];
  /** Decorations by text node path (`0,2,1`), with the text they were found in. */
  byPath: Map<string, { text: string; ranges: (Range & LanguageDecoration)[] }>;
  /** Everything drawn, as one string, to tell a changed answer from an unchanged one. */
  signature: string;
}

const nothing: Checked = { report: undefined, findings: [], byPath: new Map(), signature: '' };

export interface LanguageChecks {
  report: LanguageReport | undefined;
  findings: PlacedFinding[];
  /** Call with each new document value; the check runs once typing pauses. */
  schedule(value: Descendant[]): void;
  decorate(entry: NodeEntry): Range[];
}

/** The writing suggestions for a document; does nothing when `check` is undefined. */
export function useLanguageChecks(
  check: CheckLanguage | undefined,
  initialValue: Descendant[],
): LanguageChecks {
  const [checked, setChecked] = useState<Checked>(nothing);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(0);
  const lastEdit = useRef(-Infinity);
  // An answer that came back mid-typing, drawn at the next pause.
  const held = useRef<Checked | undefined>(undefined);

  const draw = useCallback((next: Checked) => {
    held.current = undefined;
    // An unchanged answer keeps the old one, so Slate does not re-decorate every node.
    setChecked((previous) => (previous.signature === next.signature ? previous : next));
  }, []);

  const run = useCallback(
    (value: Descendant[]) => {
      if (!check) return;
      const blocks = languageBlocks(value);
      const request = ++latest.current;
      check(blocks.map((block) => block.block)).then(
        (report) => {
          // Only the newest answer is shown; an older one would describe text since changed.
          if (request !== latest.current) return;
          const next = toChecked(report, placeFindings(blocks, report.blocks));
          if (performance.now() - lastEdit.current < languageCheckDelayMs) held.current = next;
          else draw(next);
        },
        () => {
          // Suggestions are optional help: when the check fails, the editor simply shows none.
        },
      );
    },
    [check, draw],
  );

  const schedule = useCallback(
    (value: Descendant[]) => {
      if (!check) return;
      lastEdit.current = performance.now();
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        if (held.current) draw(held.current);
        run(value);
      }, languageCheckDelayMs);
    },
    [check, run, draw],
  );

  useEffect(() => {
    run(initialValue);
    return () => window.clearTimeout(timer.current);
    // The first check only; later ones follow edits through `schedule`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run]);

  const decorate = useCallback(
    ([node, path]: NodeEntry): Range[] => {
      if (!Text.isText(node)) return [];
      const entry = checked.byPath.get(path.join(','));
      return entry && entry.text === node.text ? entry.ranges : [];
    },
    [checked],
  );

  return useMemo(
    () => ({ report: checked.report, findings: checked.findings, schedule, decorate }),
    [checked, schedule, decorate],
  );
}

const careRules = new Set(['recovery-language', 'welcome-to-all']);

function toChecked(report: LanguageReport, findings: PlacedFinding[]): Checked {
  const byPath: Checked['byPath'] = new Map();
  for (const placed of findings) {
    const languageKind = careRules.has(placed.finding.rule) ? 'care' : 'plain';
    for (const piece of placed.pieces) {
      const key = piece.path.join(',');
      const entry = byPath.get(key) ?? { text: piece.text, ranges: [] };
      entry.ranges.push({
        anchor: { path: piece.path, offset: piece.anchor },
        focus: { path: piece.path, offset: piece.focus },
        languageKey: placed.key,
        languageKind,
      });
      byPath.set(key, entry);
    }
  }
  const signature = JSON.stringify([
    report.readingAge,
    report.target,
    findings.map((placed) => [placed.key, placed.finding.message, placed.pieces]),
  ]);
  return { report, findings, byPath, signature };
}
