import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { brief, makeProject, plan, resolveIn } from './helpers.ts';
import { resolvePlan } from '../../src/load/resolve.ts';
import { loadProject } from '../../src/load/project.ts';

describe('resolvePlan: a plan given as text (import --from compares before writing)', () => {
  it('resolves the text as if written at the path, inheriting from there, and writes nothing', () => {
    const root = makeProject({ 'plans/tinh/cha.yaml': plan() });
    const child = JSON.stringify({ don_vi: 'phu-ho', ke_thua: '../../tinh/cha.yaml', trich_yeu: 'Của xã' });
    const r = resolvePlan(root, 'plans/xa/moi/con.yaml', loadProject(root).value!, new Map(), child);
    expect(brief(r.diagnostics)).toEqual([]);
    expect(r.value).toMatchObject({ file: 'plans/xa/moi/con.yaml', data: { trich_yeu: 'Của xã', loai: 'ke_hoach' } });
    expect(r.value!.origin(['trich_yeu']).file).toBe('plans/xa/moi/con.yaml');
    expect(r.value!.origin(['loai']).file).toBe('plans/tinh/cha.yaml');
    expect(existsSync(path.join(root, 'plans/xa'))).toBe(false);
    expect(readdirSync(path.join(root, 'plans'))).toEqual(['tinh']);
  });
});

describe('resolvePlan: following ke_thua', () => {
  it('reports a cycle of two at the ke_thua that closes it, naming the chain', () => {
    const root = makeProject({ 'plans/a.yaml': 'ke_thua: b.yaml\n', 'plans/b.yaml': '# b\nke_thua: a.yaml\n' });
    const r = resolveIn(root, 'plans/a.yaml');
    expect(r.value).toBeUndefined();
    expect(brief(r.diagnostics)).toEqual(['plans/b.yaml:2:10 inheritance-cycle', 'plans/a.yaml:1:10 parent-invalid']);
    expect(r.diagnostics[0].message).toContain('plans/a.yaml → plans/b.yaml → plans/a.yaml');
  });

  it('reports a cycle of three', () => {
    const root = makeProject({
      'plans/x/a.yaml': 'ke_thua: ../y/b.yaml\n',
      'plans/y/b.yaml': 'ke_thua: ../z/c.yaml\n',
      'plans/z/c.yaml': 'ke_thua: ../x/a.yaml\n',
    });
    const r = resolveIn(root, 'plans/x/a.yaml');
    expect(r.diagnostics[0]).toMatchObject({ file: 'plans/z/c.yaml', line: 1, col: 10, rule: 'inheritance-cycle' });
    expect(r.diagnostics[0].message).toContain('plans/x/a.yaml → plans/y/b.yaml → plans/z/c.yaml → plans/x/a.yaml');
  });

  it('reports a plan inheriting itself', () => {
    const root = makeProject({ 'plans/a.yaml': 'ke_thua: ./a.yaml\n' });
    expect(brief(resolveIn(root, 'plans/a.yaml').diagnostics)).toEqual(['plans/a.yaml:1:10 inheritance-cycle']);
  });

  it('refuses a parent outside plans/', () => {
    const root = makeProject({ 'plans/a.yaml': 'don_vi: x\nke_thua: ../mau/cha.yaml\n', 'mau/cha.yaml': plan() });
    expect(brief(resolveIn(root, 'plans/a.yaml').diagnostics)).toEqual(['plans/a.yaml:2:10 parent-outside-plans']);
  });

  it('reports a missing parent at the ke_thua value', () => {
    const root = makeProject({ 'plans/a.yaml': 'ke_thua: khong-co.yaml\n' });
    const r = resolveIn(root, 'plans/a.yaml');
    expect(brief(r.diagnostics)).toEqual(['plans/a.yaml:1:10 parent-missing']);
  });

  it('reports the parent\'s own errors at the parent\'s lines and fails the child', () => {
    const root = makeProject({
      'plans/cha.yaml': plan('ky: { chuc_vu: 5 }'),
      'plans/con.yaml': 'ke_thua: cha.yaml\n',
    });
    const r = resolveIn(root, 'plans/con.yaml');
    expect(r.value).toBeUndefined();
    expect(brief(r.diagnostics)).toEqual(['plans/cha.yaml:11:16 schema-type', 'plans/con.yaml:1:10 parent-invalid']);
  });

  it('resolves the file when given an absolute path inside the project', () => {
    const root = makeProject({ 'plans/a.yaml': plan() });
    expect(resolveIn(root, `${root}/plans/a.yaml`).value?.file).toBe('plans/a.yaml');
  });
});

describe('resolvePlan: binding (thuc_hien)', () => {
  const cha = plan();

  it('binds to thuc_hien.ke_hoach, resolved relative to the file that wrote it', () => {
    const root = makeProject({
      'plans/tinh/kh.yaml': cha,
      'plans/tinh/cha.yaml': plan('thuc_hien: { ke_hoach: kh.yaml }'),
      'plans/xa/con.yaml': 'ke_thua: ../tinh/cha.yaml\n',
    });
    const r = resolveIn(root, 'plans/xa/con.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.parent?.file).toBe('plans/tinh/cha.yaml');
    expect(r.value?.binding?.file).toBe('plans/tinh/kh.yaml');
  });

  it('binds nothing for thuc_hien.van_ban, and the parent by default', () => {
    const root = makeProject({
      'plans/cha.yaml': cha,
      'plans/a.yaml': 'ke_thua: cha.yaml\nthuc_hien: { van_ban: kh-54 }\n',
      'plans/b.yaml': 'ke_thua: cha.yaml\n',
    });
    expect(resolveIn(root, 'plans/a.yaml').value?.binding).toBeUndefined();
    expect(resolveIn(root, 'plans/b.yaml').value?.binding?.file).toBe('plans/cha.yaml');
    expect(resolveIn(root, 'plans/cha.yaml').value?.binding).toBeUndefined();
  });

  it('reports a missing or outside bound plan at thuc_hien.ke_hoach', () => {
    const root = makeProject({
      'plans/a.yaml': plan('thuc_hien:', '  ke_hoach: none.yaml'),
      'plans/b.yaml': plan('thuc_hien:', '  ke_hoach: ../../x.yaml'),
    });
    expect(brief(resolveIn(root, 'plans/a.yaml').diagnostics)).toEqual(['plans/a.yaml:12:13 thuc-hien-missing']);
    expect(brief(resolveIn(root, 'plans/b.yaml').diagnostics)).toEqual(['plans/b.yaml:12:13 thuc-hien-outside-plans']);
  });

  it('reports a plan bound to itself', () => {
    const root = makeProject({ 'plans/a.yaml': plan('thuc_hien: { ke_hoach: a.yaml }') });
    expect(brief(resolveIn(root, 'plans/a.yaml').diagnostics)).toEqual(['plans/a.yaml:11:24 thuc-hien-cycle']);
  });
});
