// Every target of a plan's tables, keyed by indicator: the row id and the column's chi_so (or
// the column id). Rows inherited from a parent keep their ids, so the same key names the same
// indicator in the parent and in the child.
import type { JsonPath } from '../load/types.ts';
import type { Bang, KeHoach, MucPhuLuc } from '../model/source-types.generated.ts';
import { layoutTable } from '../model/table-layout.ts';
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

export function indicatorTargets(data: KeHoach): IndicatorTarget[] {
  const out: IndicatorTarget[] = [];
  for (const t of tablesOf(data)) {
    const layout = layoutTable(t.bang, t.path, '', roman);
    for (const row of layout.rows) {
      if (row.kind !== 'data' || !row.row.id) continue;
      for (const cell of row.cells) {
        const leaf = layout.leaves[cell.column];
        if (leaf.col.kieu !== 'chi_tieu' || cell.value === undefined || cell.value === null || !cell.path) continue;
        const v = cell.value as unknown;
        const raw = typeof v === 'object' && v !== null && !Array.isArray(v) && 'chi_tieu' in v ? (v as { chi_tieu: unknown }).chi_tieu : v;
        const target = parseTarget(raw);
        if (target) out.push({ key: `${row.row.id}|${leaf.col.chi_so ?? leaf.id}`, target, path: cell.path });
      }
    }
  }
  return out;
}
