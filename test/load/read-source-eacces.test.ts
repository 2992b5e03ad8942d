// EACCES through a mocked fs: as root (this CI), chmod 000 does not make a file unreadable.
// Test files share their worker's modules (vitest.config.ts, isolate: false): the mock is set up
// for this file's fresh imports and removed after it, so no other file sees the fake fs.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let readSource: typeof import('../../src/load/read-source.ts').readSource;
let makeProject: typeof import('./helpers.ts').makeProject;

beforeAll(async () => {
  vi.resetModules();
  vi.doMock('node:fs', async (importOriginal) => {
    const fs = await importOriginal<typeof import('node:fs')>();
    const openSync = (p: string, ...rest: unknown[]) => {
      if (String(p).endsWith('locked.yaml')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (fs.openSync as (...a: unknown[]) => number)(p, ...rest);
    };
    return { ...fs, openSync, default: { ...fs, openSync } };
  });
  ({ readSource } = await import('../../src/load/read-source.ts'));
  ({ makeProject } = await import('./helpers.ts'));
});

afterAll(() => {
  vi.doUnmock('node:fs');
  vi.resetModules();
});

describe('readSource without read permission', () => {
  it('reports file-unreadable at the file', () => {
    const root = makeProject({ 'plans/locked.yaml': 'a: 1\n' });
    expect(readSource(root, 'plans/locked.yaml').diagnostics).toMatchObject([
      { file: 'plans/locked.yaml', line: 1, col: 1, rule: 'file-unreadable', severity: 'error' },
    ]);
  });
});
