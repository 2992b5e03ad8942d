// deadline-outside-year: a deadline (thoi_han cell, or a target column's `han`) in another year
// than the plan's own is usually a slip when a plan is copied from last year's.
import type { Diagnostic } from '../load/diagnostic.ts';
import type { ResolvedSource } from '../load/types.ts';
import { parseDate } from '../model/dates.ts';
import { layoutTable } from '../model/table-layout.ts';
import { roman } from '../model/numbering.ts';
import { tablesOf } from './targets.ts';

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

function texts(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'number') return [String(v)]; // a bare 2031 in a deadline column is a year too
  if (Array.isArray(v)) return v.flatMap(texts);
  if (v && typeof v === 'object') {
    const o = v as { doan?: unknown; danh_sach?: unknown };
    return [...texts(o.doan), ...texts(o.danh_sach)];
  }
  return [];
}

export function checkDeadlineYears(src: ResolvedSource): Diagnostic[] {
  // The plan's own year: nam_ke_hoach when a plan is issued ahead (December for the next year).
  const year = src.data.nam_ke_hoach ?? parseDate(src.data.ngay)?.year;
  if (year === undefined) return [];
  const out: Diagnostic[] = [];
  const warn = (path: readonly (string | number)[], found: number) =>
    out.push({ ...src.origin(path), severity: 'warning', rule: 'deadline-outside-year', message: `Thời hạn năm ${found} nằm ngoài năm của kế hoạch (${year}); kiểm tra lại nếu nội dung được chép từ kế hoạch năm khác` });
  for (const t of tablesOf(src.data)) {
    const layout = layoutTable(t.bang, t.path, '', roman);
    for (const leaf of layout.leaves) {
      const han = parseDate(leaf.col.han);
      if (han && han.year !== year) warn([...leaf.path, 'han'], han.year);
    }
    for (const row of layout.rows) {
      for (const cell of row.cells) {
        if (layout.leaves[cell.column].col.kieu !== 'thoi_han' || !cell.path) continue;
        const bad = texts(cell.value).flatMap((s) => s.match(YEAR) ?? []).map(Number).find((y) => y !== year);
        if (bad !== undefined) warn(cell.path, bad);
      }
    }
  }
  return out;
}
