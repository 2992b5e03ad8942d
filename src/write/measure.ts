// Estimated text widths, shared by both writers so that they take the same decisions from them
// (rule lengths, which paragraphs are kept whole). Neither writer can ask the other's engine how
// wide a line is, so both ask this one.
import type { TextBlock } from '../model/types.ts';
import { BODY, textWidthMm } from './layout.ts';

/**
 * Rough advance width of a line of Times New Roman, in mm. Used to size the drawn rules (1/3–1/2 of
 * a line, Phụ lục I, mục II.2b and II.5b) and to tell short paragraphs, so ±10 % is good enough. Calibrated on
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
 * A body paragraph too short to split under the widow and orphan rule (at most orphans + widows − 1
 * lines). LibreOffice keeps such a paragraph whole; Chromium splits it, leaving one line alone.
 * Both writers mark it to be kept whole, so both move it whole to the next page.
 */
export function keepsTogether(block: TextBlock): boolean {
  const text = (block.label ? `${block.label} ` : '') + block.runs.map((r) => r.text).join('');
  // 5 % for the estimate's error, plus the first-line indent.
  const width = estimateLineWidthMm(text, BODY.sizePt, false) * 1.05 + BODY.firstLineIndentMm;
  return Math.ceil(width / textWidthMm('portrait')) <= 2 * BODY.orphanLines - 1;
}
