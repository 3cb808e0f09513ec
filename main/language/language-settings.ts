/**
 * A college's language settings: the shipped word lists changed by its `language.yml`
 * (`allow:`, `add:`, `readingAge:`), compiled once into what the checker searches for.
 */
import { normalize } from 'nlcst-normalize';
import { phraseForms } from './inflect.js';
import { recoveryLanguage, welcomeToAll } from './word-list.js';
import type { WordListEntry } from './word-list.js';

/** The UK reading age authors aim for unless `language.yml` says otherwise. */
export const defaultReadingAge = 11;

/** What `language.yml` holds, once validated. */
export interface LanguageConfig {
  allow?: readonly string[];
  add?: readonly AddedPhrase[];
  readingAge?: number;
}

/** A phrase a college adds to the recovery-oriented list. */
export interface AddedPhrase {
  phrase: string;
  suggestion: string;
  reason: string;
}

/** A compiled word list: every searched form, mapped to its entry. */
export interface CompiledList {
  phrases: string[];
  entryOf: Map<string, WordListEntry>;
}

export interface LanguageSettings {
  readingAge: number;
  recovery: CompiledList;
  welcome: CompiledList;
  /** Normalised allowed phrases (all their forms) and allowed entry or rule ids. */
  allowed: ReadonlySet<string>;
}

/** The settings for a college with the given `language.yml` (or none). */
export function languageSettings(config: LanguageConfig = {}): LanguageSettings {
  const added: WordListEntry[] = (config.add ?? []).map((entry) => ({
    id: `added-${slug(entry.phrase)}`,
    phrases: [entry.phrase],
    suggestion: entry.suggestion,
    reason: entry.reason,
  }));
  return {
    readingAge: config.readingAge ?? defaultReadingAge,
    recovery: compile([...recoveryLanguage, ...added]),
    welcome: compile(welcomeToAll),
    allowed: allowSet(config.allow ?? []),
  };
}

/** Normalised forms of phrases and ids, for `allow:` and accept markers alike. */
export function allowSet(phrases: readonly string[]): Set<string> {
  const allowed = new Set<string>();
  for (const phrase of phrases) {
    allowed.add(phrase.trim().toLowerCase());
    for (const form of phraseForms(phrase)) allowed.add(normalizePhrase(form));
  }
  return allowed;
}

/** A phrase as the search compares it: lower case, no dashes or apostrophes, single spaces. */
export function normalizePhrase(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => normalize(word))
    .join(' ');
}

function compile(entries: readonly WordListEntry[]): CompiledList {
  const entryOf = new Map<string, WordListEntry>();
  for (const entry of entries) {
    for (const phrase of entry.phrases) {
      for (const form of phraseForms(phrase)) {
        // The first entry wins, so a college's added phrase cannot hide a shipped one.
        if (!entryOf.has(form)) entryOf.set(form, entry);
      }
    }
  }
  return { phrases: [...entryOf.keys()], entryOf };
}

function slug(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
