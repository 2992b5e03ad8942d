import { describe, expect, it } from 'vitest';
import { bodyLabel, bodyNumber, roman, vietnameseLetter, VIETNAMESE_LETTERS } from '../../src/model/numbering.ts';

describe('numbering', () => {
  it('writes Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 9, 10, 14, 40, 90, 1994].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'IX', 'X', 'XIV', 'XL', 'XC', 'MCMXCIV']);
  });

  it('uses the Vietnamese letter sequence: đ after d, no f, j, w, z', () => {
    const letters = Array.from({ length: 23 }, (_, i) => vietnameseLetter(i + 1));
    expect(letters.join(' ')).toBe('a b c d đ e g h i k l m n o p q r s t u v x y');
    for (const bad of ['f', 'j', 'w', 'z']) expect(letters).not.toContain(bad);
    expect(VIETNAMESE_LETTERS).toHaveLength(23);
  });

  it('continues after y with two letters, unique and in order', () => {
    expect(vietnameseLetter(24)).toBe('aa');
    expect(vietnameseLetter(25)).toBe('ab');
    expect(vietnameseLetter(23 * 24)).toBe('yy');
    const seen = new Set(Array.from({ length: 600 }, (_, i) => vietnameseLetter(i + 1)));
    expect(seen.size).toBe(600);
  });

  it('labels body levels I. → 1. → a) → -', () => {
    expect([bodyLabel(1, 2), bodyLabel(2, 3), bodyLabel(3, 5), bodyLabel(4, 1)]).toEqual(['II.', '3.', 'đ)', '-']);
    expect([bodyNumber(1, 2), bodyNumber(2, 3), bodyNumber(3, 2)]).toEqual(['II', '3', 'b']);
  });
});
