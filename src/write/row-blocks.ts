// Rows bound together by a cell merged across them (a "Căn cứ" cell spanning items 1, 1.1, 1.2 of
// an appendix): a page break inside such a block cuts the merged cell mid-sentence and leaves its
// rows without their shared text. Both writers keep each block on one page, the DOCX with
// keepNext on every row but the last, the PDF with a tbody per block that avoids breaking inside.
import type { TableRow } from '../model/types.ts';

/** [start, end) ranges of body rows under a cell spanning rows; overlapping spans make one block. */
export function spannedRowBlocks(rows: readonly TableRow[]): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  for (const [i, row] of rows.entries()) {
    const span = Math.max(1, ...row.cells.map((c) => c.rowSpan || 1));
    const end = Math.min(rows.length, i + span);
    if (end - i < 2) continue;
    const last = blocks[blocks.length - 1];
    if (last && i < last[1]) last[1] = Math.max(last[1], end);
    else blocks.push([i, end]);
  }
  return blocks;
}

/** For each body row: whether it must stay on the page of the row after it (inside a block, not its last row). */
export function keepsWithNextRow(rows: readonly TableRow[]): boolean[] {
  const keep = rows.map(() => false);
  for (const [start, end] of spannedRowBlocks(rows)) for (let i = start; i < end - 1; i++) keep[i] = true;
  return keep;
}
