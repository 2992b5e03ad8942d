// The rows under a cell merged across rows stay on one page (src/write/row-blocks.ts): keepNext
// on their paragraphs in the DOCX, a tbody that avoids breaking inside in the PDF. Seen on the
// rendered pages: the block is moved whole to the next page in Chromium's PDF and in
// LibreOffice's rendering of the DOCX, wherever the page break would have fallen inside it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlanDocument, TableBlock, TableCell, TableRow } from '../../src/model/types.ts';
import { keepsWithNextRow, spannedRowBlocks } from '../../src/write/row-blocks.ts';
import { renderDocx } from '../../src/write/docx/index.ts';
import { renderHtml } from '../../src/write/html/index.ts';
import { PdfPrinter, findBrowser, renderPdf } from '../../src/write/pdf/index.ts';
import { samplePlan } from '../fixtures/model/sample.ts';
import { tables, unzip } from './docx/helpers.ts';

const cell = (text: string, rowSpan = 1): TableCell => ({ paragraphs: [[{ text }]], colSpan: 1, rowSpan, align: 'left' });
const row = (ref: string, cells: TableCell[], kind: TableRow['kind'] = 'data'): TableRow => ({ kind, cells, ref });

/** A portrait appendix table: `filler` one-line rows, then a block of 4 rows under a merged cell, then 3 rows. */
function planWithBlock(filler: number, tag: string): PlanDocument {
  const doc = structuredClone(samplePlan);
  const table: TableBlock = {
    type: 'table',
    ref: 'pl/bang',
    fontSizePt: 12,
    columns: [
      { id: 'stt', widthMm: 15, align: 'center' },
      { id: 'ten', widthMm: 90, align: 'left' },
      { id: 'can-cu', widthMm: 60, align: 'left' },
    ],
    header: [row('h', [cell('STT'), cell('Nội dung'), cell('Căn cứ')], 'header')],
    body: [
      ...Array.from({ length: filler }, (_, i) => row(`f${i}`, [cell(String(i + 1)), cell(`Hàng ${i + 1}`), cell('-')])),
      row('b1', [cell('A'), cell(`${tag}KHOI1 nhiệm vụ thứ nhất của khối, hai dòng chữ trong ô này để khối cao hơn`), cell('Căn cứ chung của bốn hàng, viết một lần trong ô gộp ' + 'chữ '.repeat(30), 4)]),
      row('b2', [cell('A.1'), cell(`${tag}KHOI2 nhiệm vụ thứ hai`)]),
      row('b3', [cell('A.2'), cell(`${tag}KHOI3 nhiệm vụ thứ ba`)]),
      row('b4', [cell('A.3'), cell(`${tag}KHOI4 nhiệm vụ thứ tư`)]),
      ...Array.from({ length: 3 }, (_, i) => row(`t${i}`, [cell('x'), cell(`Hàng cuối ${i + 1}`), cell('-')])),
    ],
  };
  doc.annexes = [{ ...doc.annexes.find((a) => a.orientation === 'portrait')!, blocks: [table] }];
  return doc;
}

describe('blocks of rows under a merged cell', () => {
  it('are found from the row spans, overlapping spans joined', () => {
    const t = planWithBlock(2, '').annexes[0].blocks[0] as TableBlock;
    expect(spannedRowBlocks(t.body)).toEqual([[2, 6]]);
    expect(keepsWithNextRow(t.body)).toEqual([false, false, true, true, true, false, false, false, false]);
    const overlap = [row('a', [cell('1', 2)]), row('b', [cell('2', 3)]), row('c', []), row('d', []), row('e', [])];
    expect(spannedRowBlocks(overlap)).toEqual([[0, 4]]);
  });

  it('DOCX: every paragraph of the block but its last row keeps with the next; HTML: a tbody of its own', async () => {
    const doc = planWithBlock(2, '');
    const xml = await (await unzip(await renderDocx(doc, { kind: 'annex', id: doc.annexes[0].id }))).text('word/document.xml');
    const trs = tables(xml)[0].match(/<w:tr>.*?<\/w:tr>/gs)!;
    const keeps = trs.map((tr) => {
      const ps = tr.match(/<w:p>.*?<\/w:p>|<w:p\/>/gs)!;
      return ps.every((p) => p.includes('<w:keepNext/>'));
    });
    // header, 2 fillers, 4 block rows, 3 after.
    expect(keeps).toEqual([false, false, false, true, true, true, false, false, false, false]);
    const html = renderHtml(doc, { kind: 'annex', id: doc.annexes[0].id }, { fontCss: '' });
    const keep = /<tbody class="keep">(.*?)<\/tbody>/s.exec(html)![1];
    expect(keep.match(/<tr /g)).toHaveLength(4);
    expect(keep).toContain('KHOI1');
    expect(keep).toContain('KHOI4');
  });
});

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const browser = findBrowser();
// Filler counts that move the block across a page's foot row by row: in one of them at least,
// the page break falls inside the block.
const FILLERS = [28, 29, 30, 31, 32, 33, 34];

/** Page (1-based) of each marker in a PDF, by pdftotext page by page. */
function pagesOf(pdf: string, markers: string[]): number[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const texts = Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }));
  return markers.map((m) => texts.findIndex((t) => t.includes(m)) + 1);
}

function expectBlocksWhole(files: string[]): void {
  let moved = 0;
  for (const [i, file] of files.entries()) {
    const tag = `V${FILLERS[i]}`;
    const pages = pagesOf(file, [1, 2, 3, 4].map((k) => `${tag}KHOI${k}`));
    expect(pages.every((p) => p > 0), `${file}: ${pages}`).toBe(true);
    expect(new Set(pages).size, `${file}: block rows on pages ${pages}`).toBe(1);
    // The row before the block on an earlier page: the block was moved whole.
    const before = pagesOf(file, [`Hàng ${FILLERS[i]}`])[0];
    if (before < pages[0]) moved++;
  }
  expect(moved, 'no variant put the block across a page break').toBeGreaterThan(0);
}

describe.skipIf(!has('pdftotext') || !has('pdfinfo'))('on the rendered pages', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kehoach-rows-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!browser)('PDF: the block is never split across pages', async () => {
    const printer = new PdfPrinter({ executablePath: browser });
    try {
      const files: string[] = [];
      for (const n of FILLERS) {
        const doc = planWithBlock(n, `V${n}`);
        const file = path.join(dir, `v${n}.pdf`);
        writeFileSync(file, await renderPdf(doc, { kind: 'annex', id: doc.annexes[0].id }, printer));
        files.push(file);
      }
      expectBlocksWhole(files);
    } finally {
      await printer.close();
    }
  });

  it.skipIf(!has('soffice'))('LibreOffice\'s rendering of the DOCX: the block is never split across pages', async () => {
    const docs: string[] = [];
    for (const n of FILLERS) {
      const doc = planWithBlock(n, `V${n}`);
      const file = path.join(dir, `lo${n}.docx`);
      writeFileSync(file, await renderDocx(doc, { kind: 'annex', id: doc.annexes[0].id }));
      docs.push(file);
    }
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docs], { stdio: 'ignore', timeout: 180_000 });
    expectBlocksWhole(docs.map((d) => d.replace(/\.docx$/, '.pdf')));
  });
});
