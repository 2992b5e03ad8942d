// Compares two revisions of one plan in document terms: metadata, paragraphs added, removed,
// moved or reworded (matched by their stable ids, not by position), table rows added or removed,
// and cell values changed — a target change reads "Tối thiểu 45 → Tối thiểu 60".
import type { PlanDocument } from '../model/types.ts';
import { flatten, type RowEntry, type TextEntry } from './flatten.ts';
import { diffWords, type WordOp } from './words.ts';

export type Change =
  | { kind: 'meta'; where: string; old: string; new: string }
  | { kind: 'added' | 'removed'; where: string; text: string }
  | { kind: 'moved'; where: string; from: string; text: string }
  | { kind: 'reworded'; where: string; old: string; new: string; words: WordOp[] }
  | { kind: 'row-added' | 'row-removed'; where: string; text: string }
  | { kind: 'target' | 'cell'; where: string; row: string; column: string; old: string; new: string };

const TARGET = /^(tối thiểu|>=|≥|>|=|<|≤)?\s*\d+([.,]\d+)?\s*%?$/i;

export function diffDocuments(oldDoc: PlanDocument | undefined, newDoc: PlanDocument | undefined): Change[] {
  const empty = { meta: new Map<string, string>(), blocks: [], rows: [] };
  const a = oldDoc ? flatten(oldDoc) : empty;
  const b = newDoc ? flatten(newDoc) : empty;
  const changes: Change[] = [];
  for (const [field, value] of b.meta) {
    const before = a.meta.get(field) ?? '';
    if (before !== value) changes.push({ kind: 'meta', where: field, old: before, new: value });
  }
  for (const [field, value] of a.meta) {
    if (!b.meta.has(field)) changes.push({ kind: 'meta', where: field, old: value, new: '' });
  }
  changes.push(...diffTexts(a.blocks, b.blocks));
  changes.push(...diffRows(a.rows, b.rows));
  return changes;
}

function byKey<T extends { key: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((e) => [e.key, e]));
}

function diffTexts(oldList: TextEntry[], newList: TextEntry[]): Change[] {
  const oldByKey = byKey(oldList);
  const newByKey = byKey(newList);
  const changes: Change[] = [];
  const stayed = new Set(keepOrder(oldList.map((e) => e.key).filter((k) => newByKey.has(k)), newList.map((e) => e.key).filter((k) => oldByKey.has(k))));
  for (const e of oldList) if (!newByKey.has(e.key)) changes.push({ kind: 'removed', where: e.where, text: e.text });
  for (const e of newList) {
    const before = oldByKey.get(e.key);
    if (!before) {
      changes.push({ kind: 'added', where: e.where, text: e.text });
      continue;
    }
    if (!stayed.has(e.key)) changes.push({ kind: 'moved', where: e.where, from: before.where, text: e.text });
    if (before.text !== e.text) changes.push({ kind: 'reworded', where: e.where, old: before.text, new: e.text, words: diffWords(before.text, e.text) });
  }
  return changes;
}

/** Keys that keep their relative order (a longest common subsequence); the others moved. */
function keepOrder(a: string[], b: string[]): string[] {
  const position = new Map(b.map((k, i) => [k, i]));
  const seq = a.map((k) => position.get(k)!);
  // Longest increasing subsequence of positions, O(n log n).
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  seq.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    tailIndex[lo] = i;
    prev[i] = lo > 0 ? tailIndex[lo - 1] : -1;
  });
  const kept: string[] = [];
  for (let i = tailIndex[tails.length - 1] ?? -1; i >= 0; i = prev[i]) kept.push(a[i]);
  return kept;
}

function rowText(r: RowEntry): string {
  return [...r.cells.values()].map((c) => c.text).filter(Boolean).join(' | ');
}

function diffRows(oldList: RowEntry[], newList: RowEntry[]): Change[] {
  const oldByKey = byKey(oldList);
  const newByKey = byKey(newList);
  const changes: Change[] = [];
  for (const r of oldList) if (!newByKey.has(r.key)) changes.push({ kind: 'row-removed', where: r.where, text: rowText(r) });
  for (const r of newList) {
    const before = oldByKey.get(r.key);
    if (!before) {
      changes.push({ kind: 'row-added', where: r.where, text: rowText(r) });
      continue;
    }
    for (const [column, cell] of r.cells) {
      const old = before.cells.get(column)?.text ?? '';
      if (old === cell.text) continue;
      // The number column follows the row's position: a renumbering is not a content change.
      if (column === [...r.cells.keys()][0]) continue;
      const kind = TARGET.test(old.trim()) && TARGET.test(cell.text.trim()) ? 'target' : 'cell';
      changes.push({ kind, where: r.where, row: r.name, column: cell.header, old, new: cell.text });
    }
  }
  return changes;
}
