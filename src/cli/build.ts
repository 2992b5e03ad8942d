// `kehoach build [FILES|DIRS…] [--out DIR] [--format docx,pdf] [--json] [--force] [--quiet]`
import path from 'node:path';
import { parseCommandLine } from './args.ts';
import { UsageError } from './usage-error.ts';
import { findProjectRoot, relativeToRoot } from '../project/root.ts';
import { discoverPlans } from '../build/discover.ts';
import { buildBatch } from '../build/batch.ts';
import { Progress, type Removal } from '../build/progress.ts';
import { EnvironmentError } from '../build/environment-error.ts';
import { removePendingTempFiles } from '../build/atomic-write.ts';
import { formatDiagnostic, hasErrors } from '../load/diagnostic.ts';
import type { OutputFormat } from '../build/outputs.ts';
import { chooseFont } from '../write/html/fonts.ts';
import type { CliIo } from './io.ts';

export async function runBuild(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine('build', args);
  const formats = parseFormats(values.format ?? 'docx,pdf');
  const root = findProjectRoot(io.cwd);
  const outDir = path.resolve(io.cwd, values.out ?? path.join(root, 'out'));
  const found = discoverPlans(root, positionals, io.cwd);
  for (const d of found.diagnostics) io.stderr.write(formatDiagnostic(d) + '\n');

  // Nghị định 30 asks for Times New Roman; say plainly when the PDF uses a metric-compatible face.
  if (formats.includes('pdf') && !values.quiet && found.files.length > 0) io.stderr.write(chooseFont().description + '\n');
  const progress = new Progress(found.files.length, !!values.quiet || !!values.json && !io.stderr.isTTY, io.stderr);
  const onSignal = () => {
    removePendingTempFiles();
    io.stderr.write('\nĐã dừng: các tệp đã dựng xong được giữ nguyên, không có tệp dở dang.\n');
    process.exit(130);
  };
  // Only a run that owns the process ends it on Ctrl-C; an in-process run (tests) never exits it.
  if (io.signals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  const removals: Removal[] = [];
  let dataErrors = false;
  try {
    const outcomes = await buildBatch({
      root, files: found.files, outDir, formats, force: !!values.force, env: io.env,
      onProjectDiagnostics: (ds) => {
        for (const d of ds) io.stderr.write(formatDiagnostic(d) + '\n');
        dataErrors = hasErrors(ds);
        if (dataErrors) io.stderr.write('Dữ liệu dùng chung (data/) có lỗi ở trên: sửa các lỗi đó trước; lỗi của các kế hoạch bên dưới có thể do chúng mà ra.\n');
      },
      onRemoved: (source, paths) => removals.push({ source, paths }),
      onStart: (s) => progress.start(s),
      onFinish: (o) => {
        progress.finish(o);
        if (values.json) io.stdout.write(JSON.stringify(o, ['source', 'ok', 'skipped', 'outputs', 'part', 'format', 'path', 'diagnostics', 'file', 'line', 'col', 'severity', 'message', 'rule', 'errors', 'removed']) + '\n');
      },
    });
    progress.summary(outcomes, relativeToRoot(root, outDir) || '.', removals);
    const failed = found.diagnostics.length > 0 || dataErrors || outcomes.some((o) => !o.ok);
    return failed ? 1 : 0;
  } catch (err) {
    // out/ not writable, or another build holds it: the machine's problem, said plainly (exit 1).
    if (!(err instanceof EnvironmentError)) throw err;
    io.stderr.write(`kehoach build: ${err.message}\n`);
    return 1;
  } finally {
    if (io.signals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}

function parseFormats(text: string): OutputFormat[] {
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (f !== 'docx' && f !== 'pdf') throw new UsageError(`định dạng không hỗ trợ '${f}' (chỉ docx, pdf)`);
  if (list.length === 0) throw new UsageError('--format cần ít nhất một định dạng: docx, pdf');
  return [...new Set(list)] as OutputFormat[];
}
