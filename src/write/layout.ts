// The typographic layout of every document, read by both writers: the DOCX writer turns these
// values into twips and half-points (docx/units.ts), and the PDF's print CSS gets them as custom
// properties (html/layout-css.ts). One copy, so that the two paginate alike. Values are chosen by
// Nghị định 30/2020/NĐ-CP, Phụ lục I (nd30.md), inside the decree's ranges; where the decree is
// silent, the model forms of Phụ lục III decide.
export { PAGE_A4_MM, PAGE_MARGINS_MM, HEADER_DISTANCE_MM, FOOTER_DISTANCE_MM, TABLE_RULE_PT, textWidthMm, tableWidthMm } from '../model/page.ts';
import { TABLE_RULE_PT } from '../model/page.ts';

/**
 * Height of one single-spaced line, in ems of the font: Times New Roman and its metric twins
 * (Liberation Serif, Tinos) have ascent 1825 + descent 443 + line gap 87 per 2048 units. Word
 * and LibreOffice call this "single" spacing; CSS needs it spelt out as a line-height.
 */
export const SINGLE_LINE_EM = 2355 / 2048;

/** A line spacing in "lines" (Word's multiple of single spacing) as a CSS line-height. */
export function cssLineHeight(lines: number): number {
  return Math.round(lines * SINGLE_LINE_EM * 10000) / 10000;
}

/** Page number: PL1 I.7, 13–14 pt, centred in the top margin; 14 as the decree's own files. */
export const PAGE_NUMBER_PT = 14;

export const BODY = {
  /** PL1 II.6e: 13–14 pt; 14 as the model forms. */
  sizePt: 14,
  /**
   * PL1 II.6e: line spacing from single up to 1.5 lines. 1.15 lines: inside the range, and it
   * never clips the stacked diacritics of capitals (Ỗ, Ẫ), which an exact pitch can do.
   */
  lines: 1.15,
  /** PL1 II.6e: at least 6 pt between paragraphs; 6 pt as the model forms. */
  beforePt: 6,
  /** PL1 II.6e: first-line indent 1 cm or 1.27 cm; 1 cm as the model forms. */
  firstLineIndentMm: 10,
  /** Lines a paragraph keeps together at a page's foot and head (widows and orphans). */
  orphanLines: 2,
} as const;

/** Lines of the header grid, title block, signature and appendix heading: single spaced (MODEL). */
export const BLOCK_LINES = 1;

/** Drawn rules (under the Tiêu ngữ, the agency, the trích yếu): not regulated; 0.75 pt as the decree's drawings. */
export const RULE_PT = 0.75;

export const HEADER = {
  /** ≈ Mẫu 1.4 (67.5 | 100 mm) fitted to the 165 mm text width (nd30.md §2.3). */
  leftMm: 65,
  rightMm: 100,
  /** Side padding of each cell: the 100 mm Quốc hiệu column keeps 98 mm for text. */
  cellPaddingMm: 1,
  agencyPt: 13, // PL1 II.2: 12–13 pt, model 13
  nationPt: 13, // PL1 II.1: 12–13 pt, model 13
  mottoPt: 14, // PL1 II.1: 13–14 pt, model 14
  numberPt: 13, // PL1 II.3: 13 pt
  placeDatePt: 14, // PL1 II.4: 13–14 pt italic, model 14
  /** PL1 II.1b: the rule under the Tiêu ngữ is as long as it: 60.5 mm at 14 pt bold (measured). */
  mottoRuleMm: 60.5,
  /** PL1 II.2b: the rule under the agency is 1/3–1/2 of its line (measured, header-layout.ts). */
  agencyRuleRatio: 0.42,
  /** Space between the agency rule and its text. */
  ruleGapPt: 3,
  /** Space above the Số / date row. */
  secondRowBeforePt: 6,
} as const;

export const TITLE = {
  /** One blank line's worth between the header grid and the kind line, as in the model forms. */
  beforePt: 18,
  /** PL1 II.5b: the rule is 1/3–1/2 of the trích yếu's longest line (measured by title-lines.ts). */
  ruleRatio: 0.42,
  ruleBeforePt: 4,
  /** Space between the rule and the first paragraph below it, on top of that paragraph's own. */
  afterPt: 6,
} as const;

export const DECISION = {
  /** Thẩm quyền ban hành and "QUYẾT ĐỊNH:" (Mẫu 1.3): space above each. */
  headingBeforePt: 12,
} as const;

export const SIGNATURE = {
  /** Mẫu 1.4 signature table ≈ 53–63 mm | 101–111 mm (nd30.md §2.3), fitted to 165 mm. */
  leftMm: 60,
  rightMm: 105,
  /** Gap between the last content paragraph and the block. */
  beforePt: 12,
  labelPt: 12, // PL1 II.9b: "Nơi nhận:" 12 pt bold italic
  listPt: 11, // PL1 II.9b: list 11 pt upright
  signerPt: 14, // PL1 II.7: 13–14 pt bold, 14 as the models
  /** Space for the signature and the seal: not regulated, practice 3–4 empty lines (nd30.md §3.7). */
  gapLines: 4,
} as const;

export const ANNEX = {
  ruleBeforePt: 2,
  /** A table may follow the rule directly. */
  ruleAfterPt: 6,
} as const;

export const TABLE = {
  /** Cell padding left and right (and none above and below: the paragraphs carry that). */
  cellSidePaddingPt: 2,
  /** Space above and below each paragraph of a cell. */
  paragraphPaddingPt: 2,
  /** Table rules (model/page.ts: the columns leave room for them). */
  rulePt: TABLE_RULE_PT,
  /** Space above a table that follows a paragraph. */
  beforePt: 6,
} as const;

/** Ascent of the font in ems (1825/2048): a single-spaced line's baseline sits this far below its top. */
export const BASELINE_EM = 1825 / 2048;

/** Mark size of the empty paragraph that draws a rule in the DOCX, and its border's distance. */
export const RULE_MARK_PT = 2;
export const RULE_SPACE_PT = 1;
/** Height a drawn rule takes above its line: the empty paragraph plus the border's distance. */
export const RULE_BOX_PT = RULE_MARK_PT * SINGLE_LINE_EM + RULE_SPACE_PT;
