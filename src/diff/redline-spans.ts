// Cells merged across rows in a redline table. The redline holds the rows of both revisions — kept
// and inserted rows as the newer table has them, deleted rows as the older one had them — while a
// cell's rowSpan counts rows of its own table only. Here each span is refitted to the combined
// rows, so the table stays well formed and accepting or rejecting every change gives each
// revision's merges back:
// - a span of the newer table also covers the deleted rows that lie inside it (and a deleted row
//   right after it that its old table left to a merge), and those rows give up their cell there;
// - a span of a deleted row covers only the deleted rows right below it: the newer table's rows
//   keep their own cells.
import type { TableRow } from '../model/types.ts';

interface Placed {
  /** Grid column where each cell starts. */
  starts: number[];
  /** Each cell's rowSpan as its table can hold it (never past the last row). */
  spans: number[];
  /** Grid columns a merge from a row above covers in this row. */
  covered: Set<number>;
}

/** Where the cells of each row sit in their own table (HTML semantics: a cell takes the first free column). */
function place(rows: readonly TableRow[], columns: number): Map<string, Placed> {
  const below = new Array<number>(columns).fill(0);
  const out = new Map<string, Placed>();
  rows.forEach((row, i) => {
    const covered = new Set<number>();
    below.forEach((left, c) => left > 0 && covered.add(c));
    const starts: number[] = [];
    const spans: number[] = [];
    let col = 0;
    for (const cell of row.cells) {
      while (covered.has(col)) col++;
      const width = Math.max(1, cell.colSpan);
      const span = Math.min(Math.max(1, cell.rowSpan), rows.length - i);
      starts.push(col);
      spans.push(span);
      for (let c = col; c < col + width && c < columns; c++) below[c] = Math.max(below[c], span);
      col += width;
    }
    for (let c = 0; c < columns; c++) below[c] = Math.max(0, below[c] - 1);
    out.set(row.ref, { starts, spans, covered });
  });
  return out;
}

export function fitSpans(oldRows: readonly TableRow[], newRows: readonly TableRow[], rows: TableRow[], columns: number): TableRow[] {
  if (![...oldRows, ...newRows].some((r) => r.cells.some((c) => c.rowSpan > 1))) return rows;
  const oldPlaced = place(oldRows, columns);
  const newPlaced = place(newRows, columns);
  const own = rows.map((r) => (r.change === 'delete' ? oldPlaced : newPlaced).get(r.ref)!);
  const isOld = (r: TableRow) => r.change === 'delete';
  const covered = rows.map(() => new Set<number>());
  const out: TableRow[] = [];
  rows.forEach((row, r) => {
    const cells: TableRow['cells'] = [];
    row.cells.forEach((cell, k) => {
      const g = own[r].starts[k];
      const width = Math.max(1, cell.colSpan);
      // A merge of the other revision covers this column here: the cell is not written.
      if (covered[r].has(g)) return;
      let end = r;
      let need = own[r].spans[k] - 1;
      for (let j = r + 1; j < rows.length && need > 0; j++) {
        const sameSide = isOld(rows[j]) === isOld(row);
        if (isOld(row) && !sameSide) break;
        end = j;
        if (sameSide) need--;
      }
      while (end + 1 < rows.length && isOld(rows[end + 1]) !== isOld(row) && own[end + 1].covered.has(g)) end++;
      for (let j = r + 1; j <= end; j++) for (let c = g; c < g + width; c++) covered[j].add(c);
      cells.push(end - r + 1 === cell.rowSpan ? cell : { ...cell, rowSpan: end - r + 1 });
    });
    out.push(cells.length === row.cells.length && cells.every((c, i) => c === row.cells[i]) ? row : { ...row, cells });
  });
  return out;
}
