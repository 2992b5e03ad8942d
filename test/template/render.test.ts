import { describe, expect, it } from 'vitest';
import { makeProject, plan } from '../model/project-fixture.ts';
import { buildDocument } from '../../src/model/build.ts';
import { runsText } from '../../src/text/case.ts';
import type { TextBlock } from '../../src/model/types.ts';

function build(yaml: string, extraFiles: Record<string, string> = {}) {
  const f = makeProject({ 'plans/x/a.yaml': yaml, ...extraFiles });
  const r = f.resolve('plans/x/a.yaml');
  expect(r.diagnostics).toEqual([]);
  return buildDocument(r.src!, f.project);
}

const moDau = (res: ReturnType<typeof build>) => runsText((res.doc!.plan.preamble.find((b) => b.ref === 'mo-dau/0') as TextBlock).runs);

describe('templating', () => {
  it('fills unit, level, year and plan variables', () => {
    const res = build(plan('bien: { ty_le: 45 }\nmo_dau: "{{don_vi.uy_ban}} ({{don_vi.ubnd}}, {{don_vi.ten}}, {{don_vi.cap}}) thuộc {{don_vi.cap_tren.ten_day_du}}; {{cap.ubnd}} năm {{nam}} đạt {{bien.ty_le}}%"\n'));
    expect(res.diagnostics).toEqual([]);
    expect(moDau(res)).toBe('Ủy ban nhân dân xã Phú Hồ (UBND xã Phú Hồ, Phú Hồ, xã) thuộc huyện Phú Vang; UBND xã năm 2024 đạt 45%');
  });

  it('applies van_ban options, so_hieu and dv', () => {
    const res = build(
      plan(
        'mo_dau:\n' +
          '  - \'{{van_ban "qd-766-2022-ttg"}}\'\n' +
          '  - \'{{van_ban "qd-766-2022-ttg" ngay="chu" co_quan=false}}\'\n' +
          '  - \'{{van_ban "qd-766-2022-ttg" so=false ngay=false loai="QĐ" trich_yeu=true}}\'\n' +
          '  - \'{{so_hieu "qd-766-2022-ttg"}}; {{van_ban "luat-tccqdp-2025"}}; {{dv "phu-vang"}}\'\n',
      ),
    );
    expect(res.diagnostics).toEqual([]);
    const texts = res.doc!.plan.preamble.map((b) => runsText((b as TextBlock).runs));
    expect(texts).toEqual([
      'Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ',
      'Quyết định số 766/QĐ-TTg ngày 23 tháng 6 năm 2022',
      'QĐ 766/QĐ-TTg của Thủ tướng Chính phủ về phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp',
      '766/QĐ-TTg; Luật Tổ chức chính quyền địa phương ngày 16/6/2025; UBND huyện Phú Vang',
    ]);
  });

  it('numbers phu_luc and muc references', () => {
    const res = build(
      plan(
        'noi_dung:\n  - id: a\n    tieu_de: A\n  - id: b\n    tieu_de: B\n    muc:\n      - id: b1\n        noi_dung: x\n      - id: b2\n        muc: [{ id: b2a, noi_dung: y }, { id: b2b, noi_dung: z }]\n' +
          'mo_dau: Xem mục {{muc "b"}}, khoản {{muc "b2"}}, điểm {{muc "b2b"}}, {{phu_luc "p2"}} và {{phu_luc "p1"}}\n' +
          'phu_luc:\n  - id: p1\n    tieu_de: Một\n  - id: p2\n    tieu_de: Hai\n',
      ),
    );
    expect(res.diagnostics).toEqual([]);
    expect(moDau(res)).toBe('Xem mục II, khoản 2, điểm b, Phụ lục II và Phụ lục I');
  });

  it('never re-reads a substituted value as Markdown', () => {
    const res = build(plan('bien: { x: "**không đậm**" }\nmo_dau: "*{{bien.x}}*"\n'));
    const runs = (res.doc!.plan.preamble[0] as TextBlock).runs;
    expect(runs).toEqual([{ text: '**không đậm**', italic: true }]);
  });

  it('reports an unknown variable at its column in a one-line value', () => {
    const res = build(plan('mo_dau: Năm {{nam}} tại {{don_vi.ten_sai}}\n'));
    const d = res.diagnostics.find((x) => x.rule === 'template-unknown-variable')!;
    expect(d).toMatchObject({ file: 'plans/x/a.yaml', line: 6, severity: 'error' });
    // "mo_dau: " is 8 columns; the path starts after "Năm {{nam}} tại {{".
    expect(d.col).toBe(9 + 'Năm {{nam}} tại {{'.length);
  });

  it('accounts for the opening quote of a quoted value', () => {
    const res = build(plan('mo_dau: "{{nam2}}"\n'));
    expect(res.diagnostics.map((d) => [d.rule, d.line, d.col])).toEqual([['template-unknown-variable', 6, 12]]);
  });

  it('refuses prototype access as unknown variables', () => {
    const res = build(plan('mo_dau: "{{__proto__}} {{constructor}} {{don_vi.constructor}} {{bien.toString}}"\n'));
    expect(res.diagnostics.map((d) => d.rule)).toEqual(Array(4).fill('template-unknown-variable'));
    expect(runsText((res.doc!.plan.preamble[0] as TextBlock).runs)).not.toMatch(/function|Object/);
  });

  it('reports syntax errors, unknown helpers and unknown ids', () => {
    const res = build(
      plan(
        'mo_dau:\n  - "{{nam"\n  - "{{#if nam}}x{{/if}}"\n  - \'{{lookup don_vi "ten"}}\'\n  - \'{{van_ban "khong-co"}}\'\n  - \'{{phu_luc "pl-x"}} {{muc "m-x"}} {{dv "dv-x"}}\'\n',
      ),
    );
    expect(res.diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['template-syntax', 7],
      ['template-syntax', 8],
      ['template-unknown-helper', 9],
      ['unknown-citation', 10],
      ['unknown-annex', 11],
      ['unknown-item', 11],
      ['unknown-unit', 11],
    ]);
    expect(res.diagnostics.every((d) => d.file === 'plans/x/a.yaml' && /[à-ỹ]/.test(d.message))).toBe(true);
  });

  it('shows HTML in a text field literally', () => {
    const res = build(plan('mo_dau: "<script>alert(1)</script>"\n'));
    expect((res.doc!.plan.preamble[0] as TextBlock).runs).toEqual([{ text: '<script>alert(1)</script>' }]);
  });
});
