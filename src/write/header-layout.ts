// Measured facts of the first-page header grid that both writers draw alike: the length of the
// rule under the agency's name and the size of the place-and-date line. Decided here once, from
// the font's own advance widths (text-width.ts), so that the DOCX and the PDF cannot disagree.
// Before, the DOCX estimated both (≈ 4 % short) and the print CSS took the rule as a share of the
// agency's box and never reduced the date: a long place name ("Thành phố Hồ Chí Minh, ngày …",
// 103.9 mm at 14 pt) ran past the 98 mm column in the PDF while the DOCX set it at 13 pt.
import { HEADER } from './layout.ts';
import { textWidthMm } from './text-width.ts';

/** Width a header cell leaves for text: the column less its side paddings. */
export function headerCellTextMm(columnMm: number): number {
  return columnMm - 2 * HEADER.cellPaddingMm;
}

/**
 * PL1 II.2b: the rule under the issuing agency's name is 1/3–1/2 of its line: HEADER.agencyRuleRatio
 * of the longest issuing line (bold, at the agency size), to 0.1 mm.
 */
export function agencyRuleMm(issuingLines: readonly string[]): number {
  const longest = Math.max(0, ...issuingLines.map((l) => textWidthMm(l, HEADER.agencyPt, { bold: true })));
  return Math.round(Math.min(longest, headerCellTextMm(HEADER.leftMm)) * HEADER.agencyRuleRatio * 10) / 10;
}

/** PL1 II.4: 13–14 pt italic; 14 pt unless the line would wrap in its column, then 13 pt. */
export function placeDateSizePt(line: string): number {
  return textWidthMm(line, HEADER.placeDatePt, { italic: true }) <= headerCellTextMm(HEADER.rightMm) ? HEADER.placeDatePt : HEADER.placeDatePt - 1;
}
