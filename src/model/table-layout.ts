// Where each value of a table lands: leaf columns of the (nested) column tree, and for every
// data row the cells by column — by id or by position (stt skipped; columns covered by a
// gop_dong from above take no value). Shared by the table builder and the target checks.
import type { JsonPath } from '../load/types.ts';
import type { Bang, Cot, Dong, O } from './source-types.generated.ts';

export interface LeafColumn {
  col: Cot;
  id: string;
  path: JsonPath;
}

export interface PlacedCell {
  column: number;
  value: O | undefined;
  /** Path of the value (undefined when the row gives nothing for this column). */
  path?: JsonPath;
  colSpan: number;
  rowSpan: number;
}

export interface RowEvent {
  kind: 'group' | 'data';
  row: Dong;
  path: JsonPath;
  /** Group: "I", "II"; data: [2] for "2.", [2, 1] for "2.1". */
  number: string | number[];
  /** Data rows: one entry per column not covered from above or by a span in this row. */
  cells: PlacedCell[];
  ref: string;
}

export interface ShapeProblem {
  path: JsonPath;
  message: string;
}

export function leafColumns(cols: readonly Cot[], base: JsonPath): LeafColumn[] {
  const out: LeafColumn[] = [];
  cols.forEach((c, i) => {
    const path = [...base, i];
    if (c.cot && c.cot.length > 0) out.push(...leafColumns(c.cot, [...path, 'cot']));
    else out.push({ col: c, id: c.id ?? `cot-${out.length + 1}`, path });
  });
  return out;
}

export function headerDepth(cols: readonly Cot[]): number {
  return Math.max(1, ...cols.map((c) => (c.cot && c.cot.length > 0 ? 1 + headerDepth(c.cot) : 1)));
}

function isCellObject(v: unknown): v is { gop_dong?: number; gop_cot?: number } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !('gia_tri' in v);
}

export interface Layout {
  leaves: LeafColumn[];
  rows: RowEvent[];
  problems: ShapeProblem[];
}

/** Lay out the rows of a table; `basePath` is the path of the `bang` value, `ref` its ref. */
export function layoutTable(bang: Bang, basePath: JsonPath, ref: string, roman: (n: number) => string): Layout {
  const leaves = leafColumns(bang.cot, [...basePath, 'cot']);
  const ids = new Map(leaves.map((l, i) => [l.id, i]));
  const n = leaves.length;
  const rows: RowEvent[] = [];
  const problems: ShapeProblem[] = [];
  // pending[c]: how many more rows column c is covered by a gop_dong from above.
  let pending: { left: number; path: JsonPath }[] = leaves.map(() => ({ left: 0, path: [] }));
  let groups = 0;

  const clearPending = (why: string) => {
    for (const p of pending) if (p.left > 0) problems.push({ path: p.path, message: why });
    pending = leaves.map(() => ({ left: 0, path: [] }));
  };

  const dataRow = (row: Dong, path: JsonPath, number: number[], rowRef: string) => {
    const covered = pending.map((p) => p.left > 0);
    const o = row.o;
    const byId = o && !Array.isArray(o) ? (o as Record<string, O>) : undefined;
    const positional = Array.isArray(o) ? o : undefined;
    if (byId) {
      for (const key of Object.keys(byId)) {
        const c = ids.get(key);
        if (c === undefined) problems.push({ path: [...path, 'o', key], message: `Cột "${key}" không có trong bảng (các cột: ${leaves.map((l) => l.id).join(', ')})` });
        else if (leaves[c].col.kieu === 'stt') problems.push({ path: [...path, 'o', key], message: `Cột "${key}" là cột số thứ tự, được đánh số tự động; bỏ giá trị này` });
      }
    }
    const cells: PlacedCell[] = [];
    let pi = 0;
    let spanEnd = 0;
    for (let c = 0; c < n; c++) {
      const leaf = leaves[c];
      if (covered[c] || c < spanEnd) {
        if (byId && byId[leaf.id] !== undefined) problems.push({ path: [...path, 'o', leaf.id], message: `Ô cột "${leaf.id}" nằm trong một ô gộp (gop_dong/gop_cot) nên không được ghi giá trị` });
        continue;
      }
      if (leaf.col.kieu === 'stt') {
        cells.push({ column: c, value: undefined, colSpan: 1, rowSpan: 1 });
        spanEnd = c + 1;
        continue;
      }
      let value: O | undefined;
      let vpath: JsonPath | undefined;
      if (byId && Object.prototype.hasOwnProperty.call(byId, leaf.id)) {
        value = byId[leaf.id];
        vpath = [...path, 'o', leaf.id];
      } else if (positional && pi < positional.length) {
        value = positional[pi];
        vpath = [...path, 'o', pi];
        pi++;
      }
      let colSpan = 1;
      let rowSpan = 1;
      if (isCellObject(value)) {
        colSpan = value.gop_cot ?? 1;
        rowSpan = value.gop_dong ?? 1;
        if (c + colSpan > n) {
          problems.push({ path: vpath!, message: `gop_cot ${colSpan} vượt quá số cột còn lại của bảng (${n - c})` });
          colSpan = n - c;
        }
      }
      for (let k = c; k < c + colSpan; k++) if (covered[k]) {
        problems.push({ path: vpath!, message: 'Ô gộp cột chồng lên một ô gộp dòng phía trên' });
        colSpan = k - c;
        break;
      }
      colSpan = Math.max(1, colSpan);
      if (rowSpan > 1) for (let k = c; k < c + colSpan; k++) pending[k] = { left: rowSpan - 1, path: vpath! };
      cells.push({ column: c, value, path: vpath, colSpan, rowSpan });
      spanEnd = c + colSpan;
    }
    if (positional && pi < positional.length) {
      problems.push({ path: [...path, 'o', pi], message: `Dòng có ${positional.length} ô nhưng bảng chỉ còn ${pi} cột để ghi (không kể cột số thứ tự và ô bị gộp)` });
    }
    // Rows covered by a gop_dong started in this row are counted from the next row on.
    for (let c = 0; c < n; c++) if (covered[c]) pending[c].left--;
    rows.push({ kind: 'data', row, path, number, cells, ref: rowRef });
  };

  const walk = (list: readonly Dong[], base: JsonPath, prefix: number[], parentRef: string) => {
    let count = 0;
    list.forEach((row, i) => {
      const path = [...base, i];
      const rowRef = `${parentRef}/${row.id ?? i}`;
      if (row.nhom !== undefined) {
        // A group row prints its title across the table and nothing else: cells written on it
        // would be silently lost.
        const o = row.o as unknown;
        const written = Array.isArray(o) ? o.some((v) => v !== null && v !== '') : o && typeof o === 'object' ? Object.values(o).some((v) => v !== null && v !== '') : false;
        if (written) {
          problems.push({
            path: [...path, 'o'],
            message: `Dòng nhóm "${String(row.nhom).slice(0, 40)}" chỉ in tên nhóm trải ngang cả bảng; các ô (o) của nó sẽ không được in: bỏ 'o', hoặc ghi các ô đó ở một dòng thường (dong) trong nhóm`,
          });
        }
        clearPending('Ô gộp dòng (gop_dong) kéo qua một dòng nhóm');
        groups++;
        rows.push({ kind: 'group', row, path, number: roman(groups), cells: [], ref: rowRef });
        walk(row.dong ?? [], [...path, 'dong'], [], rowRef);
        return;
      }
      count++;
      const number = [...prefix, count];
      dataRow(row, path, number, rowRef);
      if (row.dong && row.dong.length > 0) walk(row.dong, [...path, 'dong'], number, rowRef);
    });
  };
  walk(bang.dong ?? [], [...basePath, 'dong'], [], ref);
  clearPending('Ô gộp dòng (gop_dong) vượt quá số dòng còn lại của bảng');
  return { leaves, rows, problems };
}
