// Body blocks by role (Phụ lục I, mục II.6 and V, row 6b: the phần–mục–khoản–điểm structure of a
// Kế hoạch). Every text block is a justified paragraph with a 1 cm first-line indent; the label
// ("I.", "1.", "a)", "-", "Điều 1.") is printed before the runs.
import type { Block, TextBlock } from '../../model/types.ts';
import { paragraph } from './paragraphs.ts';
import { ROLE_STYLE, styleEmphasis } from './paragraph-styles.ts';
import { pt } from './units.ts';
import { TABLE } from '../layout.ts';
import { modelRuns, run, trackedRun } from './runs.ts';
import { requireRevisions, type Change, type Revisions } from './revisions.ts';
import { dataTable } from './table.ts';
import { p, tbl, type BodyElement } from './body.ts';
import { keepsTogether } from '../measure.ts';

interface RoleStyle {
  /** Whole paragraph bold: I. MỤC (row 6b "mục"), 1. Khoản có tiêu đề, annex headings. */
  bold: boolean;
  /** Only the label bold: "Điều 1." (mục II.6đ; Điều without a title — MODEL). */
  labelBold: boolean;
}

const ROLE_STYLES: Record<TextBlock['role'], RoleStyle> = {
  section: { bold: true, labelBold: true },
  'item-title': { bold: true, labelBold: true },
  'point-title': { bold: false, labelBold: false },
  paragraph: { bold: false, labelBold: false },
  basis: { bold: false, labelBold: false },
  article: { bold: false, labelBold: true },
  'annex-heading': { bold: true, labelBold: true },
  note: { bold: false, labelBold: false },
};

/**
 * The label and runs of a block; size and the role's emphasis come from its paragraph style. In a
 * redline the label is tracked like the text: with its paragraph when the block is inserted or
 * deleted whole, and as the old label deleted and the new one inserted when renumbering changed it.
 */
export function textBlockRuns(block: TextBlock, opts: { italic?: boolean } = {}, revisions?: Revisions): string {
  const role = ROLE_STYLES[block.role];
  const styled = styleEmphasis(ROLE_STYLE[block.role]);
  const italic = (!styled.italic && (opts.italic || block.italic)) || undefined;
  const labelStyle = { bold: (role.labelBold && !styled.bold) || undefined, italic };
  const labelRun = (label: string | undefined, change?: Change) => {
    if (!label) return '';
    return change ? trackedRun(`${label} `, labelStyle, change, requireRevisions(revisions)) : run(`${label} `, labelStyle);
  };
  const label =
    block.oldLabel !== undefined && !block.change
      ? labelRun(block.oldLabel, 'delete') + labelRun(block.label, 'insert')
      : labelRun(block.label, block.change);
  return label + modelRuns(block.runs, { bold: (role.bold && !styled.bold) || undefined, italic }, revisions);
}

export function textParagraph(
  block: TextBlock,
  opts: { italic?: boolean; keepNext?: boolean; spaceAfter?: boolean } = {},
  revisions?: Revisions,
): string {
  // Headings keep with what follows them through their style (a title alone at the foot of a
  // page is rejected); a paragraph over a table or the signature does so directly.
  return paragraph(
    {
      style: ROLE_STYLE[block.role],
      keepNext: opts.keepNext,
      keepLines: keepsTogether(block) || undefined,
      spacingAfter: opts.spaceAfter ? pt(TABLE.beforePt) : undefined,
      markChange: block.change && requireRevisions(revisions).mark(block.change),
    },
    textBlockRuns(block, opts, revisions),
  );
}

/**
 * `keepLastWithNext`: the last paragraph keeps with the signature block after it, so the block
 * never starts a page alone.
 */
export function renderBlocks(blocks: Block[], opts: { keepLastWithNext?: boolean } = {}, revisions?: Revisions): BodyElement[] {
  return blocks.map((b, i) => {
    if (b.type === 'table') return tbl(dataTable(b, revisions));
    const next = blocks[i + 1];
    if (next === undefined) return p(textParagraph(b, { keepNext: opts.keepLastWithNext }, revisions));
    // A table cannot carry space before it: the paragraph above gives the 6 pt instead.
    return p(textParagraph(b, next.type === 'table' ? { spaceAfter: true, keepNext: true } : {}, revisions));
  });
}
