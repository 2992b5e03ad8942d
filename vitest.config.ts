import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Folders of this run: the CLI's parse cache, and what test files share (the seed builds,
// test/helpers/seeds.ts). The global setup removes them at the end.
const runDir = path.join(os.tmpdir(), `kehoach-test-run-${process.pid}`);
process.env.KEHOACH_TEST_RUN_DIR = runDir;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests spawn bin/kehoach.js, which runs dist/: compile it first when src/ changed.
    globalSetup: ['test/setup/compile.ts'],
    // The CLI's parse cache (src/load/parse-cache.ts) goes to a folder of this run, not ~/.cache.
    env: { KEHOACH_CACHE_DIR: path.join(runDir, 'cache'), KEHOACH_TEST_RUN_DIR: runDir },
    // A hang guard, not a speed bound: tests assert behaviour, and a loaded machine (other suites,
    // LibreOffice and Chromium on 2 cores) has run single tests 10× slower than an idle one. One
    // generous limit for every test and hook; no test sets a shorter one of its own.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Two test files at a time, one per core of this machine. Every Chromium and LibreOffice a test
    // starts has a private profile (two soffice sharing one lose work silently), so files running
    // side by side share no process; the seed builds they share are made once (test/helpers/seeds.ts).
    fileParallelism: true,
    maxWorkers: 2,
    // The files a worker runs share its loaded modules: importing the tool's sources again for each
    // of some ninety files was about a third of the suite's CPU time. A file that replaces a module
    // (vi.doMock of node:fs) loads its own fresh copies and drops them after it (vi.resetModules).
    isolate: false,
  },
});
