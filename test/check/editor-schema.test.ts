// editor-schema: check warns when a plan's modeline names a schema other than the one the editor
// needs for it, so the red marks in VS Code and the output of check cannot disagree unnoticed.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEditorSchema } from '../../src/check/editor-schema.ts';
import { loadProject } from '../../src/load/project.ts';
import { resolvePlan } from '../../src/load/resolve.ts';
import { repoRoot, runCli, tempProject } from '../helpers/cli.ts';

const PHU_HO = 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml';
const CITY = 'plans/thua-thien-hue/hue/2024-dvctt.yaml';
const PLANS = [
  CITY,
  PHU_HO,
  'plans/thua-thien-hue/hue/2025-chi-so-dvctt.yaml',
  'plans/an-giang/my-hoa-hung/2024-kiem-soat-tthc.yaml',
  'plans/khanh-hoa/cam-hiep/2025-cai-cach-tthc.yaml',
];

function warnings(root: string, file: string) {
  const r = resolvePlan(root, file, loadProject(root).value!);
  expect(r.value, file).toBeDefined();
  return checkEditorSchema(r.value!, root);
}

function setModeline(root: string, file: string, line: string): void {
  const text = readFileSync(path.join(root, file), 'utf8').split('\n');
  text[0] = line;
  writeFileSync(path.join(root, file), text.join('\n'));
}

describe('editor-schema', () => {
  let project: ReturnType<typeof tempProject>;
  beforeAll(() => {
    project = tempProject();
    cpSync(path.join(repoRoot, 'schemas'), path.join(project.root, 'schemas'), { recursive: true });
  });
  afterAll(() => project.dispose());

  it('is silent on the plans of plans/, each naming its own schema', () => {
    for (const file of PLANS) expect(warnings(repoRoot, file), file).toEqual([]);
  });

  it("warns at the modeline of a child that names the standalone schema, and says which line to write", async () => {
    setModeline(project.root, PHU_HO, '# yaml-language-server: $schema=../../../schemas/plan.schema.json');
    const [w, ...rest] = warnings(project.root, PHU_HO);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ file: PHU_HO, line: 1, col: 33, severity: 'warning', rule: 'editor-schema' });
    expect(w.message).toContain(`kế hoạch con của ${CITY}`);
    expect(w.message).toContain("'# yaml-language-server: $schema=../../../schemas/ke-thua/thua-thien-hue/hue/2024-dvctt.schema.json'");
    const r = await runCli(['check', PHU_HO], project.root);
    expect(r.stderr).toMatch(new RegExp(`^${PHU_HO}:1:33: warning: .*\\[editor-schema\\]$`, 'm'));
    expect(r.code).toBe(0);
  });

  it('warns when a standalone plan names a child schema (its missing keys would not be marked)', () => {
    setModeline(project.root, CITY, '# yaml-language-server: $schema=../../../schemas/plan-child.schema.json');
    const ws = warnings(project.root, CITY);
    expect(ws.map((w) => w.rule)).toEqual(['editor-schema']);
    expect(ws[0].message).toContain("'# yaml-language-server: $schema=../../../schemas/plan.schema.json'");
  });

  it('says nothing without a modeline, or in a project that has no schemas/', () => {
    const bare = tempProject();
    try {
      setModeline(bare.root, PHU_HO, '# yaml-language-server: $schema=../../../schemas/plan.schema.json');
      expect(warnings(bare.root, PHU_HO)).toEqual([]);
    } finally {
      bare.dispose();
    }
    setModeline(project.root, PHU_HO, '# Kế hoạch của xã Phú Hồ');
    expect(warnings(project.root, PHU_HO)).toEqual([]);
  });
});
