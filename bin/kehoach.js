#!/usr/bin/env node
// Entry point of the `kehoach` command: runs the CLI compiled into dist/ by `npm run compile`
// (which npm ci runs as `prepare`). Development without compiling: `npm run dev -- <lệnh> …`.
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/bundle/main.js', import.meta.url);
let main;
try {
  ({ main } = await import(entry.href));
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes(fileURLToPath(entry))) throw err;
  process.stderr.write('kehoach: chưa có bản biên dịch (dist/): chạy npm run compile (hoặc npm ci) trong thư mục của kehoach\n');
  process.exit(3);
}
// `kehoach units | head`: the reader went away; stop quietly, as other command-line tools do.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
process.exitCode = await main(process.argv.slice(2));
