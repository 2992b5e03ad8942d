// Data the checks must refuse: impossible dates and deadlines, numbers that are not finite, a
// child dated before its parent, invisible characters. Each at the line:col where it was written.
import { describe, expect, it } from 'vitest';
import { HUE_PARENT, makeProject } from '../model/project-fixture.ts';
import { checkPlan } from '../../src/check/index.ts';
import { deadlineProblem } from '../../src/check/plan-data.ts';

const PARENT = HUE_PARENT;

function diagnostics(files: Record<string, string>, entry: string) {
  const f = makeProject(files);
  const r = f.resolve(entry);
  expect(r.diagnostics).toEqual([]);
  return checkPlan(r.src!, f.project).map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.rule}: ${d.message}`);
}

describe('deadlineProblem', () => {
  it('accepts real deadlines and names what is impossible in the others', () => {
    for (const ok of ['31/12/2024', 'Quý IV/2024', 'quý 2 năm 2024', 'tháng 12/2024', 'Thường xuyên', '29/02/2024', '2024-06-30']) {
      expect(deadlineProblem(ok)).toBeUndefined();
    }
    expect(deadlineProblem('31/13/2024')).toBe('"31/13/2024": tháng 13 không có thật (tháng từ 1 đến 12)');
    expect(deadlineProblem('30/02/2024')).toBe('"30/02/2024": ngày 30 không có thật, tháng 2 năm 2024 có 29 ngày');
    expect(deadlineProblem('Quý V/2024')).toBe('"Quý V": một năm chỉ có quý I, II, III, IV');
    expect(deadlineProblem('2024-02-31')).toBe('"2024-02-31": ngày 31/02/2024 không có thật: tháng 2 năm 2024 có 29 ngày');
    expect(deadlineProblem('tháng 13/2024')).toBe('"tháng 13": tháng 13 không có thật (tháng từ 1 đến 12)');
  });
});

describe('plan data checks', () => {
  it('a child dated before the plan it implements gets a warning at its ngay', () => {
    const child = 'ke_thua: ../hue/2024.yaml\ndon_vi: phu-ho\nso: 5\nngay: 2024-01-15\n';
    expect(diagnostics({ 'plans/t/hue/2024.yaml': PARENT, 'plans/t/phu-ho/2024.yaml': child }, 'plans/t/phu-ho/2024.yaml')).toEqual([
      'plans/t/phu-ho/2024.yaml:4:7 warning date-before-parent: Kế hoạch ngày 2024-01-15 sớm hơn kế hoạch mà nó thực hiện (plans/t/hue/2024.yaml, ngày 2024-02-27); kiểm tra lại ngày ban hành',
    ]);
  });

  it('warns of a bidi override or a zero-width space in text', () => {
    const plan = PARENT.replace('trich_yeu: Chỉ tiêu', 'trich_yeu: "Chỉ\u200btiêu"').replace('tieu_de: A', 'tieu_de: "A\u202eB"');
    expect(diagnostics({ 'plans/t/hue/2024.yaml': plan }, 'plans/t/hue/2024.yaml')).toEqual([
      'plans/t/hue/2024.yaml:5:12 warning invisible-character: Văn bản có ký tự ẩn U+200B (khoảng trắng độ rộng 0) ở vị trí 4, thường do chép từ trang web hoặc PDF; xóa ký tự này',
      'plans/t/hue/2024.yaml:6:30 warning invisible-character: Văn bản có ký tự ẩn U+202E (đảo chiều chữ) ở vị trí 2, thường do chép từ trang web hoặc PDF; xóa ký tự này',
    ]);
  });

  it('checks a bare number in a deadline column against the plan’s year', () => {
    const plan = `${PARENT}phu_luc:
  - id: pl
    bang:
      cot: [{ id: ten }, { id: han, kieu: thoi_han }]
      dong:
        - { id: r1, o: { ten: Việc, han: 2031 } }
`;
    expect(diagnostics({ 'plans/t/hue/2024.yaml': plan }, 'plans/t/hue/2024.yaml')).toEqual([
      'plans/t/hue/2024.yaml:12:42 warning deadline-outside-year: Thời hạn năm 2031 nằm ngoài năm của kế hoạch (2024); kiểm tra lại nếu nội dung được chép từ kế hoạch năm khác',
    ]);
  });

  it('refuses an impossible plan date, a year outside 1980–2099, and a non-finite target', () => {
    const bad = (ngay: string) => diagnostics({ 'plans/t/hue/2024.yaml': PARENT.replace('2024-02-27', ngay) }, 'plans/t/hue/2024.yaml');
    expect(bad('2024-02-30')[0]).toBe(
      'plans/t/hue/2024.yaml:4:7 error invalid-date: Ngày "2024-02-30": ngày 30/02/2024 không có thật: tháng 2 năm 2024 có 29 ngày; sửa lại ngày ban hành (dạng NNNN-TT-NN)',
    );
    expect(bad('0000-01-01')[0]).toMatch(/^plans\/t\/hue\/2024.yaml:4:7 error invalid-date: Ngày "0000-01-01": năm 0000 không có thật/);
    expect(bad('2204-01-01')[0]).toMatch(/^plans\/t\/hue\/2024.yaml:4:7 error invalid-date: .*năm 2204 nằm ngoài khoảng 1980–2099/);
    const nan = `${PARENT}phu_luc:
  - id: pl
    bang:
      cot: [{ id: ten }, { id: ct, kieu: chi_tieu }]
      dong:
        - { id: r1, o: { ten: Việc, ct: { so_sanh: ">", gia_tri: .nan } } }
`;
    expect(diagnostics({ 'plans/t/hue/2024.yaml': nan }, 'plans/t/hue/2024.yaml')).toEqual([
      'plans/t/hue/2024.yaml:12:66 error number-not-finite: Giá trị số NaN không phải một số hữu hạn; ghi số cụ thể (ví dụ: 95)',
    ]);
  });
});
