// Flattens a PlanDocument into keyed entries a reader recognises: metadata fields, numbered
// paragraphs ("mục II.1.a"), and table rows ("Phụ lục I, dòng I.2") with their cells by column.
import type { Block, PlanDocument, TableBlock, TextBlock } from '../model/types.ts';
import { runsToText } from '../write/text/index.ts';

export interface TextEntry {
  key: string;
  where: string;
  text: string;
}

export interface RowEntry {
  key: string;
  where: string; // "Phụ lục I, dòng I.2"
  name: string; // the row's name cell (indicator or task)
  cells: Map<string, { header: string; text: string }>;
}

export interface FlatDocument {
  meta: Map<string, string>; // Vietnamese field label → value
  blocks: TextEntry[];
  rows: RowEntry[];
}

/** "Số: 1590/KH-UBND" → "1590/KH-UBND", so a change reads "Số: 1590/KH-UBND → 1591/KH-UBND". */
const numberOnly = (line?: string) => (line ?? '').replace(/^Số: ?/, ''); // a draft's blanks stay visible

const numberOf = (label?: string) => (label ?? '').replace(/[.)]$/, '');

function textEntries(part: string, blocks: readonly Block[], out: TextEntry[]): void {
  // Ancestry by ref prefix gives "mục II.1.a"; bullets are counted among their siblings.
  const stack: { ref: string; number: string }[] = [];
  const bulletCount = new Map<string, number>();
  for (const b of blocks) {
    if (b.type !== 'text') continue;
    while (stack.length && !b.ref.startsWith(stack[stack.length - 1].ref + '/')) stack.pop();
    const parentRef = stack.length ? stack[stack.length - 1].ref : '';
    let number = numberOf(b.label);
    if (b.label === '-' || b.label === '+') {
      const n = (bulletCount.get(parentRef + b.label) ?? 0) + 1;
      bulletCount.set(parentRef + b.label, n);
      number = '';
      const path = stack.map((s) => s.number).filter(Boolean).join('.');
      out.push({ key: `${part}#${b.ref}`, where: `${part}${path ? `mục ${path}, ` : ''}ý ${b.label === '+' ? '+' : '-'} thứ ${n}`, text: blockText(b) });
      continue;
    }
    // Decimal labels of appendix sections ("9.1.") already carry their whole path.
    const path = number.includes('.') ? number : [...stack.map((s) => s.number), number].filter(Boolean).join('.');
    stack.push({ ref: b.ref, number });
    out.push({ key: `${part}#${b.ref}`, where: `${part}${path ? `mục ${path}` : 'đoạn'}`, text: blockText(b) });
  }
}

function blockText(b: TextBlock): string {
  return runsToText(b.runs);
}

/** Maps each body cell to its column through row and column spans (covered cells are omitted in the model). */
export function cellGrid(table: TableBlock, rows = table.body): (string | undefined)[][] {
  const width = table.columns.length;
  const pending: number[] = new Array(width).fill(0); // rows still covered by a rowSpan above
  return rows.map((row) => {
    const texts: (string | undefined)[] = new Array(width).fill(undefined);
    let col = 0;
    for (const cell of row.cells) {
      while (col < width && pending[col] > 0) col++;
      if (col >= width) break;
      texts[col] = cell.paragraphs.map(runsToText).join(' ');
      for (let k = 0; k < cell.colSpan; k++) if (col + k < width) pending[col + k] = cell.rowSpan;
      col += cell.colSpan;
    }
    for (let k = 0; k < width; k++) if (pending[k] > 0) pending[k]--;
    return texts;
  });
}

function columnHeaders(table: TableBlock): string[] {
  const grid = cellGrid(table, table.header);
  return table.columns.map((_, c) => {
    const parts: string[] = [];
    for (const row of grid) if (row[c] && !parts.includes(row[c]!)) parts.push(row[c]!);
    return parts.join(' / ');
  });
}

function rowEntries(part: string, table: TableBlock, out: RowEntry[]): void {
  const headers = columnHeaders(table);
  const grid = cellGrid(table);
  let group = '';
  table.body.forEach((row, r) => {
    const texts = grid[r];
    if (row.kind === 'group') {
      group = (texts[0] ?? '').trim();
      return;
    }
    const number = (texts[0] ?? '').replace(/\.$/, '').trim();
    const label = [group, number].filter(Boolean).join('.');
    const name = texts.slice(1).find((t) => t && t.trim()) ?? '';
    const cells = new Map<string, { header: string; text: string }>();
    table.columns.forEach((col, c) => cells.set(col.id, { header: headers[c], text: texts[c] ?? '' }));
    out.push({ key: `${part}#${row.ref}`, where: `${part}dòng ${label || r + 1}`, name, cells });
  });
}

export function flatten(doc: PlanDocument): FlatDocument {
  const meta = new Map<string, string>();
  const blocks: TextEntry[] = [];
  const rows: RowEntry[] = [];
  const d = doc.decision;
  if (d) {
    meta.set('Số quyết định', numberOnly(d.header.numberLine));
    meta.set('Ngày quyết định', d.header.placeDateLine ?? '');
    meta.set('Trích yếu quyết định', runsToText(d.title));
    meta.set('Người ký quyết định', [...d.signature.lines, d.signature.name].join(' / '));
    meta.set('Nơi nhận quyết định', d.recipients.lines.join(' '));
    textEntries('Quyết định, ', [...d.bases, ...d.articles], blocks);
  }
  const p = doc.plan;
  meta.set('Cơ quan ban hành', [...p.header.supervisingAgency, ...p.header.issuingAgency].join(' '));
  if (p.header.numberLine) meta.set('Số', numberOnly(p.header.numberLine));
  if (p.header.placeDateLine) meta.set('Ngày ban hành', p.header.placeDateLine);
  meta.set('Tên loại', p.kind);
  meta.set('Trích yếu', runsToText(p.title));
  if (p.signature) meta.set('Người ký', [...p.signature.lines, p.signature.name].join(' / '));
  if (p.recipients) meta.set('Nơi nhận', p.recipients.lines.join(' '));
  textEntries('', [...p.preamble, ...p.body], blocks);
  for (const b of p.body) if (b.type === 'table') rowEntries('', b, rows);
  for (const a of doc.annexes) {
    meta.set(`${a.label}: tiêu đề`, a.title);
    meta.set(`${a.label}: dòng kèm theo`, a.attachedNote);
    textEntries(`${a.label}, `, a.blocks, blocks);
    for (const b of a.blocks) if (b.type === 'table') rowEntries(`${a.label}, `, b, rows);
  }
  return { meta, blocks, rows };
}
