// Generated numbers of the body, appendices and tables. Nghị định 30, Phụ lục I, mục II.6b:
// mục in Roman numerals, khoản in Arabic numerals, điểm in Vietnamese lower-case letters
// followed by ")"; levels below điểm are "-" and "+".

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → "I", 4 → "IV", 14 → "XIV". Non-positive numbers give "" (never printed). */
export function roman(n: number): string {
  let rest = Math.floor(n);
  let out = '';
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/**
 * The Vietnamese alphabet as used for điểm: a b c d đ e g h i k l m n o p q r s t u v x y
 * (no f, j, w, z; đ follows d). Beyond the 23rd letter the sequence continues the way
 * spreadsheet columns do — "aa", "ab", … — which keeps labels unique and short; real plans
 * never reach it.
 */
export const VIETNAMESE_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'] as const;

/** 1 → "a", 5 → "đ", 23 → "y", 24 → "aa". */
export function vietnameseLetter(n: number): string {
  const base = VIETNAMESE_LETTERS.length;
  let rest = Math.floor(n);
  if (rest < 1) return '';
  let out = '';
  while (rest > 0) {
    rest -= 1;
    out = VIETNAMESE_LETTERS[rest % base] + out;
    rest = Math.floor(rest / base);
  }
  return out;
}

/** Decimal path: [9, 1] → "9.1". */
export function decimalPath(path: readonly number[]): string {
  return path.join('.');
}

/** Label of a body item at `level` (1-based) with ordinal `n`: "I.", "1.", "a)", "-". */
export function bodyLabel(level: number, n: number): string {
  if (level === 1) return `${roman(n)}.`;
  if (level === 2) return `${n}.`;
  if (level === 3) return `${vietnameseLetter(n)})`;
  return '-';
}

/** The bare number used by {{muc "id"}}: "II", "3", "b", "-". */
export function bodyNumber(level: number, n: number): string {
  if (level === 1) return roman(n);
  if (level === 2) return String(n);
  if (level === 3) return vietnameseLetter(n);
  return '-';
}
