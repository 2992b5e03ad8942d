// Borderless fixed-layout tables used for placement only (header grid, signature block).
import { Table, TableBorders, TableCell, TableLayoutType, VerticalAlign, WidthType, type Paragraph, type TableRow } from 'docx';
import { mm } from './units.ts';

/** Cell padding left/right of the layout tables: 1 mm, so the 100 mm Quốc hiệu column keeps 98 mm for text. */
export const LAYOUT_CELL_PADDING_MM = 1;

export function layoutTable(columnWidthsMm: number[], rows: TableRow[]): Table {
  const widths = columnWidthsMm.map(mm);
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: {
      left: mm(LAYOUT_CELL_PADDING_MM),
      right: mm(LAYOUT_CELL_PADDING_MM),
      top: 0,
      bottom: 0,
      marginUnitType: WidthType.DXA,
    },
  });
}

/** Width available to text inside a layout cell. */
export function cellTextWidthMm(cellWidthMm: number): number {
  return cellWidthMm - 2 * LAYOUT_CELL_PADDING_MM;
}

/** A top-aligned cell of a layout table. */
export function layoutCell(widthMm: number, children: Paragraph[]): TableCell {
  return new TableCell({ children, width: { size: mm(widthMm), type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP });
}
