// PlanDocument → plain view objects for the Handlebars templates. Every field a template reads is
// always present (null when absent) because the templates are compiled in strict mode. All text
// stays text: escaping is the templates' job ({{…}} only, never {{{…}}} for plan content).
import type {
  Annex,
  Block,
  Decision,
  HeaderGrid,
  PlanPart,
  Recipients,
  Runs,
  Signature,
  TableBlock,
  TableCell,
  TableRow,
  TextBlock,
} from '../../model/types.ts';
import { keepsTogether } from '../measure.ts';
import { BODY, HEADER } from '../layout.ts';
import { textWidthMm } from '../../model/page.ts';
import { titleLayout } from '../title-lines.ts';
import { agencyRuleMm, placeDateSizePt } from '../header-layout.ts';
import { spannedRowBlocks } from '../row-blocks.ts';

export interface RunView {
  text: string;
  bold: boolean;
  italic: boolean;
  /** A document number: kept on one line (a .nobr span, one box), its hyphens ordinary. */
  noBreak: boolean;
}

export interface ParagraphView {
  runs: RunView[];
}

export interface TextView {
  cls: string;
  label: string | null;
  runs: RunView[];
  ref: string;
}

export interface CellView {
  colSpan: number;
  rowSpan: number;
  cls: string;
  paragraphs: ParagraphView[];
}

export interface RowView {
  /** Header rows use <th> cells. */
  th: boolean;
  cls: string;
  ref: string;
  cells: CellView[];
}

export interface TableView {
  widthMm: string;
  fontSizePt: string;
  cols: { widthMm: string }[];
  header: RowView[];
  /** Body rows in tbody sections; `keep`: a block under a merged cell, never broken across pages. */
  bodies: TableBodyView[];
  ref: string;
}

export interface TableBodyView {
  keep: boolean;
  rows: RowView[];
}

export interface BlockView {
  text: TextView | null;
  table: TableView | null;
}

export interface HeaderView {
  supervising: string[];
  issuing: string[];
  numberLine: string | null;
  placeDateLine: string | null;
  hasSecondRow: boolean;
  /** Length of the rule under the agency and size of the date line (header-layout.ts, as in the DOCX). */
  agencyRuleMm: string;
  placeDateSizePt: number;
  /** The Số / date row's own size, the larger of the two: both cells get one line box (print.css). */
  secondRowPt: number;
}

export interface SignatureView {
  recipients: string[] | null;
  lines: string[];
  name: string;
}

export interface DecisionView {
  header: HeaderView;
  kind: string;
  title: TitleView;
  /** Always null: the title-block partial is shared with the plan. */
  attachedNote: null;
  authority: string;
  bases: TextView[];
  articles: TextView[];
  signature: SignatureView;
}

export interface PlanView {
  header: HeaderView;
  kind: string;
  title: TitleView;
  attachedNote: string | null;
  preamble: TextView[];
  body: BlockView[];
  signature: SignatureView | null;
}

export interface AnnexView {
  landscape: boolean;
  label: string;
  title: TitleView;
  attachedNote: string;
  blocks: BlockView[];
  id: string;
}

/** A centred title's lines (a <br> between two) and its rule, as the DOCX sets them (title-lines.ts). */
export interface TitleView {
  lines: { runs: RunView[]; first: boolean }[];
  ruleMm: number;
}

function titleView(title: Runs, boxMm: number): TitleView {
  const layout = titleLayout(title, boxMm, BODY.sizePt);
  return { lines: layout.lines.map((l, i) => ({ runs: runs(l), first: i === 0 })), ruleMm: layout.ruleMm };
}

function runs(rs: Runs): RunView[] {
  return rs.map((r) => ({ text: r.text, bold: r.bold === true, italic: r.italic === true, noBreak: r.noBreak === true }));
}

export function headerView(h: HeaderGrid): HeaderView {
  const numberLine = h.numberLine ?? null;
  const placeDateLine = h.placeDateLine ?? null;
  const datePt = placeDateSizePt(placeDateLine ?? '');
  return {
    supervising: [...h.supervisingAgency],
    issuing: [...h.issuingAgency],
    numberLine,
    placeDateLine,
    hasSecondRow: numberLine !== null || placeDateLine !== null,
    agencyRuleMm: mm(agencyRuleMm(h.issuingAgency)),
    placeDateSizePt: datePt,
    secondRowPt: Math.max(HEADER.numberPt, datePt),
  };
}

/** `forceItalic`: căn cứ of a decision are italic whatever the block says (PL1 II.6: "in nghiêng"). */
export function textView(b: TextBlock, forceItalic = false): TextView {
  const cls = ['blk', `role-${b.role}`];
  if (b.italic || forceItalic) cls.push('italic');
  if (keepsTogether(b)) cls.push('keep');
  return {
    cls: cls.join(' '),
    label: b.label !== undefined && b.label !== '' ? b.label : null,
    runs: runs(b.runs),
    ref: b.ref,
  };
}

function cellView(c: TableCell, header: boolean): CellView {
  const cls = [`al-${c.align}`];
  // A body cell spanning rows starts reading at its first row (as the source documents print it):
  // centred, its text would sit beside later rows, or on the next page when the rows break.
  if (!header && c.rowSpan > 1) cls.push('span-rows');
  if (c.bold) cls.push('bold');
  if (c.italic) cls.push('italic');
  return {
    colSpan: Math.max(1, c.colSpan),
    rowSpan: Math.max(1, c.rowSpan),
    cls: cls.join(' '),
    paragraphs: c.paragraphs.map((p) => ({ runs: runs(p) })),
  };
}

function rowView(r: TableRow): RowView {
  return { th: r.kind === 'header', cls: `row-${r.kind}`, ref: r.ref, cells: r.cells.map((c) => cellView(c, r.kind === 'header')) };
}

/** Millimetres printed with at most two decimals, so the HTML does not depend on float noise. */
function mm(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Body rows as tbody sections: one per block of rows under a cell merged across rows (row-blocks.ts), kept on one page. */
function bodies(t: TableBlock): TableBodyView[] {
  const out: TableBodyView[] = [];
  let at = 0;
  const plain = (to: number) => {
    if (to > at) out.push({ keep: false, rows: t.body.slice(at, to).map(rowView) });
  };
  for (const [start, end] of spannedRowBlocks(t.body)) {
    plain(start);
    out.push({ keep: true, rows: t.body.slice(start, end).map(rowView) });
    at = end;
  }
  plain(t.body.length);
  return out;
}

export function tableView(t: TableBlock): TableView {
  const total = t.columns.reduce((s, c) => s + c.widthMm, 0);
  return {
    widthMm: mm(total),
    fontSizePt: mm(t.fontSizePt),
    cols: t.columns.map((c) => ({ widthMm: mm(c.widthMm) })),
    header: t.header.map(rowView),
    bodies: bodies(t),
    ref: t.ref,
  };
}

export function blockView(b: Block): BlockView {
  return b.type === 'table' ? { text: null, table: tableView(b) } : { text: textView(b), table: null };
}

function signatureView(s: Signature, r: Recipients | undefined): SignatureView {
  return { recipients: r ? [...r.lines] : null, lines: [...s.lines], name: s.name };
}

export function decisionView(d: Decision): DecisionView {
  return {
    header: headerView(d.header),
    kind: d.kind,
    title: titleView(d.title, textWidthMm('portrait')),
    attachedNote: null,
    authority: d.authority,
    bases: d.bases.map((b) => textView(b, true)),
    articles: d.articles.map((b) => textView(b)),
    signature: signatureView(d.signature, d.recipients),
  };
}

export function planView(p: PlanPart): PlanView {
  let signature: SignatureView | null = null;
  if (p.signature) signature = signatureView(p.signature, p.recipients);
  else if (p.recipients) signature = { recipients: [...p.recipients.lines], lines: [], name: '' };
  return {
    header: headerView(p.header),
    kind: p.kind,
    title: titleView(p.title, textWidthMm('portrait')),
    attachedNote: p.attachedNote ?? null,
    preamble: p.preamble.map((b) => textView(b)),
    body: p.body.map(blockView),
    signature,
  };
}

export function annexView(a: Annex): AnnexView {
  return {
    landscape: a.orientation === 'landscape',
    label: a.label,
    title: titleView([{ text: a.title }], textWidthMm(a.orientation)),
    attachedNote: a.attachedNote,
    blocks: a.blocks.map(blockView),
    id: a.id,
  };
}
