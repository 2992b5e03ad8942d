// Unit conversions for OOXML: lengths in twips (1/20 pt), font sizes in half-points.
import { BASELINE_EM } from '../layout.ts';

export { estimateLineWidthMm } from '../measure.ts';

const TWIPS_PER_MM = 1440 / 25.4;

export function mm(value: number): number {
  return Math.round(value * TWIPS_PER_MM);
}

export function pt(value: number): number {
  return Math.round(value * 20);
}

/** Font size in half-points (w:sz): 13 pt → 26, 14 pt → 28. */
export function halfPoints(sizePt: number): number {
  return Math.round(sizePt * 2);
}

/** Vietnamese must be precomposed (Phụ lục I, mục I.4: Unicode TCVN 6909:2001). */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Extra space before a smaller line so that its baseline meets a larger line's baseline in the
 * next cell (single spacing: the baseline sits one ascent below the line top; Times ascent ≈ 0.891 em).
 */
export function baselineShift(smallPt: number, largePt: number): number {
  return Math.round((largePt - smallPt) * BASELINE_EM * 20);
}
