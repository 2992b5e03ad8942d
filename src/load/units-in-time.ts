// Units in time. A unit of data/don-vi/*.yaml is written once with its first state and the dated
// changes that followed (thay_doi: new name, level, superior, code, leaders); it may begin
// (tu_ngay) and end (den_ngay, tro_thanh: the units it was merged into). Huế is the example the
// format exists for: a city of Thừa Thiên Huế province in 2024, a city under the central government
// from 01/01/2025 (Nghị quyết 175/2024/QH15), with new wards and communes from 01/07/2025
// (Nghị quyết 1675/NQ-UBTVQH15). A plan sees every unit as it stood on the plan's date.
import type { Cap, DonVi, ThayDoi, TuNguTheoCap } from '../model/source-types.generated.ts';
import type { ProjectData } from './types.ts';
import { lastDay } from './calendar.ts';

export { isCalendarDate } from './calendar.ts';

/** Level vocabulary as one plan sees it: level → words (the 2-level profile already applied). */
export type Levels = Record<string, Cap>;

/** A unit's state: the fields a plan reads, without its history. */
export type UnitState = Omit<DonVi, 'thay_doi' | 'tu_ngay' | 'den_ngay' | 'tro_thanh'>;

/** The key of the latest state, used when a plan has no date. */
export const LATEST = '9999-12-31';

/**
 * The day a plan's date stands for, as "YYYY-MM-DD". A draft dated "2025-08" or "2025" is written
 * for a period whose end it will be issued by, so it takes the last day of that period (a draft
 * for a new commune of 2025 resolves to the commune, not to the units it replaced).
 */
export function dateKey(ngay: string | null | undefined): string {
  if (typeof ngay !== 'string') return LATEST;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(ngay.trim());
  if (!m) return LATEST;
  const year = Number(m[1]);
  if (m[3]) return `${m[1]}-${m[2]}-${m[3]}`;
  const month = m[2] ? Number(m[2]) : 12;
  if (month < 1 || month > 12) return LATEST;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(lastDay(year, month)).padStart(2, '0')}`;
}

/** Whether the unit exists on `key` (between its tu_ngay and den_ngay, both included). */
export function existsOn(unit: DonVi, key: string): boolean {
  return (!unit.tu_ngay || unit.tu_ngay <= key) && (!unit.den_ngay || key <= unit.den_ngay);
}

/** The changes of a unit that are in force on `key`, oldest first. */
function changesUntil(unit: DonVi, key: string): ThayDoi[] {
  return (unit.thay_doi ?? []).filter((c) => c.tu_ngay <= key).sort((a, b) => (a.tu_ngay < b.tu_ngay ? -1 : a.tu_ngay > b.tu_ngay ? 1 : 0));
}

/** The unit as it stood on `key` (whether or not it existed then). */
export function stateOn(unit: DonVi, key: string): UnitState {
  const { thay_doi: _c, tu_ngay: _f, den_ngay: _t, tro_thanh: _b, ...state } = unit;
  const out: Record<string, unknown> = { ...state };
  for (const change of changesUntil(unit, key)) {
    for (const [k, v] of Object.entries(change)) {
      if (k === 'tu_ngay') continue;
      if (v === null) delete out[k];
      else out[k] = v;
    }
  }
  return out as UnitState;
}

/** Every unit that exists on `key`, in that day's state. */
export function unitsOn(records: ReadonlyMap<string, DonVi>, key: string): Map<string, DonVi> {
  const out = new Map<string, DonVi>();
  for (const [id, unit] of records) if (existsOn(unit, key)) out.set(id, stateOn(unit, key) as DonVi);
  return out;
}

/** The dates on which anything about `unit` changes (its start, its changes, the day after its end). */
export function changeDates(unit: DonVi): string[] {
  const dates = new Set<string>();
  if (unit.tu_ngay) dates.add(unit.tu_ngay);
  for (const c of unit.thay_doi ?? []) dates.add(c.tu_ngay);
  if (unit.den_ngay) dates.add(nextDay(unit.den_ngay));
  return [...dates].sort();
}

export function nextDay(key: string): string {
  const [y, m, d] = key.split('-').map(Number);
  if (d < lastDay(y, m)) return `${y.toString().padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d + 1).padStart(2, '0')}`;
  if (m < 12) return `${y.toString().padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
  return `${String(y + 1).padStart(4, '0')}-01-01`;
}

/** The vocabulary of data/cap.yaml in force on `key`: each level, with the 2-level profile over it from its date. */
export function levelsOn(raw: TuNguTheoCap, key: string): Levels {
  // viet_tat holds abbreviations of agency names, not a level.
  const { hai_cap: profile, viet_tat: _abbreviations, ...base } = raw;
  const out: Levels = {};
  for (const [cap, words] of Object.entries(base)) if (words) out[cap] = words as Cap;
  if (!profile || key < profile.tu_ngay) return out;
  for (const [cap, words] of Object.entries(profile)) {
    if (cap === 'tu_ngay' || typeof words !== 'object') continue;
    out[cap] = { ...(out[cap] ?? {}), ...words } as Cap;
  }
  return out;
}

/** The first day of the 2-level government in data/cap.yaml, if the profile is there. */
export function twoLevelStart(raw: TuNguTheoCap): string | undefined {
  return raw.hai_cap?.tu_ngay;
}

/**
 * The project as a plan dated `ngay` sees it: units and level words of that day. Everything
 * downstream (model, templates, checks, writers) reads `units` and `levels` and so needs no date.
 */
export function projectOn(project: ProjectData, ngay: string | null | undefined): ProjectData {
  const key = dateKey(ngay);
  if (project.date === key) return project;
  return { ...project, date: key, units: project.unitsOn(key), levels: project.levelsOn(key) };
}

/** "2025-07-01" → "01/07/2025". */
export function dmy(key: string): string {
  const [y, m, d] = key.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Why unit `id` is not in the view of `project`'s date: unknown to the directory, or not existing
 * on that day (with what it became, so the clerk knows which unit to name instead).
 */
export function missingUnit(project: ProjectData, id: string): { rule: string; message: string } {
  const record = project.unitRecords.get(id);
  if (!record) return { rule: 'unknown-unit', message: `Không có đơn vị mã "${id}" trong data/don-vi/ (xem: kehoach units)` };
  const day = dmy(project.date);
  if (record.tu_ngay && project.date < record.tu_ngay) {
    return { rule: 'unit-not-in-effect', message: `Đơn vị "${id}" (${record.ten}) chỉ có từ ngày ${dmy(record.tu_ngay)}${record.can_cu ? ` (${record.can_cu})` : ''}, kế hoạch ngày ${day}; sửa ngày hoặc chọn đơn vị đang tồn tại vào ngày đó (kehoach units --ngay ${project.date})` };
  }
  const became = (record.tro_thanh ?? []).map((t) => `"${t}"`).join(', ');
  return {
    rule: 'unit-not-in-effect',
    message: `Đơn vị "${id}" (${record.ten}) chỉ tồn tại đến ngày ${dmy(record.den_ngay ?? project.date)}, kế hoạch ngày ${day}` + (became ? `; từ ngày ${dmy(nextDay(record.den_ngay!))} đã sắp xếp vào ${became}: ghi don_vi: ${record.tro_thanh![0]}` : ''),
  };
}
