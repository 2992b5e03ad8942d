import { describe, expect, it } from 'vitest';
import { lowerFirst, sentenceCase, stringWithEnding, upper, upperRuns, withEnding } from '../../src/text/case.ts';

describe('case and end punctuation', () => {
  it('upper-cases Vietnamese', () => {
    expect(upper('Mục đích, yêu cầu')).toBe('MỤC ĐÍCH, YÊU CẦU');
    expect(upper('tổ chức thực hiện ở xã Phú Hồ')).toBe('TỔ CHỨC THỰC HIỆN Ở XÃ PHÚ HỒ');
    expect(upperRuns([{ text: 'đổi mới', bold: true }])).toEqual([{ text: 'ĐỔI MỚI', bold: true }]);
  });

  it('changes the first letter or the whole case', () => {
    expect(lowerFirst('Nâng cao chất lượng')).toBe('nâng cao chất lượng');
    expect(sentenceCase('KẾ HOẠCH HÀNH ĐỘNG')).toBe('Kế hoạch hành động');
  });

  it('replaces typed end punctuation with the generated one', () => {
    expect(stringWithEnding('Căn cứ Luật ABC;', '.')).toBe('Căn cứ Luật ABC.');
    expect(stringWithEnding('Căn cứ Luật ABC.', ';')).toBe('Căn cứ Luật ABC;');
    expect(stringWithEnding('theo quy định.', './.')).toBe('theo quy định./.');
    expect(stringWithEnding('theo quy định./.', './.')).toBe('theo quy định./.');
    expect(stringWithEnding('theo quy định', './.')).toBe('theo quy định./.');
    expect(withEnding([{ text: 'Căn cứ ' }, { text: 'Luật', italic: true }, { text: ' ; ' }], ';')).toEqual([{ text: 'Căn cứ ' }, { text: 'Luật;', italic: true }]);
  });
});
