// Walks the appendix tables of a source plan and lists every target cell (cells of chi_tieu
// columns) with the id path needed to override it from a child plan.
import type { Bang, Cot, Dong, KeHoach, MucPhuLuc, O, PhuLuc } from '../model/source-types.generated.ts';

export interface TargetCell {
  /** Ids from the annex down to the row: annex id, section ids…, row ids…. */
  path: { list: 'phu_luc' | 'muc' | 'bang.dong' | 'dong'; id: string }[];
  annexId: string;
  rowId: string;
  columnId: string;
  columnTitle: string;
  indicator?: string; // column chi_so
  rowName: string;
  value: O;
}

export function leafColumns(columns: readonly Cot[]): Cot[] {
  return columns.flatMap((c) => (c.cot && c.cot.length ? leafColumns(c.cot) : [c]));
}

/** Values of one row by column id, placing positional cells while skipping columns covered from above. */
export function cellsById(row: Dong, leaves: readonly Cot[], covered: Set<string>): Map<string, O> {
  const cells = new Map<string, O>();
  if (Array.isArray(row.o)) {
    const free = leaves.filter((c) => c.kieu !== 'stt' && !covered.has(c.id ?? ''));
    row.o.forEach((value, i) => {
      const col = free[i];
      if (col?.id) cells.set(col.id, value);
    });
  } else if (row.o) {
    for (const [id, value] of Object.entries(row.o)) cells.set(id, value);
  }
  return cells;
}

const textOf = (value: O | undefined): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : Array.isArray(value) ? value.join(' ') : '';

function walkTable(annexId: string, prefix: TargetCell['path'], table: Bang, out: TargetCell[]): void {
  const leaves = leafColumns(table.cot);
  const targets = leaves.filter((c) => c.kieu === 'chi_tieu' && c.id);
  const nameColumn = leaves.find((c) => c.kieu !== 'stt' && c.kieu !== 'chi_tieu');
  const remaining = new Map<string, number>(); // column id → following rows still covered by a gop_dong
  const visit = (rows: readonly Dong[] | undefined, path: TargetCell['path'], listName: 'bang.dong' | 'dong') => {
    for (const row of rows ?? []) {
      const covered = new Set([...remaining].filter(([, n]) => n > 0).map(([id]) => id));
      for (const id of covered) remaining.set(id, remaining.get(id)! - 1);
      const rowPath = [...path, { list: listName, id: row.id ?? '' }];
      if (row.nhom === undefined) {
        const cells = cellsById(row, leaves, covered);
        for (const [id, value] of cells) {
          if (value && typeof value === 'object' && !Array.isArray(value) && 'gop_dong' in value && value.gop_dong) {
            remaining.set(id, value.gop_dong - 1);
          }
        }
        for (const col of targets) {
          if (!cells.has(col.id!)) continue;
          out.push({
            path: rowPath, annexId, rowId: row.id ?? '', columnId: col.id!, columnTitle: col.tieu_de ?? col.id!,
            indicator: col.chi_so, rowName: textOf(cells.get(nameColumn?.id ?? '')), value: cells.get(col.id!)!,
          });
        }
      }
      visit(row.dong, rowPath, 'dong');
    }
  };
  visit(table.dong, prefix, 'bang.dong');
}

function walkSections(annexId: string, prefix: TargetCell['path'], sections: readonly MucPhuLuc[] | undefined, out: TargetCell[]): void {
  for (const s of sections ?? []) {
    const path = [...prefix, { list: 'muc' as const, id: s.id ?? '' }];
    if (s.bang) walkTable(annexId, path, s.bang, out);
    walkSections(annexId, path, s.muc, out);
  }
}

export function collectTargets(plan: KeHoach): TargetCell[] {
  const out: TargetCell[] = [];
  for (const annex of (plan.phu_luc ?? []) as PhuLuc[]) {
    const path: TargetCell['path'] = [{ list: 'phu_luc', id: annex.id ?? '' }];
    if (annex.bang) walkTable(annex.id ?? '', path, annex.bang, out);
    walkSections(annex.id ?? '', path, annex.muc, out);
  }
  return out;
}

/** "Tối thiểu 45", "> 95", "100" from a target cell as written. */
export function targetText(value: O): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const t = 'gia_tri' in value ? value : 'chi_tieu' in value ? value.chi_tieu : undefined;
    if (t && typeof t === 'object' && 'gia_tri' in t) {
      const cmp = t.so_sanh === 'toi_thieu' ? 'Tối thiểu ' : t.so_sanh && t.so_sanh !== '=' ? `${t.so_sanh} ` : '';
      return `${cmp}${t.gia_tri}${t.don_vi ?? ''}`;
    }
  }
  return textOf(value);
}
