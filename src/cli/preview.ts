// `kehoach preview FILE [--port N]`: live HTML preview on 127.0.0.1; Ctrl-C stops it cleanly.
import { parseCommandLine } from './args.ts';
import { UsageError } from './usage-error.ts';
import { findProjectRoot, relativeToRoot } from '../project/root.ts';
import { startPreview } from '../preview/server.ts';
import { formatDiagnostic } from '../load/diagnostic.ts';

export async function runPreview(args: string[]): Promise<number> {
  const { positionals, values } = parseCommandLine('preview', args);
  if (positionals.length !== 1) throw new UsageError('cần đúng một tệp kế hoạch: kehoach preview TỆP [--port N]');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`cổng không hợp lệ '${values.port}'`);
  const root = findProjectRoot();
  const file = relativeToRoot(root, positionals[0]);
  let server;
  try {
    server = await startPreview({
      root, file, port,
      onRender: (diagnostics) => {
        const stamp = new Date().toLocaleTimeString('vi-VN');
        if (diagnostics.length === 0) process.stderr.write(`[${stamp}] đã dựng lại ${file}\n`);
        for (const d of diagnostics) process.stderr.write(`[${stamp}] ${formatDiagnostic(d)}\n`);
      },
    });
  } catch (err) {
    process.stderr.write(`kehoach preview: không mở được cổng ${port}: ${(err as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`Xem trước: ${server.url}  (Ctrl-C để dừng)\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  process.stderr.write('Đã dừng xem trước.\n');
  return 0;
}
