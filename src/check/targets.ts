// Every target of a plan's tables, keyed by indicator: the row id and the column's chi_so (or
// the column id). Rows inherited from a parent keep their ids, so the same key names the same
// indicator in the parent and in the child.
import type { JsonPath } from '../load/types.ts';
import type { Bang, KeHoach, MucPhuLuc } from '../model/source-types.generated.ts';
import { layoutTable, type LeafColumn } from '../model/table-layout.ts';
import { roman } from '../model/numbering.ts';
import { parseTarget, type Target } from '../model/targets.ts';

export interface IndicatorTarget {
  key: string;
  target: Target;
  path: JsonPath;
}

export interface TableAt {
  bang: Bang;
  path: JsonPath;
}

/** All tables of the appendices with the path of each `bang`. */
export function tablesOf(data: KeHoach): TableAt[] {
  const out: TableAt[] = [];
  const sections = (list: readonly MucPhuLuc[] | undefined, base: JsonPath) =>
    (list ?? []).forEach((m, i) => {
      if (m.bang) out.push({ bang: m.bang, path: [...base, i, 'bang'] });
      sections(m.muc, [...base, i, 'muc']);
    });
  (data.phu_luc ?? []).forEach((a, i) => {
    if (a.bang) out.push({ bang: a.bang, path: ['phu_luc', i, 'bang'] });
    sections(a.muc, ['phu_luc', i, 'muc']);
  });
  return out;
}

/** One cell of a chi_tieu column, where the build places it (layoutTable). */
export interface TargetCell {
  /** The row's id path key: `${rowId}|${chi_so or column id}`; the same indicator in parent and child. */
  key: string;
  value: unknown; // as written (a chi_tieu object cell unwrapped)
  target?: Target; // parsed, when the value is a recognisable target
  path: JsonPath; // of the cell value
  rowPath: JsonPath; // of the row
  rowId?: string;
  rowName: string; // the row's first text cell, markup removed
  /** The row's unit (its `dvt` column, e.g. "%"), for sentences that state the target. */
  unit?: string;
  column: LeafColumn;
}

const plainText = (v: unknown): string =>
  (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : Array.isArray(v) ? v.join(' ') : '')
    .replace(/\*\*|\*|\{\{[^}]*\}\}/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Every target cell of a plan's appendix tables: the one walk the checks, `new` and `report` share. */
export function targetCells(data: KeHoach): TargetCell[] {
  const out: TargetCell[] = [];
  for (const t of tablesOf(data)) {
    const layout = layoutTable(t.bang, t.path, '', roman);
    const nameColumn = layout.leaves.findIndex((l) => l.col.kieu !== 'stt' && l.col.kieu !== 'chi_tieu');
    for (const row of layout.rows) {
      if (row.kind !== 'data') continue;
      const rowName = plainText(row.cells.find((c) => c.column === nameColumn)?.value);
      const dvt = row.cells.find((c) => layout.leaves[c.column].id === 'dvt')?.value;
      for (const cell of row.cells) {
        const leaf = layout.leaves[cell.column];
        if (leaf.col.kieu !== 'chi_tieu' || cell.value === undefined || cell.value === null || !cell.path) continue;
        const v = cell.value as unknown;
        const value = typeof v === 'object' && v !== null && !Array.isArray(v) && 'chi_tieu' in v ? (v as { chi_tieu: unknown }).chi_tieu : v;
        out.push({
          key: `${row.row.id ?? ''}|${leaf.col.chi_so ?? leaf.id}`,
          value,
          target: parseTarget(value),
          path: cell.path,
          rowPath: row.path,
          rowId: row.row.id,
          rowName,
          ...(typeof dvt === 'string' && dvt.trim() ? { unit: dvt.trim() } : {}),
          column: leaf,
        });
      }
    }
  }
  return out;
}

export function indicatorTargets(data: KeHoach): IndicatorTarget[] {
  return targetCells(data)
    .filter((c) => c.rowId && c.target)
    .map((c) => ({ key: c.key, target: c.target!, path: c.path }));
}
