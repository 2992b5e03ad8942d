// Issue #11, part 3: a parent promulgated by a decision. The child inherits the plan, never the
// decision's identity, and cites the parent as "Kế hoạch … ban hành kèm theo Quyết định số …".
// Fixtures of our own in the shape of the 2025 pattern (a province decision, a commune under it).
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/model/build.ts';
import { checkPlan } from '../../src/check/index.ts';
import { runsText } from '../../src/text/case.ts';
import type { TextBlock } from '../../src/model/types.ts';
import { makeProject } from './project-fixture.ts';
import { provinceDecisionPlan } from '../helpers/decision-plan.ts';

const UNITS = `
- { id: quang-ngai, cap: tinh, ten: Quảng Ngãi }
- { id: tinh-phong, cap: xa, ten: Tịnh Phong, thuoc: quang-ngai, tu_ngu: { ubnd_cap_tren: UBND tỉnh } }
`;

const PROVINCE = `${provinceDecisionPlan('quang-ngai')}phu_luc: [{ id: pl, tieu_de: Chỉ tiêu }]\n`;

const text = (b: TextBlock) => runsText(b.runs);

function project(extra: Record<string, string> = {}) {
  return makeProject({ 'data/don-vi/units.yaml': UNITS, 'plans/qn/tinh/2025-cchc.yaml': PROVINCE, ...extra });
}

function build(p: ReturnType<typeof project>, file: string) {
  const r = p.resolve(file);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const b = buildDocument(r.src!, p.project);
  return { doc: b.doc!, diagnostics: checkPlan(r.src!, p.project) };
}

describe('a plan promulgated by a decision of the Chairman', () => {
  it('names the Chairman in the authority line and in the (Ban hành kèm theo …) line', () => {
    const p = project();
    const { doc } = build(p, 'plans/qn/tinh/2025-cchc.yaml');
    expect(doc.decision!.header.numberLine).toBe('Số: 393/QĐ-UBND');
    expect(doc.decision!.authority).toBe('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI');
    expect(doc.plan.attachedNote).toBe('(Ban hành kèm theo Quyết định số 393/QĐ-UBND ngày 14 tháng 7 năm 2025 của Chủ tịch UBND tỉnh Quảng Ngãi)');
    expect(doc.annexes[0].attachedNote).toBe(doc.plan.attachedNote);
  });

  it('allows the numeric date form and an explicit issuer', () => {
    const p = project({
      'plans/qn/tinh/2025-cchc.yaml': PROVINCE.replace('  so: 393\n', '  so: 393\n  ngay_kem_theo: so\n  ban_hanh_boi: ubnd\n'),
    });
    const { doc } = build(p, 'plans/qn/tinh/2025-cchc.yaml');
    expect(doc.plan.attachedNote).toBe('(Ban hành kèm theo Quyết định số 393/QĐ-UBND ngày 14/7/2025 của UBND tỉnh Quảng Ngãi)');
    expect(doc.decision!.authority).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI');
  });

  it('warns when the decision has no căn cứ', () => {
    const p = project({ 'plans/qn/tinh/2025-cchc.yaml': PROVINCE.replace(/  can_cu: .*\n/, '') });
    const { diagnostics } = build(p, 'plans/qn/tinh/2025-cchc.yaml');
    expect(diagnostics.filter((d) => d.rule === 'decision-without-basis').map((d) => [d.file, d.line, d.severity])).toEqual([
      ['plans/qn/tinh/2025-cchc.yaml', 6, 'warning'],
    ]);
  });

  it('prints no "Theo đề nghị" line for de_nghi null or empty', () => {
    for (const v of ['null', '""']) {
      const p = project({ 'plans/qn/tinh/2025-cchc.yaml': PROVINCE.replace('de_nghi: Giám đốc Sở Nội vụ', `de_nghi: ${v}`) });
      const { doc } = build(p, 'plans/qn/tinh/2025-cchc.yaml');
      expect(doc.decision!.bases.map(text)).toEqual(['Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025.']);
    }
  });
});

describe('a commune plan under a province decision plan', () => {
  const CHILD = `ke_thua: ../tinh/2025-cchc.yaml
don_vi: tinh-phong
so: null
ngay: "2025"
ky: { thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH }
noi_nhan: { danh_sach: [UBND tỉnh (b/c)], luu: [VT] }
`;

  it('carries neither the decision nor its number line nor its signer, and cites the decision', () => {
    const p = project({ 'plans/qn/tinh-phong/2025-cchc.yaml': CHILD });
    const { doc, diagnostics } = build(p, 'plans/qn/tinh-phong/2025-cchc.yaml');
    expect(doc.decision).toBeUndefined();
    expect(doc.plan.header.numberLine).toBe('Số:      /KH-UBND');
    expect(doc.plan.header.placeDateLine).toBe('Tịnh Phong, ngày      tháng      năm 2025');
    expect(doc.plan.attachedNote).toBeUndefined();
    expect(doc.plan.preamble.map(text)).toEqual([
      'Thực hiện Kế hoạch cải cách hành chính năm 2025 trên địa bàn tỉnh Quảng Ngãi ban hành kèm theo Quyết định số 393/QĐ-UBND ngày 14/7/2025 của Chủ tịch UBND tỉnh Quảng Ngãi.',
    ]);
    expect(doc.plan.signature).toEqual({ lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: '' });
    expect(doc.annexes[0].attachedNote).toBe('(Kèm theo Kế hoạch số      /KH-UBND ngày      tháng      năm 2025 của UBND xã Tịnh Phong)');
    expect(JSON.stringify(doc)).not.toMatch(/393\/QĐ-UBND ngày 14 tháng|Nguyễn Văn A|Sở Nội vụ/);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('may be promulgated by a decision of its own, with its own căn cứ and signer', () => {
    const own = `${CHILD}quyet_dinh:
  can_cu: ['Căn cứ {{van_ban "luat-tccqdp-2025"}}']
  dieu: [Ban hành kèm theo Quyết định này Kế hoạch., Quyết định này có hiệu lực kể từ ngày ký.]
  noi_nhan: { danh_sach: [Như Điều 2], luu: [VT] }
  ky: { thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Trần Văn B }
`;
    const p = project({ 'plans/qn/tinh-phong/2025-cchc.yaml': own });
    const { doc } = build(p, 'plans/qn/tinh-phong/2025-cchc.yaml');
    expect(doc.decision!.header.numberLine).toBe('Số:      /QĐ-UBND');
    expect(doc.decision!.authority).toBe('ỦY BAN NHÂN DÂN XÃ TỊNH PHONG');
    expect(doc.decision!.bases.map(text)).toEqual(['Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025.']);
    expect(doc.decision!.signature.name).toBe('Trần Văn B');
    expect(doc.plan.attachedNote).toBe('(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày      tháng      năm 2025 của UBND xã Tịnh Phong)');
  });

  it('is an error at the child when it states no date (the decision date is not inherited)', () => {
    const p = project({ 'plans/qn/tinh-phong/2025-cchc.yaml': CHILD.replace('ngay: "2025"\n', '') });
    const r = p.resolve('plans/qn/tinh-phong/2025-cchc.yaml');
    expect(r.diagnostics.map((d) => [d.file, d.rule, d.message])).toEqual([['plans/qn/tinh-phong/2025-cchc.yaml', 'schema-required', "thiếu khóa bắt buộc 'ngay'"]]);
  });
});

describe('an edition that replaces an earlier one (quyet_dinh.thay_the)', () => {
  const OLD = provinceDecisionPlan('quang-ngai').replace('ngay: 2025-07-14', 'ngay: 2024-12-04').replace('so: 393', 'so: 1546');
  const NEW = provinceDecisionPlan('quang-ngai').replace(
    '  dieu: [Ban hành kèm theo Quyết định này Kế hoạch., Quyết định này có hiệu lực kể từ ngày ký., Các cơ quan chịu trách nhiệm thi hành.]',
    '  thay_the: { ke_hoach: ../2024/cchc.yaml }\n  dieu: [Ban hành kèm theo Quyết định này Kế hoạch., "Quyết định này có hiệu lực kể từ ngày ký và thay thế {{thay_the}}.", Các cơ quan chịu trách nhiệm thi hành.]',
  );

  it('generates the replacement clause of its Điều from the earlier edition’s own data', () => {
    const p = project({ 'plans/qn/2024/cchc.yaml': OLD, 'plans/qn/2025/cchc.yaml': NEW });
    const { doc, diagnostics } = build(p, 'plans/qn/2025/cchc.yaml');
    expect(doc.decision!.articles.map((a) => `${a.label} ${text(a)}`)[1]).toBe(
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 1546/QĐ-UBND ngày 04/12/2024 của Chủ tịch UBND tỉnh Quảng Ngãi.',
    );
    expect(diagnostics).toEqual([]);
  });

  it('cites a replaced document of the registry too, and warns when no Điều states the replacement', () => {
    const p = project({ 'plans/qn/2025/cchc.yaml': NEW.replace('{ ke_hoach: ../2024/cchc.yaml }', '{ van_ban: luat-tccqdp-2025 }').replace(' và thay thế {{thay_the}}', '') });
    const { diagnostics } = build(p, 'plans/qn/2025/cchc.yaml');
    expect(diagnostics.map((d) => [d.rule, d.line, d.severity])).toEqual([['replacement-not-stated', 9, 'warning']]);
  });

  it('is an error when the replaced plan does not exist', () => {
    const p = project({ 'plans/qn/2025/cchc.yaml': NEW });
    expect(p.resolve('plans/qn/2025/cchc.yaml').diagnostics.map((d) => [d.rule, d.line])).toEqual([['thay-the-missing', 9]]);
  });
});
