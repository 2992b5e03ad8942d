// Paragraph builders shared by every part of the document. A paragraph is returned as its w:p
// markup; its runs come in as markup too (runs.ts).
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

const JC: Record<Align, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

interface ParagraphProps {
  /** A paragraph style id (styles.ts). */
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  /** A bottom border drawn as a rule (ruleParagraph). */
  bottomRule?: boolean;
  /** Spacing in twips; `line` in 240ths of a line (lineRule auto). */
  spacing?: { before: number; after: number; line: number };
  indent?: { firstLine: number } | { left: number; right: number };
  align?: Align;
  /** Size of the paragraph mark, which sets the height of an empty paragraph. */
  markSizePt?: number;
}

/** w:pPr children in schema order (ECMA-376 §17.3.1.26: pStyle, keepNext, keepLines, pBdr, spacing, ind, jc, rPr). */
function paragraphProperties(p: ParagraphProps): string {
  let props = '';
  if (p.style) props += `<w:pStyle w:val="${p.style}"/>`;
  if (p.keepNext) props += '<w:keepNext/>';
  if (p.keepLines) props += '<w:keepLines/>';
  // Line thickness is not regulated (nd30.md §2.4): 0.75 pt as the decree's own drawings.
  if (p.bottomRule) props += '<w:pBdr><w:bottom w:val="single" w:color="000000" w:sz="6" w:space="1"/></w:pBdr>';
  if (p.spacing) {
    const s = p.spacing;
    props += `<w:spacing w:after="${s.after}" w:before="${s.before}" w:line="${s.line}" w:lineRule="auto"/>`;
  }
  if (p.indent) {
    props += 'firstLine' in p.indent ? `<w:ind w:firstLine="${p.indent.firstLine}"/>` : `<w:ind w:left="${p.indent.left}" w:right="${p.indent.right}"/>`;
  }
  if (p.align) props += `<w:jc w:val="${JC[p.align]}"/>`;
  if (p.markSizePt !== undefined) {
    const size = halfPoints(p.markSizePt);
    props += `<w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
  }
  return props;
}

/** A w:p with the given properties and runs (markup); `<w:p/>` when both are empty. */
export function paragraph(props: ParagraphProps, runs = ''): string {
  const pPr = paragraphProperties(props);
  if (!pPr && !runs) return '<w:p/>';
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

/** A justified body paragraph with a 1 cm first-line indent and 6 pt before. */
export function bodyParagraph(runs: string, opts: { keepNext?: boolean; spaceAfter?: boolean } = {}): string {
  return paragraph(
    {
      keepNext: opts.keepNext,
      spacing: { before: BODY_SPACING_BEFORE, after: opts.spaceAfter ? BODY_SPACING_BEFORE : 0, line: BODY_LINE },
      indent: { firstLine: FIRST_LINE_INDENT },
      align: 'justify',
    },
    runs,
  );
}

/** A centred single-spaced line (kind, title, headings, header-grid lines); `content` is text or run markup. */
export function centredLine(
  content: string | { runs: string },
  style: RunStyle = {},
  opts: { before?: number; keepNext?: boolean } = {},
): string {
  const runs = typeof content === 'string' ? run(content, style) : content.runs;
  return paragraph({ keepNext: opts.keepNext, spacing: { before: opts.before ?? 0, after: 0, line: 240 }, align: 'center' }, runs);
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
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0, line: 240 },
    indent: { left: side, right: side },
    markSizePt: 2,
  });
}
