// Roll-up of targets (kehoach report): the parent's indicators as columns, each child plan that
// implements the parent as a row with its targets, the parent's minimum first, shortfalls marked,
// and the units under the parent's unit that have no plan yet.
import type { KeHoach } from '../model/source-types.generated.ts';
import type { ProjectData, ResolvedSource } from '../load/types.ts';
import { targetCells } from '../check/targets.ts';
import { formatTarget, isWeaker, type Target } from '../model/targets.ts';
import { unitNames } from '../template/unit-names.ts';
import { projectOn } from '../load/units-in-time.ts';

export interface Indicator {
  key: string; // rowId|indicator id: the same key the target-below-parent check uses
  name: string; // the row's name cell
  column: string; // the target column's title
}

export interface RollupCell {
  text: string;
  target?: Target;
  short: boolean; // weaker than the parent's minimum
}

export interface RollupRow {
  unit: string; // unit id
  name: string; // "UBND xã Phú Hồ"
  source: string;
  cells: RollupCell[];
}

export interface Rollup {
  parent: string;
  indicators: Indicator[];
  minimum: RollupCell[];
  rows: RollupRow[];
  withoutPlan: { unit: string; name: string }[];
}

/** Targets of a plan by indicator key, with the indicator's name and column title. */
export function planTargets(data: KeHoach): Map<string, { indicator: Indicator; target: Target; text: string }> {
  const out = new Map<string, { indicator: Indicator; target: Target; text: string }>();
  for (const c of targetCells(data)) {
    if (!c.rowId || !c.target) continue;
    const column = (c.column.col.tieu_de ?? '').replace(/\*\*|\*|\{\{[^}]*\}\}/g, '').trim() || c.column.id;
    out.set(c.key, { indicator: { key: c.key, name: c.rowName || c.rowId, column }, target: c.target, text: formatTarget(c.target) });
  }
  return out;
}

export function rollup(parent: ResolvedSource, children: ResolvedSource[], loaded: ProjectData): Rollup {
  const project = projectOn(loaded, parent.data.ngay); // the parent's units on its own date
  const parentTargets = planTargets(parent.data);
  const indicators = [...parentTargets.values()].map((t) => t.indicator);
  const minimum = [...parentTargets.values()].map((t) => ({ text: t.text, target: t.target, short: false }));
  const unitName = (id: string) => {
    const u = project.units.get(id);
    return u ? `UBND ${unitNames(u, project.levels).ten_day_du}` : id;
  };
  const rows: RollupRow[] = children
    .map((child) => {
      const own = planTargets(child.data);
      const cells = indicators.map((ind, i) => {
        const t = own.get(ind.key);
        if (!t) return { text: '', short: false };
        return { text: t.text, target: t.target, short: isWeaker(t.target, minimum[i].target!) };
      });
      const unit = child.data.don_vi ?? '';
      return { unit, name: unitName(unit), source: child.file, cells };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const planned = new Set(rows.map((r) => r.unit));
  const parentUnit = parent.data.don_vi;
  const withoutPlan = [...project.units.values()]
    .filter((u) => u.thuoc === parentUnit && !planned.has(u.id))
    .map((u) => ({ unit: u.id, name: unitName(u.id) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { parent: parent.file, indicators, minimum, rows, withoutPlan };
}

/** CSV with a UTF-8 BOM so Excel reads the Vietnamese correctly. */
export function rollupCsv(r: Rollup, parentLabel: string): string {
  const q = (s: string) => (/[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    ['STT', 'Đơn vị', ...r.indicators.map((i) => `${i.name} (${i.column})`)],
    ['', `Mức tối thiểu (${parentLabel})`, ...r.minimum.map((c) => c.text)],
    ...r.rows.map((row, i) => [String(i + 1), row.name, ...row.cells.map((c) => (c.short ? `${c.text} (thấp hơn mức tối thiểu)` : c.text))]),
  ];
  if (r.withoutPlan.length) {
    lines.push([], ['', 'Đơn vị chưa có kế hoạch']);
    r.withoutPlan.forEach((u, i) => lines.push([String(i + 1), u.name]));
  }
  return '\ufeff' + lines.map((l) => l.map(q).join(',')).join('\r\n') + '\r\n';
}
