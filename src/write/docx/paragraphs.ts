// Paragraph builders shared by every part of the document. A paragraph is returned as its w:p
// markup; its runs come in as markup too (runs.ts).
import { halfPoints, mm, pt } from './units.ts';
import { run, type RunStyle } from './runs.ts';
import { BLOCK_LINES, BODY, SINGLE_LINE_EM, RULE_MARK_PT, RULE_PT, RULE_SPACE_PT } from '../layout.ts';

export const BODY_PT = BODY.sizePt;

/** Line spacing in 240ths of a single line (w:lineRule="auto"). */
export function lineSpacing(lines: number): number {
  return Math.round(lines * 240);
}

/**
 * Body lines are "at least" the layout's pitch (1.15 single lines), in twips. LibreOffice lets the
 * proportional spacing of a page's last line hang below the margin; Chromium does not: with an
 * "at least" pitch both need the whole line to fit, so both end a page at the same line. "At
 * least" never clips the stacked diacritics of capitals, as an "exact" pitch can.
 */
export const BODY_LINE = pt(BODY.lines * SINGLE_LINE_EM * BODY.sizePt);
const SINGLE = lineSpacing(BLOCK_LINES);

export const BODY_SPACING_BEFORE = pt(BODY.beforePt);

export const FIRST_LINE_INDENT = mm(BODY.firstLineIndentMm);

/** Border widths are in eighths of a point (ECMA-376 §17.3.4). */
export function borderSize(widthPt: number): number {
  return Math.round(widthPt * 8);
}

export type Align = 'left' | 'center' | 'right' | 'justify';

const JC: Record<Align, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

interface ParagraphProps {
  /** A paragraph style id (styles.ts). */
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  /** A bottom border drawn as a rule (ruleParagraph). */
  bottomRule?: boolean;
  /** Spacing in twips; `line` in 240ths of a line (lineRule auto), or twips when `atLeast`. */
  spacing?: { before: number; after: number; line: number; atLeast?: boolean };
  /** Space after only, over a style's spacing (the other attributes stay the style's). */
  spacingAfter?: number;
  /** Space before only, over a style's spacing. */
  spacingBefore?: number;
  indent?: { firstLine: number } | { left: number; right: number };
  align?: Align;
  /** Outline level, 0 for Word's level 1: the Navigation Pane and a table of contents read it. */
  outlineLevel?: number;
  /** Size of the paragraph mark, which sets the height of an empty paragraph. */
  markSizePt?: number;
  /**
   * A redline's tracked change of the paragraph mark itself (Revisions.mark: an empty w:ins or
   * w:del): a paragraph inserted or deleted whole, so Accept/Reject All removes the paragraph too.
   */
  markChange?: string;
}

/** w:pPr children in schema order (ECMA-376 §17.3.1.26: pStyle, keepNext, keepLines, pBdr, spacing, ind, jc, outlineLvl, rPr). */
export function paragraphProperties(p: ParagraphProps): string {
  let props = '';
  if (p.style) props += `<w:pStyle w:val="${p.style}"/>`;
  if (p.keepNext) props += '<w:keepNext/>';
  if (p.keepLines) props += '<w:keepLines/>';
  if (p.bottomRule) props += `<w:pBdr><w:bottom w:val="single" w:color="000000" w:sz="${borderSize(RULE_PT)}" w:space="${RULE_SPACE_PT}"/></w:pBdr>`;
  if (p.spacing) {
    const s = p.spacing;
    props += `<w:spacing w:after="${s.after}" w:before="${s.before}" w:line="${s.line}" w:lineRule="${s.atLeast ? 'atLeast' : 'auto'}"/>`;
  } else if (p.spacingAfter !== undefined || p.spacingBefore !== undefined) {
    const after = p.spacingAfter !== undefined ? ` w:after="${p.spacingAfter}"` : '';
    const before = p.spacingBefore !== undefined ? ` w:before="${p.spacingBefore}"` : '';
    props += `<w:spacing${after}${before}/>`;
  }
  if (p.indent) {
    props += 'firstLine' in p.indent ? `<w:ind w:firstLine="${p.indent.firstLine}"/>` : `<w:ind w:left="${p.indent.left}" w:right="${p.indent.right}"/>`;
  }
  if (p.align) props += `<w:jc w:val="${JC[p.align]}"/>`;
  if (p.outlineLevel !== undefined) props += `<w:outlineLvl w:val="${p.outlineLevel}"/>`;
  // The mark's w:rPr (CT_ParaRPr): w:ins/w:del come before the formatting.
  const size = p.markSizePt === undefined ? '' : `<w:sz w:val="${halfPoints(p.markSizePt)}"/><w:szCs w:val="${halfPoints(p.markSizePt)}"/>`;
  if (p.markChange || size) props += `<w:rPr>${p.markChange ?? ''}${size}</w:rPr>`;
  return props;
}

/** A w:p with the given properties and runs (markup); `<w:p/>` when both are empty. */
export function paragraph(props: ParagraphProps, runs = ''): string {
  const pPr = paragraphProperties(props);
  if (!pPr && !runs) return '<w:p/>';
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

/** A paragraph of a named style (paragraph-styles.ts); `content` is text or run markup. */
export function styledParagraph(style: string, content: string | { runs: string }): string {
  return paragraph({ style }, typeof content === 'string' ? run(content) : content.runs);
}

/** A centred single-spaced line (kind, title, headings, header-grid lines); `content` is text or run markup. */
export function centredLine(
  content: string | { runs: string },
  style: RunStyle = {},
  opts: { before?: number; keepNext?: boolean; markChange?: string } = {},
): string {
  const runs = typeof content === 'string' ? run(content, style) : content.runs;
  return paragraph({ keepNext: opts.keepNext, spacing: { before: opts.before ?? 0, after: 0, line: SINGLE }, align: 'center', markChange: opts.markChange }, runs);
}

/**
 * A drawn horizontal rule: an empty 2 pt paragraph whose bottom border is the line, indented
 * from both sides so that it is `lengthMm` long and centred in a box `boxWidthMm` wide. A
 * border, not run underline (nd30.md §2.4: underline hugs the baseline and breaks at descenders).
 */
export function ruleParagraph(
  lengthMm: number,
  boxWidthMm: number,
  opts: { before?: number; after?: number; keepNext?: boolean } = {},
): string {
  const side = mm(Math.max(0, (boxWidthMm - lengthMm) / 2));
  return paragraph({
    keepNext: opts.keepNext,
    bottomRule: true,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0, line: SINGLE },
    indent: { left: side, right: side },
    markSizePt: RULE_MARK_PT,
  });
}
