// Real Word tables for the model's TableBlock (appendix tables, tables in the body): single
// borders, fixed column widths from the model, header rows repeated on every page, merges.
import {
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { TableBlock, TableCell as ModelCell, TableRow as ModelRow } from '../../model/types.ts';
import { alignment } from './paragraphs.ts';
import { modelRuns } from './runs.ts';
import { tableTextStyle } from './styles.ts';
import { mm, pt } from './units.ts';

/** 2 pt, in twips (1 pt = 20 twips). */
const GRID_CELL_PADDING_TWIPS = 40;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const; // 0.5 pt
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER } as const;

function cellParagraphs(cell: ModelCell, sizePt: number, forceBold: boolean): Paragraph[] {
  const paras = cell.paragraphs.length > 0 ? cell.paragraphs : [[]];
  const style = tableTextStyle(sizePt);
  return paras.map(
    (runs) =>
      new Paragraph({
        // Size and spacing come from the table text style when there is one (styles.ts).
        ...(style ? { style } : { spacing: { before: pt(2), after: pt(2), line: 240, lineRule: LineRuleType.AUTO } }),
        children: modelRuns(runs, { sizePt: style ? undefined : sizePt, bold: forceBold || cell.bold || undefined, italic: cell.italic }),
        alignment: alignment(cell.align),
      }),
  );
}

function renderRow(row: ModelRow, block: TableBlock, columnTwips: number[], covered: number[], rowsLeft: number): TableRow {
  const cells: TableCell[] = [];
  let col = 0;
  for (const cell of row.cells) {
    // Skip the grid columns covered by a rowSpan from an earlier row (HTML semantics in the model).
    while (covered[col] > 0) col++;
    const span = Math.max(1, cell.colSpan);
    // A span past the last row would leave a dangling vMerge: stop it at the table's end.
    const rowSpan = Math.min(Math.max(1, cell.rowSpan), rowsLeft);
    const width = columnTwips.slice(col, col + span).reduce((a, b) => a + b, 0);
    cells.push(
      new TableCell({
        children: cellParagraphs(cell, block.fontSizePt, row.kind !== 'data'),
        width: { size: width, type: WidthType.DXA },
        ...(span > 1 ? { columnSpan: span } : {}),
        ...(rowSpan > 1 ? { rowSpan } : {}),
        // A body cell spanning rows starts at its first row, as the source documents print it
        // (and as the PDF does); other cells are centred.
        verticalAlign: rowSpan > 1 && row.kind === 'data' ? VerticalAlign.TOP : VerticalAlign.CENTER,
        // No per-cell borders: the table's own borders (with insideH/insideV) draw every line,
        // and leaving them out of each cell makes the layout about a fifth faster.
      }),
    );
    if (rowSpan > 1) for (let c = col; c < col + span; c++) covered[c] = rowSpan;
    col += span;
  }
  return new TableRow({
    children: cells,
    cantSplit: true,
    ...(row.kind === 'header' ? { tableHeader: true } : {}),
  });
}

export function dataTable(block: TableBlock): Table {
  const columnTwips = block.columns.map((c) => mm(c.widthMm));
  const covered = new Array<number>(columnTwips.length).fill(0);
  const rows: TableRow[] = [];
  const all = [...block.header, ...block.body];
  for (const [index, row] of all.entries()) {
    // covered[c] = rows still covered in grid column c counting from the row that set it; a column
    // is covered in this row when the count is still positive after stepping down one row.
    const before = covered.map((n) => Math.max(0, n - 1));
    for (let i = 0; i < covered.length; i++) covered[i] = before[i];
    rows.push(renderRow(row, block, columnTwips, covered, all.length - index));
  }
  return new Table({
    rows,
    columnWidths: columnTwips,
    width: { size: columnTwips.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    // Same cell padding as the print CSS (2 pt all round), so both writers wrap cell text alike;
    // Word's default 1.9 mm sides would wrap a 31/12/2025 deadline header in a narrow column.
    margins: { left: GRID_CELL_PADDING_TWIPS, right: GRID_CELL_PADDING_TWIPS, top: GRID_CELL_PADDING_TWIPS, bottom: GRID_CELL_PADDING_TWIPS },
    borders: {
      ...BORDERS,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  });
}
