// Typed numbering at the start of a paragraph or a table's number cell: "I.", "1.", "a)", "-",
// "+", "1.1". The importer turns them into structure (the tool generates numbers), and checks the
// typed sequence so a skipped number or letter is reported rather than copied.
import { VIETNAMESE_LETTERS, roman } from '../model/numbering.ts';

const LETTERS: readonly string[] = VIETNAMESE_LETTERS;

export type LabelKind = 'roman' | 'arabic' | 'letter' | 'dash' | 'plus' | 'sub';

export interface Label {
  kind: LabelKind;
  /** The typed label as written: "II", "3", "đ", "1.2". */
  value: string;
  /** Text after the label. */
  rest: string;
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

export function romanValue(s: string): number | undefined {
  if (!/^[IVXLC]+$/.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]];
    const next = ROMAN_VALUES[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** The label at the start of a body paragraph, or undefined for plain text. */
export function bodyLabel(text: string): Label | undefined {
  let m = /^([IVXLC]+)\s*[.:]\s*(\S.*)$/u.exec(text);
  if (m && romanValue(m[1])) return { kind: 'roman', value: m[1], rest: m[2] };
  m = /^(\d{1,2}\.\d{1,2})\.?\s+(\S.*)$/u.exec(text);
  if (m) return { kind: 'sub', value: m[1], rest: m[2] };
  m = /^(\d{1,2})\s*[.)]\s+(\S.*)$/u.exec(text);
  if (m) return { kind: 'arabic', value: m[1], rest: m[2] };
  m = /^([a-zđ])\s*\)\s*(\S.*)$/u.exec(text);
  if (m) return { kind: 'letter', value: m[1], rest: m[2] };
  m = /^[-–—•]\s*(\S.*)$/u.exec(text);
  if (m) return { kind: 'dash', value: '-', rest: m[1] };
  m = /^\+\s*(\S.*)$/u.exec(text);
  if (m) return { kind: 'plus', value: '+', rest: m[1] };
  return undefined;
}

/** The number typed in a table's number cell: "I", "1.", "1", "1.1", "2.3.". */
export function rowLabel(text: string): Label | undefined {
  const t = text.replace(/\*/g, '').trim();
  let m = /^([IVXLC]+)\.?$/.exec(t);
  if (m && romanValue(m[1])) return { kind: 'roman', value: m[1], rest: '' };
  m = /^(\d{1,3})\.?$/.exec(t);
  if (m) return { kind: 'arabic', value: m[1], rest: '' };
  m = /^(\d{1,3}\.\d{1,3})\.?$/.exec(t);
  if (m) return { kind: 'sub', value: m[1], rest: '' };
  return undefined;
}

/** Position (1-based) of a label in its own sequence: II → 2, 3 → 3, đ → 5, 1.2 → 2. */
export function ordinal(label: Label): number | undefined {
  switch (label.kind) {
    case 'roman':
      return romanValue(label.value);
    case 'arabic':
      return Number(label.value);
    case 'letter': {
      const i = LETTERS.indexOf(label.value);
      return i < 0 ? undefined : i + 1;
    }
    case 'sub':
      return Number(label.value.split('.')[1]);
    default:
      return undefined;
  }
}

/** The label expected at position `n` of a sequence of this kind (for messages). */
export function expectedLabel(kind: LabelKind, n: number, prefix = ''): string {
  switch (kind) {
    case 'roman':
      return `${roman(n)}.`;
    case 'arabic':
      return `${n}.`;
    case 'letter':
      return `${LETTERS[n - 1] ?? '?'})`;
    case 'sub':
      return `${prefix}.${n}`;
    default:
      return '-';
  }
}
