import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, runCliProcess, tempProject } from '../helpers/cli.ts';

const DIAGNOSTIC = /^(\S+):(\d+):(\d+): (error|warning): .+ \[[a-z0-9-]+\]$/;

describe('kehoach check', () => {
  let project: ReturnType<typeof tempProject> | undefined;
  afterEach(() => project?.dispose());

  it('accepts the five real plans', () => {
    // End to end: the compiled CLI in its own process, as a clerk runs it.
    const r = runCliProcess(['check']);
    expect(r.stderr).toContain('5 kế hoạch, 0 lỗi');
    expect(r.code).toBe(0);
  });

  it('reports a bad source as file:line:col with exit 1, never a stack trace', async () => {
    project = tempProject();
    const file = path.join(project.root, 'plans/thu/xa/2024-loi.yaml');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'don_vi: phu-ho\nloai: ke_hoach\nngay: 2024-03-18\ntrich_yue: Sai khóa\nnoi_dung: []\n');
    const r = await runCli(['check', 'plans/thu'], project.root);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n').filter((l) => DIAGNOSTIC.test(l));
    expect(lines.some((l) => l.startsWith('plans/thu/xa/2024-loi.yaml:4:1: error:') && l.includes("'trich_yeu'"))).toBe(true);
    expect(r.stderr).not.toMatch(/\bat .+\.ts:\d+/);
  });

  it('rejects a wrong command line with exit 2', async () => {
    expect((await runCli(['check', '--no-such-option'])).code).toBe(2);
    expect((await runCli(['no-such-command'])).code).toBe(2);
  });
});
