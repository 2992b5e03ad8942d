// bang → TableBlock: grouped header rows with spans, group rows (I, II … across the row, bold),
// data rows numbered per group ("1." or "1" by the stt column's dinh_dang), sub-rows "1.1",
// targets printed in one style, widths fitted to the page's text width.
import type { JsonPath } from '../load/types.ts';
import type { Bang, Cot, O } from './source-types.generated.ts';
import type { Runs, TableBlock, TableCell, TableColumn, TableRow } from './types.ts';
import type { BuildContext } from './context.ts';
import { headerDepth, layoutTable, type LeafColumn, type PlacedCell } from './table-layout.ts';
import { roman } from './numbering.ts';
import { numericDate, parseDate } from './dates.ts';
import { formatTarget, isStructuredTarget, parseTarget } from './targets.ts';
import { formatTypedNumber } from './numbers.ts';
import { tableWidthMm, type PageOrientation } from './page.ts';

type Align = TableColumn['align'];

const ALIGN: Record<NonNullable<Cot['can']>, Align> = { trai: 'left', giua: 'center', phai: 'right', deu: 'justify' };

/** Default relative widths when a column gives no `rong`. */
function defaultWidth(col: Cot): number {
  if (col.kieu === 'stt') return 5;
  if (col.kieu === 'chi_tieu' || col.kieu === 'thoi_han') return 10;
  return 20;
}

function columnAlign(col: Cot): Align {
  if (col.can) return ALIGN[col.can];
  return col.kieu === 'stt' || col.kieu === 'chi_tieu' || col.kieu === 'thoi_han' ? 'center' : 'left';
}

/** Relative widths scaled to `total` mm, rounded to 0.1 mm; the last column takes the rest so they sum exactly. */
export function fitWidths(relative: readonly number[], total: number): number[] {
  const sum = relative.reduce((a, b) => a + b, 0) || 1;
  const out = relative.map((w) => Math.round((w / sum) * total * 10) / 10);
  if (out.length > 0) out[out.length - 1] = Math.round((total - out.slice(0, -1).reduce((a, b) => a + b, 0)) * 10) / 10;
  return out;
}

function cell(paragraphs: Runs[], align: Align, extra: Partial<TableCell> = {}): TableCell {
  return { paragraphs, colSpan: 1, rowSpan: 1, align, ...extra };
}

export function buildTable(ctx: BuildContext, bang: Bang, path: JsonPath, ref: string, orientation: PageOrientation): TableBlock {
  const layout = layoutTable(bang, path, ref, roman);
  for (const p of layout.problems) ctx.report('row-shape', 'error', p.message, p.path);
  const { leaves } = layout;
  const widths = fitWidths(leaves.map((l) => l.col.rong ?? defaultWidth(l.col)), tableWidthMm(orientation));
  const columns: TableColumn[] = leaves.map((l, i) => ({ id: l.id, widthMm: widths[i], align: columnAlign(l.col) }));

  const header = buildHeader(ctx, bang.cot, [...path, 'cot'], ref);
  const sttIndex = leaves.findIndex((l) => l.col.kieu === 'stt');
  const stt = sttIndex >= 0 ? leaves[sttIndex].col : undefined;
  const body: TableRow[] = layout.rows.map((ev) => {
    if (ev.kind === 'group') {
      const title = ctx.text.runs(ev.row.nhom, [...ev.path, 'nhom']);
      const num = ev.number as string;
      const cells =
        sttIndex === 0 && leaves.length > 1
          ? [cell([[{ text: num }]], 'center', { bold: true }), cell([title], 'left', { bold: true, colSpan: leaves.length - 1 })]
          : [cell([[{ text: `${num}. ` }, ...title]], 'left', { bold: true, colSpan: leaves.length })];
      return { kind: 'group', cells, ref: ev.ref };
    }
    const italic = ev.row.nghieng === true;
    const cells = ev.cells.map((pc) => {
      const leaf = leaves[pc.column];
      const c =
        leaf.col.kieu === 'stt'
          ? cell([[{ text: numberLabel(ev.number as number[], stt?.dinh_dang) }]], columns[pc.column].align)
          : valueCell(ctx, leaf, pc, columns[pc.column].align);
      if (pc.colSpan > 1) c.colSpan = pc.colSpan;
      if (pc.rowSpan > 1) c.rowSpan = pc.rowSpan;
      if (italic) c.italic = true;
      return c;
    });
    return { kind: 'data', cells, ref: ev.ref };
  });
  return { type: 'table', columns, header, body, fontSizePt: bang.co_chu ?? 12, ref };
}

/** "1." / "1" for a row of the first level, "1.1" for sub-rows. */
function numberLabel(number: number[], format: Cot['dinh_dang']): string {
  if (number.length > 1) return number.join('.');
  return format === '1' ? String(number[0]) : `${number[0]}.`;
}

function buildHeader(ctx: BuildContext, cols: readonly Cot[], path: JsonPath, ref: string): TableRow[] {
  const depth = headerDepth(cols);
  const rows: TableCell[][] = Array.from({ length: depth }, () => []);
  const leafCount = (c: Cot): number => (c.cot && c.cot.length > 0 ? c.cot.reduce((a, s) => a + leafCount(s), 0) : 1);
  const walk = (list: readonly Cot[], base: JsonPath, level: number) => {
    list.forEach((c, i) => {
      const p = [...base, i];
      const group = !!(c.cot && c.cot.length > 0);
      const c2 = cell([headerText(ctx, c, p)], 'center', { bold: true });
      if (group) c2.colSpan = leafCount(c);
      else c2.rowSpan = depth - level;
      rows[level].push(c2);
      if (group) walk(c.cot!, [...p, 'cot'], level + 1);
    });
  };
  walk(cols, path, 0);
  return rows.map((cells, i) => ({ kind: 'header', cells, ref: `${ref}/header/${i}` }));
}

function headerText(ctx: BuildContext, c: Cot, path: JsonPath): Runs {
  if (c.tieu_de !== undefined) return ctx.text.runs(c.tieu_de, [...path, 'tieu_de']);
  const han = parseDate(c.han);
  if (han) return [{ text: `Chỉ tiêu đến ${numericDate(han)}` }];
  if (c.kieu === 'stt') return [{ text: 'TT' }];
  return [];
}

function valueCell(ctx: BuildContext, leaf: LeafColumn, pc: PlacedCell, align: Align): TableCell {
  const v = pc.value;
  if (v === undefined || v === null || !pc.path) return cell([], align);
  const path = pc.path;
  const isTarget = leaf.col.kieu === 'chi_tieu';
  const style = leaf.col.dinh_dang === 'gon' ? 'gon' : 'day_du';
  const targetText = (value: unknown, p: JsonPath): Runs => {
    const t = parseTarget(value);
    if (t) return [{ text: formatTarget(t, style) }];
    ctx.report('target-unparsed', 'warning', `Không đọc được chỉ tiêu "${String(value)}"; ghi dạng "Tối thiểu 45", "> 95", "100" hoặc {so_sanh, gia_tri, don_vi}`, p);
    return ctx.text.runs(value, p);
  };
  // A deadline column's bare number is a year (2025); other numbers print as Vietnamese writes them (1.500).
  const plain = (n: number) => (leaf.col.kieu === 'thoi_han' ? String(n) : formatTypedNumber(n));
  if (typeof v === 'number') return cell([[{ text: isTarget ? formatTarget({ op: '=', value: v }, style) : plain(v) }]], align);
  if (typeof v === 'string') return cell([isTarget ? targetText(v, path) : ctx.text.runs(v, path)], align);
  if (Array.isArray(v)) return cell(v.map((s, i) => ctx.text.runs(s, [...path, i])), align);
  if (isStructuredTarget(v)) return cell([targetText(v, path)], align);
  const paragraphs: Runs[] = [];
  const o = v as Exclude<O, string | number | null | unknown[]> & { doan?: string | string[]; danh_sach?: string[]; chi_tieu?: unknown };
  if (typeof o.doan === 'string') paragraphs.push(ctx.text.runs(o.doan, [...path, 'doan']));
  else if (Array.isArray(o.doan)) o.doan.forEach((s, i) => paragraphs.push(ctx.text.runs(s, [...path, 'doan', i])));
  // A numbered list in a cell is printed as "1. …" paragraphs.
  (o.danh_sach ?? []).forEach((s, i) => paragraphs.push([{ text: `${i + 1}. ` }, ...ctx.text.runs(s, [...path, 'danh_sach', i])]));
  if (o.chi_tieu !== undefined) paragraphs.push(targetText(o.chi_tieu, [...path, 'chi_tieu']));
  return cell(paragraphs, align);
}
