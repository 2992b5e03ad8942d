// Paragraph builders shared by every part of the document.
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, type ParagraphChild } from 'docx';
import { halfPoints, mm, pt } from './units.ts';
import { run, type RunStyle } from './runs.ts';

/** Body size: 13–14 pt (Phụ lục I, mục II.6e) — 14 as in the model forms. */
export const BODY_PT = 14;

/**
 * Body line spacing: Phụ lục I, mục II.6e allows from single ("dòng đơn") up to 1.5 lines. We use
 * 1.15 lines ("auto" 276/240): inside the range, scales with the font and never clips the stacked
 * Vietnamese diacritics of capitals (Ỗ, Ẫ), which an "exact" rule can do in LibreOffice.
 */
export const BODY_LINE = 276;

/** Paragraph spacing: at least 6 pt between paragraphs (mục II.6e); 6 pt as the model forms. */
export const BODY_SPACING_BEFORE = pt(6);

/** First-line indent: 1 cm or 1.27 cm (mục II.6e) — 1 cm (567 twips) as the model forms. */
export const FIRST_LINE_INDENT = mm(10);

export type Align = 'left' | 'center' | 'right' | 'justify';

export function alignment(align: Align) {
  switch (align) {
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
      return AlignmentType.RIGHT;
    case 'justify':
      return AlignmentType.JUSTIFIED;
    default:
      return AlignmentType.LEFT;
  }
}

/** A justified body paragraph with a 1 cm first-line indent and 6 pt before. */
export function bodyParagraph(children: ParagraphChild[], opts: { keepNext?: boolean; spaceAfter?: boolean } = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: BODY_SPACING_BEFORE, after: opts.spaceAfter ? BODY_SPACING_BEFORE : 0, line: BODY_LINE, lineRule: LineRuleType.AUTO },
    ...(opts.keepNext ? { keepNext: true } : {}),
  });
}

/** A centred single-spaced line (kind, title, headings, header-grid lines). */
export function centredLine(
  content: string | ParagraphChild[],
  style: RunStyle = {},
  opts: { before?: number; keepNext?: boolean } = {},
): Paragraph {
  const children = typeof content === 'string' ? [run(content, style)] : content;
  return new Paragraph({
    children,
    alignment: AlignmentType.CENTER,
    spacing: { before: opts.before ?? 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    ...(opts.keepNext ? { keepNext: true } : {}),
  });
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
): Paragraph {
  const side = Math.max(0, (boxWidthMm - lengthMm) / 2);
  return new Paragraph({
    children: [],
    indent: { left: mm(side), right: mm(side) },
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0, line: 240, lineRule: LineRuleType.AUTO },
    // Line thickness is not regulated (nd30.md §2.4): 0.75 pt as the decree's own drawings.
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { size: halfPoints(2) },
    ...(opts.keepNext ? { keepNext: true } : {}),
  });
}
