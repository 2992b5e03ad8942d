// Borderless fixed-layout tables used for placement only (header grid, signature block).
import { mm } from './units.ts';
import { HEADER } from '../layout.ts';

export const LAYOUT_CELL_PADDING_MM = HEADER.cellPaddingMm;

const NO_BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="none" w:color="auto" w:sz="0"/>`)
  .join('');

/** A layout table: `rows` are w:tr markup (layoutRow). */
export function layoutTable(columnWidthsMm: number[], rows: string[]): string {
  const widths = columnWidthsMm.map(mm);
  const pad = mm(LAYOUT_CELL_PADDING_MM);
  return (
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/>` +
    `<w:tblBorders>${NO_BORDERS}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="${pad}"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="${pad}"/></w:tblCellMar>` +
    '</w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    rows.join('') +
    '</w:tbl>'
  );
}

/** A row that never breaks across pages. */
export function layoutRow(cells: string[]): string {
  return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.join('')}</w:tr>`;
}

/** A top-aligned cell of a layout table; `paragraphs` are w:p markup (at least one, as a cell requires). */
export function layoutCell(widthMm: number, paragraphs: string[]): string {
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${mm(widthMm)}"/><w:vAlign w:val="top"/></w:tcPr>${paragraphs.join('') || '<w:p/>'}</w:tc>`;
}
