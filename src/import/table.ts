// An appendix table (Bảng) from a table of the input: header rows → columns (a header cell over
// several columns becomes a column group), the number column → `kieu: stt` (numbers generated),
// group rows (I, II …) → `nhom`, numbered rows and sub-rows (1.1) → rows, merged cells →
// `gop_dong` / `gop_cot`, target columns → `kieu: chi_tieu`. Portal text has lost its merges
// and breaks rows at page ends; `fromText` tells the builder to infer header groups and to join
// a row's pieces again.
import type { Bang, Cot, Dong, O } from '../model/source-types.generated.ts';
import { parseTarget } from '../model/targets.ts';
import type { Cell, Place, Table } from './blocks.ts';
import { expectedLabel, ordinal, romanValue, rowLabel, type Label } from './labels.ts';
import type { ImportReport } from './report.ts';
import { IdMaker } from './slug.ts';
import { sourceText } from './text.ts';

interface Slot {
  cell: Cell;
  colSpan: number;
  rowSpan: number;
}

/** Row-major grid: a slot where a cell starts, 'covered' where a merge covers, undefined where nothing is. */
type Grid = (Slot | 'covered' | undefined)[][];

function toGrid(rows: Cell[][]): Grid {
  const grid: Grid = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] === 'covered') c++;
      grid[r][c] = { cell, colSpan: cell.colSpan, rowSpan: cell.rowSpan };
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (dr === 0 && dc === 0) continue;
          if (grid[r + dr]) grid[r + dr][c + dc] = 'covered';
        }
      }
      c += cell.colSpan;
    }
  });
  return grid;
}

const text = (s: Slot | 'covered' | undefined) => (s && s !== 'covered' ? s.cell.plain : '');
const isNumberHeader = (t: string) => /^(số\s*)?(tt|stt|thứ tự)\.?$/iu.test(t.trim());

export interface TableOptions {
  fromText: boolean;
}

export class TableBuilder {
  constructor(
    private readonly report: ImportReport,
    private readonly rowIds: IdMaker,
  ) {}

  build(table: Table, opts: TableOptions): Bang {
    let grid = toGrid(table.rows);
    const width = Math.max(...grid.map((r) => r.length));
    for (const r of grid) while (r.length < width) r.push(undefined);
    const firstData = grid.findIndex((r) => this.isDataRow(r));
    const headerCount = firstData > 0 ? firstData : firstData === 0 ? 0 : 1;
    const header = grid.slice(0, headerCount);
    if (opts.fromText) inferHeaderSpans(header);
    // A second number column of the portal ("Stt2") holds the numbers of rows under a group.
    const extra = header[0]?.findIndex((s) => /^stt\s*2$/i.test(text(s)));
    const headerKey = header.map((r) => r.map(text).join('\t')).join('\n');
    let body: Grid = [];
    const places: Place[] = [];
    const rest = grid.slice(headerCount);
    for (let i = 0; i < rest.length; i++) {
      // Repeated header rows (the portal repeats them after each page break).
      const key = rest.slice(i, i + headerCount).map((x) => x.map(text).join('\t')).join('\n');
      if (headerCount && key === headerKey) i += headerCount - 1;
      else {
        body.push(rest[i]);
        places.push(table.rowPlaces[headerCount + i] ?? table.at);
      }
    }
    if (extra !== undefined && extra > 0) {
      body = body.map((r) => {
        const moved = r.slice();
        if (!text(moved[0]) && text(moved[extra])) moved[0] = moved[extra];
        moved.splice(extra, 1);
        return moved;
      });
      grid = [...header.map((r) => r.filter((_, i) => i !== extra)), ...body];
      header.splice(0, header.length, ...grid.slice(0, headerCount));
    }
    const colIds = new IdMaker();
    const { cot, leaves } = columns(header, body, colIds, grid[0]?.length ?? 0);
    const dong = this.rows(body, leaves, places, opts);
    markTargetColumns(cot, dong);
    return { cot: cot as Bang['cot'], dong };
  }

  private isDataRow(r: (Slot | 'covered' | undefined)[]): boolean {
    const first = text(r[0]);
    if (rowLabel(first)) return true;
    return /^[IVXLC]+\s+\S/.test(first) && r.slice(1).every((s) => !text(s));
  }

  private rows(body: Grid, leaves: Leaf[], places: Place[], opts: TableOptions): Dong[] {
    const top: Dong[] = [];
    let group: Dong | undefined;
    let lastRow: Dong | undefined;
    let lastLabel: Label | undefined;
    const seen = new Map<string, Label | undefined>();
    const check = (label: Label, key: string, rowAt: Place) => {
      const prev = seen.get(key);
      const n = ordinal(label);
      const p = prev && prev.kind === label.kind ? ordinal(prev) : 0;
      if (n !== undefined && p !== undefined && n !== p + 1) {
        this.report.warn(rowAt, 'import-numbering', `Số thứ tự dòng "${label.value}" không liền mạch (phải là "${expectedLabel(label.kind, p + 1, label.value.split('.')[0])}"); kehoach tự đánh số nên bản nhập đã sửa`);
      }
      seen.set(key, label);
    };
    body.forEach((r, i) => {
      const rowAt = places[i];
      const first = text(r[0]);
      const label = rowLabel(first);
      const others = r.slice(1).filter((s) => text(s));
      const inlineGroup = /^([IVXLC]+)\s+(\S.*)$/.exec(first);
      if ((label?.kind === 'roman' && others.length <= 1) || (inlineGroup && romanValue(inlineGroup[1]) && others.length === 0)) {
        const title = inlineGroup && !label ? inlineGroup[2] : others.length ? paras(others[0] as Slot).join(' ') : '';
        const l = label ?? { kind: 'roman' as const, value: inlineGroup![1], rest: '' };
        check(l, 'group', rowAt);
        group = { id: this.rowIds.make(title, 'nhom'), nhom: sourceText(title.replace(/^\*\*(.*)\*\*$/, '$1')), dong: [] };
        seen.delete('row');
        top.push(group);
        lastRow = undefined;
        return;
      }
      if (!label && lastRow && opts.fromText) {
        joinRow(lastRow, r, leaves);
        return;
      }
      const row = rowSource(r, leaves, this.rowIds);
      if (label?.kind === 'sub' && lastRow) {
        check(label, `sub:${lastRow.id}`, rowAt);
        (lastRow.dong ??= []).push(row);
        return;
      }
      if (label) check(label, 'row', rowAt);
      (group ? group.dong! : top).push(row);
      lastRow = row;
      lastLabel = label;
    });
    void lastLabel;
    return top;
  }
}

interface Leaf {
  col: Cot;
  index: number;
}

/** Portal text has no merges: a header cell followed by empty cells above sub-headers is a group. */
function inferHeaderSpans(header: Grid): void {
  if (header.length < 2) return;
  const [top, sub] = header;
  for (let c = 0; c < top.length; c++) {
    const s = top[c];
    if (!s || s === 'covered' || !text(s)) continue;
    let span = 1;
    while (c + span < top.length && !text(top[c + span]) && text(sub[c + span])) span++;
    if (span > 1 && text(sub[c])) {
      s.colSpan = span;
      for (let d = 1; d < span; d++) top[c + d] = 'covered';
    } else if (!text(sub[c])) {
      s.rowSpan = header.length;
      for (let r = 1; r < header.length; r++) header[r][c] = 'covered';
    }
  }
}

function columns(header: Grid, body: Grid, ids: IdMaker, width: number): { cot: Cot[]; leaves: Leaf[] } {
  const leaves: Leaf[] = [];
  const cot: Cot[] = [];
  const avg = (c: number) => {
    const lens = body.map((r) => text(r[c]).length).filter((n) => n > 0);
    return lens.length ? lens.reduce((a, b) => a + b, 0) / lens.length : 4;
  };
  const leaf = (title: string, c: number): Cot => {
    const stt = c === 0 && isNumberHeader(title);
    const col: Cot = { id: stt ? ids.make('stt', 'stt') : ids.make(title, 'cot', 3) };
    if (title) col.tieu_de = sourceText(title);
    if (stt) {
      col.kieu = 'stt';
      if (body.some((r) => /^\d+\.$/.test(text(r[0])))) col.dinh_dang = '1.';
    }
    col.rong = stt ? 5 : Math.round(Math.min(40, Math.max(6, Math.sqrt(avg(c)) * 2.2)));
    leaves.push({ col, index: c });
    return col;
  };
  const top = header[0] ?? [];
  for (let c = 0; c < width; c++) {
    const s = top[c];
    if (s === 'covered') continue;
    const title = text(s);
    const span = s ? s.colSpan : 1;
    if (span > 1 && header.length > 1) {
      const sub: Cot[] = [];
      for (let d = 0; d < span; d++) sub.push(leaf(text(header[1][c + d]), c + d));
      const group: Cot = { id: ids.make(title, 'nhom-cot', 3), tieu_de: sourceText(title), cot: sub as Cot['cot'] };
      cot.push(group);
      c += span - 1;
    } else cot.push(leaf(title, c));
  }
  return { cot, leaves };
}

function paras(s: Slot): string[] {
  return s.cell.paras.map((p) => (s.cell.bold ? `**${p}**` : p));
}

function cellValue(s: Slot): O {
  const ps = paras(s).map(sourceText);
  const value: string | string[] = ps.length === 1 ? ps[0] : ps;
  if (s.rowSpan > 1 || s.colSpan > 1) {
    const o: { doan: string | string[]; gop_dong?: number; gop_cot?: number } = { doan: value };
    if (s.rowSpan > 1) o.gop_dong = s.rowSpan;
    if (s.colSpan > 1) o.gop_cot = s.colSpan;
    return o;
  }
  return value;
}

function rowSource(r: (Slot | 'covered' | undefined)[], leaves: Leaf[], ids: IdMaker): Dong {
  const o: Record<string, O> = {};
  let name = '';
  for (const { col, index } of leaves) {
    if (col.kieu === 'stt') continue;
    const s = r[index];
    if (!s || s === 'covered' || !s.cell.paras.length) continue;
    if (!name) name = s.cell.plain;
    o[col.id!] = cellValue(s);
  }
  return { id: ids.make(name, 'dong'), o };
}

/** A row the portal broke at a page end: its pieces are joined cell by cell. */
function joinRow(row: Dong, r: (Slot | 'covered' | undefined)[], leaves: Leaf[]): void {
  const o = row.o as Record<string, O>;
  for (const { col, index } of leaves) {
    const s = r[index];
    if (col.kieu === 'stt' || !s || s === 'covered' || !s.cell.paras.length) continue;
    const more = paras(s).map(sourceText);
    const had = o[col.id!];
    if (had === undefined) o[col.id!] = more.length === 1 ? more[0] : more;
    else if (typeof had === 'string') o[col.id!] = more.length === 1 ? `${had} ${more[0]}` : [`${had} ${more[0]}`, ...more.slice(1)];
    else if (Array.isArray(had)) o[col.id!] = [...had.slice(0, -1), `${had[had.length - 1]} ${more[0]}`, ...more.slice(1)];
  }
}

/** A column whose header speaks of targets and whose every value reads as one becomes a target column. */
function markTargetColumns(cot: Cot[], dong: Dong[]): void {
  const values = (id: string): unknown[] => {
    const out: unknown[] = [];
    const walk = (rows: Dong[]) => {
      for (const d of rows) {
        const v = (d.o as Record<string, unknown> | undefined)?.[id];
        if (v !== undefined) out.push(v);
        if (d.dong) walk(d.dong);
      }
    };
    walk(dong);
    return out;
  };
  const visit = (cols: Cot[]) => {
    for (const c of cols) {
      if (c.cot) visit(c.cot);
      else if (c.kieu !== 'stt' && /chỉ tiêu/iu.test(c.tieu_de ?? '')) {
        const vs = values(c.id!);
        if (vs.length && vs.every((v) => typeof v === 'string' && parseTarget(v))) c.kieu = 'chi_tieu';
      }
    }
  };
  visit(cot);
}
