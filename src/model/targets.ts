// Targets (chỉ tiêu) in chi_tieu columns: parsed from the structured form or the shorthand
// authors type ("Tối thiểu 45", "> 95", ">95%", "100"), printed in one style, and compared with
// the superior plan's minimum.
import type { ChiTieu } from './source-types.generated.ts';

export type Comparator = 'toi_thieu' | '>' | '>=' | '=';

export interface Target {
  op: Comparator;
  value: number;
  unit?: string;
}

const SHORTHAND = /^(tối thiểu|ít nhất|trên|từ|>=|≥|>|=)?\s*(\d+(?:[.,]\d+)?)\s*(%|[^\d\s].*?)?\s*(trở lên)?$/iu;

function opFromWord(word: string | undefined, suffix: string | undefined): Comparator {
  const w = (word ?? '').toLowerCase();
  if (w === 'tối thiểu' || w === 'ít nhất') return 'toi_thieu';
  if (w === 'trên' || w === '>') return '>';
  if (w === '>=' || w === '≥' || (w === 'từ' && suffix)) return '>=';
  return '=';
}

export function isStructuredTarget(v: unknown): v is ChiTieu {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as ChiTieu).gia_tri === 'number';
}

/** A target from a cell value; undefined when the value is not a recognisable target. */
export function parseTarget(v: unknown): Target | undefined {
  if (typeof v === 'number') return { op: '=', value: v };
  if (isStructuredTarget(v)) {
    const t: Target = { op: v.so_sanh ?? '=', value: v.gia_tri };
    if (v.don_vi) t.unit = v.don_vi;
    return t;
  }
  if (typeof v !== 'string') return undefined;
  const m = SHORTHAND.exec(v.normalize('NFC').trim());
  if (!m) return undefined;
  const t: Target = { op: opFromWord(m[1], m[4]), value: Number(m[2].replace(',', '.')) };
  if (m[3]) t.unit = m[3].trim();
  return t;
}

import { formatNumber } from './numbers.ts';
export { formatNumber };

/** day_du: "Tối thiểu 45", "> 95", "≥ 80", "100"; gon: ">95%", "≥80%". */
export function formatTarget(t: Target, style: 'day_du' | 'gon' = 'day_du'): string {
  const unit = t.unit ? (t.unit === '%' || style === 'gon' ? t.unit : ` ${t.unit}`) : '';
  const value = formatNumber(t.value) + unit;
  const gap = style === 'gon' ? '' : ' ';
  switch (t.op) {
    case 'toi_thieu':
      return `Tối thiểu ${value}`;
    case '>':
      return `>${gap}${value}`;
    case '>=':
      return `≥${gap}${value}`;
    default:
      return value;
  }
}

/**
 * True when `child` promises less than `parent` requires. Every comparator is read as a lower
 * bound (toi_thieu, >=, = : at least v; > : strictly above v): "Tối thiểu 30" under a parent's
 * "Tối thiểu 45" is weaker, and so is "95" under "> 95". Different units are not compared.
 */
export function isWeaker(child: Target, parent: Target): boolean {
  if (child.unit && parent.unit && child.unit !== parent.unit) return false;
  if (child.value !== parent.value) return child.value < parent.value;
  return parent.op === '>' && child.op !== '>';
}
