// `kehoach units import FILE.csv|FILE.xlsx [--tu-ngay YYYY-MM-DD] [--can-cu TEXT]`.
import path from 'node:path';
import { findProjectRoot } from '../project/root.ts';
import { formatDiagnostic, hasErrors } from '../load/diagnostic.ts';
import { calendarProblem } from '../load/calendar.ts';
import { importUnits } from '../import/units/index.ts';
import { UsageError } from './usage-error.ts';
import type { CliIo } from './io.ts';

export async function runUnitsImport(files: string[], opts: { tu_ngay?: string; can_cu?: string }, io: CliIo): Promise<number> {
  if (files.length !== 1) throw new UsageError('cần đúng một tệp: kehoach units import DANH_MUC.csv|DANH_MUC.xlsx');
  if (opts.tu_ngay !== undefined) {
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(opts.tu_ngay) ? calendarProblem(opts.tu_ngay) : `"${opts.tu_ngay}" không phải ngày dạng YYYY-MM-DD`;
    if (problem) throw new UsageError(`--tu-ngay: ${problem} (ví dụ: --tu-ngay 2025-07-01)`);
  }
  const root = findProjectRoot(io.cwd);
  const input = path.resolve(io.cwd, files[0]);
  const result = await importUnits(root, input, { shown: files[0], ...opts });
  for (const d of result.diagnostics) io.stderr.write(formatDiagnostic(d) + '\n');
  if (hasErrors(result.diagnostics)) {
    io.stderr.write('kehoach units import: không ghi tệp nào (sửa các dòng trên rồi nhập lại)\n');
    return 1;
  }
  if (!result.written.length) io.stdout.write('Không có đơn vị mới: mọi mã trong danh mục đã có trong data/don-vi.\n');
  for (const u of result.written) {
    io.stdout.write(`${u.file}: ${u.exists ? 'thêm' : 'tạo mới,'} ${u.added.length} đơn vị${u.kept ? `; ${u.kept} đơn vị đã có giữ nguyên` : ''}\n`);
  }
  return 0;
}
