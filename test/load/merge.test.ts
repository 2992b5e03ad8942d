// Inheritance semantics on the fixture test/fixtures/load/merge: tinh/cha.yaml ← xa/con.yaml ← xa/chau.yaml.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.ts';
import { resolvePlan } from '../../src/load/resolve.ts';
import type { ResolvedSource } from '../../src/load/types.ts';
import { brief, makeProject, plan, resolveIn } from './helpers.ts';
import { expectWithin } from '../helpers/budget.ts';

const ROOT = path.resolve(import.meta.dirname, '../fixtures/load/merge');
const CHA = 'plans/tinh/cha.yaml';
const CON = 'plans/xa/con.yaml';
const CHAU = 'plans/xa/chau.yaml';

function resolved(file: string): ResolvedSource {
  const r = resolvePlan(ROOT, file, loadProject(ROOT).value!);
  expect(brief(r.diagnostics)).toEqual([]);
  return r.value!;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const any = (x: unknown) => x as any;
const ids = (list: unknown) => (list as { id: string }[]).map((x) => x.id);

describe('merging a child over its parent', () => {
  const con = resolved(CON);
  const d = any(con.data);

  it('replaces scalars (null included) and lists of scalars, deep-merges maps', () => {
    expect(d.don_vi).toBe('xa-b');
    expect(d.so).toBeNull();
    expect(d.can_cu).toEqual(['Căn cứ riêng']);
    expect(d.bien).toEqual({ nam_goc: 2024, ten: 'Con' });
    // The signer is replaced whole: the parent's TM./KT. lines must not survive under another signer.
    expect(d.ky).toEqual({ chuc_vu: 'PHÓ CHỦ TỊCH', ho_ten: 'Trần Thị B' });
    expect(d.ngay).toBe('2024-01-05');
    expect('ke_thua' in d).toBe(false);
  });

  it('merges items by id, appends new ids, places with $truoc/$sau, removes with $xoa', () => {
    expect(ids(d.noi_dung[0].muc)).toEqual(['i-0', 'i-1', 'i-1a', 'i-1b', 'i-2', 'i-4']);
    expect(d.noi_dung[0].muc[4]).toEqual({ id: 'i-2', noi_dung: 'Hai (sửa)' });
    expect(d.noi_dung[0].tieu_de).toBe('Mục đích');
    expect(ids(d.noi_dung)).toEqual(['i', 'ii', 'iv', 'iii']);
  });

  it('replaces a whole item with $thay', () => {
    expect(d.noi_dung[1]).toEqual({ id: 'ii', tieu_de: 'Nhiệm vụ mới' });
  });

  it('merges table rows by id and a row\'s cells by column id', () => {
    const dong = d.phu_luc[0].bang.dong;
    expect(ids(dong)).toEqual(['r1', 'r2', 'r3']);
    expect(dong[1].o).toEqual({ ten: 'Dòng 2', ct: '> 98' });
    expect(d.phu_luc[0].bang.cot).toHaveLength(3);
  });

  it('strips every $ operation from the result', () => {
    expect(JSON.stringify(d)).not.toMatch(/"\$(xoa|thay|truoc|sau)"/);
  });

  it('keeps the origin of each value: inherited → parent, overridden → child', () => {
    expect(con.origin(['bien', 'nam_goc'])).toEqual({ file: CHA, line: 54, col: 12 });
    expect(con.origin(['bien', 'ten'])).toEqual({ file: CON, line: 42, col: 8 });
    expect(con.origin(['ky', 'ho_ten'])).toEqual({ file: CON, line: 8, col: 38 });
    expect(con.origin(['noi_dung', 0, 'tieu_de'])).toEqual({ file: CHA, line: 13, col: 14 });
    expect(con.origin(['noi_dung', 0, 'muc', 4, 'noi_dung'])).toEqual({ file: CON, line: 13, col: 19 });
    expect(con.origin(['noi_dung', 0, 'muc', 1, 'noi_dung'])).toEqual({ file: CHA, line: 16, col: 19 });
    expect(con.origin(['phu_luc', 0, 'bang', 'dong', 1, 'o', 'ten'])).toEqual({ file: CHA, line: 52, col: 21 });
    expect(con.origin(['phu_luc', 0, 'bang', 'dong', 1, 'o', 'ct'])).toEqual({ file: CON, line: 38, col: 20 });
    expect(con.originOfKey?.(['ky', 'ho_ten'])).toEqual({ file: CON, line: 8, col: 30 });
    expect(con.parent?.file).toBe(CHA);
    expect(con.binding?.file).toBe(CHA);
  });
});

describe('three levels', () => {
  const chau = resolved(CHAU);
  const d = any(chau.data);

  it('applies each layer onto the resolved layer above', () => {
    expect(d.don_vi).toBe('thon-c');
    expect(d.trich_yeu).toBe('Kế hoạch con');
    expect(ids(d.noi_dung)).toEqual(['i', 'ii', 'iii']);
    expect(ids(d.noi_dung[0].muc)).toEqual(['i-0', 'i-1', 'i-1a', 'i-1b', 'i-2', 'i-4']);
    expect(d.noi_dung[0].muc[5].noi_dung).toBe('Bốn (cháu)');
    expect(ids(d.phu_luc[0].bang.dong)).toEqual(['r2', 'r3', 'r1']);
  });

  it('merges nested keyed lists (bullets inside bullets)', () => {
    const g1 = d.noi_dung[2].muc[0].gach[0];
    expect(g1.noi_dung).toBe('G1');
    expect(g1.gach).toEqual([
      { id: 'g1c', noi_dung: 'G1c' },
      { id: 'g1a', noi_dung: 'G1a (cháu)' },
      { id: 'g1b', noi_dung: 'G1b' },
    ]);
  });

  it('points into all three files', () => {
    expect(chau.origin(['bien', 'nam_goc']).file).toBe(CHA);
    expect(chau.origin(['trich_yeu'])).toEqual({ file: CON, line: 5, col: 12 });
    expect(chau.origin(['don_vi'])).toEqual({ file: CHAU, line: 3, col: 9 });
    expect(chau.origin(['noi_dung', 2, 'muc', 0, 'gach', 0, 'gach', 2, 'noi_dung']).file).toBe(CHA);
    expect(chau.parent?.parent?.file).toBe(CHA);
  });

  it('resolves each parent once per cache', () => {
    const cache = new Map();
    const project = loadProject(ROOT).value!;
    const a = resolvePlan(ROOT, CHAU, project, cache);
    const b = resolvePlan(ROOT, CON, project, cache);
    expect(a.value?.parent).toBe(b.value);
    // The parents are kept; the leaf plan is not (a batch of leaves would otherwise hold them all).
    expect(cache.size).toBe(2);
    const again = resolvePlan(ROOT, CHAU, project, cache);
    expect(again.value).not.toBe(a.value);
    expect(again.value?.parent).toBe(a.value?.parent);
  });
});

describe('merge errors are reported at the child line', () => {
  const parent = plan('  - id: to-chuc', '    tieu_de: Tổ chức', '    gach: [a, b]');

  it('override-unknown-id for $xoa, $thay, $truoc and $sau naming an id the parent lacks', () => {
    const root = makeProject({
      'plans/cha.yaml': parent,
      'plans/con.yaml': [
        'ke_thua: cha.yaml',
        'noi_dung:',
        '  - id: khong-co',
        '    $xoa: true',
        '  - id: cung-khong',
        '    $thay: true',
        '    tieu_de: x',
        '  - id: moi',
        '    $truoc: vang-mat',
        '  - id: moi-2',
        '    $sau: vang-mat',
        '',
      ].join('\n'),
    });
    expect(brief(resolveIn(root, 'plans/con.yaml').diagnostics)).toEqual([
      'plans/con.yaml:4:5 override-unknown-id',
      'plans/con.yaml:6:5 override-unknown-id',
      'plans/con.yaml:9:13 override-unknown-id',
      'plans/con.yaml:11:11 override-unknown-id',
    ]);
  });

  it('missing-id for an object without id in a keyed list', () => {
    const root = makeProject({
      'plans/cha.yaml': parent,
      'plans/con.yaml': 'ke_thua: cha.yaml\nnoi_dung:\n  - id: muc-dich\n    muc:\n      - noi_dung: thiếu id\n',
    });
    expect(brief(resolveIn(root, 'plans/con.yaml').diagnostics)).toEqual(['plans/con.yaml:5:9 missing-id']);
  });

  it('duplicate-id within one list of one file, at the second', () => {
    const root = makeProject({ 'plans/a.yaml': plan('  - id: muc-dich', '    tieu_de: Lặp') });
    expect(brief(resolveIn(root, 'plans/a.yaml').diagnostics)).toEqual(['plans/a.yaml:11:9 duplicate-id']);
  });

  it('override-without-parent for an operation in a standalone plan', () => {
    const root = makeProject({ 'plans/a.yaml': plan('  - id: them', '    $sau: muc-dich') });
    expect(brief(resolveIn(root, 'plans/a.yaml').diagnostics)).toEqual(['plans/a.yaml:12:5 override-without-parent']);
  });

  it('a list of strings in the child replaces the parent\'s bullets', () => {
    const root = makeProject({
      'plans/cha.yaml': parent,
      'plans/con.yaml': 'ke_thua: cha.yaml\nnoi_dung:\n  - id: to-chuc\n    gach: [c]\n',
    });
    const r = resolveIn(root, 'plans/con.yaml');
    expect(any(r.value?.data).noi_dung[1].gach).toEqual(['c']);
  });

  it('validates the merged plan, placing errors in the file that wrote the value', () => {
    const root = makeProject({
      'plans/cha.yaml': parent,
      'plans/con.yaml': 'ke_thua: cha.yaml\nso: "năm"\nnoi_dung:\n  - id: to-chuc\n    tieu_dee: x\n',
    });
    expect(brief(resolveIn(root, 'plans/con.yaml').diagnostics)).toEqual([
      'plans/con.yaml:2:5 schema-type',
      'plans/con.yaml:5:5 schema-unknown-key',
    ]);
  });

  it('a child may leave out required fields its parent gives', () => {
    const root = makeProject({ 'plans/cha.yaml': parent, 'plans/con.yaml': 'ke_thua: cha.yaml\ndon_vi: khac\n' });
    const r = resolveIn(root, 'plans/con.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(any(r.value?.data).don_vi).toBe('khac');
  });
});

describe('big keyed lists', () => {
  it('merges 10,000 rows in linear time', () => {
    const rows = (n: number, text: string) =>
      Array.from({ length: n }, (_, i) => `        - { id: r${i}, o: { a: ${text} } }`).join('\n');
    const head = ['phu_luc:', '  - id: pl', '    bang:', '      cot: [{ id: a }]', '      dong:'];
    const root = makeProject({
      'plans/cha.yaml': plan(...head, rows(10_000, 'cha')),
      'plans/con.yaml': ['ke_thua: cha.yaml', ...head, rows(10_000, 'con')].join('\n'),
    });
    const t = performance.now();
    const r = resolveIn(root, 'plans/con.yaml');
    // About 0.5 s on an idle machine (YAML parsing dominates); generous for a loaded CI box.
    expectWithin(performance.now() - t, 15_000, '10 000 rows');
    expect(r.diagnostics).toEqual([]);
    const dong = any(r.value?.data).phu_luc[0].bang.dong;
    expect(dong).toHaveLength(10_000);
    expect(dong[9_999].o.a).toBe('con');
  });
});
