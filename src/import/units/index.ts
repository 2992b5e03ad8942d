// `kehoach units import FILE.csv|FILE.xlsx`: the official list → data/don-vi/<province>.yaml.
// All or nothing: every row is read and checked, the updated directory is loaded and checked as a
// whole in a scratch copy, and only then are the files written (each to a temporary name, then all
// renamed), so a bad row leaves data/ exactly as it was.
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Diagnostic, hasErrors } from '../../load/diagnostic.ts';
import { loadProject } from '../../load/project.ts';
import { planUpdate, type FileUpdate } from './directory-update.ts';
import { readTable, TableReadError } from './read-table.ts';
import { unitsFromRows } from './rows.ts';

/** The official list of a whole country is about 1 MB as CSV; anything far larger is no such list. */
const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export interface UnitsImportResult {
  diagnostics: Diagnostic[];
  /** The files written (none when any diagnostic is an error). */
  written: FileUpdate[];
}

export async function importUnits(root: string, input: string, opts: { shown: string; tu_ngay?: string; can_cu?: string }): Promise<UnitsImportResult> {
  const diagnostics: Diagnostic[] = [];
  const fail = (message: string): UnitsImportResult => ({
    diagnostics: [...diagnostics, { file: opts.shown, line: 1, col: 1, severity: 'error', message, rule: 'units-import' }],
    written: [],
  });
  let size: number;
  try {
    const st = statSync(input);
    if (!st.isFile()) return fail('không phải tệp thường (thư mục, FIFO, thiết bị): chỉ nhập tệp .csv hoặc .xlsx');
    size = st.size;
  } catch {
    return fail('không có tệp này');
  }
  if (size > MAX_INPUT_BYTES) return fail(`tệp lớn ${Math.round(size / 1e6)} MB, quá 50 MB: không phải danh mục đơn vị hành chính`);

  const loaded = loadProject(root);
  if (hasErrors(loaded.diagnostics)) {
    return { diagnostics: [...loaded.diagnostics, { file: opts.shown, line: 1, col: 1, severity: 'error', message: 'data/ đang có lỗi (in ở trên): sửa trước rồi nhập lại', rule: 'units-import' }], written: [] };
  }
  const project = loaded.value!;

  let rows;
  try {
    rows = await readTable(input);
  } catch (err) {
    if (err instanceof TableReadError) return fail(err.message);
    throw err;
  }
  const read = unitsFromRows(rows, { file: opts.shown, tu_ngay: opts.tu_ngay, can_cu: opts.can_cu });
  diagnostics.push(...read.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics, written: [] };
  if (!read.units.length) return fail('danh mục không có dòng đơn vị nào dưới dòng tiêu đề');

  const existingText = (file: string) => {
    const abs = path.join(project.root, file);
    return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
  };
  const plan = planUpdate(read.units, project, { file: opts.shown, source: input, existingText });
  diagnostics.push(...plan.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics, written: [] };

  // The directory as it would be, loaded in a scratch copy with every check of data/.
  const scratch = mkdtempSync(path.join(tmpdir(), 'kehoach-units-'));
  try {
    cpSync(path.join(project.root, 'data'), path.join(scratch, 'data'), { recursive: true });
    for (const u of plan.updates) writeFileSync(path.join(scratch, u.file), u.text);
    const after = loadProject(scratch).diagnostics.filter((d) => d.severity === 'error');
    if (after.length) {
      diagnostics.push(...after.map((d) => ({ ...d, message: `sau khi nhập, ${d.message}` })));
      diagnostics.push({ file: opts.shown, line: 1, col: 1, severity: 'error', message: 'danh mục nhập vào làm data/don-vi có lỗi (in ở trên); không ghi tệp nào', rule: 'units-import' });
      return { diagnostics, written: [] };
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const written = plan.updates.filter((u) => u.added.length);
  const temps: [string, string][] = [];
  try {
    for (const u of written) {
      const target = path.join(project.root, u.file);
      const tmp = `${target}.${process.pid}.tmp`;
      writeFileSync(tmp, u.text);
      temps.push([tmp, target]);
    }
    for (const [tmp, target] of temps) renameSync(tmp, target);
  } finally {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
  }
  return { diagnostics, written };
}
