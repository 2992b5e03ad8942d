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

/** A text block as renderBlocks hands it on: with the change of its paragraph mark when that differs from its own. */
type PlacedBlock = TextBlock & { markChange?: Change };

const markOf = (block: PlacedBlock): Change | undefined => ('markChange' in block ? block.markChange : block.change);

export function textParagraph(
  block: PlacedBlock,
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
      markChange: markOf(block) && requireRevisions(revisions).mark(markOf(block)!),
    },
    textBlockRuns(block, opts, revisions),
  );
}

/**
 * `keepLastWithNext`: the last paragraph keeps with the signature block after it, so the block
 * never starts a page alone.
 */
export function renderBlocks(blocks: Block[], opts: { keepLastWithNext?: boolean } = {}, revisions?: Revisions): BodyElement[] {
  const marks = paragraphMarkChanges(blocks);
  return blocks.map((b, i) => {
    if (b.type === 'table') return tbl(dataTable(b, revisions));
    const block = marks[i] === b.change ? b : { ...b, markChange: marks[i] };
    const next = blocks[i + 1];
    if (next === undefined) return p(textParagraph(block, { keepNext: opts.keepLastWithNext }, revisions));
    // A table cannot carry space before it: the paragraph above gives the 6 pt instead.
    return p(textParagraph(block, next.type === 'table' ? { spaceAfter: true, keepNext: true } : {}, revisions));
  });
}

/**
 * The tracked change of each text block's paragraph mark. A paragraph inserted or deleted whole
 * has its own mark changed, so that accepting (or rejecting) joins it, emptied, to the paragraph
 * after it. A paragraph before a table or at the end of the list has nothing to be joined to (and
 * the last one of a section carries the section break): for a run of such paragraphs each mark's
 * change moves one paragraph up — the paragraph before the run takes the first one's — and the
 * run's last mark stays, so the emptied paragraphs join the one above instead.
 */
function paragraphMarkChanges(blocks: Block[]): Array<Change | undefined> {
  const marks = blocks.map((b) => (b.type === 'text' ? b.change : undefined));
  for (let end = 0; end <= blocks.length; end++) {
    if (end < blocks.length && blocks[end].type === 'text') continue;
    let start = end;
    while (start > 0 && blocks[start - 1].type === 'text' && (blocks[start - 1] as TextBlock).change) start--;
    if (start === end || start === 0 || blocks[start - 1].type !== 'text') continue;
    for (let k = start - 1; k < end; k++) marks[k] = k + 1 < end ? (blocks[k + 1] as TextBlock).change : undefined;
  }
  return marks;
}
