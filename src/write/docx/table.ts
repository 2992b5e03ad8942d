// Real Word tables for the model's TableBlock (appendix tables, tables in the body): single
// borders, fixed column widths from the model, header rows repeated on every page, merges.
import type { TableBlock, TableCell as ModelCell, TableRow as ModelRow } from '../../model/types.ts';
import { borderSize, lineSpacing, paragraph, type Align } from './paragraphs.ts';
import { modelRuns } from './runs.ts';
import { requireRevisions, type Revisions } from './revisions.ts';
import { tableTextStyle } from './styles.ts';
import { mm, pt } from './units.ts';
import { BLOCK_LINES, TABLE } from '../layout.ts';
import { keepsWithNextRow } from '../row-blocks.ts';

// The table's own borders (with insideH/insideV) draw every line: no cell carries borders of its
// own, which keeps the markup and Word's layout work small.
const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:color="000000" w:sz="${borderSize(TABLE.rulePt)}"/>`)
  .join('');

// Same cell padding as the print CSS, so both writers wrap cell text alike; Word's default 1.9 mm
// sides would wrap a 31/12/2025 deadline header in a narrow column. Above and below, the cell's
// paragraphs carry the space (TABLE.paragraphPaddingPt).
const CELL_MARGINS = ['top', 'left', 'bottom', 'right']
  .map((side) => `<w:${side} w:type="dxa" w:w="${side === 'left' || side === 'right' ? pt(TABLE.cellSidePaddingPt) : 0}"/>`)
  .join('');

function cellParagraphs(cell: ModelCell, sizePt: number, forceBold: boolean, keepNext: boolean, rowMark: RowMark): string {
  const paras = cell.paragraphs.length > 0 ? cell.paragraphs : [[]];
  // Size and spacing come from the table text style when there is one (styles.ts).
  const style = tableTextStyle(sizePt);
  const props = style
    ? { style, align: cell.align, keepNext }
    : { spacing: { before: pt(TABLE.paragraphPaddingPt), after: pt(TABLE.paragraphPaddingPt), line: lineSpacing(BLOCK_LINES) }, align: cell.align, keepNext };
  const runStyle = { sizePt: style ? undefined : sizePt, bold: forceBold || cell.bold || undefined, italic: cell.italic };
  return paras.map((runs) => paragraph({ ...props, markChange: rowMark.next() }, modelRuns(runs, runStyle, rowMark.revisions))).join('');
}

/**
 * A redline's row inserted or deleted whole: its w:trPr carries the mark, and so does every
 * paragraph mark in its cells (as Word writes a tracked row), so accepting or rejecting removes
 * the row and leaves no empty paragraph behind.
 */
interface RowMark {
  revisions?: Revisions;
  /** A fresh mark element (its own w:id) for the row or one of its paragraphs; undefined for an unchanged row. */
  next(): string | undefined;
}

function rowMark(row: ModelRow, revisions: Revisions | undefined): RowMark {
  const change = row.change;
  if (!change) return { revisions, next: () => undefined };
  const marks = requireRevisions(revisions);
  return { revisions, next: () => marks.mark(change) };
}

/** What a cell spanning rows leaves in the rows below it: a w:vMerge="continue" cell. */
interface Continuation {
  rowsLeft: number;
  span: number;
  cellProps: string;
  align: Align;
}

function cellProperties(width: number, span: number, merge: 'restart' | 'continue' | undefined, vAlign: 'top' | 'center'): string {
  return (
    `<w:tcW w:type="dxa" w:w="${width}"/>` +
    (span > 1 ? `<w:gridSpan w:val="${span}"/>` : '') +
    (merge ? `<w:vMerge w:val="${merge}"/>` : '') +
    `<w:vAlign w:val="${vAlign}"/>`
  );
}

/**
 * One w:tr. `below[c]` holds the continuation a rowSpan from an earlier row leaves at grid column
 * c; continuation cells are written in their grid position (a merged cell needs a w:tc in every
 * row it covers), and cells of this row that span rows leave theirs for the next rows.
 */
function renderRow(
  row: ModelRow,
  block: TableBlock,
  columnTwips: number[],
  below: Array<Continuation | undefined>,
  rowsLeft: number,
  withNextRow: boolean,
  revisions: Revisions | undefined,
): string {
  const marks = rowMark(row, revisions);
  // A group row (I., II.) heads the rows under it, and the rows under a cell merged across rows
  // stay together (row-blocks.ts): every paragraph of the row keeps with the next, which is how
  // Word and LibreOffice keep a row with the row below (as the PDF's break-after: avoid).
  const keepNext = row.kind === 'group' || withNextRow;
  let cells = '';
  let col = 0;
  const covering = (c: number) => {
    const k = below[c];
    if (!k) return 0;
    cells += `<w:tc><w:tcPr>${k.cellProps}</w:tcPr>${paragraph({ align: k.align, keepNext, markChange: marks.next() })}</w:tc>`;
    below[c] = k.rowsLeft > 1 ? { ...k, rowsLeft: k.rowsLeft - 1 } : undefined;
    return k.span;
  };
  for (const cell of row.cells) {
    // Grid columns covered by a rowSpan from an earlier row (HTML semantics in the model).
    for (let span = covering(col); span > 0; span = covering(col)) col += span;
    const span = Math.max(1, cell.colSpan);
    // A span past the last row would leave a dangling vMerge: stop it at the table's end.
    const rowSpan = Math.min(Math.max(1, cell.rowSpan), rowsLeft);
    const width = columnTwips.slice(col, col + span).reduce((a, b) => a + b, 0);
    // A body cell spanning rows starts at its first row, as the source documents print it
    // (and as the PDF does); other cells are centred.
    const vAlign = rowSpan > 1 && row.kind === 'data' ? 'top' : 'center';
    const paragraphs = cellParagraphs(cell, block.fontSizePt, row.kind !== 'data', keepNext, marks);
    cells += `<w:tc><w:tcPr>${cellProperties(width, span, rowSpan > 1 ? 'restart' : undefined, vAlign)}</w:tcPr>${paragraphs}</w:tc>`;
    if (rowSpan > 1) below[col] = { rowsLeft: rowSpan - 1, span, cellProps: cellProperties(width, span, 'continue', vAlign), align: cell.align };
    col += span;
  }
  while (col < columnTwips.length) {
    const span = covering(col);
    col += span > 0 ? span : 1;
  }
  // CT_TrPr: the row's own properties, then w:ins / w:del.
  const rowProps = (row.kind === 'header' ? '<w:cantSplit/><w:tblHeader/>' : '<w:cantSplit/>') + (marks.next() ?? '');
  return `<w:tr><w:trPr>${rowProps}</w:trPr>${cells}</w:tr>`;
}

export function dataTable(block: TableBlock, revisions?: Revisions): string {
  const columnTwips = block.columns.map((c) => mm(c.widthMm));
  const below = new Array<Continuation | undefined>(columnTwips.length).fill(undefined);
  const all = [...block.header, ...block.body];
  const keep = [...block.header.map(() => false), ...keepsWithNextRow(block.body)];
  let rows = '';
  for (const [index, row] of all.entries()) rows += renderRow(row, block, columnTwips, below, all.length - index, keep[index], revisions);
  return (
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:type="dxa" w:w="${columnTwips.reduce((a, b) => a + b, 0)}"/>` +
    `<w:tblBorders>${BORDERS}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar>${CELL_MARGINS}</w:tblCellMar>` +
    '</w:tblPr>' +
    `<w:tblGrid>${columnTwips.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    rows +
    '</w:tbl>'
  );
}
