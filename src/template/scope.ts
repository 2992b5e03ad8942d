// Everything a text field of one plan can refer to: variables (nam, don_vi, cap, bien) and the
// tables helpers look ids up in. Variables are plain objects so that only own properties are
// reachable from a template.
import type { ProjectData } from '../load/types.ts';
import type { DonVi, KeHoach } from '../model/source-types.generated.ts';
import { parseDate } from '../model/dates.ts';
import { formatTypedNumber } from '../model/numbers.ts';
import { levelWords, unitNames } from './unit-names.ts';
import type { TargetCell } from '../check/targets.ts';

export interface TemplateScope {
  vars: Record<string, unknown>;
  project: ProjectData;
  /** id → "Phụ lục I" (or "Phụ lục" when there is one). */
  annexLabels: Map<string, string>;
  /** id → "II", "3", "b". */
  itemNumbers: Map<string, string>;
  /** Ids written on two items of the body: {{muc}} of one of them is ambiguous. */
  repeatedItems?: ReadonlySet<string>;
  /** The citation printed by {{thuc_hien}}; undefined when the plan implements nothing. */
  implemented(): string | undefined;
  /** The citation printed by {{thay_the}}: the earlier edition this plan's decision replaces. */
  replaced?(): string | undefined;
  /** The issuing unit's level (data/cap.yaml key), for {{theo_cap …}}. */
  level?: string;
  /** The plan's own target cells, for {{chi_tieu "row-id"}} (computed on first use). */
  targets?(): readonly TargetCell[];
}

/** don_vi.* for a unit, with cap_tren.* for its superiors (bounded: the chain may be broken). */
export function unitVars(unit: DonVi, project: ProjectData, depth = 0): Record<string, unknown> {
  const names: Record<string, unknown> = { ...unitNames(unit, project.levels) };
  const parent = unit.thuoc ? project.units.get(unit.thuoc) : undefined;
  if (parent && depth < 5) names.cap_tren = unitVars(parent, project, depth + 1);
  return names;
}

export function templateVars(data: KeHoach, unit: DonVi | undefined, project: ProjectData): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  const year = parseDate(data.ngay)?.year;
  if (year !== undefined) vars.nam = year;
  // The year the plan is for: a plan issued in December for the next year says so in nam_ke_hoach.
  const planYear = data.nam_ke_hoach ?? year;
  if (planYear !== undefined) vars.nam_ke_hoach = planYear;
  if (unit) {
    vars.don_vi = unitVars(unit, project);
    vars.cap = levelWords(unit, project.levels, project.units);
  }
  // A number variable prints as Vietnamese writes it ({{bien.so_ho_so}}: 1.500), a year as a year.
  vars.bien = Object.fromEntries(Object.entries(data.bien ?? {}).map(([k, v]) => [k, typeof v === 'number' ? formatTypedNumber(v) : v]));
  return vars;
}
