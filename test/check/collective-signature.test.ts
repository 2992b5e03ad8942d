// A UBND document signed for the Chairman (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH) without the collective
// authority line "TM. ỦY BAN NHÂN DÂN" is warned at its signature (NĐ 30, Phụ lục I, mục II.7);
// "# kehoach-bo-qua: collective-signature" on that line accepts it, as the Mỹ Hòa Hưng seed does.
import { describe, expect, it } from 'vitest';
import { makeProject } from '../model/project-fixture.ts';
import { checkPlan } from '../../src/check/index.ts';
import { Compiler } from '../../src/pipeline/compiler.ts';
import { acceptedRules } from '../../src/check/accepted.ts';
import { repoRoot } from '../helpers/cli.ts';

const plan = (ky: string, extra = '') => `don_vi: phu-ho
loai: ke_hoach
so: 50
ngay: 2024-03-18
trich_yeu: Kiểm soát thủ tục hành chính năm 2024
noi_dung: [{ id: a, tieu_de: A }]
${extra}${ky}
`;
const VICE = `ky:
  ky_thay: CHỦ TỊCH
  chuc_vu: PHÓ CHỦ TỊCH
  ho_ten: Nguyễn Văn A`;

function check(source: string) {
  const f = makeProject({ 'plans/t/phu-ho/2024.yaml': source });
  const r = f.resolve('plans/t/phu-ho/2024.yaml');
  expect(r.diagnostics).toEqual([]);
  return checkPlan(r.src!, f.project).filter((d) => d.rule === 'collective-signature');
}

describe('collective-signature', () => {
  it('warns at the ky line of a UBND plan signed KT. CHỦ TỊCH without TM.', () => {
    const found = check(plan(VICE));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'plans/t/phu-ho/2024.yaml', line: 7, col: 1, severity: 'warning' });
    expect(found[0].message).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(found[0].message).toContain('thay_mat: ỦY BAN NHÂN DÂN');
  });

  it('is silent with the TM. line, for the Chairman signing himself, and for a Chairman\'s decision', () => {
    expect(check(plan(VICE.replace('ky:', 'ky:\n  thay_mat: ỦY BAN NHÂN DÂN')))).toEqual([]);
    expect(check(plan('ky: { chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A }'))).toEqual([]);
  });

  it('warns for a decision the committee issues (ban_hanh_boi: ubnd) signed KT. without TM.', () => {
    const qd = `quyet_dinh:
  so: 12
  ban_hanh_boi: ubnd
  ky: { ky_thay: CHỦ TỊCH, chuc_vu: PHÓ CHỦ TỊCH, ho_ten: Nguyễn Văn A }
  dieu: [Ban hành kèm theo Quyết định này Kế hoạch., Quyết định này có hiệu lực kể từ ngày ký.]
  noi_nhan: { danh_sach: [Như Điều 3], luu: [VT] }
`;
    const found = check(plan('', qd));
    expect(found.map((d) => d.line)).toEqual([10]);
    expect(check(plan('', qd.replace('  ban_hanh_boi: ubnd\n', '')))).toEqual([]);
  });

  it('is accepted by "# kehoach-bo-qua: collective-signature" at its line', () => {
    expect(check(plan(VICE.replace('ky:', 'ky: # kehoach-bo-qua: collective-signature')))).toEqual([]);
    expect(check(plan(VICE.replace('ky:', 'ky: # kehoach-bo-qua: chinh-ta')))).toHaveLength(1);
    expect(acceptedRules('ky: # kehoach-bo-qua: chinh-ta, collective-signature')).toEqual(['chinh-ta', 'collective-signature']);
  });

  it('the Mỹ Hòa Hưng seed keeps its source wording and accepts the warning visibly', () => {
    const c = new Compiler(repoRoot).compile('plans/an-giang/my-hoa-hung/2024-kiem-soat-tthc.yaml');
    expect(c.ok).toBe(true);
    expect(c.diagnostics.filter((d) => d.rule === 'collective-signature')).toEqual([]);
    expect(c.doc!.plan.signature!.lines).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  });
});
