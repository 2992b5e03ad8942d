// Issue #14, case 14: `git log -p` with the textconv driver must never show, inside a child plan's
// commit, a change that its parent made later. textconv cannot know a blob's revision, so with
// --textconv a child prints only what it states itself, under a line naming its parent.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, repoRoot, runCli, tempProject } from '../helpers/cli.ts';

const HUE = 'plans/thua-thien-hue/hue/2024-dvctt.yaml';
const PHU_HO = 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml';
const p = tempProject();
afterAll(() => p.dispose());

function edit(file: string, from: string, to: string): void {
  const full = path.join(p.root, file);
  const text = readFileSync(full, 'utf8');
  expect(text).toContain(from);
  writeFileSync(full, text.replace(from, to));
}

describe('kehoach print --textconv', () => {
  it('case 14: a parent\'s later change never shows in a child\'s commit', () => {
    const root = p.root;
    git(root, 'init', '-q');
    writeFileSync(path.join(root, '.gitattributes'), 'plans/**/*.yaml diff=kehoach\n');
    git(root, 'config', 'diff.kehoach.textconv', `node ${path.join(repoRoot, 'bin/kehoach.js')} print --textconv`);
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'ban đầu');
    edit(PHU_HO, 'chi-tieu: Tối thiểu 30', 'chi-tieu: Tối thiểu 35');
    git(root, 'commit', '-qam', 'Phú Hồ: chỉ tiêu thanh toán');
    edit(HUE, 'noi_dung: Tăng cường kỷ luật, kỷ cương', 'noi_dung: Tăng cường HƠN NỮA kỷ luật, kỷ cương');
    git(root, 'commit', '-qam', 'Huế: sửa câu');

    const child = git(root, 'log', '-p', '--format=commit %s', '--', PHU_HO);
    const own = child.split(/^commit /m).find((c) => c.startsWith('Phú Hồ'))!;
    expect(own).toMatch(/^-.*thanh-toan-truc-tuyen\]\.o\.chi-tieu: Tối thiểu 30$/m);
    expect(own).toMatch(/^\+.*thanh-toan-truc-tuyen\]\.o\.chi-tieu: Tối thiểu 35$/m);
    expect(own.split('\n').filter((l) => /^[-+][^-+]/.test(l))).toHaveLength(2);
    expect(child).not.toContain('HƠN NỮA');
    // `git show` of the child's commit: the same two lines.
    const show = git(root, 'show', 'HEAD~1', '--', PHU_HO);
    expect(show.split('\n').filter((l) => /^[-+][^-+]/.test(l))).toHaveLength(2);
    // The parent's own commit shows its change, resolved (a standalone plan prints as the reader sees it).
    const parent = git(root, 'show', 'HEAD', '--', HUE);
    expect(parent).toMatch(/^\+\d+\. Tăng cường HƠN NỮA kỷ luật/m);
  });

  it('names the parent and points to kehoach diff; without --textconv the child prints resolved', async () => {
    const r = await runCli(['print', '--textconv', PHU_HO], p.root);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Kế thừa kế hoạch: ../hue/2024-dvctt.yaml');
    expect(lines[1]).toContain('kehoach diff');
    expect(lines).toContain('so: 50');
    const resolved = await runCli(['print', PHU_HO], p.root);
    expect(resolved.stdout.split('\n')).toContain('Số: 50/KH-UBND');
  });
});
