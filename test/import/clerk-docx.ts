// A Word file as a clerk makes one, written here in plain WordprocessingML (not with kehoach's
// writer): a borderless two-column header table, typed numbers, direct formatting (bold runs,
// centred paragraphs), tables with merged cells (w:gridSpan, w:vMerge). Zipped with fflate.
import { strToU8, zipSync } from 'fflate';

export interface Run {
  text: string;
  b?: boolean;
  i?: boolean;
}

export type Paragraph = { runs: (Run | 'br')[]; center?: boolean };

export interface TableCell {
  paras: Paragraph[];
  gridSpan?: number;
  vMerge?: 'restart' | 'continue';
}

export type BodyPart = { p: Paragraph } | { table: TableCell[][]; borders?: boolean };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function runXml(r: Run | 'br'): string {
  if (r === 'br') return '<w:r><w:br/></w:r>';
  const props = `${r.b ? '<w:b/><w:bCs/>' : ''}${r.i ? '<w:i/><w:iCs/>' : ''}`;
  return `<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>${props}<w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`;
}

function paraXml(p: Paragraph): string {
  return `<w:p><w:pPr>${p.center ? '<w:jc w:val="center"/>' : '<w:jc w:val="both"/>'}<w:spacing w:before="60" w:after="60"/></w:pPr>${p.runs.map(runXml).join('')}</w:p>`;
}

function tableXml(rows: TableCell[][], borders: boolean): string {
  const cols = Math.max(...rows.map((r) => r.reduce((n, c) => n + (c.gridSpan ?? 1), 0)));
  const line = borders ? 'single' : 'nil';
  const b = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="${line}" w:sz="4" w:space="0" w:color="000000"/>`).join('');
  const grid = Array.from({ length: cols }, () => `<w:gridCol w:w="${Math.floor(9000 / cols)}"/>`).join('');
  const tr = rows
    .map((r) => `<w:tr>${r.map((c) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${c.gridSpan ? `<w:gridSpan w:val="${c.gridSpan}"/>` : ''}${c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge ? '<w:vMerge/>' : ''}</w:tcPr>${(c.paras.length ? c.paras : [{ runs: [] }]).map(paraXml).join('')}</w:tc>`).join('')}</w:tr>`)
    .join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${b}</w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${tr}</w:tbl>`;
}

export function clerkDocx(parts: BodyPart[]): Uint8Array {
  const body = parts.map((x) => ('p' in x ? paraXml(x.p) : tableXml(x.table, x.borders ?? true) + '<w:p/>')).join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const fixed = { mtime: new Date('2024-01-01T00:00:00Z') };
  return zipSync({
    '[Content_Types].xml': [strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'), fixed],
    '_rels/.rels': [strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'), fixed],
    'word/document.xml': [strToU8(document), fixed],
  });
}

/** "**Đậm** và thường" → runs. */
export function runs(md: string): Run[] {
  const out: Run[] = [];
  for (const part of md.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/)) {
    if (!part) continue;
    if (part.startsWith('**')) out.push({ text: part.slice(2, -2), b: true });
    else if (part.startsWith('*') && part.length > 2) out.push({ text: part.slice(1, -1), i: true });
    else out.push({ text: part });
  }
  return out;
}

export const p = (md: string, center = false): BodyPart => ({ p: { runs: runs(md), center } });

/**
 * The Word file a clerk would have for a seed: the seed's lines as paragraphs (Markdown marks as
 * direct formatting, headings centred), the number and date in a borderless header table, and
 * each run of tab-separated lines as a plain table whose page-broken pieces are one row again.
 */
export function clerkDocxFromSeed(seed: string, agency: string[]): Uint8Array {
  const lines = seed.split('\n');
  const parts: BodyPart[] = [];
  const start = lines.findIndex((l) => /^Số\s*:/.test(l.trim()));
  const numberLine = lines[start]?.trim() ?? '';
  const dateLine = lines.slice(start + 1).find((l) => /ngày/.test(l))?.trim() ?? '';
  const plain = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&gt;/g, '>').replace(/&lt;/g, '<').trim();
  parts.push({
    borders: false,
    table: [
      [{ paras: [...agency.map((a) => ({ runs: [{ text: a, b: true }], center: true })), { runs: [{ text: numberLine }], center: true }] },
       { paras: [{ runs: [{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', b: true }], center: true }, { runs: [{ text: 'Độc lập - Tự do - Hạnh phúc', b: true }], center: true }, { runs: [{ text: dateLine, i: true }], center: true }] }],
    ],
  });
  let table: TableCell[][] | undefined;
  let firstRow: string | undefined;
  const dateIndex = lines.indexOf(lines.slice(start + 1).find((l) => /ngày/.test(l)) ?? '');
  for (const raw of lines.slice(Math.max(dateIndex + 1, 0))) {
    if (raw.includes('\t')) {
      if (/^[\s\-–|:]+$/.test(raw)) continue;
      const cells = raw.split('\t').map((c) => ({ paras: c.trim() ? [{ runs: runs(plain(c).replace(/\s+/g, ' ')) }] : [] }));
      table ??= [];
      // The portal repeats the header row after each page break; the clerk's table has it once.
      const key = (r: string) => r.split('\t').map(plain).join('\t');
      if (firstRow !== undefined && key(raw) === firstRow) continue;
      firstRow ??= key(raw);
      const prev = table[table.length - 1];
      const [c0, c1] = raw.split('\t').map(plain);
      if (prev && table.length > 2 && !c0 && !/^\d/.test(c1 ?? '')) {
        // A row the portal broke at a page end is one row in the clerk's table.
        cells.forEach((c, i) => prev[i] && c.paras.length && prev[i].paras.push(...c.paras));
        continue;
      }
      table.push(cells);
      continue;
    }
    if (!raw.trim()) continue;
    if (table) {
      parts.push({ table });
      table = undefined;
      firstRow = undefined;
    }
    const t = raw.trim().replace(/^#+\s*/, '').replace(/\s{2,}$/, '');
    const heading = /^#/.test(raw.trim()) || /^\*\*[^*]+\*\*$/.test(t) && /^[\p{Lu}\s,.–-]+$/u.test(t.replace(/\*/g, ''));
    parts.push(p(t, heading && !/^\*\*[IVX]+\./.test(t) && !/^[IVX]+\./.test(t)));
  }
  if (table) parts.push({ table });
  return clerkDocx(parts);
}
