// EACCES through a mocked fs: as root (this CI), chmod 000 does not make a file unreadable.
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    openSync: (p: string, ...rest: unknown[]) => {
      if (String(p).endsWith('locked.yaml')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (fs.openSync as (...a: unknown[]) => number)(p, ...rest);
    },
  };
});

const { readSource } = await import('../../src/load/read-source.ts');
const { makeProject } = await import('./helpers.ts');

describe('readSource without read permission', () => {
  it('reports file-unreadable at the file', () => {
    const root = makeProject({ 'plans/locked.yaml': 'a: 1\n' });
    expect(readSource(root, 'plans/locked.yaml').diagnostics).toMatchObject([
      { file: 'plans/locked.yaml', line: 1, col: 1, rule: 'file-unreadable', severity: 'error' },
    ]);
  });
});
