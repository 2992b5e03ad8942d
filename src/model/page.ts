// Page geometry shared by the writers and by the model builder (table widths are fitted to the
// text width). Nghị định 30/2020, Phụ lục I, mục I.1–I.3: A4; margins top/bottom 20–25 mm,
// left 30–35 mm, right 15–20 mm. We take the low end of each range (165 mm text width).

export const PAGE_A4_MM = { width: 210, height: 297 } as const;

export const PAGE_MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** Distance from the page edge to the header (page number), inside the 20 mm top margin. */
export const HEADER_DISTANCE_MM = 10;
export const FOOTER_DISTANCE_MM = 10;

export type PageOrientation = 'portrait' | 'landscape';

/**
 * Width available to text. Landscape pages keep the same margin mapping (left 30, right 15),
 * as the decree's own landscape section in Phụ lục I does.
 */
export function textWidthMm(orientation: PageOrientation): number {
  const paper = orientation === 'landscape' ? PAGE_A4_MM.height : PAGE_A4_MM.width;
  return paper - PAGE_MARGINS_MM.left - PAGE_MARGINS_MM.right;
}

/** Table rules: not regulated; thin 0.5 pt lines as the model forms' tables. */
export const TABLE_RULE_PT = 0.5;

/**
 * Width a table's columns share: the text width less one rule, to 0.1 mm. A collapsed border is
 * drawn half outside the outer cells; columns filling the whole text width put half a rule past
 * the right margin, and Chromium shrank every page of the print to fit it (by 0.9996). In the
 * DOCX the table ends the same 0.2 mm short of the margin.
 */
export function tableWidthMm(orientation: PageOrientation): number {
  return Math.floor((textWidthMm(orientation) - (TABLE_RULE_PT * 25.4) / 72) * 10) / 10;
}
