// Unit conversions for OOXML: lengths in twips (1/20 pt), font sizes in half-points.

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
 * Rough advance width of a line of Times New Roman, in mm. Used only to size the drawn rules
 * (1/3–1/2 of a line, Phụ lục I, mục II.2b and II.5b), so ±10 % is good enough. Calibrated on
 * Liberation Serif: "ỦY BAN NHÂN DÂN" bold 13 pt = 43.2 mm, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
 * bold 13 pt = 95.7 mm (≈ 0.62 em per character in upper case); mixed case ≈ 0.47 em.
 */
export function estimateLineWidthMm(text: string, sizePt: number, bold: boolean): number {
  const emMm = (sizePt * 25.4) / 72;
  let ems = 0;
  for (const ch of text.normalize('NFC')) {
    if (ch === ' ') ems += 0.25;
    else if (ch !== ch.toLowerCase()) ems += bold ? 0.7 : 0.68;
    else if (/[0-9]/.test(ch)) ems += 0.5;
    else if (/[.,;:!'()\-/]/.test(ch)) ems += 0.3;
    else ems += bold ? 0.5 : 0.48;
  }
  return ems * emMm;
}

/**
 * Extra space before a smaller line so that its baseline meets a larger line's baseline in the
 * next cell (single spacing: the baseline sits one ascent below the line top; Times ascent ≈ 0.891 em).
 */
export function baselineShift(smallPt: number, largePt: number): number {
  return Math.round((largePt - smallPt) * 0.891 * 20);
}
