// `kehoach units [--ngay YYYY-MM-DD] [--json] [ID…]`: the unit directory as it stood on a day
// (default: its latest state), or the history of the named units.
import { parseCommandLine } from './args.ts';
import { UsageError } from './usage-error.ts';
import { findProjectRoot } from '../project/root.ts';
import { loadProject } from '../load/index.ts';
import { formatDiagnostic, hasErrors } from '../load/diagnostic.ts';
import { unitNames } from '../template/unit-names.ts';
import { calendarProblem } from '../load/calendar.ts';
import { LATEST, dmy, existsOn, nextDay, stateOn } from '../load/units-in-time.ts';
import type { ProjectData } from '../load/types.ts';
import type { DonVi } from '../model/source-types.generated.ts';
import type { CliIo } from './io.ts';

export async function runUnits(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine('units', args);
  if (positionals[0] === 'import') {
    if (values.ngay !== undefined || values.json) throw new UsageError('--ngay và --json không dùng với units import');
    return (await import('./units-import.ts')).runUnitsImport(positionals.slice(1), { tu_ngay: values['tu-ngay'], can_cu: values['can-cu'] }, io);
  }
  if (values['tu-ngay'] !== undefined || values['can-cu'] !== undefined) throw new UsageError('--tu-ngay và --can-cu chỉ dùng với units import');
  const day = values.ngay;
  if (day !== undefined) {
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(day) ? calendarProblem(day) : `"${day}" không phải ngày dạng YYYY-MM-DD`;
    if (problem) throw new UsageError(`--ngay: ${problem} (ví dụ: --ngay 2026-01-01)`);
  }
  const loaded = loadProject(findProjectRoot(io.cwd));
  for (const d of loaded.diagnostics) io.stderr.write(formatDiagnostic(d) + '\n');
  if (!loaded.value) return 1;
  const project = loaded.value;
  const failed = hasErrors(loaded.diagnostics);
  if (positionals.length) return printHistories(project, positionals, !!values.json, io) || failed ? 1 : 0;

  const key = day ?? LATEST;
  const units = project.unitsOn(key);
  const levels = project.levelsOn(key);
  const rows = [...units.values()].map((u) => ({
    id: u.id,
    ma: u.ma ?? null,
    cap: u.cap,
    ten: unitNames(u, levels).ten_day_du,
    thuoc: u.thuoc ?? null,
  }));
  if (values.json) io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else {
    const width = Math.max(4, ...rows.map((r) => r.id.length));
    for (const r of rows) {
      io.stdout.write(`${r.id.padEnd(width)}  ${r.cap.padEnd(12)}  ${r.ten}${r.thuoc ? `  (thuộc ${r.thuoc})` : ''}\n`);
    }
  }
  return failed ? 1 : 0;
}

interface HistoryStep {
  tu_ngay: string | null;
  ma: string | null;
  cap: string;
  ten: string;
  thuoc: string | null;
  can_cu: string | null;
}

/** Each state of a unit from the day it took effect, and its end. */
function history(unit: DonVi, project: ProjectData): { steps: HistoryStep[]; den_ngay: string | null; tro_thanh: string[] } {
  const days = [unit.tu_ngay ?? null, ...(unit.thay_doi ?? []).map((c) => c.tu_ngay)];
  const steps = days.map((from, i) => {
    const key = from ?? '0001-01-01';
    const s = stateOn(unit, key);
    const change = i > 0 ? unit.thay_doi![i - 1] : undefined;
    return {
      tu_ngay: from,
      ma: s.ma ?? null,
      cap: s.cap,
      ten: unitNames(s as DonVi, project.levelsOn(key)).ten_day_du,
      thuoc: s.thuoc ?? null,
      can_cu: (change ? change.can_cu : unit.can_cu) ?? null,
    };
  });
  return { steps, den_ngay: unit.den_ngay ?? null, tro_thanh: unit.tro_thanh ?? [] };
}

function printHistories(project: ProjectData, ids: string[], json: boolean, io: CliIo): boolean {
  let missing = false;
  const out: Record<string, unknown>[] = [];
  for (const id of ids) {
    const unit = project.unitRecords.get(id);
    if (!unit) {
      io.stderr.write(`kehoach units: không có đơn vị '${id}' trong danh mục (xem: kehoach units)\n`);
      missing = true;
      continue;
    }
    const h = history(unit, project);
    if (json) {
      out.push({ id, ...h });
      continue;
    }
    io.stdout.write(`${id}\n`);
    for (const s of h.steps) {
      const from = s.tu_ngay ? `từ ${dmy(s.tu_ngay)}` : 'ban đầu';
      const extra = [s.ma ? `mã ${s.ma}` : '', s.thuoc ? `thuộc ${s.thuoc}` : '', s.can_cu ?? ''].filter(Boolean).join('; ');
      io.stdout.write(`  ${from.padEnd(14)}  ${s.ten}${extra ? `  (${extra})` : ''}\n`);
    }
    if (h.den_ngay) {
      const after = h.tro_thanh.length ? `, từ ${dmy(nextDay(h.den_ngay))} sắp xếp vào ${h.tro_thanh.join(', ')}` : '';
      io.stdout.write(`  đến ${dmy(h.den_ngay)}${after}\n`);
    }
    // Units that became this one.
    const from = [...project.unitRecords.values()].filter((u) => u.tro_thanh?.includes(id)).map((u) => u.id);
    if (from.length && existsOn(unit, LATEST)) io.stdout.write(`  hợp thành từ: ${from.join(', ')}\n`);
  }
  if (json) io.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return missing;
}
