import { describe, expect, it } from 'vitest';
import { isoDate, longDate, numberAndSymbol, numberLine, numericDate, parseDate, placeDateLine } from '../../src/model/dates.ts';

describe('dates (Nghị định 30, Phụ lục I, mục II.4)', () => {
  it('puts a leading zero on days 1–9 and on months 1 and 2 only', () => {
    expect(placeDateLine('Phú Hồ', parseDate('2024-03-18')!)).toBe('Phú Hồ, ngày 18 tháng 3 năm 2024');
    expect(longDate(parseDate('2024-02-27')!)).toBe('ngày 27 tháng 02 năm 2024');
    expect(longDate(parseDate('2020-01-05')!)).toBe('ngày 05 tháng 01 năm 2020');
    expect(longDate(parseDate('2019-06-09')!)).toBe('ngày 09 tháng 6 năm 2019');
    expect(longDate(parseDate('2019-12-10')!)).toBe('ngày 10 tháng 12 năm 2019');
  });

  it('keeps blanks in a draft date', () => {
    expect(placeDateLine('Cam Hiệp', parseDate('2025-08')!)).toBe('Cam Hiệp, ngày      tháng 8 năm 2025');
    expect(placeDateLine('Phú Hồ', parseDate('2024')!)).toBe('Phú Hồ, ngày      tháng      năm 2024');
  });

  it('writes numeric citation dates', () => {
    expect(numericDate(parseDate('2022-06-23')!)).toBe('23/6/2022');
    expect(numericDate(parseDate('2024-01-05')!)).toBe('05/01/2024');
    expect(numericDate(parseDate('2024-02-27')!)).toBe('27/02/2024');
    expect(numericDate(parseDate('2025-11-30')!)).toBe('30/11/2025');
  });

  it('writes number lines, with a leading zero below 10 and a blank for drafts', () => {
    expect(numberLine(50, 'KH-UBND')).toBe('Số: 50/KH-UBND');
    expect(numberLine(5, 'KH-UBND')).toBe('Số: 05/KH-UBND');
    expect(numberLine(null, 'QĐ-UBND')).toBe('Số:      /QĐ-UBND');
    expect(numberAndSymbol(undefined, 'QĐ-UBND')).toBe('     /QĐ-UBND');
  });

  it('fills missing parts with 01 for timestamps and rejects other strings', () => {
    expect(isoDate(parseDate('2025-08')!)).toBe('2025-08-01');
    expect(isoDate(parseDate('2025')!)).toBe('2025-01-01');
    expect(parseDate('18/3/2024')).toBeUndefined();
  });
});
