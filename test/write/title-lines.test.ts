// The title block's lines and rule are decided once (src/write/title-lines.ts) and both writers
// show them: w:br and the rule's indents in the DOCX, <br> and the rule's width in the HTML; in
// the printed PDF and in LibreOffice's rendering of the DOCX, the same lines and a rule of 1/3–1/2
// of the longest line, measured on the rendered page.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Compiler } from '../../src/pipeline/compiler.ts';
import type { PlanDocument, Runs } from '../../src/model/types.ts';
import { titleLayout } from '../../src/write/title-lines.ts';
import { textWidthMm } from '../../src/write/text-width.ts';
import { COMPOUNDS } from '../../src/write/line-breaks-vi.ts';
import { textWidthMm as boxWidthMm, PAGE_MARGINS_MM } from '../../src/model/page.ts';
import { renderDocx } from '../../src/write/docx/index.ts';
import { renderHtml } from '../../src/write/html/index.ts';
import { PdfPrinter, findBrowser, renderPdf } from '../../src/write/pdf/index.ts';
import { repoRoot } from '../helpers/cli.ts';
import { paragraphWithText, unzip } from './docx/helpers.ts';

const compiler = new Compiler(repoRoot);
function compile(source: string): PlanDocument {
  const c = compiler.compile(source);
  if (!c.doc) throw new Error(`${source}: ${c.diagnostics.map((d) => d.message).join('; ')}`);
  return c.doc;
}
const HUE_2025 = 'plans/thua-thien-hue/hue/2025-chi-so-dvctt.yaml';
const CAM_HIEP = 'plans/khanh-hoa/cam-hiep/2025-cai-cach-tthc.yaml';
const text = (runs: Runs) => runs.map((r) => r.text).join('');
const WIDTH = boxWidthMm('portrait');

describe('the lines of a title', () => {
  it('never leave one syllable alone on the last line (Huế 2025: "2025")', () => {
    const lines = titleLayout(compile(HUE_2025).plan.title, WIDTH, 14).lines.map(text);
    expect(lines).toEqual(['Nâng cao chỉ số dịch vụ công trực tuyến', 'trên địa bàn thành phố Huế năm 2025']);
  });

  it('never split a two-syllable word or a name (Cam Hiệp decision: "địa | bàn")', () => {
    const lines = titleLayout(compile(CAM_HIEP).decision!.title, WIDTH, 14).lines.map(text);
    expect(lines).toEqual(['Ban hành Kế hoạch cải cách thủ tục hành chính', 'trọng tâm năm 2025 trên địa bàn xã Cam Hiệp']);
  });

  it('fit the width, keep every word and document number, and size the rule from the longest line', () => {
    const titles: Runs[] = [
      [{ text: 'Triển khai thực hiện ' }, { text: 'Quyết định số 766/QĐ-TTg', noBreak: true }, { text: ' về Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trên địa bàn xã Mỹ Hòa Hưng năm 2024' }],
      [{ text: 'Kiểm tra công tác cải cách hành chính năm 2025' }],
      [{ text: 'chữ '.repeat(80).trim() }],
    ];
    for (const title of titles) {
      const layout = titleLayout(title, WIDTH, 14);
      expect(layout.lines.map(text).join(' ')).toBe(text(title));
      const widths = layout.lines.map((l) => textWidthMm(text(l), 14, { bold: true }));
      for (const w of widths) expect(w).toBeLessThanOrEqual(WIDTH);
      expect(layout.longestMm).toBeCloseTo(Math.max(...widths), 0);
      expect(layout.ruleMm / layout.longestMm).toBeGreaterThan(1 / 3);
      expect(layout.ruleMm / layout.longestMm).toBeLessThan(1 / 2);
      for (const l of layout.lines) expect(text(l).split(' ').length).toBeGreaterThan(1);
      for (const l of layout.lines) if (l.some((r) => r.noBreak)) expect(text(l)).toContain('766/QĐ-TTg');
      // No line ends inside a compound word.
      for (let i = 1; i < layout.lines.length; i++) {
        const pair = `${text(layout.lines[i - 1]).split(' ').at(-1)} ${text(layout.lines[i]).split(' ')[0]}`.toLowerCase();
        expect(COMPOUNDS.has(pair), pair).toBe(false);
      }
    }
  });

  it('measure text with the font: "ỦY BAN NHÂN DÂN" bold 13 pt is 43.2 mm, the Tiêu ngữ bold 14 pt 60.5 mm', () => {
    expect(textWidthMm('ỦY BAN NHÂN DÂN', 13, { bold: true })).toBeCloseTo(43.2, 1);
    expect(textWidthMm('Độc lập - Tự do - Hạnh phúc', 14, { bold: true })).toBeCloseTo(60.5, 1);
  });
});

const mm = (twips: number) => (twips * 25.4) / 1440;

describe('both writers set the same lines and rule', () => {
  it('DOCX: a w:br between the lines, and a rule whose indents leave the layout\'s length', async () => {
    const doc = compile(HUE_2025);
    const layout = titleLayout(doc.plan.title, WIDTH, 14);
    const xml = await (await unzip(await renderDocx(doc, { kind: 'package' }))).text('word/document.xml');
    const title = paragraphWithText(xml, layout.lines.map(text).join(''))!;
    expect(title).toContain('<w:pStyle w:val="TrichYeu"/>');
    expect(title.match(/<w:br\/>/g)).toHaveLength(layout.lines.length - 1);
    const after = xml.slice(xml.indexOf(title) + title.length);
    const ind = /<w:ind w:left="(\d+)" w:right="(\d+)"\/>/.exec(after.slice(0, after.indexOf('</w:p>')))!;
    expect(WIDTH - mm(Number(ind[1])) - mm(Number(ind[2]))).toBeCloseTo(layout.ruleMm, 0);
  });

  it('HTML: a <br> between the lines, and the rule as wide as in the DOCX', () => {
    const doc = compile(HUE_2025);
    const layout = titleLayout(doc.plan.title, WIDTH, 14);
    const html = renderHtml(doc, { kind: 'plan' }, { fontCss: '' });
    expect(html).toContain(`<div class="title">${layout.lines.map(text).join('<br>')}</div>`);
    expect(html).toContain(`<div class="rule rule-title" style="width: ${layout.ruleMm}mm"></div>`);
  });
});

// ---- On the rendered pages ---------------------------------------------------------------------

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const browser = findBrowser();
const canRender = has('pdftoppm') && has('pdftotext');
const DPI = 144;

/**
 * Horizontal rules drawn on page 1, read from its pixels: rows of a grey-scale render holding one
 * run of dark pixels at least 10 mm long, as [length mm, centre mm from the left edge].
 */
function rulesOnPage1(pdf: string, dir: string): Array<[number, number]> {
  execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'page')]);
  const img = readFileSync(path.join(dir, 'page.pgm'));
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(img.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const data = img.subarray(header[0].length);
  const px = (v: number) => (v * 25.4) / DPI;
  const found: Array<[number, number]> = [];
  for (let y = 0; y < h; y++) {
    const runs: Array<[number, number]> = [];
    let start = -1;
    for (let x = 0; x <= w; x++) {
      const dark = x < w && data[y * w + x] < 128;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        runs.push([start, x]);
        start = -1;
      }
    }
    for (const [a, b] of runs) if (px(b - a) >= 10) found.push([px(b - a), px((a + b) / 2)]);
  }
  return found;
}

function expectTitleOnPage(pdf: string, dir: string, lines: string[], ruleMm: number): void {
  const page = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim());
  const at = page.indexOf(lines[0]);
  expect(at, page.join('\n')).toBeGreaterThanOrEqual(0);
  expect(page.slice(at, at + lines.length)).toEqual(lines);
  const centre = PAGE_MARGINS_MM.left + WIDTH / 2;
  const rule = rulesOnPage1(pdf, dir).filter(([len, mid]) => Math.abs(len - ruleMm) < 1 && Math.abs(mid - centre) < 1.5);
  expect(rule.length, `no ${ruleMm} mm rule centred at ${centre} mm`).toBeGreaterThan(0);
}

describe.skipIf(!canRender)('on the page', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kehoach-title-'));
  const doc = compile(HUE_2025);
  const layout = titleLayout(doc.plan.title, WIDTH, 14);
  let printer: PdfPrinter | undefined;
  beforeAll(() => {
    if (browser) printer = new PdfPrinter({ executablePath: browser });
  });
  afterAll(async () => {
    await printer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!browser)('PDF: the title\'s lines, and its rule 1/3–1/2 of the longest, centred', async () => {
    const file = path.join(dir, 'plan.pdf');
    writeFileSync(file, await renderPdf(doc, { kind: 'package' }, printer!));
    expectTitleOnPage(file, dir, layout.lines.map(text), layout.ruleMm);
  });

  it.skipIf(!has('soffice'))('LibreOffice\'s rendering of the DOCX: the same lines and rule', async () => {
    const file = path.join(dir, 'plan-lo.docx');
    writeFileSync(file, await renderDocx(doc, { kind: 'package' }));
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 180_000 });
    expectTitleOnPage(path.join(dir, 'plan-lo.pdf'), dir, layout.lines.map(text), layout.ruleMm);
  });
});
