// Vitest global setup: tests spawn bin/kehoach.js, which runs the compiled dist/. Recompile it when
// the sources changed, so `npx vitest run` never tests yesterday's code; fail with tsc's errors.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function setup(): () => void {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/compile.mjs')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run compile thất bại; các bài kiểm tra chạy bản biên dịch dist/:\n${r.stderr}`);
  // The run's folder (vitest.config.ts): parse cache and shared builds go with the run.
  return () => {
    if (process.env.KEHOACH_TEST_RUN_DIR) rmSync(process.env.KEHOACH_TEST_RUN_DIR, { recursive: true, force: true });
  };
}
