// `kehoach units [--json]`: the unit directory (id, level, name, superior unit).
import { parseCommandLine } from './args.ts';
import { findProjectRoot } from '../project/root.ts';
import { loadProject } from '../load/index.ts';
import { formatDiagnostic, hasErrors } from '../load/diagnostic.ts';
import { unitNames } from '../template/unit-names.ts';

export async function runUnits(args: string[]): Promise<number> {
  const { values } = parseCommandLine('units', args);
  const project = loadProject(findProjectRoot());
  for (const d of project.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  if (!project.value) return 1;
  const { units, levels } = project.value;
  const rows = [...units.values()].map((u) => ({
    id: u.id,
    cap: u.cap,
    ten: unitNames(u, levels).ten_day_du,
    thuoc: u.thuoc ?? null,
  }));
  if (values.json) process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else {
    const width = Math.max(4, ...rows.map((r) => r.id.length));
    for (const r of rows) {
      process.stdout.write(`${r.id.padEnd(width)}  ${r.cap.padEnd(12)}  ${r.ten}${r.thuoc ? `  (thuộc ${r.thuoc})` : ''}\n`);
    }
  }
  return hasErrors(project.diagnostics) ? 1 : 0;
}
