// `kehoach preview FILE [--port N]`: live HTML preview on 127.0.0.1; Ctrl-C stops it cleanly.
import { parseCommandLine } from './args.ts';
import { UsageError } from './usage-error.ts';
import { findProjectRoot, relativeToRoot } from '../project/root.ts';
import { startPreview } from '../preview/server.ts';
import { formatDiagnostic } from '../load/diagnostic.ts';
import type { CliIo } from './io.ts';

export async function runPreview(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine('preview', args);
  if (positionals.length !== 1) throw new UsageError('cần đúng một tệp kế hoạch: kehoach preview TỆP [--port N]');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`cổng không hợp lệ '${values.port}'`);
  const root = findProjectRoot(io.cwd);
  const file = relativeToRoot(root, positionals[0]);
  let server;
  try {
    server = await startPreview({
      root, file, port,
      onRender: (diagnostics) => {
        const stamp = new Date().toLocaleTimeString('vi-VN');
        if (diagnostics.length === 0) io.stderr.write(`[${stamp}] đã dựng lại ${file}\n`);
        for (const d of diagnostics) io.stderr.write(`[${stamp}] ${formatDiagnostic(d)}\n`);
      },
    });
  } catch (err) {
    io.stderr.write(`kehoach preview: không mở được cổng ${port}: ${(err as Error).message}\n`);
    return 1;
  }
  io.stdout.write(`Xem trước: ${server.url}  (Ctrl-C để dừng)\n`);
  await stopped(io);
  await server.close();
  io.stderr.write('Đã dừng xem trước.\n');
  return 0;
}

/** Ctrl-C (or SIGTERM) when the run owns the process; io.stop in-process; at once when it has neither. */
function stopped(io: CliIo): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      if (io.signals) {
        process.off('SIGINT', done);
        process.off('SIGTERM', done);
      }
      io.stop?.removeEventListener('abort', done);
      resolve();
    };
    if (io.signals) {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    }
    if (io.stop) {
      if (io.stop.aborted) return done();
      io.stop.addEventListener('abort', done, { once: true });
    }
    if (!io.signals && !io.stop) done();
  });
}
