// Reader of a Word file (.docx) a clerk made: the body of word/document.xml read as
// WordprocessingML directly (fflate unzips, fast-xml-parser keeps element order). mammoth was
// the other candidate; it gives clean structure but drops what the recogniser needs here: the
// merges of table cells (w:gridSpan, w:vMerge) as numbers per cell, the centring (w:jc) that tells
// a title from body text, and line breaks (w:br) inside the header and signature blocks.
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { cell, para, plainOf, type Block, type Cell, type Para, type Place } from './blocks.ts';

type Node = Record<string, unknown>;
type Children = Node[];

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: false });

const tag = (n: Node) => Object.keys(n).find((k) => k !== ':@') ?? '';
const kids = (n: Node): Children => (n[tag(n)] as Children) ?? [];
const attr = (n: Node, name: string) => ((n[':@'] as Record<string, string> | undefined) ?? {})[name];
const child = (n: Node, name: string) => kids(n).find((c) => tag(c) === name);

/** w:b, w:i on: present, and not switched off by w:val="0"/"false". */
function on(props: Node | undefined, name: string): boolean {
  const p = props && child(props, name);
  if (!p) return false;
  const v = attr(p, 'w:val');
  return v === undefined || !['0', 'false', 'none'].includes(v);
}

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** A paragraph's runs, split into lines at w:br (a line break inside one paragraph). */
function paragraphLines(p: Node): Run[][] {
  const lines: Run[][] = [[]];
  const visit = (n: Node) => {
    for (const c of kids(n)) {
      const t = tag(c);
      if (t === 'w:r') {
        const props = child(c, 'w:rPr');
        for (const part of kids(c)) {
          const pt = tag(part);
          if (pt === 'w:t') lines[lines.length - 1].push({ text: kids(part).map((x) => String(x['#text'] ?? '')).join(''), bold: on(props, 'w:b'), italic: on(props, 'w:i') });
          else if (pt === 'w:tab') lines[lines.length - 1].push({ text: ' ', bold: false, italic: false });
          else if (pt === 'w:br' || pt === 'w:cr') lines.push([]);
        }
      } else if (t === 'w:hyperlink' || t === 'w:smartTag' || t === 'w:ins' || t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:fldSimple') visit(c);
      // w:del (deleted text of tracked changes) is not part of the document.
    }
  };
  visit(p);
  return lines;
}

/** Runs → inline Markdown; emphasis of the whole line is returned as flags instead. */
function markdown(runs: Run[]): { text: string; bold: boolean; italic: boolean } {
  const visible = runs.filter((r) => r.text.trim());
  const bold = visible.length > 0 && visible.every((r) => r.bold);
  const italic = visible.length > 0 && visible.every((r) => r.italic);
  let text = '';
  for (const r of runs) {
    const b = r.bold && !bold && r.text.trim();
    const i = r.italic && !italic && r.text.trim();
    const lead = r.text.match(/^\s*/)![0];
    const tail = r.text.match(/\s*$/)![0];
    const core = r.text.trim();
    const mark = (b ? '**' : '') + (i ? '*' : '');
    text += core ? `${lead}${mark}${core}${[...mark].reverse().join('')}${tail}` : r.text;
  }
  return { text: text.replace(/\s+/g, ' ').replace(/\*\*\s*\*\*/g, '').trim(), bold, italic };
}

function isCentred(p: Node): boolean {
  const jc = child(child(p, 'w:pPr') ?? {}, 'w:jc');
  return !!jc && attr(jc, 'w:val') === 'center';
}

export interface DocxDocument {
  blocks: Block[];
}

export function readDocx(bytes: Uint8Array): DocxDocument | { error: string } {
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
    const doc = files['word/document.xml'];
    if (!doc) return { error: 'tệp .docx không có word/document.xml: không phải văn bản Word, hoặc tệp hỏng' };
    xml = strFromU8(doc);
  } catch {
    return { error: 'tệp .docx bị hỏng (không giải nén được): mở bằng Word và lưu lại' };
  }
  let tree: Children;
  try {
    tree = parser.parse(xml) as Children;
  } catch {
    return { error: 'word/document.xml của tệp .docx không đọc được (XML hỏng)' };
  }
  const document = tree.find((n) => tag(n) === 'w:document');
  const body = document && child(document, 'w:body');
  if (!body) return { error: 'tệp .docx không có phần thân văn bản (w:body)' };
  let counter = 0;
  const blocks: Block[] = [];
  const paragraphs = (p: Node): Para[] => {
    const at: Place = { line: ++counter, col: 1 };
    const centred = isCentred(p);
    return paragraphLines(p)
      .map((runs, i) => ({ md: markdown(runs), i }))
      .filter(({ md }) => md.text)
      .map(({ md, i }) => para(md.text, at, { bold: md.bold, italic: md.italic, centred, joined: i > 0 }));
  };
  for (const n of kids(body)) {
    const t = tag(n);
    if (t === 'w:p') blocks.push(...paragraphs(n));
    else if (t === 'w:tbl') blocks.push(table(n, () => ({ line: ++counter, col: 1 })));
    else if (t === 'w:sdt') for (const c of kids(child(n, 'w:sdtContent') ?? {})) if (tag(c) === 'w:p') blocks.push(...paragraphs(c));
  }
  return { blocks };
}

/** A w:tbl → rows of cells with their spans; cells continued by w:vMerge are left out. */
function table(tbl: Node, place: () => Place): Block {
  const at = place();
  const rows: Cell[][] = [];
  const rowPlaces: Place[] = [];
  /** The cell that starts a vertical merge, by grid column. */
  const openMerge = new Map<number, Cell>();
  for (const tr of kids(tbl).filter((c) => tag(c) === 'w:tr')) {
    const row: Cell[] = [];
    rowPlaces.push(rows.length === 0 ? at : place());
    let col = 0;
    for (const tc of kids(tr).filter((c) => tag(c) === 'w:tc')) {
      const props = child(tc, 'w:tcPr');
      const span = Number(attr(child(props ?? {}, 'w:gridSpan') ?? {}, 'w:val') ?? 1) || 1;
      const vMerge = props && child(props, 'w:vMerge');
      const vVal = vMerge && attr(vMerge, 'w:val');
      if (vMerge && vVal !== 'restart') {
        const start = openMerge.get(col);
        if (start) start.rowSpan++;
        col += span;
        continue;
      }
      const paras = kids(tc)
        .filter((c) => tag(c) === 'w:p')
        .flatMap((p) => paragraphLines(p).map(markdown))
        .filter((m) => m.text);
      const allBold = paras.length > 0 && paras.every((m) => m.bold);
      const c = cell(paras.map((m) => (m.bold && !allBold ? `**${m.text}**` : m.italic ? `*${m.text}*` : m.text)), { bold: allBold, colSpan: span });
      c.plain = plainOf(c.paras.join(' '));
      if (vVal === 'restart') openMerge.set(col, c);
      else openMerge.delete(col);
      row.push(c);
      col += span;
    }
    rows.push(row);
  }
  return { kind: 'table', rows, rowPlaces, at };
}
