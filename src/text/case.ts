// Case and end-punctuation helpers for Vietnamese text and runs. JavaScript's default case
// mapping covers the Vietnamese alphabet (đ ↔ Đ, ư ↔ Ư, precomposed tones), so no locale table.
import type { Runs } from '../model/types.ts';

export function upper(text: string): string {
  return text.toUpperCase();
}

/** "Kế hoạch" → "kế hoạch" on the first letter only (a trích yếu inside a sentence). */
export function lowerFirst(text: string): string {
  return text.length === 0 ? text : text[0].toLowerCase() + text.slice(1);
}

/** "KẾ HOẠCH HÀNH ĐỘNG" → "Kế hoạch hành động". */
export function sentenceCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === 0 ? lower : lower[0].toUpperCase() + lower.slice(1);
}

export function upperRuns(runs: Runs): Runs {
  return runs.map((r) => ({ ...r, text: upper(r.text) }));
}

export function lowerFirstRuns(runs: Runs): Runs {
  const i = runs.findIndex((r) => r.text.trim().length > 0);
  if (i < 0) return runs;
  const out = runs.slice();
  const lead = out[i].text.match(/^\s*/)?.[0] ?? '';
  out[i] = { ...out[i], text: lead + lowerFirst(out[i].text.slice(lead.length)) };
  return out;
}

export function runsText(runs: Runs): string {
  return runs.map((r) => r.text).join('');
}

/** Punctuation an author may type at the end of a line whose ending the tool generates. */
const TYPED_END = /[\s;.,:/]+$/u;

/**
 * Replace whatever end punctuation the author typed with `ending` (";", ".", "./.").
 * Nghị định 30, Phụ lục I, mục II.6: each căn cứ ends with ";", the last with "."; the content
 * of a document ends with "./.".
 */
export function withEnding(runs: Runs, ending: string): Runs {
  const out = runs.map((r) => ({ ...r }));
  while (out.length > 0) {
    const last = out[out.length - 1];
    last.text = last.text.replace(TYPED_END, '');
    if (last.text.length > 0) break;
    out.pop();
  }
  if (out.length === 0) return [{ text: ending }];
  // A closing bracket or quote ends the text: the mark goes after it.
  out[out.length - 1].text += ending;
  return out;
}

/** Plain-string version of withEnding. */
export function stringWithEnding(text: string, ending: string): string {
  return text.replace(TYPED_END, '') + ending;
}
