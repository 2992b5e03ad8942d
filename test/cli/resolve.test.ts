import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot, runCli, tempProject } from '../helpers/cli.ts';

const PHU_HO = 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml';
const HUE = 'plans/thua-thien-hue/hue/2024-dvctt.yaml';

describe('kehoach resolve', () => {
  it('prints the standalone equivalent of a child plan, at least three times the child source', async () => {
    const r = await runCli(['resolve', PHU_HO]);
    expect(r.code).toBe(0);
    const resolved = parse(r.stdout);
    expect(resolved.ke_thua).toBeUndefined();
    expect(resolved.don_vi).toBe('phu-ho');
    expect(resolved.so).toBe(50);
    // Inherited from Huế: its sections, in Phú Hồ's order, with Phú Hồ's extra item 6 of section I.
    expect(resolved.noi_dung.map((s: { id: string }) => s.id)).toEqual(
      parse(readFileSync(path.join(repoRoot, HUE), 'utf8')).noi_dung.map((s: { id: string }) => s.id),
    );
    const childLines = readFileSync(path.join(repoRoot, PHU_HO), 'utf8').trimEnd().split('\n').length;
    const resolvedLines = r.stdout.trimEnd().split('\n').length;
    expect(childLines * 3).toBeLessThanOrEqual(resolvedLines);
  });

  it('needs exactly one file', async () => {
    expect((await runCli(['resolve'])).code).toBe(2);
  });
});

describe('targets bound by the superior plan', () => {
  let project: ReturnType<typeof tempProject>;
  beforeAll(() => {
    project = tempProject();
  });
  afterAll(() => project.dispose());

  it("lets Phú Hồ's 30% stand: it implements Phú Vang's plan, which is not in plans/", async () => {
    const r = await runCli(['check', PHU_HO], project.root);
    expect(r.stderr).not.toContain('target-below-parent');
    expect(r.code).toBe(0);
  });

  it('rejects a ward of Huế promising less than the city minimum, at the ward’s line', async () => {
    const ward = 'plans/thua-thien-hue/hue-phu-hoi/2024-dvctt.yaml';
    mkdirSync(path.join(project.root, path.dirname(ward)), { recursive: true });
    writeFileSync(
      path.join(project.root, ward),
      [
        'ke_thua: ../hue/2024-dvctt.yaml',
        'don_vi: hue-phu-hoi',
        'so: 12',
        'ngay: 2024-03-20',
        'thuc_hien: { ke_hoach: ../hue/2024-dvctt.yaml }',
        'ky: { thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH }',
        'phu_luc:',
        '  - id: pl-chi-tieu',
        '    bang:',
        '      dong:',
        '        - id: nhom-phuc-vu',
        '          dong:',
        '            - id: thanh-toan-truc-tuyen',
        '              o: { chi-tieu: "30" }',
        '',
      ].join('\n'),
    );
    const r = await runCli(['check', ward], project.root);
    expect(r.code).toBe(1);
    const line = r.stderr.split('\n').find((l) => l.includes('[target-below-parent]'));
    expect(line).toBeDefined();
    expect(line!.startsWith(`${ward}:14:`)).toBe(true);
    expect(line).toContain('45'); // names the parent's minimum
    expect(line).toContain(HUE); // and the parent's file
  });
});
