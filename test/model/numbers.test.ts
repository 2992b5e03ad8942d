// Numbers from the plan's data print as Vietnamese writes them (Intl.NumberFormat('vi-VN')): a
// dot between thousands, a comma before decimals; years, dates and document numbers untouched.
import { describe, expect, it } from 'vitest';
import { makeProject, plan } from './project-fixture.ts';
import { buildDocument } from '../../src/model/build.ts';
import { formatNumber, formatTypedNumber } from '../../src/model/numbers.ts';
import { runsText } from '../../src/text/case.ts';
import type { TableBlock, TextBlock } from '../../src/model/types.ts';

describe('formatNumber', () => {
  it('groups thousands with a dot and writes decimals with a comma, without binary noise', () => {
    expect(formatNumber(1500)).toBe('1.500');
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatNumber(0.1 + 0.2)).toBe('0,3');
    expect(formatNumber(99.5)).toBe('99,5');
    expect(formatNumber(100)).toBe('100');
    expect(formatNumber(-2500)).toBe('-2.500');
  });

  it('prints small whole numbers without loading the locale, exactly as Intl would (and -0 as 0)', () => {
    const vi = new Intl.NumberFormat('vi-VN', { maximumSignificantDigits: 15 });
    for (let n = -1200; n <= 1200; n++) expect(formatNumber(n)).toBe(vi.format(n));
    expect(formatNumber(-0)).toBe('0');
  });

  it('leaves a typed number that is a year as a year', () => {
    expect(formatTypedNumber(2025)).toBe('2025');
    expect(formatTypedNumber(1500)).toBe('1.500');
    expect(formatTypedNumber(12000)).toBe('12.000');
  });
});

describe('numbers in a built plan', () => {
  const file = 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml';
  const yaml = plan(`bien: { so_ho_so: 1500, ty_le: 0.5, nam_truoc: 2023 }
mo_dau: Giải quyết {{bien.so_ho_so}} hồ sơ, tỷ lệ {{bien.ty_le}}%, như năm {{bien.nam_truoc}}; Kế hoạch số 1590/KH-UBND năm {{nam}}.
phu_luc:
  - id: pl
    tieu_de: Chỉ tiêu
    bang:
      cot:
        - { id: stt, kieu: stt }
        - { id: ten, tieu_de: Nội dung }
        - { id: so-luong, tieu_de: Số lượng }
        - { id: chi-tieu, tieu_de: Chỉ tiêu, kieu: chi_tieu }
        - { id: han, tieu_de: Thời hạn, kieu: thoi_han }
      dong:
        - { id: a, o: { ten: Hồ sơ, so-luong: 1500, chi-tieu: 2500, han: 2024 } }
        - { id: b, o: { ten: Tỷ lệ, so-luong: 0.30000000000000004, chi-tieu: Tối thiểu 1500, han: Quý IV/2024 } }
`);

  it('prints variables, table cells and targets grouped; years and document numbers as written', () => {
    const f = makeProject({ [file]: yaml });
    const r = f.resolve(file);
    expect(r.diagnostics).toEqual([]);
    const res = buildDocument(r.src!, f.project);
    expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const doc = res.doc!;
    const preamble = doc.plan.preamble.map((b) => runsText((b as TextBlock).runs)).join('\n');
    expect(preamble).toContain('Giải quyết 1.500 hồ sơ, tỷ lệ 0,5%, như năm 2023; Kế hoạch số 1590/KH-UBND năm 2024.');
    const table = doc.annexes[0].blocks.find((b): b is TableBlock => b.type === 'table')!;
    const rows = table.body.map((row) => row.cells.map((c) => c.paragraphs.map(runsText).join(' ')));
    expect(rows[0]).toEqual(['1.', 'Hồ sơ', '1.500', '2.500', '2024']);
    expect(rows[1]).toEqual(['2.', 'Tỷ lệ', '0,3', 'Tối thiểu 1.500', 'Quý IV/2024']);
  });
});
