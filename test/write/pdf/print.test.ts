// Browser tests: skipped, with a message, when no Chromium/Chrome/Edge is installed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument, TableBlock } from '../../../src/model/types.ts';
import { renderHtml } from '../../../src/write/html/index.ts';
import { PdfPrinter, findBrowser, renderPdf } from '../../../src/write/pdf/index.ts';
import { sampleDecision, samplePlan } from '../../fixtures/model/sample.ts';
import { expectWithin } from '../../helpers/budget.ts';
import { atOwnSize, contentScales } from '../../helpers/print-scale.ts';

const browser = findBrowser();
const hasPoppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!browser) console.warn('Bỏ qua kiểm thử PDF: không tìm thấy trình duyệt Chromium/Chrome/Edge (đặt PUPPETEER_EXECUTABLE_PATH).');
if (!hasPoppler) console.warn('Bỏ qua kiểm thử PDF: thiếu poppler-utils (pdfinfo, pdffonts, pdftotext).');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kehoach-pdf-test-'));
let counter = 0;
function toFile(bytes: Uint8Array): string {
  const f = path.join(tmp, `t${++counter}.pdf`);
  writeFileSync(f, bytes);
  return f;
}
const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });

function pageSizes(bytes: Uint8Array): string[] {
  const out = run('pdfinfo', ['-f', '1', '-l', '999', toFile(bytes)]);
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) =>
    Number(m[1]) < Number(m[2]) ? 'portrait' : 'landscape',
  );
}

/** First non-blank line of a page in layout mode: where the page number sits. */
function topLine(file: string, page: number): string {
  const text = run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']);
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').trim();
}

/** poppler's word boxes of one page (pdftotext -bbox), in pt from the page's top left. */
function wordBoxes(bytes: Uint8Array, page: number): { word: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const xml = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), toFile(bytes), '-']);
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    word: m[5], xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]),
  }));
}

/** A word box is the face's ascent + descent, (1825 + 443) / 2048 of the size: its size and baseline. */
const ASCENT_EM = 1825 / 2048;
const BOX_EM = (1825 + 443) / 2048;
const boxSizePt = (b: { yMin: number; yMax: number }) => (b.yMax - b.yMin) / BOX_EM;
const boxBaseline = (b: { yMin: number; yMax: number }) => b.yMin + boxSizePt(b) * ASCENT_EM;

/** The sample plan made long: the body six times over and a 60-row landscape appendix. */
function longPlan(): PlanDocument {
  const doc: PlanDocument = structuredClone(samplePlan);
  const body = doc.plan.body;
  doc.plan.body = [...body, ...body, ...body, ...body, ...body, ...body];
  const table = doc.annexes[0].blocks[0] as TableBlock;
  const data = table.body.filter((r) => r.kind === 'data' && r.cells.length === table.columns.length);
  table.body = Array.from({ length: 60 }, (_, i) => structuredClone(data[i % data.length]));
  return doc;
}

describe.skipIf(!browser || !hasPoppler)('PDF through Chromium', () => {
  let printer: PdfPrinter;
  beforeAll(() => {
    printer = new PdfPrinter({ executablePath: browser });
  });
  afterAll(async () => {
    await printer?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('package: portrait plan pages, landscape appendix pages, each part numbered on its own', async () => {
    const doc = longPlan();
    const planPages = pageSizes(await printer.print(renderHtml(doc, { kind: 'plan' }))).length;
    const annexPages = pageSizes(await printer.print(renderHtml(doc, { kind: 'annex', id: 'pl-chi-tieu' }))).length;
    expect(planPages).toBeGreaterThanOrEqual(6);
    expect(annexPages).toBeGreaterThanOrEqual(2);

    const pkg = await renderPdf(doc, { kind: 'package' }, printer);
    const sizes = pageSizes(pkg);
    expect(sizes.slice(0, planPages).every((s) => s === 'portrait')).toBe(true);
    expect(sizes.slice(planPages, planPages + annexPages).every((s) => s === 'landscape')).toBe(true);
    expect(sizes[planPages + annexPages]).toBe('portrait'); // Phụ lục II is portrait

    const file = toFile(pkg);
    // PL1 I.7: no number on page 1; "2" centred at the top of page 2.
    expect(topLine(file, 1)).not.toMatch(/^\d+$/);
    expect(topLine(file, 2)).toBe('2');
    expect(topLine(file, planPages)).toBe(String(planPages));
    // PL1 III.1đ: each appendix is numbered on its own, its first page unnumbered.
    expect(topLine(file, planPages + 1)).toBe('Phụ lục I');
    expect(topLine(file, planPages + 2)).toBe('2');
    expect(topLine(file, planPages + annexPages + 1)).toBe('Phụ lục II');
  });

  it('sets a long place-date line at 13 pt, inside its column, as the DOCX does, and prints at its own size', async () => {
    const doc: PlanDocument = structuredClone(samplePlan);
    doc.plan.header.placeDateLine = 'Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019';
    const bytes = await renderPdf(doc, { kind: 'package' }, printer);
    // At 14 pt the line is 103.9 mm in a 98 mm column: it ran past the text edge (195 mm from the
    // page's left), and Chromium shrank the whole print to fit it.
    const scales = await contentScales(bytes);
    expect(atOwnSize(scales), `scales ${scales.join(', ')}`).toBe(true);
    const last = wordBoxes(bytes, 1).find((b) => b.word === '2019');
    expect(last).toBeDefined();
    const ptToMm = 25.4 / 72;
    expect(last!.xMax * ptToMm).toBeLessThanOrEqual(210 - 15);
    expect(boxSizePt(last!)).toBeCloseTo(13, 1);
  });

  it('sets "Số:" and the place-date line on one baseline (PL1 II.4), though at 13 and 14 pt', async () => {
    const words = wordBoxes(await renderPdf(samplePlan, { kind: 'package' }, printer), 1);
    const baseline = (word: string) => {
      const box = words.find((b) => b.word === word);
      if (!box) throw new Error(`không thấy "${word}" ở trang 1`);
      return boxBaseline(box);
    };
    // Each cell at its own size put the date 1.7 pt below "Số:".
    expect(Math.abs(baseline('Số:') - baseline('Phú'))).toBeLessThan(0.2);
  });

  it('breaks a document number wider than its column inside the cell, and prints the appendix at its own size', async () => {
    const doc: PlanDocument = structuredClone(samplePlan);
    const table = doc.annexes[0].blocks[0] as TableBlock;
    const row = table.body.find((r) => r.kind === 'data' && r.cells.length === table.columns.length)!;
    // The last column (Ghi chú, 23.8 mm) and a number of 35 mm, kept on one line by the model.
    row.cells[row.cells.length - 1].paragraphs = [[{ text: 'Theo ' }, { text: '1234/QĐ-UBND-VPCP-KSTT', noBreak: true }, { text: ' năm 2024' }]];
    const bytes = await renderPdf(doc, { kind: 'annex', id: doc.annexes[0].id }, printer);
    // As one unbreakable box it ran past the margin: the whole appendix came out at 0.89.
    const scales = await contentScales(bytes);
    expect(atOwnSize(scales), `scales ${scales.join(', ')}`).toBe(true);
    const text = run('pdftotext', ['-raw', '-f', '1', '-l', '1', toFile(bytes), '-']).replace(/\s+/g, ' ');
    for (const piece of ['1234/QĐ-', 'UBND-', 'VPCP-', 'KSTT']) expect(text).toContain(piece);
  });

  it('repeats the table header on every appendix page', async () => {
    const doc = longPlan();
    const file = toFile(await renderPdf(doc, { kind: 'annex', id: 'pl-chi-tieu' }, printer));
    const page2 = run('pdftotext', ['-f', '2', '-l', '2', file, '-']);
    expect(page2).toContain('Nội dung chỉ tiêu');
    expect(page2).toContain('Năm 2025');
  });

  it('embeds every font and extracts the Vietnamese text correctly', async () => {
    const pkg = await renderPdf(sampleDecision, { kind: 'package' }, printer);
    const file = toFile(pkg);
    const fonts = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes');
    const text = run('pdftotext', [file, '-']).normalize('NFC');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN XÃ CAM HIỆP',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'QUYẾT ĐỊNH:',
      'Nơi nhận:',
      'Bùi Quang Nam',
      'CHỈ TIÊU CẢI CÁCH THỦ TỤC HÀNH CHÍNH NĂM 2025',
    ]) {
      expect(text).toContain(s);
    }
    const info = run('pdfinfo', [file]);
    expect(info).toMatch(/Title:\s+Quyết định ban hành Kế hoạch cải cách/);
    expect(info).toMatch(/Author:\s+Ủy ban nhân dân xã Cam Hiệp/);
    expect(info).toMatch(/CreationDate:\s+Fri Aug  1 00:00:00 2025 UTC/);
  });

  it('single parts: the decision and one appendix as files of their own', async () => {
    const dec = await renderPdf(sampleDecision, { kind: 'decision' }, printer);
    expect(pageSizes(dec)).toEqual(['portrait']);
    const annex = await renderPdf(samplePlan, { kind: 'annex', id: 'pl-chi-tieu' }, printer);
    expect(pageSizes(annex)).toEqual(['landscape']);
    expect(topLine(toFile(annex), 1)).toBe('Phụ lục I');
  });

  it("cuts the part files from the package's one print: same pages, no part marks left", async () => {
    const doc = longPlan();
    const pkg = await renderPdf(doc, { kind: 'package' }, printer);
    const annex = await renderPdf(doc, { kind: 'annex', id: 'pl-chi-tieu' }, printer);
    const pkgFile = toFile(pkg);
    const annexFile = toFile(annex);
    const annexPages = pageSizes(annex).length;
    const planPages = pageSizes(await printer.print(renderHtml(doc, { kind: 'plan' }))).length;
    const text = (file: string, first: number, last: number) => run('pdftotext', ['-layout', '-f', String(first), '-l', String(last), file, '-']);
    expect(text(annexFile, 1, annexPages)).toBe(text(pkgFile, planPages + 1, planPages + annexPages));
    for (const bytes of [pkg, annex]) {
      const pdf = await PDFDocument.load(bytes);
      expect(pdf.catalog.get(PDFName.of('Dests'))).toBeUndefined();
      expect(pdf.getPages().map((p) => p.node.Annots()?.size() ?? 0).every((n) => n === 0)).toBe(true);
    }
  });

  it('gives byte-identical files for two renders and across two browser launches', async () => {
    const a = await renderPdf(samplePlan, { kind: 'package' }, printer);
    const b = await renderPdf(samplePlan, { kind: 'package' }, printer);
    expect(Buffer.compare(a, b)).toBe(0);
    const other = new PdfPrinter({ executablePath: browser, pages: 1 });
    try {
      const c = await renderPdf(samplePlan, { kind: 'package' }, other);
      expect(Buffer.compare(a, c)).toBe(0);
      const d1 = await renderPdf(samplePlan, { kind: 'annex', id: 'pl-nhiem-vu' }, printer);
      const d2 = await renderPdf(samplePlan, { kind: 'annex', id: 'pl-nhiem-vu' }, other);
      expect(Buffer.compare(d1, d2)).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('bundled Tinos registered with fontconfig prints word for word where the web font does', async (ctx) => {
    if (printer.fonts.mode !== 'fontconfig') ctx.skip();
    const web = new PdfPrinter({ executablePath: browser, registerFont: false });
    try {
      expect(web.fonts.mode).toBe('web-font');
      const registered = toFile(await renderPdf(longPlan(), { kind: 'package' }, printer));
      const webFont = toFile(await renderPdf(longPlan(), { kind: 'package' }, web));
      const words = (file: string) => [...run('pdftotext', ['-bbox', file, '-']).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => `${Number(m[1]).toFixed(2)} ${Number(m[2]).toFixed(2)} ${m[3]}`);
      const placed = words(registered);
      expect(placed.length).toBeGreaterThan(1000);
      expect(placed).toEqual(words(webFont));
      // Only the four Tinos faces are embedded: no character fell back to another font.
      const names = run('pdffonts', [registered]).split('\n').slice(2).filter((l) => l.trim() !== '').map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((n) => !/^Tinos-(Regular|Bold|Italic|BoldItalic)$/.test(n))).toEqual([]);
    } finally {
      await web.close();
    }
  });

  it('makes no network request: the page reads only local files', async () => {
    const doc: PlanDocument = structuredClone(samplePlan);
    doc.plan.body.push({ type: 'text', role: 'paragraph', ref: 'x', runs: [{ text: '<img src=http://evil.example/x.png> <script>document.title="x"</script>' }] });
    const before = printer.requests();
    const pdf = await printer.print(renderHtml(doc, { kind: 'plan' }));
    const after = printer.requests();
    expect(after.blocked).toEqual(before.blocked);
    const newAllowed = after.allowed.slice(before.allowed.length);
    expect(newAllowed.every((u) => u.startsWith('file:') || u.startsWith('data:'))).toBe(true);
    expect(run('pdftotext', [toFile(pdf), '-'])).toContain('<img src=http://evil.example/x.png>');
  });

  it('aborts remote and out-of-tree requests and runs no script, even in hostile HTML', async () => {
    const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head><body>
      <p>tĩnh</p><img src="https://example.com/a.png"><img src="file:///etc/hostname">
      <script>document.body.append('JS-DA-CHAY')</script></body></html>`;
    const before = printer.requests().blocked.length;
    const pdf = await printer.print(html);
    const blocked = printer.requests().blocked.slice(before);
    expect(blocked).toEqual(expect.arrayContaining(['http://127.0.0.1:9/x.css', 'https://example.com/a.png', 'file:///etc/hostname']));
    const text = run('pdftotext', [toFile(pdf), '-']);
    expect(text).toContain('tĩnh');
    expect(text).not.toContain('JS-DA-CHAY');
  });

  it('shares its small page pool between concurrent prints', async () => {
    const pdfs = await Promise.all(Array.from({ length: 5 }, (_, i) => printer.print(`<p>bản số ${i}</p>`)));
    pdfs.forEach((pdf, i) => expect(run('pdftotext', [toFile(pdf), '-'])).toContain(`bản số ${i}`));
  });

  it('restarts the browser after a crash', async () => {
    await printer.print('<p>một</p>');
    const pid = await printer.browserPid();
    expect(pid).toBeTypeOf('number');
    process.kill(pid!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const pdf = await printer.print('<p>hai</p>');
    expect(run('pdftotext', [toFile(pdf), '-'])).toContain('hai');
    expect(await printer.browserPid()).not.toBe(pid);
  });

  it('prints a 10-page plan quickly on a warm page', async () => {
    const doc = longPlan();
    doc.plan.body = [...doc.plan.body, ...doc.plan.body.slice(0, 40)];
    const html = renderHtml(doc, { kind: 'plan' });
    await printer.print(html);
    const t0 = performance.now();
    const pdf = await printer.print(html);
    const ms = performance.now() - t0;
    const pages = pageSizes(pdf).length;
    console.log(`in ${pages} trang: ${ms.toFixed(0)} ms`);
    expect(pages).toBeGreaterThanOrEqual(8);
    expectWithin(ms, 3000, 'warm print of 10 pages');
  });
});
