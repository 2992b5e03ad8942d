import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests spawn bin/kehoach.js, which runs dist/: compile it first when src/ changed.
    globalSetup: ['test/setup/compile.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // LibreOffice and Chromium tests share heavy processes: keep files sequential on 2 cores.
    fileParallelism: false,
  },
});
