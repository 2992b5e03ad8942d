// noi_dung → numbered blocks. Nghị định 30, Phụ lục I, mục II.6b: mục "I." (title upper case,
// bold), khoản "1." (a title bold), điểm "a)"; below that "-" and "+". A titled item prints its
// title on its own line; an untitled one puts its number before its first paragraph.
import type { JsonPath } from '../load/types.ts';
import type { Gach, Muc } from './source-types.generated.ts';
import type { Block, TextBlock } from './types.ts';
import type { BuildContext } from './context.ts';
import { bodyLabel, bodyNumber } from './numbering.ts';
import { upperRuns } from '../text/case.ts';
import { buildTable } from './table.ts';

export function toList(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** id → bare number for {{muc "id"}}, computed before any text is rendered. */
export function itemNumbers(items: readonly Muc[] | undefined, level = 1, out = new Map<string, string>()): Map<string, string> {
  (items ?? []).forEach((item, i) => {
    if (item.id) out.set(item.id, bodyNumber(level, i + 1));
    itemNumbers(item.muc, level + 1, out);
  });
  return out;
}

/** Ids written on more than one item of the body (in different lists): {{muc}} cannot tell which. */
export function repeatedItemIds(items: readonly Muc[] | undefined, seen = new Set<string>(), out = new Set<string>()): Set<string> {
  for (const item of items ?? []) {
    if (item.id) (seen.has(item.id) ? out : seen).add(item.id);
    repeatedItemIds(item.muc, seen, out);
  }
  return out;
}

const TITLE_ROLE: Record<number, TextBlock['role']> = { 1: 'section', 2: 'item-title', 3: 'point-title' };

export function buildItems(ctx: BuildContext, items: readonly Muc[], path: JsonPath, level: number, refBase: string, out: Block[]): void {
  items.forEach((item, i) => {
    const p = [...path, i];
    const ref = `${refBase}/${item.id ?? i}`;
    const label = bodyLabel(level, i + 1);
    const paragraphs = toList(item.noi_dung);
    const paraPath = (k: number): JsonPath => (Array.isArray(item.noi_dung) ? [...p, 'noi_dung', k] : [...p, 'noi_dung']);
    if (item.tieu_de !== undefined) {
      const runs = ctx.text.runs(item.tieu_de, [...p, 'tieu_de']);
      out.push({ type: 'text', role: TITLE_ROLE[level] ?? 'paragraph', label, runs: level === 1 ? upperRuns(runs) : runs, ref });
      paragraphs.forEach((s, k) => out.push({ type: 'text', role: 'paragraph', runs: ctx.text.runs(s, paraPath(k)), ref: `${ref}/noi-dung/${k}` }));
    } else if (paragraphs.length === 0) {
      out.push({ type: 'text', role: 'paragraph', label, runs: [], ref });
    } else {
      paragraphs.forEach((s, k) => {
        const b: TextBlock = { type: 'text', role: 'paragraph', runs: ctx.text.runs(s, paraPath(k)), ref: k === 0 ? ref : `${ref}/noi-dung/${k}` };
        if (k === 0) b.label = label;
        out.push(b);
      });
    }
    // A table inside the body (after the item's paragraphs) on the plan's portrait page.
    if (item.bang) out.push(buildTable(ctx, item.bang, [...p, 'bang'], `${ref}/bang`, 'portrait'));
    if (item.muc) buildItems(ctx, item.muc, [...p, 'muc'], level + 1, ref, out);
    if (item.gach) buildBullets(ctx, item.gach, [...p, 'gach'], 1, `${ref}/gach`, out);
    const ket = toList(item.ket);
    ket.forEach((s, k) => {
      const runs = ctx.text.runs(s, Array.isArray(item.ket) ? [...p, 'ket', k] : [...p, 'ket']);
      const note = runs.length > 0 && runs[0].text.trimStart().startsWith('(');
      out.push({ type: 'text', role: note ? 'note' : 'paragraph', runs, ref: `${ref}/ket/${k}` });
    });
  });
}

/** gach → "-" bullets; nested gach → "+" (and "+" below that). */
export function buildBullets(ctx: BuildContext, list: readonly Gach[], path: JsonPath, depth: number, refBase: string, out: Block[]): void {
  const label = depth === 1 ? '-' : '+';
  list.forEach((g, i) => {
    const p = [...path, i];
    if (typeof g === 'string') {
      out.push({ type: 'text', role: 'paragraph', label, runs: ctx.text.runs(g, p), ref: `${refBase}/${i}` });
      return;
    }
    const ref = `${refBase}/${g.id ?? i}`;
    const paragraphs = toList(g.noi_dung);
    paragraphs.forEach((s, k) => {
      const b: TextBlock = { type: 'text', role: 'paragraph', runs: ctx.text.runs(s, Array.isArray(g.noi_dung) ? [...p, 'noi_dung', k] : [...p, 'noi_dung']), ref: k === 0 ? ref : `${ref}/noi-dung/${k}` };
      if (k === 0) b.label = label;
      out.push(b);
    });
    if (g.gach) buildBullets(ctx, g.gach, [...p, 'gach'], depth + 1, `${ref}/gach`, out);
  });
}
