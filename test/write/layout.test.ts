// One layout, two writers: the print CSS takes every size and spacing from src/write/layout.ts, and
// the DOCX carries the same values; both keep the same short paragraphs whole.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BODY, SIGNATURE, SINGLE_LINE_EM, TABLE, HEADER } from '../../src/write/layout.ts';
import { layoutCss } from '../../src/write/html/page-css.ts';
import { keepsTogether } from '../../src/write/measure.ts';
import { renderDocx } from '../../src/write/docx/index.ts';
import { renderHtml } from '../../src/write/html/index.ts';
import { samplePlan } from '../fixtures/model/sample.ts';
import { repoRoot } from '../helpers/cli.ts';
import { tables, unzip } from './docx/helpers.ts';
import type { TextBlock } from '../../src/model/types.ts';

const printCss = readFileSync(path.join(repoRoot, 'templates/print.css'), 'utf8');
const properties = new Map([...layoutCss().matchAll(/--([\w-]+): ([^;]+);/g)].map((m) => [m[1], m[2]]));

describe('the print CSS', () => {
  it('holds no length of its own: every pt, mm and cm comes from the layout module', () => {
    const css = printCss.replace(/\/\*[\s\S]*?\*\//g, '');
    expect(css.match(/\d(\.\d+)?(pt|mm|cm|px)\b/g) ?? []).toEqual([]);
  });

  it('uses only properties the layout module defines', () => {
    const used = [...printCss.matchAll(/var\(--([\w-]+)\)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(20);
    for (const name of used) expect(properties.has(name), name).toBe(true);
  });

  it('gets the body pitch, the signature column and the table rules from the values the DOCX writer reads', async () => {
    expect(Number(properties.get('body-line'))).toBeCloseTo(BODY.lines * SINGLE_LINE_EM, 3);
    expect(properties.get('sb-left')).toBe(`${SIGNATURE.leftMm}mm`);
    expect(properties.get('hg-left')).toBe(`${HEADER.leftMm}mm`);
    expect(properties.get('table-rule')).toBe(`${TABLE.rulePt}pt`);
    const doc = await (await unzip(await renderDocx(samplePlan, { kind: 'package' }))).text('word/document.xml');
    const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
    // Signature table: 60 | 105 mm in the DOCX as in the CSS; body pitch 1.15 lines = 370 twips.
    expect(tables(doc).some((t) => t.includes(`<w:gridCol w:w="${twips(SIGNATURE.leftMm)}"/><w:gridCol w:w="${twips(SIGNATURE.rightMm)}"/>`))).toBe(true);
    const styles = await (await unzip(await renderDocx(samplePlan, { kind: 'package' }))).text('word/styles.xml');
    expect(styles).toContain(`w:line="${Math.round(BODY.lines * SINGLE_LINE_EM * BODY.sizePt * 20)}" w:lineRule="atLeast"`);
    expect(doc).toContain(`w:sz="${TABLE.rulePt * 8}"`);
  });
});

describe('short paragraphs', () => {
  const block = (text: string): TextBlock => ({ type: 'text', role: 'paragraph', runs: [{ text }], ref: 'x' }) as TextBlock;

  it('are kept whole when too short to split under the 2-line widow and orphan rule', () => {
    expect(keepsTogether(block('Một dòng ngắn.'))).toBe(true);
    expect(keepsTogether(block('chữ '.repeat(55)))).toBe(true); // ≈ 3 lines
    expect(keepsTogether(block('chữ '.repeat(200)))).toBe(false); // ≈ 6 lines
  });

  it('carry keepLines in the DOCX and break-inside: avoid in the PDF, the same ones in both', async () => {
    const doc = await (await unzip(await renderDocx(samplePlan, { kind: 'package' }))).text('word/document.xml');
    const html = renderHtml(samplePlan, { kind: 'plan' }, { fontCss: '' });
    expect(printCss).toMatch(/\.blk\.keep \{ break-inside: avoid; \}/);
    const texts = samplePlan.plan.body.filter((b): b is TextBlock => b.type === 'text');
    const kept = texts.filter(keepsTogether);
    expect(kept.length).toBeGreaterThan(0);
    for (const b of texts) {
      const first = b.runs[0]?.text;
      if (!first) continue;
      const p = doc.match(new RegExp(`<w:p>(?:(?!</w:p>).)*${first.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 's'))?.[0];
      expect(p, first).toBeDefined();
      expect(p!.includes('<w:keepLines/>'), first).toBe(keepsTogether(b));
      expect(new RegExp(`class="[^"]*\\bkeep\\b[^"]*" data-ref="${b.ref}"`).test(html), b.ref).toBe(keepsTogether(b));
    }
  });
});
