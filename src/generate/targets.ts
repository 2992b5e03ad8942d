// Every target cell of a source plan (cells of chi_tieu columns) with the chain of ids needed to
// override it from a child plan. Cell placement is the model's own (layoutTable), so positional
// cells and cells under a gop_dong land exactly where the build puts them.
import type { KeHoach, O } from '../model/source-types.generated.ts';
import type { JsonPath } from '../load/types.ts';
import { tablesOf } from '../check/targets.ts';
import { layoutTable } from '../model/table-layout.ts';
import { roman } from '../model/numbering.ts';
import { formatTarget, parseTarget } from '../model/targets.ts';

export interface TargetStep {
  list: 'phu_luc' | 'muc' | 'bang.dong' | 'dong';
  id: string;
}

export interface TargetCell {
  path: TargetStep[];
  columnId: string;
  rowName: string;
  value: O;
}

/** The ids met along a JSON path, with the list each one belongs to. */
function idSteps(data: unknown, path: JsonPath): TargetStep[] {
  const steps: TargetStep[] = [];
  let node: unknown = data;
  path.forEach((key, i) => {
    node = (node as Record<string | number, unknown>)?.[key];
    const list = path[i - 1];
    if (typeof key !== 'number' || (list !== 'phu_luc' && list !== 'muc' && list !== 'dong')) return;
    const id = (node as { id?: unknown })?.id;
    const name = list === 'dong' && path[i - 2] === 'bang' ? 'bang.dong' : list;
    steps.push({ list: name, id: typeof id === 'string' ? id : '' });
  });
  return steps;
}

const plain = (v: O | undefined) =>
  (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '').replace(/\*\*|\*|\{\{[^}]*\}\}/g, '').trim();

export function collectTargets(plan: KeHoach): TargetCell[] {
  const out: TargetCell[] = [];
  for (const t of tablesOf(plan)) {
    const layout = layoutTable(t.bang, t.path, '', roman);
    const nameColumn = layout.leaves.findIndex((l) => l.col.kieu !== 'stt' && l.col.kieu !== 'chi_tieu');
    for (const row of layout.rows) {
      if (row.kind !== 'data') continue;
      const rowName = plain(row.cells.find((c) => c.column === nameColumn)?.value);
      for (const cell of row.cells) {
        const leaf = layout.leaves[cell.column];
        if (leaf.col.kieu !== 'chi_tieu' || cell.value === undefined || cell.value === null) continue;
        out.push({ path: idSteps(plan, row.path), columnId: leaf.id, rowName, value: cell.value });
      }
    }
  }
  return out;
}

/** "Tối thiểu 45", "> 95", "100" from a target cell, as the build prints it. */
export function targetText(value: O): string {
  const raw = value && typeof value === 'object' && !Array.isArray(value) && 'chi_tieu' in value ? value.chi_tieu : value;
  const target = parseTarget(raw);
  return target ? formatTarget(target) : plain(value);
}
