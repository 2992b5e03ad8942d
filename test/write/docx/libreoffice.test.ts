// The DOCX files open and lay out in LibreOffice as Nghị định 30 expects: page counts, page sizes,
// page numbers per part, and lines that must share a baseline. Skipped when soffice is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/write/docx/index.ts';
import type { PlanDocument, TableRow } from '../../../src/model/types.ts';
import { sampleDecision, samplePlan } from '../../fixtures/model/sample.ts';

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

const available = has('soffice') && has('pdfinfo') && has('pdftotext');
if (!available) {
  console.warn('Bỏ qua kiểm thử LibreOffice: không tìm thấy soffice/pdfinfo/pdftotext trên máy này.');
}

/** samplePlan with a long second appendix (≈ 3 pages), to see its numbering restart. */
function withLongAnnex(): PlanDocument {
  const doc = structuredClone(samplePlan);
  const annex = doc.annexes[1];
  const table = annex.blocks.find((b) => b.type === 'table')!;
  if (table.type !== 'table') throw new Error('fixture changed');
  const row = table.body[0];
  table.body = Array.from({ length: 60 }, (_, i): TableRow => ({ ...structuredClone(row), ref: `${row.ref}/${i}` }));
  return doc;
}

let dir = '';
const pdf = (name: string) => path.join(dir, `${name}.pdf`);

function pageCount(file: string): number {
  return Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1]);
}

function pageSizes(file: string): Array<[number, number]> {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
}

/** The first non-empty line of a page: where a header page number shows. */
function firstLine(file: string, page: number): string {
  return pageText(file, page).split('\n').find((l) => l.trim() !== '')!.trim();
}

describe.skipIf(!available)('LibreOffice conversion', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kehoach-docx-'));
    const files: Array<[string, PlanDocument, Parameters<typeof renderDocx>[1]]> = [
      ['plan', samplePlan, { kind: 'package' }],
      ['decision-package', sampleDecision, { kind: 'package' }],
      ['decision', sampleDecision, { kind: 'decision' }],
      ['annex', samplePlan, { kind: 'annex', id: 'pl-chi-tieu' }],
      ['long-annex', withLongAnnex(), { kind: 'package' }],
    ];
    for (const [name, doc, part] of files) writeFileSync(path.join(dir, `${name}.docx`), await renderDocx(doc, part));
    // One soffice process with a private profile: two processes sharing a profile lose work silently.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files.map(([n]) => path.join(dir, `${n}.docx`))],
      { stdio: 'ignore', timeout: 180_000 },
    );
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('converts every file', () => {
    const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();
    expect(pdfs).toEqual(['annex.pdf', 'decision-package.pdf', 'decision.pdf', 'long-annex.pdf', 'plan.pdf']);
  });

  it('lays out the expected number of pages', () => {
    expect(pageCount(pdf('plan'))).toBe(5); // plan 3 + Phụ lục I 1 + Phụ lục II 1
    expect(pageCount(pdf('decision-package'))).toBe(4); // decision 1 + plan 2 + Phụ lục 1
    expect(pageCount(pdf('decision'))).toBe(1);
    expect(pageCount(pdf('annex'))).toBe(1);
  });

  it('prints A4 portrait pages and the landscape appendix across', () => {
    const sizes = pageSizes(pdf('plan'));
    const portrait = (s: [number, number]) => Math.abs(s[0] - 595.3) < 1 && Math.abs(s[1] - 841.9) < 1;
    const landscape = (s: [number, number]) => Math.abs(s[0] - 841.9) < 1 && Math.abs(s[1] - 595.3) < 1;
    expect(sizes.map((s) => (portrait(s) ? 'P' : landscape(s) ? 'L' : '?')).join('')).toBe('PPPLP');
  });

  it('keeps the Quốc hiệu on one line, and Số and the date on one line', () => {
    const page1 = pageText(pdf('plan'), 1);
    expect(page1).toMatch(/UBND HUYỆN PHÚ VANG\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(page1).toMatch(/Số: 50\/KH-UBND\s+Phú Hồ, ngày 18 tháng 3 năm 2024/);
  });

  it('numbers pages from 2 in the header, none on the first page of each part', () => {
    expect(firstLine(pdf('plan'), 1)).toMatch(/^UBND HUYỆN PHÚ VANG/);
    expect(firstLine(pdf('plan'), 2)).toBe('2');
    expect(firstLine(pdf('plan'), 3)).toBe('3');
    expect(firstLine(pdf('plan'), 4)).toBe('Phụ lục I');
    expect(firstLine(pdf('plan'), 5)).toBe('Phụ lục II');
  });

  it('restarts the numbering in each appendix', () => {
    const file = pdf('long-annex');
    expect(pageCount(file)).toBeGreaterThanOrEqual(6);
    expect(firstLine(file, 5)).toBe('Phụ lục II');
    expect(firstLine(file, 6)).toBe('2');
  });

  it('puts "Nơi nhận:" level with the first signature line', () => {
    const lines = pageText(pdf('plan'), 3).split('\n');
    expect(lines.some((l) => /Nơi nhận:\s+TM\. ỦY BAN NHÂN DÂN/.test(l))).toBe(true);
    // The last content paragraph travelled with the signature block.
    const text = lines.join('\n');
    expect(text.indexOf('./.')).toBeLessThan(text.indexOf('Nơi nhận:'));
  });

  it('repeats the appendix table header on every page', () => {
    const file = pdf('long-annex');
    expect(pageText(file, 6)).toMatch(/TT\s+Nhiệm vụ\s+Chủ trì\s+Thời gian/);
  });
});
