// The project's word list (data/tu-dien.txt): one word a line (abbreviations, names, words the
// Vietnamese dictionary lacks), "# …" comments, and "sai => đúng" lines for official terms
// typed wrong. Read at each check, parsed once per text: a long-lived process (the preview, tests
// running the CLI in-process) sees an edited list at once, as a new process would.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface WordList {
  /** False when the project has no data/tu-dien.txt: the spelling check is then not configured. */
  present: boolean;
  words: ReadonlySet<string>;
  /** Entries by their lower-case form, to suggest the listed spelling of a miscapitalised word. */
  byFold: ReadonlyMap<string, string>;
  /** Upper-case entries: the abbreviations, to suggest the one a typo scrambled. */
  abbreviations: readonly string[];
  corrections: readonly { wrong: string; right: string; pattern: RegExp }[];
}

const cache = new Map<string, WordList>();

export const WORD_LIST_FILE = 'data/tu-dien.txt';

export function parseWordList(text: string, present = true): WordList {
  const words = new Set<string>();
  const corrections: { wrong: string; right: string; pattern: RegExp }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim().normalize('NFC');
    if (!line) continue;
    const pair = /^(.+?)\s*=>\s*(.+)$/.exec(line);
    if (pair) corrections.push({ wrong: pair[1], right: pair[2], pattern: new RegExp(`(?<![\\p{L}])${escapeRegExp(pair[1])}(?![\\p{L}])`, 'giu') });
    else for (const w of line.split(/\s+/)) words.add(w);
  }
  const abbreviations = [...words].filter((w) => w.length > 1 && w === w.toUpperCase());
  const byFold = new Map([...words].map((w) => [w.toLowerCase(), w]));
  return { present, words, byFold, abbreviations, corrections };
}

export function wordList(root: string): WordList {
  let text: string | undefined;
  try {
    text = readFileSync(path.join(root, WORD_LIST_FILE), 'utf8');
  } catch {
    // No word list: the project has not set the spelling check up.
  }
  // Keyed by the text itself (a missing file apart from an empty one), never by the root's path.
  const key = text === undefined ? '\0missing' : text;
  let list = cache.get(key);
  if (!list) {
    list = parseWordList(text ?? '', text !== undefined);
    if (cache.size > 8) cache.clear();
    cache.set(key, list);
  }
  return list;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
