// Every target cell of a source plan (targetCells, the walk the checks use) with the chain of ids
// needed to override it from a child plan.
import type { KeHoach, O } from '../model/source-types.generated.ts';
import type { JsonPath } from '../load/types.ts';
import { targetCells } from '../check/targets.ts';
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

export function collectTargets(plan: KeHoach): TargetCell[] {
  return targetCells(plan).map((c) => ({ path: idSteps(plan, c.rowPath), columnId: c.column.id, rowName: c.rowName, value: c.value as O }));
}

/** "Tối thiểu 45", "> 95", "100" from a target cell, as the build prints it. */
export function targetText(value: O): string {
  const target = parseTarget(value);
  return target ? formatTarget(target) : typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
