// The document structure of a plan from the blocks of either reader: header, kind and title, the
// decision that promulgates the plan (if any), căn cứ and opening, body, closing, appendices.
// Every paragraph ends up in the plan source or in `unplaced` (reported, and kept as comments
// in the written file): nothing of the input is dropped silently.
import type { KeHoach, Muc, MucPhuLuc, PhuLuc, QuyetDinh } from '../model/source-types.generated.ts';
import type { Block, Para, Place } from './blocks.ts';
import { BodyBuilder, oneOrMany } from './body.ts';
import { opensClosing, readClosing, type Closing } from './closing.ts';
import { dateLine, isAgencyLine, isFixedHeaderLine, isUpper, kindLine, numberLine, type DateLine, type NumberLine } from './header.ts';
import { bodyLabel } from './labels.ts';
import type { ImportReport } from './report.ts';
import { IdMaker } from './slug.ts';
import { TableBuilder } from './table.ts';
import { hasBraces, sourceText, withoutEnding } from './text.ts';

export interface Unplaced {
  at: Place;
  text: string;
}

export interface RecognisedPlan {
  /** The plan source, without `don_vi` (the caller resolves the unit). */
  plan: Partial<KeHoach>;
  /** Place name of the date line, for finding the unit. */
  place?: string;
  /** Agency lines of the header (and any repeated at the end). */
  agency: string[];
  unplaced: Unplaced[];
}

export interface RecogniseOptions {
  fromText: boolean;
  /** Turns an upper-case title into sentence case (proper names restored by the caller's list). */
  titleCase: (upperText: string) => string;
}

const APPENDIX = /^PHỤ LỤC(?:\s+([IVXLC]+|\d+))?\s*[:.]?\s*(.*)$/iu;
const ANNEX_NOTE = /^\*?\(\s*(Ban hành\s+)?kèm theo/iu;
const BASIS = /^Căn cứ(?=\s|$)/u;

const isAppendixHeading = (p: Para) => {
  const m = APPENDIX.exec(p.plain);
  return !!m && (p.bold || isUpper(p.plain.slice(0, 7)) || !m[2]);
};

/** Page-break pieces: a paragraph that starts in lower case continues the one before it. */
function joinContinuations(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.kind === 'p' && prev?.kind === 'p' && /^\p{Ll}/u.test(b.plain) && !bodyLabel(b.plain) && !isUpper(prev.plain)) {
      out[out.length - 1] = { ...prev, text: `${prev.text} ${b.text}`, plain: `${prev.plain} ${b.plain}` };
      continue;
    }
    if (b.kind === 'p' && prev?.kind === 'p' && b.joined && isUpper(b.plain) && isUpper(prev.plain) && prev.bold === b.bold && !isAgencyLine(b.plain) && !opensClosing(b) && !opensClosing(prev) && !isAppendixHeading(prev) && !isAppendixHeading(b) && !kindLine(prev.plain)?.loai) {
      // An upper-case title the page wrapped over two lines.
      out[out.length - 1] = { ...prev, text: `${prev.text} ${b.text}`, plain: `${prev.plain} ${b.plain}` };
      continue;
    }
    out.push(b);
  }
  return out;
}

export function recognise(input: Block[], report: ImportReport, opts: RecogniseOptions): RecognisedPlan {
  const blocks = opts.fromText ? joinContinuations(input) : input;
  for (const b of blocks) {
    if (b.kind === 'p' && hasBraces(b.text)) report.warn(b.at, 'import-braces', 'Đoạn có "{{" hoặc "}}": trong nguồn kế hoạch đó là cú pháp biến, nên hai dấu ngoặc được tách bằng một khoảng trắng');
  }
  const ids = new IdMaker();
  const tables = new TableBuilder(report, ids);
  const unplaced: Unplaced[] = [];
  const agency: string[] = [];
  const plan: Partial<KeHoach> = {};
  const keep = (b: Block) => {
    if (b.kind === 'p') unplaced.push({ at: b.at, text: b.text });
    else unplaced.push({ at: b.at, text: b.rows.map((r) => r.map((c) => c.plain).join(' | ')).join('\n') });
  };
  const para = (i: number): Para | undefined => (blocks[i]?.kind === 'p' ? (blocks[i] as Para) : undefined);

  // --- Header: agency, number, place and date, kind.
  let i = 0;
  let number: NumberLine | undefined;
  let date: DateLine | undefined;
  let kind: ReturnType<typeof kindLine>;
  for (; i < blocks.length && !kind; i++) {
    const b = blocks[i];
    if (b.kind === 'table') {
      // A DOCX header grid: its cells are header lines.
      for (const row of b.rows) for (const c of row) for (const p of c.paras) headerLine(p.replace(/\*/g, ''));
      continue;
    }
    headerLine(b.plain);
  }
  function headerLine(t: string) {
    if (!t.trim() || isFixedHeaderLine(t)) return;
    const n = numberLine(t);
    const d = dateLine(t);
    if (n) number = n;
    if (d) date = d;
    if (n || d) return;
    const k = kindLine(t);
    if (k) {
      kind = k;
      return;
    }
    if (isUpper(t)) agency.push(t.trim());
  }
  if (!kind) return { plan, agency, unplaced: blocks.map((b) => ({ at: b.at, text: b.kind === 'p' ? b.text : '' })), place: date?.place };

  const title = (first: string[] = []): { text: string; upper: boolean } => {
    const lines = [...first];
    while (para(i) && lines.length < 4) {
      const p = para(i)!;
      if (lines.length && (BASIS.test(p.plain) || /^Thực hiện\s/u.test(p.plain) || bodyLabel(p.plain)?.kind === 'roman' || ANNEX_NOTE.test(p.plain) || isAgencyLine(p.plain) || !p.joined)) break;
      lines.push(p.plain);
      i++;
      if (!para(i)?.joined) break;
    }
    const text = lines.join(' ').replace(/\s+/g, ' ').trim();
    return { text, upper: isUpper(text) };
  };
  const titleText = (t: { text: string; upper: boolean }) => sourceText(t.upper ? opts.titleCase(t.text) : t.text);

  if (date) plan.ngay = date.ngay;
  let decision: QuyetDinh | undefined;
  if (kind.loai === 'quyet_dinh') {
    const qdTitle = title();
    decision = { so: number?.so ?? null, trich_yeu: titleText(qdTitle), dieu: [] } as unknown as QuyetDinh;
    if (number && number.kyHieu !== 'QĐ-UBND') decision.ky_hieu = number.kyHieu;
    const canCu: string[] = [];
    for (; i < blocks.length; i++) {
      const b = blocks[i];
      if (b.kind === 'table') {
        keep(b);
        continue;
      }
      const t = b.plain;
      if (BASIS.test(t)) canCu.push(sourceText(withoutEnding(b.text)));
      else if (/^Theo đề nghị của\s+/u.test(t)) decision.de_nghi = sourceText(withoutEnding(t.replace(/^Theo đề nghị của\s+/u, '')));
      else if (/^QUYẾT ĐỊNH\s*:?$/u.test(t)) continue;
      else if (/^Điều\s+\d+\s*[.:]/u.test(t)) decision.dieu.push(sourceText(withoutEnding(t.replace(/^Điều\s+\d+\s*[.:]\s*/u, ''))));
      else if (isUpper(t) && canCu.length === 0 && !decision.dieu.length) decision.tham_quyen = t;
      else if (opensClosing(b)) {
        const c = readClosing(blocks, i, (p) => !!kindLine(p.plain));
        applyClosing(c, decision);
        i = c.next - 1;
      } else if (kindLine(t)) break;
      else if (decision.dieu.length) decision.dieu[decision.dieu.length - 1] += ` ${sourceText(withoutEnding(t))}`;
      else keep(b);
    }
    if (canCu.length) decision.can_cu = canCu;
    const planKind = kindLine(para(i)?.plain ?? '');
    if (planKind) {
      i++;
      if (planKind.tenLoai) plan.ten_loai = planKind.tenLoai;
      plan.trich_yeu = titleText(title(planKind.rest ? [planKind.rest] : []));
    }
    plan.loai = 'ke_hoach';
  } else {
    plan.loai = 'ke_hoach';
    if (kind.tenLoai) plan.ten_loai = kind.tenLoai;
    if (number) {
      plan.so = number.so;
      if (number.kyHieu !== 'KH-UBND') plan.ky_hieu = number.kyHieu;
    }
    plan.trich_yeu = titleText(title(kind.rest ? [kind.rest] : []));
  }

  // --- Căn cứ and the opening, up to mục I.
  const canCu: string[] = [];
  const moDau: string[] = [];
  const body = new BodyBuilder(report, ids);
  for (; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'table') {
      keep(b);
      continue;
    }
    if (body.accepts(b) || opensClosing(b) || isAppendixHeading(b)) break;
    if (ANNEX_NOTE.test(b.plain)) continue;
    if (BASIS.test(b.plain) && moDau.length === 0) canCu.push(sourceText(withoutEnding(b.text)));
    else moDau.push(sourceText(b.text));
  }
  if (canCu.length) plan.can_cu = canCu;
  if (moDau.length) plan.mo_dau = oneOrMany(moDau);

  // --- Body, up to the closing block; its last paragraph ending "./." is the closing sentence.
  let end = i;
  while (end < blocks.length && !(para(end) && (opensClosing(para(end)!) || isAppendixHeading(para(end)!)))) end++;
  let last = end - 1;
  while (last > i && blocks[last].kind !== 'p') last--;
  const closingSentence = para(last);
  const hasLoiKet = closingSentence && last >= i && (/\.\/\.?$/.test(closingSentence.plain) || /^Trong quá trình/u.test(closingSentence.plain));
  for (; i < end; i++) {
    const b = blocks[i];
    if (hasLoiKet && i === last) continue;
    if (b.kind === 'table') {
      if (body.addTable(tables.build(b, { fromText: opts.fromText }))) continue;
      report.warn(b.at, 'import-unplaced', 'Bảng nằm trong nội dung sau các mục con, ý gạch đầu dòng hoặc một bảng khác của cùng mục: chưa xếp được (bảng của một mục in ngay sau đoạn văn của mục); đã giữ lại dưới dạng chú thích ở cuối tệp');
      keep(b);
      continue;
    }
    body.add(b);
  }
  if (hasLoiKet) plan.loi_ket = sourceText(withoutEnding(closingSentence!.text));
  const noiDung: Muc[] = body.finish();
  if (noiDung.length) plan.noi_dung = noiDung;

  // --- Closing: Nơi nhận and signature.
  const closing = readClosing(blocks, i, (p) => isAppendixHeading(p));
  applyClosing(closing, plan);
  agency.push(...closing.agency);
  i = closing.next;

  // --- Appendices.
  const annexes: PhuLuc[] = [];
  let annex: PhuLuc | undefined;
  let section: MucPhuLuc | undefined;
  let topSection: MucPhuLuc | undefined;
  const addText = (target: { noi_dung?: string | string[] }, text: string) => {
    const had = target.noi_dung === undefined ? [] : Array.isArray(target.noi_dung) ? target.noi_dung : [target.noi_dung];
    target.noi_dung = oneOrMany([...had, sourceText(text)]);
  };
  for (; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'p' && isAppendixHeading(b)) {
      const m = APPENDIX.exec(b.plain)!;
      i++;
      const t = title(m[2] ? [m[2]] : []);
      annex = { id: ids.make(`pl ${t.text}`, 'pl', 5), tieu_de: titleText(t) };
      annexes.push(annex);
      section = undefined;
      topSection = undefined;
      i--;
      continue;
    }
    if (!annex) {
      keep(b);
      continue;
    }
    if (b.kind === 'table') {
      const bang = tables.build(b, { fromText: opts.fromText });
      if (section && !section.bang) section.bang = bang;
      else if (!section && !annex.bang && !annex.muc) annex.bang = bang;
      else {
        report.warn(b.at, 'import-table', 'Hai bảng liền nhau trong một mục phụ lục: bảng sau được nhập thành một mục không tiêu đề');
        section = { id: ids.make('bang', 'bang'), bang };
        (annex.muc ??= []).push(section);
      }
      continue;
    }
    if (ANNEX_NOTE.test(b.plain)) continue;
    if (isAgencyLine(b.plain) && isUpper(b.plain)) {
      agency.push(b.plain);
      continue;
    }
    const label = bodyLabel(b.plain);
    if (label?.kind === 'arabic' || label?.kind === 'sub') {
      // "**9.3. Đạt loại tốt (…)** theo bộ chỉ số …": the bold lead is the title, the rest its text.
      const split = /^\*\*(.+?)\*\*\s*(\S.*)$/.exec(b.text.replace(/^\*\*\s*[\d.]+\s*/, '**'));
      const titleText = split ? split[1] : label.rest.replace(/^\*+|\*+$/g, '');
      const m: MucPhuLuc = { id: ids.make(titleText, 'muc'), tieu_de: sourceText(titleText) };
      if (split) m.noi_dung = sourceText(split[2]);
      // "9.2." sits under "9.": the tool numbers it 9.2 again.
      if (label.kind === 'sub' && topSection) (topSection.muc ??= []).push(m);
      else {
        (annex.muc ??= []).push(m);
        topSection = m;
      }
      section = m;
      continue;
    }
    addText(section ?? annex, b.text);
  }
  if (annexes.length) plan.phu_luc = annexes;
  if (decision) plan.quyet_dinh = decision;
  return { plan, place: date?.place, agency, unplaced };
}

function applyClosing(c: Closing, target: { ky?: unknown; noi_nhan?: unknown }): void {
  if (c.ky) target.ky = c.ky;
  if (c.noiNhan) target.noi_nhan = c.noiNhan;
}
