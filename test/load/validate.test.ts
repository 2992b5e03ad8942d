import { describe, expect, it } from 'vitest';
import { keyOriginAt, originAt } from '../../src/load/origins.ts';
import { validateAgainst, type SchemaName } from '../../src/load/validate.ts';
import { parseYaml } from '../../src/load/yaml-positions.ts';
import { plan } from './helpers.ts';

function check(text: string, schema: SchemaName = 'plan') {
  const p = parseYaml(text, 'plans/a.yaml').value!;
  const ds = validateAgainst(schema, p.data, {
    value: (path) => originAt(p.data, path, p.root),
    key: (path) => keyOriginAt(p.data, path, p.root),
  });
  return ds.map((d) => ({ at: `${d.line}:${d.col}`, rule: d.rule, message: d.message }));
}

describe('validateAgainst', () => {
  it('accepts a valid plan', () => {
    expect(check(plan())).toEqual([]);
  });

  it('suggests the intended key for an unknown one, at the key', () => {
    const ds = check(plan('trich_yue: x'));
    expect(ds).toEqual([
      { at: '11:1', rule: 'schema-unknown-key', message: "khóa 'trich_yue' không hợp lệ; có phải ý bạn là 'trich_yeu'?" },
    ]);
  });

  it('suggests the plain-letter key for one typed with diacritics, and for swapped letters', () => {
    expect(check(plan('trích_yếu: x'))[0].message).toBe("khóa 'trích_yếu' không hợp lệ; có phải ý bạn là 'trich_yeu'?");
    expect(check(plan('trihc_yeu: x'))[0].message).toBe("khóa 'trihc_yeu' không hợp lệ; có phải ý bạn là 'trich_yeu'?");
  });

  it('lists allowed keys when nothing is close', () => {
    const [d] = check(plan('ky: { chuc_vu: A, chu_ky_so: x }'));
    expect(d).toMatchObject({ at: '11:19', rule: 'schema-unknown-key' });
    expect(d.message).toContain('thay_mat');
  });

  it('reports wrong types at several depths, at the value', () => {
    expect(check(plan('so: "mười"'))).toMatchObject([{ at: '11:5', rule: 'schema-type' }]);
    expect(check(plan('ky: { chuc_vu: [A, B] }'))).toMatchObject([{ at: '11:16', rule: 'schema-type' }]);
    const deep = plan('phu_luc:', '  - id: pl', '    bang:', '      cot: [{ id: a }]', '      dong:', '        - id: r', '          o: { a: { gia_tri: "năm" } }');
    expect(check(deep)).toMatchObject([{ at: '17:30', rule: 'schema-type' }]);
    expect(check(deep)[0].message).toContain('gia_tri');
  });

  it('collapses a oneOf into the branch the author meant', () => {
    // A bullet that is neither text nor an object: one message listing both forms.
    const bullet = check(plan('    gach: [5]'));
    expect(bullet).toHaveLength(1);
    expect(bullet[0]).toMatchObject({ at: '11:12', rule: 'schema-type' });
    expect(bullet[0].message).toContain('chuỗi văn bản hoặc khối');
    // A bullet object with a misspelt key: the object branch's error only.
    expect(check(plan('    gach: [{ id: g, noi_dug: x }]'))).toEqual([
      {
        at: '11:21',
        rule: 'schema-unknown-key',
        // List entries are named by their ids, not by positions a clerk would have to count.
        message: "khóa 'noi_dug' không hợp lệ trong 'noi_dung[muc-dich].gach[g]'; có phải ý bạn là 'noi_dung'?",
      },
    ]);
    // A target cell without its value: the target branch (not the {doan, gop_dong} one).
    const cell = plan('phu_luc:', '  - id: pl', '    bang:', '      cot: [{ id: a }]', '      dong:', '        - o: { a: { so_sanh: toi_thieu } }');
    expect(check(cell)).toMatchObject([{ at: '16:19', rule: 'schema-required' }]);
  });

  it('names an entry of a registry list by its id, and accepts a symbol with a space', () => {
    const registry = [
      '- { id: qd-1, loai: Quyết định, so_ky_hieu: 1/QĐ-UBND, ngay: 2024-01-05 }',
      '- { id: cv-111-snv, loai: Công văn, so_ky_hieu: 111/SNV- CCHCTN&VTLT, ngay: 2024-13-05 }',
      '',
    ].join('\n');
    expect(check(registry, 'van-ban')).toEqual([
      { at: '2:77', rule: 'schema-pattern', message: expect.stringContaining("'[cv-111-snv].ngay'") },
    ]);
  });

  it('reports required, enum (with suggestion), pattern and conflict', () => {
    expect(check(plan('ky: { ho_ten: A }'))).toMatchObject([{ at: '11:5', rule: 'schema-required' }]);
    expect(check(plan().replace('loai: ke_hoach', 'loai: ke_hoac'))).toMatchObject([
      { at: '2:7', rule: 'schema-enum', message: expect.stringContaining("'ke_hoach'") },
    ]);
    expect(check(plan().replace('ngay: 2024-02-27', 'ngay: 27/02/2024'))).toMatchObject([{ at: '3:7', rule: 'schema-pattern' }]);
    expect(check(plan('thuc_hien: { ke_hoach: a.yaml, van_ban: b }'))).toMatchObject([{ at: '11:12', rule: 'schema-conflict' }]);
    expect(check('don_vi: a\n')).toMatchObject([
      { rule: 'schema-required', message: "thiếu khóa bắt buộc 'loai'" },
      { rule: 'schema-required' },
      { rule: 'schema-required' },
      { rule: 'schema-required' },
    ]);
  });

  it('reports an over-long text with its length', () => {
    const ds = check(plan(`mo_dau: ${'a'.repeat(100_001)}`));
    expect(ds).toMatchObject([{ at: '11:9', rule: 'text-too-long' }]);
    expect(ds[0].message).toContain('100.001');
  });

  it('validates data files with their own schemas', () => {
    expect(check('- { id: phu-ho, cap: xa, ten: Phú Hồ }\n- { id: x, cap: xã, ten: X }\n', 'don-vi')).toMatchObject([
      { at: '2:17', rule: 'schema-enum' },
    ]);
    expect(check('xaa: { ten: xã }\n', 'cap')).toMatchObject([
      { at: '1:1', rule: 'schema-unknown-key', message: expect.stringContaining("'xa'") },
    ]);
  });
});
