// The five real plans built to PDF with the CLI, measured as the issue asks: A4 portrait plan
// pages and landscape appendix pages, every font embedded, no number on page 1 and "2" at the top
// of page 2, word recall/precision against the published originals (../shared/seeds), and two
// builds byte-identical. Skipped, with a message, without a browser, poppler-utils or the seeds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../../src/write/pdf/index.ts';
import { PAGE_MARGINS_MM } from '../../../src/model/page.ts';
import { footMarginLines } from '../../helpers/foot-lines.ts';
import { atOwnSize, contentScales } from '../../helpers/print-scale.ts';
import {
  SEED_PLANS,
  sharedSeedBuilds,
  fidelity,
  pdfPageCount,
  readSeed,
  seedPath,
  seedsMissing,
  withoutRepeatedHeaders,
  type BuiltOutput,
  expectSameOutputs,
} from '../../helpers/seeds.ts';

const missing = seedsMissing() ?? (findBrowser() ? undefined : 'không tìm thấy trình duyệt Chromium/Chrome/Edge');
if (missing) console.warn(`Bỏ qua kiểm thử PDF trên các kế hoạch thật: ${missing}.`);

const A4 = { short: 595.3, long: 841.9 };

/** 'P' (A4 portrait), 'L' (A4 landscape) or '?' for each page. */
function orientations(file: string): string {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)]
    .map((m) => {
      const [w, h] = [Number(m[1]), Number(m[2])];
      const near = (a: number, b: number) => Math.abs(a - b) < 1;
      if (near(w, A4.short) && near(h, A4.long)) return 'P';
      if (near(w, A4.long) && near(h, A4.short)) return 'L';
      return '?';
    })
    .join('');
}

/** Non-blank lines of one page in layout mode, trimmed. */
function pageLines(file: string, page: number): string[] {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

describe.skipIf(!!missing)('PDF of the five real plans', () => {
  let dir = '';
  let first: Map<string, BuiltOutput[]>;
  let second: Map<string, BuiltOutput[]>;
  const out = (source: string, part: BuiltOutput['part']) =>
    first.get(source)!.filter((o) => o.format === 'pdf' && o.part === part).map((o) => o.path);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kehoach-seeds-pdf-'));
    ({ first, second } = await sharedSeedBuilds());
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe.each(SEED_PLANS)('$source', ({ seed, source }) => {
    it("draws nothing of the next page along a page's foot margin (poppler, 60 and 120 dpi)", () => {
      const [pkg] = out(source, 'package');
      expect(footMarginLines(pkg, PAGE_MARGINS_MM.bottom)).toEqual([]);
    });

    it('prints every page at its own size: no table reaches past the margin and shrinks the print', async () => {
      const [pkg] = out(source, 'package');
      const scales = await contentScales(readFileSync(pkg));
      expect(atOwnSize(scales), `scales ${scales.join(', ')}`).toBe(true);
    });

    it('prints the decision and plan on portrait A4, each appendix on landscape A4', () => {
      const [pkg] = out(source, 'package');
      const decision = out(source, 'decision').reduce((n, f) => n + pdfPageCount(f), 0);
      const annexes = out(source, 'appendix');
      expect(annexes.length).toBeGreaterThan(0);
      const annexPages = annexes.reduce((n, f) => n + pdfPageCount(f), 0);
      const sizes = orientations(pkg);
      const planPages = sizes.length - decision - annexPages;
      expect(planPages).toBeGreaterThan(0);
      expect(sizes).toBe('P'.repeat(decision + planPages) + 'L'.repeat(annexPages));
      for (const a of annexes) expect(orientations(a)).toMatch(/^L+$/);
    });

    it('embeds every font', () => {
      const [pkg] = out(source, 'package');
      const rows = execFileSync('pdffonts', [pkg], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
      expect(rows.length).toBeGreaterThan(0);
      // Columns: name, type, encoding, emb, sub, uni, object ID — "emb" is the fourth from the end.
      for (const row of rows) expect(row.trim().split(/\s+/).slice(-5)[0], row).toBe('yes');
    });

    it('numbers pages from 2 at the top; page 1 and each appendix first page carry no number', () => {
      const [pkg] = out(source, 'package');
      const page1 = pageLines(pkg, 1);
      expect(page1[0]).not.toMatch(/^\d+$/);
      expect(page1[0]).toMatch(/^(UBND|ỦY BAN)/);
      expect(pageLines(pkg, 2)[0]).toBe('2');
      for (const annex of out(source, 'appendix')) {
        expect(pageLines(annex, 1)[0]).toMatch(/^Phụ lục/i);
        if (pdfPageCount(annex) > 1) expect(pageLines(annex, 2)[0]).toBe('2');
      }
    });

    it('carries the text of the published original', () => {
      const [pkg] = out(source, 'package');
      if (seed.startsWith('my-hoa-hung')) {
        // The raw seed repeats each table's header row after every page break of its source PDF
        // (20 times, plus an artefact "Stt2" column): about 400 words our tables state once. Against
        // the raw seed the recall is ≈ 0.94; against the seed without those repetitions it must
        // meet the same bar as the others.
        const raw = fidelity(seedPath(seed), pkg);
        expect(raw.recall, raw.report).toBeGreaterThanOrEqual(0.91);
        expect(raw.precision, raw.report).toBeGreaterThanOrEqual(0.9);
        const cleaned = path.join(dir, `${seed}.cleaned.txt`);
        writeFileSync(cleaned, withoutRepeatedHeaders(readSeed(seed)));
        const f = fidelity(cleaned, pkg);
        expect(f.recall, f.report).toBeGreaterThanOrEqual(0.97);
        expect(f.precision, f.report).toBeGreaterThanOrEqual(0.9);
      } else {
        const f = fidelity(seedPath(seed), pkg);
        expect(f.recall, f.report).toBeGreaterThanOrEqual(0.97);
        expect(f.precision, f.report).toBeGreaterThanOrEqual(0.9);
      }
    });

    it('keeps each group row (I, II, … spanning the table) with the row under it', () => {
      const [pkg] = out(source, 'package');
      for (let page = 1; page <= pdfPageCount(pkg); page++) {
        const last = pageLines(pkg, page).at(-1) ?? '';
        expect(last, `trang ${page}`).not.toMatch(/^[IVX]+\s+\S/);
      }
    });

    it('gives byte-identical files on a second build', () => {
      const ofFormat = (m: typeof first) => m.get(source)!.filter((o) => o.format === 'pdf');
      expectSameOutputs(expect, ofFormat(first), ofFormat(second));
    });
  });

  it('cleans the Mỹ Hòa Hưng seed of repeated header rows only', () => {
    const seed = readSeed('my-hoa-hung-2024-198-kh-ubnd');
    const cleaned = withoutRepeatedHeaders(seed);
    const headers = (t: string) => t.split('\n').filter((l) => /^(<b>)?stt(<\/b>)?\t/i.test(l)).length;
    expect(headers(seed)).toBeGreaterThan(20);
    // One header per table: the activity tables of items 1–8 and the target tables of item 9.
    expect(headers(cleaned)).toBeLessThan(headers(seed) / 2);
    expect(cleaned).not.toMatch(/\tStt2\t/);
    // Every other line survives unchanged.
    const rest = (t: string) => t.split('\n').filter((l) => !/^(<b>)?stt(<\/b>)?\t/i.test(l));
    expect(rest(cleaned)).toEqual(rest(seed));
  });
});
