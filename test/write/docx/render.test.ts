// Structure of the rendered DOCX, asserted on word/document.xml and the other parts.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/write/docx/index.ts';
import { sampleDecision, samplePlan } from '../../fixtures/model/sample.ts';
import { cellText, cells, paragraphWithText, rows, sections, styledShare, tables, unzip, withStyle, type Unzipped } from './helpers.ts';

let pkg: Unzipped;
let doc: string;
let styles: string;
/** The paragraph whose text is `text`, with what its named style gives it (helpers.ts withStyle). */
const styled = (text: string, xml = doc) => withStyle(styles, paragraphWithText(xml, text)!);

beforeAll(async () => {
  pkg = await unzip(await renderDocx(samplePlan, { kind: 'package' }));
  doc = await pkg.text('word/document.xml');
  styles = await pkg.text('word/styles.xml');
});

describe('page setup', () => {
  it('puts the plan and each appendix in its own section, A4, landscape where asked', () => {
    const s = sections(doc);
    expect(s).toHaveLength(3);
    expect(s[0]).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(s[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(s[2]).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  });

  it('uses margins top 20, bottom 20, left 30, right 15 mm and a 10 mm header distance', () => {
    for (const s of sections(doc)) {
      expect(s).toContain('<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567"');
    }
  });

  it('numbers every part from 1, starts it on a new page and hides the number on its first page', () => {
    for (const s of sections(doc)) {
      expect(s).toContain('<w:pgNumType w:start="1"');
      expect(s).toContain('<w:titlePg/>');
      expect(s).toContain('<w:type w:val="nextPage"/>');
      expect(s).toMatch(/<w:headerReference w:type="first"/);
      expect(s).toMatch(/<w:headerReference w:type="default"/);
    }
  });

  it('puts a centred 14 pt PAGE field in the default header and nothing in the first-page header', async () => {
    const rels = await pkg.text('word/_rels/document.xml.rels');
    const first = sections(doc)[0];
    const id = (type: string) => first.match(new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`))![1];
    const target = (rid: string) => rels.match(new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`))?.[1] ?? rels.match(new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`))![1];
    const def = await pkg.text(`word/${target(id('default'))}`);
    const firstHeader = await pkg.text(`word/${target(id('first'))}`);
    expect(def).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(def).toContain('<w:jc w:val="center"/>');
    expect(def).toContain('<w:sz w:val="28"/>');
    expect(firstHeader).not.toContain('PAGE');
  });
});

describe('fonts and language', () => {
  it('defines the table text styles: 10–13 pt, 2 pt above and below, single line', async () => {
    const styles = await pkg.text('word/styles.xml');
    for (const size of [10, 11, 12, 13]) {
      const style = styles.match(new RegExp(`<w:style [^>]*w:styleId="BangCo${size}".*?</w:style>`, 's'))![0];
      expect(style).toContain(`<w:sz w:val="${size * 2}"/>`);
      expect(style).toMatch(/<w:spacing [^>]*w:before="40"/);
      expect(style).toMatch(/<w:spacing [^>]*w:after="40"/);
    }
  });

  it('sets Times New Roman for every script, black, 14 pt, vi-VN as document defaults', async () => {
    const styles = await pkg.text('word/styles.xml');
    const defaults = styles.match(/<w:rPrDefault>.*?<\/w:rPrDefault>/s)![0];
    expect(defaults).toMatch(/w:ascii="Times New Roman"/);
    expect(defaults).toMatch(/w:hAnsi="Times New Roman"/);
    expect(defaults).toMatch(/w:cs="Times New Roman"/);
    expect(defaults).toMatch(/w:eastAsia="Times New Roman"/);
    expect(defaults).toContain('<w:color w:val="000000"/>');
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toMatch(/<w:lang w:val="vi-VN"/);
    // No other font name anywhere in the body.
    expect(doc).not.toMatch(/w:ascii="(?!Times New Roman)/);
  });
});

describe('first-page header grid', () => {
  it('is a borderless fixed two-column table 65 | 100 mm with Số and the date on a second row', () => {
    const grid = tables(doc)[0];
    expect(grid).toContain('<w:tblLayout w:type="fixed"/>');
    expect(grid).toContain('<w:gridCol w:w="3685"/><w:gridCol w:w="5669"/>');
    expect(grid).toMatch(/<w:top w:val="none"/);
    const r = rows(grid);
    expect(r).toHaveLength(2);
    expect(cellText(cells(r[1])[0])).toBe('Số: 50/KH-UBND');
    expect(cellText(cells(r[1])[1])).toBe('Phú Hồ, ngày 18 tháng 3 năm 2024');
  });

  it('sets Quốc hiệu bold 13 pt and the motto bold 14 pt', () => {
    const qh = paragraphWithText(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')!;
    expect(qh).toContain('<w:b/>');
    expect(qh).toContain('<w:sz w:val="26"/>');
    const motto = paragraphWithText(doc, 'Độc lập - Tự do - Hạnh phúc')!;
    expect(motto).toContain('<w:b/>');
    expect(motto).toContain('<w:sz w:val="28"/>');
  });

  it('sets the supervising agency regular and the issuing agency bold, 13 pt', () => {
    const sup = paragraphWithText(doc, 'UBND HUYỆN PHÚ VANG')!;
    expect(sup).not.toContain('<w:b/>');
    expect(sup).toContain('<w:sz w:val="26"/>');
    const iss = paragraphWithText(doc, 'XÃ PHÚ HỒ')!;
    expect(iss).toContain('<w:b/>');
    expect(iss).toContain('<w:sz w:val="26"/>');
  });

  it('sets the number 13 pt upright and the place-date line 14 pt italic', () => {
    const num = paragraphWithText(doc, 'Số: 50/KH-UBND')!;
    expect(num).toContain('<w:sz w:val="26"/>');
    expect(num).not.toContain('<w:i/>');
    const date = paragraphWithText(doc, 'Phú Hồ, ngày 18 tháng 3 năm 2024')!;
    expect(date).toContain('<w:i/>');
    expect(date).toContain('<w:sz w:val="28"/>');
  });

  it('draws the rules as paragraph borders, never as underline; the motto rule is 60.5 mm', () => {
    expect(doc).not.toContain('<w:u ');
    const grid = tables(doc)[0];
    const borders = grid.match(/<w:p>(?:(?!<\/w:p>).)*<w:pBdr><w:bottom w:val="single"(?:(?!<\/w:p>).)*<\/w:p>/gs) ?? [];
    expect(borders).toHaveLength(2);
    // Right cell: 100 mm − 2 × 1 mm padding = 98 mm; (98 − 60.5) / 2 = 18.75 mm = 1063 twips each side.
    expect(borders[1]).toContain('<w:ind w:left="1063" w:right="1063"/>');
    // Agency rule: between 1/3 and 1/2 of "ỦY BAN NHÂN DÂN" bold 13 pt (43.2 mm) → indents leave 14.4–21.6 mm.
    const left = Number(borders[0]!.match(/w:left="(\d+)"/)![1]);
    const ruleMm = 63 - (2 * left) / 56.6929;
    expect(ruleMm).toBeGreaterThan(43.2 / 3);
    expect(ruleMm).toBeLessThan(43.2 / 2);
  });

  it('omits the Số/date row for a plan promulgated by a decision (nd30.md §4.2)', async () => {
    const d = await unzip(await renderDocx(sampleDecision, { kind: 'package' }));
    const xml = await d.text('word/document.xml');
    const grids = tables(xml).filter((t) => t.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    expect(grids).toHaveLength(2);
    expect(rows(grids[0])).toHaveLength(2); // decision: Số and date
    expect(rows(grids[1])).toHaveLength(1); // plan: no Số, no date
  });
});

describe('kind, title and body', () => {
  it('sets the kind and the title bold 14 pt centred, followed by a drawn rule', () => {
    const kind = styled('KẾ HOẠCH HÀNH ĐỘNG');
    expect(kind).toContain('<w:pStyle w:val="TenLoai"/>');
    expect(kind).toContain('<w:b/>');
    expect(kind).toContain('<w:sz w:val="28"/>');
    expect(kind).toContain('<w:jc w:val="center"/>');
    // The title's lines (title-lines.ts) are one paragraph, a w:br between two lines.
    const titleText = samplePlan.plan.title[0].text.replace(/ /g, '');
    const title = (doc.match(/<w:p>.*?<\/w:p>/gs) ?? []).find((p) => (p.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('').replace(/ /g, '') === titleText)!;
    expect(withStyle(styles, title)).toContain('<w:pStyle w:val="TrichYeu"/>');
    expect(withStyle(styles, title)).toContain('<w:b/>');
    const after = doc.slice(doc.indexOf(title) + title.length);
    expect(after).toMatch(/^<w:p><w:pPr><w:pBdr><w:bottom w:val="single"/);
  });

  it('sets the attached note italic under the title of a promulgated plan', async () => {
    const d = await unzip(await renderDocx(sampleDecision, { kind: 'package' }));
    const xml = await d.text('word/document.xml');
    const note = withStyle(await d.text('word/styles.xml'), paragraphWithText(xml, sampleDecision.plan.attachedNote!)!);
    expect(note).toContain('<w:i/>');
    expect(note).toContain('<w:jc w:val="center"/>');
  });

  it('justifies body paragraphs with a 1 cm first-line indent, 6 pt before, 1.15 lines', () => {
    const p = styled(samplePlan.plan.preamble[1].type === 'text' ? samplePlan.plan.preamble[1].runs[0].text : '');
    // From the named style "Văn bản", which a clerk changes once for every body paragraph.
    expect(p).toMatch(/^<w:p><w:pPr><w:pStyle w:val="(VanBan|CanCu)"\/>/);
    expect(p).not.toMatch(/^<w:p>(?:(?!<\/w:p>).)*<w:sz /s);
    expect(p).toContain('<w:jc w:val="both"/>');
    expect(p).toContain('<w:ind w:firstLine="567"/>');
    // 1.15 single lines of 14 pt (16.1 pt each), "at least": 18.5 pt = 370 twips.
    expect(p).toMatch(/<w:spacing w:after="0" w:before="120" w:line="370" w:lineRule="atLeast"\/>/);
  });

  it('prints labels and sets roles: section and item titles bold, point titles regular', () => {
    // Outline levels 1–3 (w:outlineLvl 0–2) for Word's Navigation Pane and a table of contents.
    const section = styled('I. MỤC ĐÍCH, YÊU CẦU');
    expect(section).toContain('<w:pStyle w:val="Muc"/>');
    expect(section).toMatch(/w:styleId="Muc">.*<w:outlineLvl w:val="0"\/>.*<w:b\/>/s);
    const item = styled('1. Mục đích');
    expect(item).toContain('<w:pStyle w:val="Khoan"/>');
    expect(item).toMatch(/w:styleId="Khoan">.*<w:outlineLvl w:val="1"\/>.*<w:b\/>/s);
    const point = styled('a) Rà soát, đơn giản hóa các quy định, thủ tục hành chính liên quan đến Phiếu lý lịch tư pháp');
    expect(point).toMatch(/w:styleId="Diem">.*<w:outlineLvl w:val="2"\/>/s);
    expect(point).not.toContain('<w:b/>');
    expect(paragraphWithText(doc, '+ Tiến hành rà soát 100% thủ tục hành chính nội bộ thuộc phạm vi quản lý;')).toBeDefined();
  });

  it('keeps the model run emphasis', () => {
    const p = doc.match(/<w:r>(?:(?!<\/w:r>).)*<w:t[^>]*>80%<\/w:t><\/w:r>/s)![0];
    expect(p).toContain('<w:b/>');
    const i = doc.match(/<w:r>(?:(?!<\/w:r>).)*<w:t[^>]*>toàn trình<\/w:t><\/w:r>/s)![0];
    expect(i).toContain('<w:i/>');
  });

  it('gives every text paragraph outside tables a named style (Word users change the style, not each paragraph)', async () => {
    for (const d of [samplePlan, sampleDecision]) {
      const xml = await (await unzip(await renderDocx(d, { kind: 'package' }))).text('word/document.xml');
      const { styled: n, total } = styledShare(xml);
      expect(total).toBeGreaterThan(10);
      expect(n / total).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('renders a decision: authority, italic bases, "QUYẾT ĐỊNH:", bold "Điều n." labels', async () => {
    const d = await unzip(await renderDocx(sampleDecision, { kind: 'decision' }));
    const xml = await d.text('word/document.xml');
    expect(sections(xml)).toHaveLength(1);
    const st = await d.text('word/styles.xml');
    expect(withStyle(st, paragraphWithText(xml, 'ỦY BAN NHÂN DÂN XÃ CAM HIỆP')!)).toContain('<w:b/>');
    const basis = withStyle(st, paragraphWithText(xml, 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;')!);
    expect(basis).toContain('<w:pStyle w:val="CanCu"/>');
    expect(basis).toContain('<w:i/>');
    expect(basis).toContain('<w:ind w:firstLine="567"/>');
    expect(withStyle(st, paragraphWithText(xml, 'QUYẾT ĐỊNH:')!)).toContain('<w:b/>');
    const art = paragraphWithText(xml, 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.')!;
    const runs = art.match(/<w:r>.*?<\/w:r>/gs)!;
    expect(runs[0]).toContain('<w:b/>');
    expect(runs[0]).toContain('Điều 2. ');
    expect(runs[1]).not.toContain('<w:b/>');
    expect(xml).not.toContain('KẾ HOẠCH'); // the decision alone
  });
});

describe('signature block', () => {
  it('is a borderless 60 | 105 mm table that cannot split and keeps with the last paragraph', () => {
    const sig = tables(doc).find((t) => t.includes('Nơi nhận:'))!;
    expect(sig).toContain('<w:gridCol w:w="3402"/><w:gridCol w:w="5953"/>');
    expect(sig).toContain('<w:cantSplit/>');
    expect(sig).toContain('<w:keepNext/>');
    const before = doc.slice(0, doc.indexOf(sig));
    const lastParagraph = before.slice(before.lastIndexOf('<w:p>'));
    expect(lastParagraph).toContain('./.');
    expect(lastParagraph).toContain('<w:keepNext/>');
  });

  it('sets "Nơi nhận:" bold italic 12 pt, the list 11 pt, the signer bold 14 pt centred, each by a named style', () => {
    const label = paragraphWithText(doc, 'Nơi nhận:')!;
    expect(label).toContain('<w:pStyle w:val="NoiNhanTieuDe"/>');
    expect(styled('Nơi nhận:')).toContain('<w:b/>');
    expect(styled('Nơi nhận:')).toContain('<w:i/>');
    expect(styled('Nơi nhận:')).toContain('<w:sz w:val="24"/>');
    expect(paragraphWithText(doc, '- Lưu: VT, VP.')).toContain('<w:pStyle w:val="NoiNhan"/>');
    expect(styled('- Lưu: VT, VP.')).toContain('<w:sz w:val="22"/>');
    for (const line of ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn Phong']) {
      const p = paragraphWithText(doc, line)!;
      expect(p).toContain('<w:pStyle w:val="ChuKy"/>');
      // No direct size or emphasis: a clerk restyles every signature block by its style.
      expect(p).not.toMatch(/<w:sz |<w:b\/>/);
      expect(styled(line)).toContain('<w:b/>');
      expect(styled(line)).toContain('<w:sz w:val="28"/>');
      expect(styled(line)).toContain('<w:jc w:val="center"/>');
    }
    expect(styles).toContain('<w:name w:val="Chữ ký"/>');
    expect(styles).toContain('<w:name w:val="Nơi nhận"/>');
  });
});

describe('appendix tables', () => {
  const annexTable = () => tables(doc).find((t) => t.includes('Nội dung chỉ tiêu'))!;

  it('gives the appendix heading block: label bold normal case, title, italic note', () => {
    const label = styled('Phụ lục I');
    expect(label).toContain('<w:b/>');
    expect(label).toContain('<w:jc w:val="center"/>');
    expect(styled(samplePlan.annexes[0].attachedNote)).toContain('<w:i/>');
  });

  it('uses fixed layout, column widths from the model and single borders', () => {
    const t = annexTable();
    expect(t).toContain('<w:tblLayout w:type="fixed"/>');
    const cols = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols.map((c) => Math.round((c / 56.6929) * 10) / 10)).toEqual(samplePlan.annexes[0].blocks[0].type === 'table' ? samplePlan.annexes[0].blocks[0].columns.map((c) => c.widthMm) : []);
    expect(t).toMatch(/<w:insideH w:val="single"/);
  });

  it('marks both header rows as repeating headers and every row cantSplit', () => {
    const r = rows(annexTable());
    expect(r.filter((x) => x.includes('<w:tblHeader/>'))).toHaveLength(2);
    expect(r.every((x) => x.includes('<w:cantSplit/>'))).toBe(true);
  });

  it('merges cells: gridSpan for colSpan, vMerge restart/continue for rowSpan', () => {
    const r = rows(annexTable());
    const head1 = cells(r[0]);
    expect(head1).toHaveLength(6);
    expect(head1[4]).toContain('<w:gridSpan w:val="2"/>');
    expect(head1[0]).toContain('<w:vMerge w:val="restart"/>');
    const head2 = cells(r[1]);
    expect(head2).toHaveLength(7);
    expect(head2.map((c) => (c.includes('w:val="continue"') ? 'c' : cellText(c)))).toEqual(['c', 'c', 'c', 'c', 'Năm 2024', 'Năm 2025', 'c']);
    // Group row spanning the rest of the table, bold.
    const group = cells(r[2]);
    expect(group).toHaveLength(2);
    expect(group[1]).toContain('<w:gridSpan w:val="6"/>');
    expect(group[1]).toContain('<w:b/>');
    // "Bộ phận Một cửa" spans three data rows in the third column.
    expect(cells(r[3])[2]).toContain('<w:vMerge w:val="restart"/>');
    expect(cells(r[4])[2]).toContain('<w:vMerge w:val="continue"/>');
    expect(cells(r[5])[2]).toContain('<w:vMerge w:val="continue"/>');
    expect(cells(r[6])[1]).not.toContain('vMerge');
  });

  it('sets cell text at the table size, no first-line indent, alignment from the model, centred vertically', () => {
    const r = rows(annexTable());
    const data = cells(r[3]);
    // 12 pt through the table text style, defined once in styles.xml.
    expect(data[1]).toContain('<w:pStyle w:val="BangCo12"/>');
    expect(data[1]).not.toContain('<w:sz ');
    expect(data[1]).toContain('<w:jc w:val="both"/>');
    expect(data[0]).toContain('<w:jc w:val="center"/>');
    expect(data[1]).not.toContain('w:firstLine');
    expect(data[1]).toContain('<w:vAlign w:val="center"/>');
  });

  it('renders one appendix alone in its own landscape section', async () => {
    const a = await unzip(await renderDocx(samplePlan, { kind: 'annex', id: 'pl-chi-tieu' }));
    const xml = await a.text('word/document.xml');
    const s = sections(xml);
    expect(s).toHaveLength(1);
    expect(s[0]).toContain('w:orient="landscape"');
    expect(xml).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).not.toContain('Phụ lục II');
  });
});

describe('document properties', () => {
  it('writes title, subject, creator, keywords, language, a fixed lastModifiedBy and the document date', async () => {
    const core = await pkg.text('docProps/core.xml');
    expect(core).toContain(`<dc:title>${samplePlan.meta.title}</dc:title>`);
    expect(core).toContain(`<dc:subject>${samplePlan.meta.subject}</dc:subject>`);
    expect(core).toContain('<dc:creator>Ủy ban nhân dân xã Phú Hồ</dc:creator>');
    expect(core).toContain('<cp:keywords>kế hoạch, thủ tục hành chính, dịch vụ công trực tuyến</cp:keywords>');
    expect(core).toContain('<cp:lastModifiedBy>kehoach</cp:lastModifiedBy>');
    expect(core).toContain('<dc:language>vi-VN</dc:language>');
    expect(core).toMatch(/<dcterms:created[^>]*>2024-03-18T00:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified[^>]*>2024-03-18T00:00:00Z<\/dcterms:modified>/);
  });

  it('NFC-normalises text written from decomposed input', async () => {
    const decomposed = 'Phú Hồ, ngày 18 tháng 3 năm 2024'.normalize('NFD');
    const d = structuredClone(samplePlan);
    d.plan.header.placeDateLine = decomposed;
    d.meta.author = d.meta.author.normalize('NFD');
    const z = await unzip(await renderDocx(d, { kind: 'package' }));
    const xml = await z.text('word/document.xml');
    expect(xml).toContain('Phú Hồ, ngày 18 tháng 3 năm 2024'.normalize('NFC'));
    expect(xml).not.toContain(decomposed);
    expect(await z.text('docProps/core.xml')).toContain('Ủy ban nhân dân xã Phú Hồ'.normalize('NFC'));
  });

  it('reports an unknown appendix id and a missing decision in Vietnamese', async () => {
    await expect(renderDocx(samplePlan, { kind: 'annex', id: 'khong-co' })).rejects.toThrow(/Không tìm thấy phụ lục "khong-co"/);
    await expect(renderDocx(samplePlan, { kind: 'decision' })).rejects.toThrow(/không có quyết định/);
  });
});

describe('long place names', () => {
  it('sets a place-date line that would wrap at 14 pt in 13 pt, and keeps short ones at 14 pt', async () => {
    const doc = structuredClone(samplePlan);
    doc.plan.header.placeDateLine = 'Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019';
    const xml = await (await unzip(await renderDocx(doc, { kind: 'package' }))).text('word/document.xml');
    const date = paragraphWithText(xml, 'Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019')!;
    expect(date).toContain('<w:sz w:val="26"/>');
    expect(date).toContain('<w:i/>');
    expect(paragraphWithText(await pkg.text('word/document.xml'), 'Phú Hồ, ngày 18 tháng 3 năm 2024')).toContain('<w:sz w:val="28"/>');
  });
});
