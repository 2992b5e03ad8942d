// Temporary projects for loader tests: each test writes exactly the files it needs, so the line
// numbers a test asserts are visible in the test itself.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { loadProject } from '../../src/load/project.ts';
import { resolvePlan } from '../../src/load/resolve.ts';
import type { Diagnostic } from '../../src/load/diagnostic.ts';
import type { LoadResult, ResolvedSource } from '../../src/load/types.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function makeProject(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'kehoach-load-'));
  made.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

export function resolveIn(root: string, file: string): LoadResult<ResolvedSource> {
  return resolvePlan(root, file, loadProject(root).value!);
}

/** A compact, comparable form of diagnostics. */
export function brief(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${d.file}:${d.line}:${d.col} ${d.rule}`);
}

/** A complete standalone plan; `extra` lines are appended at top level. */
export function plan(...extra: string[]): string {
  return [
    'don_vi: phu-ho',
    'loai: ke_hoach',
    'ngay: 2024-02-27',
    'trich_yeu: Thử nghiệm',
    'noi_dung:',
    '  - id: muc-dich',
    '    tieu_de: Mục đích, yêu cầu',
    '    muc:',
    '      - id: md-1',
    '        noi_dung: Nội dung một',
    ...extra,
    '',
  ].join('\n');
}
