import { describe, expect, it } from 'vitest';
import { editDistance, foldVietnamese, suggest } from '../../src/load/suggest.ts';

describe('did you mean', () => {
  it('folds diacritics and đ: a key typed in Vietnamese finds its plain-letter name', () => {
    expect(foldVietnamese('Tiêu_Đề')).toBe('tieu_de');
    expect(suggest('tiêu_đề', ['tieu_de', 'noi_dung', 'muc'])).toBe('tieu_de');
    expect(suggest('nội_dung', ['tieu_de', 'noi_dung'])).toBe('noi_dung');
    expect(suggest('đơn_vị', ['don_vi', 'ngay'])).toBe('don_vi');
  });

  it('counts two swapped letters as one edit', () => {
    expect(editDistance('gahc', 'gach')).toBe(1);
    expect(editDistance('gach', 'gahc')).toBe(1);
    expect(suggest('gahc', ['gach', 'muc'])).toBe('gach');
    expect(suggest('tieu_ed', ['tieu_de'])).toBe('tieu_de');
  });

  it('is still an edit distance: insertions, deletions, substitutions', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3); // optimal string alignment, not full Damerau
  });

  it('suggests nothing far away, and nothing for short names two edits off', () => {
    expect(suggest('xyz', ['tieu_de', 'noi_dung'])).toBeUndefined();
    expect(suggest('ab', ['cd'])).toBeUndefined();
  });
});
