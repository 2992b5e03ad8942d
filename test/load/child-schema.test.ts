// The child-plan schema is derived from the plan schema by the merge rules: these tests hold it to
// what `check` accepts for a child, on real children and on a schema with keys no one has added yet.
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { childPlanSchema } from '../../src/load/child-schema.ts';
import { loadProject } from '../../src/load/project.ts';
import { resolvePlan } from '../../src/load/resolve.ts';
import { repoRoot } from '../helpers/cli.ts';

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const read = (file: string) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as Schema;
const plan = read('schemas/plan.schema.json');
const child = read('schemas/plan-child.schema.json');

function validator(schema: Schema) {
  const Ctor = ((Ajv2020 as unknown as { default?: typeof Ajv2020.default }).default ?? Ajv2020) as typeof Ajv2020.default;
  return new Ctor({ allErrors: true, strict: false }).compile(schema);
}

describe('the child-plan schema (schemas/plan-child.schema.json)', () => {
  const validate = validator(child);

  it('has every key of the plan schema at the top, and requires only ke_thua', () => {
    expect(Object.keys(child.properties)).toEqual(Object.keys(plan.properties));
    expect(child.required).toEqual(['ke_thua']);
    expect(child.if).toBeUndefined();
  });

  it('accepts every child that check accepts, and each is a child (ke_thua)', () => {
    const cases = [
      { root: repoRoot, file: 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml' },
      { root: path.join(repoRoot, 'test/fixtures/load/merge'), file: 'plans/xa/con.yaml' },
      { root: path.join(repoRoot, 'test/fixtures/load/merge'), file: 'plans/xa/chau.yaml' },
    ];
    for (const { root, file } of cases) {
      const r = resolvePlan(root, file, loadProject(root).value!);
      expect(r.diagnostics.filter((d) => d.severity === 'error'), file).toEqual([]);
      const ok = validate(parse(readFileSync(path.join(root, file), 'utf8')));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('refuses what check refuses in any child: unknown keys, wrong types, a signer without its title', () => {
    const fixture = path.join(repoRoot, 'test/fixtures/bad/child-wrong-type/plans/xa/con.yaml');
    expect(validate(parse(readFileSync(fixture, 'utf8')))).toBe(false);
    expect(validate({ ke_thua: '../a.yaml', sooo: 1 })).toBe(false);
    expect(validate({ ke_thua: '../a.yaml', noi_dung: [{ id: 'a', muc: [{ id: 'b', tieu_dee: 'x' }] }] })).toBe(false);
    expect(validate({ ke_thua: '../a.yaml', so: 'năm' })).toBe(false);
    expect(validate({ ke_thua: '../a.yaml', ky: { ho_ten: 'A' } })).toBe(false);
    expect(validate({ ke_thua: '../a.yaml', thuc_hien: { ke_hoach: '../a.yaml', van_ban: 'x' } })).toBe(false);
    // Partial restatements that a merge completes are fine.
    expect(validate({ ke_thua: '../a.yaml', noi_nhan: { danh_sach: ['A'] } })).toBe(true);
    expect(validate({ ke_thua: '../a.yaml', phu_luc: [{ id: 'p', bang: { dong: [{ id: 'd', o: { c: 'Tối thiểu 50' } }] } }] })).toBe(true);
    expect(validate({ ke_thua: '../a.yaml', noi_dung: [{ id: 'x', $sau: 'y', tieu_de: 'Mới' }, { id: 'z', $xoa: true }] })).toBe(true);
    expect(validate({ ke_thua: '../a.yaml', noi_dung: [{ id: 'x', gach: [{ id: 'g', $thay: true, noi_dung: 'Ý mới' }] }] })).toBe(true);
    expect(validate({ ke_thua: '../a.yaml', noi_dung: [{ id: 'z', $xoa: 'có' }] })).toBe(false);
    // Operations act on items of keyed lists only.
    expect(validate({ ke_thua: '../a.yaml', noi_nhan: { $xoa: true } })).toBe(false);
  });

  it('leaves the merge operations out of the standalone plan schema', () => {
    const standalone = validator(plan);
    const base = { don_vi: 'x', loai: 'ke_hoach', ngay: '2024', trich_yeu: 'T', noi_dung: [{ id: 'a', tieu_de: 'A' }] };
    expect(standalone(base)).toBe(true);
    expect(standalone({ ...base, noi_dung: [{ id: 'a', $xoa: true }] })).toBe(false);
  });

  it('derives new keys of the plan schema with no hand edit: relaxed where merged, strict where replaced whole', () => {
    const base: Schema = structuredClone(plan);
    base.properties.moi = { $ref: '#/$defs/Moi' };
    base.$defs.Moi = {
      type: 'object',
      additionalProperties: false,
      properties: { a: { type: 'string' }, ds: { type: 'array', items: { $ref: '#/$defs/ChiTieu' } } },
      required: ['a'],
    };
    base.$defs.Muc.properties.chi_tiet = { type: 'object', properties: { b: { type: 'integer' } }, required: ['b'] };
    base.$defs.ChuKy.properties.dau = { type: 'string' };
    base.$defs.ChuKy.required = ['chuc_vu', 'dau'];
    const derived = childPlanSchema(base, 'x');
    const v = validator(derived);
    expect(v({ ke_thua: 'a.yaml', moi: {} })).toBe(true);
    expect(v({ ke_thua: 'a.yaml', moi: { b: 1 } })).toBe(false);
    // A list that is not keyed replaces the parent's whole: its items keep their rules.
    expect(v({ ke_thua: 'a.yaml', moi: { ds: [{ don_vi: '%' }] } })).toBe(false);
    expect(v({ ke_thua: 'a.yaml', noi_dung: [{ id: 'a', chi_tiet: {} }] })).toBe(true);
    expect(v({ ke_thua: 'a.yaml', noi_dung: [{ id: 'a', chi_tiet: { b: 'x' } }] })).toBe(false);
    expect(v({ ke_thua: 'a.yaml', ky: { chuc_vu: 'CHỦ TỊCH' } })).toBe(false);
    expect(v({ ke_thua: 'a.yaml', ky: { chuc_vu: 'CHỦ TỊCH', dau: 'x' } })).toBe(true);
  });
});
