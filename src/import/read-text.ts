// Reader of portal text: what people copy from a government portal or an online law library
// (the seeds in ../shared/seeds are such text). Paragraphs are lines; a blank line may or may not
// separate them; Markdown-ish emphasis (`**…**`, `#` headings) and HTML inside table cells
// (`<b>`, `<i>`, `<p>`) survive from the page; table rows are tab-separated lines.
import { cell, para, type Block, type Cell, type Para } from './blocks.ts';

/** Portal metadata printed above the document itself (label lines of the portal's info box). */
const PORTAL_LABEL = /^(Nguồn tra cứu:.*|Số hiệu|Loại văn bản|Ngày ban hành|Ngày hiệu lực|Tình trạng|Chưa xác định)$/u;
/** First line of the document proper: the agency, the national motto, or the number line. */
const DOCUMENT_START = /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Số\s*:)/u;
/** A Markdown table rule ("----\t---\t---") the portal left between tables. */
const RULE_ROW = /^[\s\-–|:]+$/u;

export interface TextDocument {
  blocks: Block[];
  /** Lines before the document proper (a portal's page title and info box), kept for the report. */
  preamble: Para[];
}

function decodeEntities(s: string): string {
  return s.replace(/&nbsp;/g, ' ').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** HTML of a table cell → paragraphs of inline Markdown. */
function cellParas(html: string): string[] {
  const md = html
    .replace(/<\/?(b|strong)>/gi, '**')
    .replace(/<\/?(i|em)>/gi, '*')
    .replace(/<br\s*\/?>/gi, '</p><p>');
  return md
    .split(/<\/?p[^>]*>/i)
    .map((p) => decodeEntities(p.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').replace(/\*\*\s*\*\*/g, ' ').trim())
    .map((p) => p.replace(/\*\*\s+/g, '** ').replace(/^\*\*\s+/, '**'))
    .map(tidyEmphasis)
    .filter((p) => p.length > 0 && p !== '**' && p !== '*');
}

/** "** text **" → "**text**", "( *x*)" kept: only the spaces just inside a marker pair are moved out. */
function tidyEmphasis(s: string): string {
  return s
    .replace(/(\*{1,3})\s+([^*]+?)\s+\1/g, ' $1$2$1 ')
    .replace(/(\*{1,3})\s+([^*]+?)\1/g, ' $1$2$1')
    .replace(/(\*{1,3})([^*]+?)\s+\1/g, '$1$2$1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

function tableCell(raw: string): Cell {
  const paras = cellParas(raw);
  const bold = paras.length > 0 && paras.every((p) => /^\*\*[^*]+\*\*$/.test(p));
  return cell(bold ? paras.map((p) => p.slice(2, -2)) : paras, { bold });
}

interface Line {
  text: string;
  no: number;
}

/** A Markdown-ish line → text without the heading marks and the whole-line emphasis. */
function stripLine(raw: string): { text: string; bold: boolean; italic: boolean; opensBold: boolean; closesBold: boolean } {
  let t = raw.replace(/^#{1,6}\s+/, '').replace(/\s+$/, '');
  const opensBold = /^\*{2,3}/.test(t) && !/\*{2,3}$/.test(t.replace(/^\*{2,3}/, ''));
  const closesBold = !/^\*{2}/.test(t) && /\*{2,3}$/.test(t);
  const whole = /^(\*{1,3})(.+)\1$/.exec(t);
  let bold = false;
  let italic = false;
  if (whole && !whole[2].includes(whole[1])) {
    bold = whole[1].length >= 2;
    italic = whole[1].length !== 2;
    t = whole[2];
  } else if (opensBold) {
    bold = true;
    t = t.replace(/^\*{2,3}/, '');
  } else if (closesBold) {
    bold = true;
    t = t.replace(/\*{2,3}$/, '');
  }
  return { text: decodeEntities(tidyEmphasis(t)), bold, italic, opensBold, closesBold };
}

export function readText(source: string): TextDocument {
  const lines: Line[] = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').map((text, i) => ({ text: text.normalize('NFC'), no: i + 1 }));
  const start = lines.findIndex((l) => DOCUMENT_START.test(l.text.replace(/^[#*\s]+/, '')));
  const preamble: Para[] = [];
  const bodyLines = start > 0 ? lines.slice(start) : lines;
  if (start > 0) {
    for (const l of lines.slice(0, start)) {
      const t = l.text.trim();
      if (t && !PORTAL_LABEL.test(t)) preamble.push(para(t, { line: l.no, col: 1 }));
    }
  }
  const blocks: Block[] = [];
  let table: { rows: Cell[][]; places: { line: number; col: number }[]; line: number } | undefined;
  let blank = true;
  let inBold = false;
  const endTable = () => {
    if (table && table.rows.length) blocks.push({ kind: 'table', rows: table.rows, rowPlaces: table.places, at: { line: table.line, col: 1 } });
    table = undefined;
  };
  for (let i = 0; i < bodyLines.length; i++) {
    const l = bodyLines[i];
    if (l.text.includes('\t')) {
      if (RULE_ROW.test(l.text)) continue;
      if (!table) table = { rows: [], places: [], line: l.no };
      table.rows.push(l.text.split('\t').map(tableCell));
      table.places.push({ line: l.no, col: 1 });
      blank = false;
      continue;
    }
    if (!l.text.trim()) {
      blank = true;
      continue;
    }
    // A blank line inside a table (a page break of the original) does not end it.
    if (table) endTable();
    const s = stripLine(l.text.trim());
    const bold = s.bold || inBold;
    if (s.opensBold) inBold = true;
    if (s.closesBold) inBold = false;
    if (!s.text) continue;
    const col = l.text.length - l.text.trimStart().length + 1;
    blocks.push(para(s.text, { line: l.no, col }, { bold, italic: s.italic, joined: !blank }));
    blank = false;
  }
  endTable();
  return { blocks, preamble };
}
