import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests spawn bin/kehoach.js, which runs dist/: compile it first when src/ changed.
    globalSetup: ['test/setup/compile.ts'],
    // The CLI's parse cache (src/load/parse-cache.ts) goes to a folder of this run, not ~/.cache.
    env: { KEHOACH_CACHE_DIR: path.join(os.tmpdir(), `kehoach-test-cache-${process.pid}`) },
    // A hang guard, not a speed bound: tests assert behaviour, and a loaded machine (other suites,
    // LibreOffice and Chromium on 2 cores) has run single tests 10× slower than an idle one. One
    // generous limit for every test and hook; no test sets a shorter one of its own.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // LibreOffice and Chromium tests share heavy processes: keep files sequential on 2 cores.
    fileParallelism: false,
  },
});
