// Merged tables of any shape come out as a consistent Word grid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TableBlock, TableCell, TableRow } from '../../../src/model/types.ts';
import { dataTable } from '../../../src/write/docx/table.ts';
import { cells, rows } from './helpers.ts';

/** Builds a valid HTML-style table (covered cells omitted) from a stream of span choices. */
function buildTable(columns: number, rowCount: number, choices: Array<[number, number]>): TableBlock {
  const taken: boolean[][] = Array.from({ length: rowCount }, () => new Array<boolean>(columns).fill(false));
  const modelRows: TableRow[] = [];
  let k = 0;
  for (let r = 0; r < rowCount; r++) {
    const rowCells: TableCell[] = [];
    for (let c = 0; c < columns; c++) {
      if (taken[r][c]) continue;
      const [cs, rs] = choices[k++ % choices.length];
      let colSpan = 1;
      while (colSpan < cs && c + colSpan < columns && !taken[r][c + colSpan]) colSpan++;
      let rowSpan = 1;
      while (rowSpan < rs && r + rowSpan < rowCount && taken[r + rowSpan].slice(c, c + colSpan).every((x) => !x)) rowSpan++;
      for (let i = r; i < r + rowSpan; i++) for (let j = c; j < c + colSpan; j++) taken[i][j] = true;
      rowCells.push({ paragraphs: [[{ text: `r${r}c${c}` }]], colSpan, rowSpan, align: 'left' });
    }
    modelRows.push({ kind: r === 0 ? 'header' : 'data', cells: rowCells, ref: `r${r}` });
  }
  return {
    type: 'table',
    columns: Array.from({ length: columns }, (_, i) => ({ id: `c${i}`, widthMm: 20, align: 'left' as const })),
    header: modelRows.slice(0, 1),
    body: modelRows.slice(1),
    fontSizePt: 12,
    ref: 't',
  };
}

async function renderTableXml(block: TableBlock): Promise<string> {
  return dataTable(block);
}

describe('dataTable', () => {
  it('fills every row of the grid exactly, whatever the merges', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 20 }),
        async (columns, rowCount, choices) => {
          const block = buildTable(columns, rowCount, choices);
          const xml = await renderTableXml(block);
          const outRows = rows(xml);
          expect(outRows).toHaveLength(rowCount);
          const modelRows = [...block.header, ...block.body];
          outRows.forEach((tr, r) => {
            const tcs = cells(tr);
            const width = tcs.reduce((sum, tc) => sum + Number(tc.match(/<w:gridSpan w:val="(\d+)"\/>/)?.[1] ?? 1), 0);
            expect(width).toBe(columns);
            const own = tcs.filter((tc) => !tc.includes('w:vMerge w:val="continue"'));
            expect(own).toHaveLength(modelRows[r].cells.length);
            // Cell order is the model order (text r<row>c<col> increases along the row).
            const names = own.map((tc) => tc.match(/r\d+c(\d+)/)![1]).map(Number);
            expect(names).toEqual([...names].sort((a, b) => a - b));
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stops a rowSpan at the last row', async () => {
    const block = buildTable(2, 2, [[1, 1]]);
    block.body[0].cells[0].rowSpan = 5;
    const xml = await renderTableXml(block);
    expect(xml).not.toContain('w:vMerge');
  });
});
