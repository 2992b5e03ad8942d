// Document numbers are marked in the model so that no writer breaks them at their hyphen.
import { describe, expect, it } from 'vitest';
import { documentNumberRanges, markRuns } from '../../src/model/document-numbers.ts';
import { renderDocx } from '../../src/write/docx/index.ts';
import { renderHtml } from '../../src/write/html/index.ts';
import { samplePlan } from '../fixtures/model/sample.ts';
import { unzip } from '../write/docx/helpers.ts';
import type { PlanDocument } from '../../src/model/types.ts';

const found = (text: string, known: string[] = []) => documentNumberRanges(text, known).map(([s, e]) => text.slice(s, e));

describe('document numbers', () => {
  it('finds số ký hiệu by their shape, never dates, years or plain words', () => {
    expect(found('Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ')).toEqual(['766/QĐ-TTg']);
    expect(found('Công văn 3109/BTTTT-CĐSQG, Thông tư 01/2023/TT-VPCP và Nghị quyết 57-NQ/TW')).toEqual(['3109/BTTTT-CĐSQG', '01/2023/TT-VPCP', '57-NQ/TW']);
    expect(found('giai đoạn 2021-2025, ngày 05/01/2024, kinh tế - xã hội, COVID-19')).toEqual([]);
  });

  it('takes the registry’s own numbers first', () => {
    expect(found('theo văn bản số 12a-BC/UBND nói trên', ['12a-BC/UBND'])).toEqual(['12a-BC/UBND']);
  });

  it('splits a run so that the number stands alone, marked noBreak, with the formatting kept', () => {
    expect(markRuns([{ text: 'Theo Kế hoạch số 49/KH-UBND ngày 01/3/2024', italic: true }])).toEqual([
      { text: 'Theo Kế hoạch số ', italic: true },
      { text: '49/KH-UBND', italic: true, noBreak: true },
      { text: ' ngày 01/3/2024', italic: true },
    ]);
  });

  const withNumber = (): PlanDocument => {
    const doc = structuredClone(samplePlan);
    const first = doc.plan.preamble[0];
    if (first.type !== 'text') throw new Error('fixture changed');
    first.runs = markRuns([{ text: 'Thực hiện Công văn số 5990/VPCP-KSTT ngày 01/3/2024.' }]);
    return doc;
  };

  it('is written with non-breaking hyphens in the DOCX', async () => {
    const xml = await (await unzip(await renderDocx(withNumber(), { kind: 'package' }))).text('word/document.xml');
    expect(xml).toContain('<w:t xml:space="preserve">5990/VPCP</w:t><w:noBreakHyphen/><w:t xml:space="preserve">KSTT</w:t>');
    expect(xml).not.toContain('5990/VPCP-KSTT');
  });

  it('is a span with the ordinary hyphen in the HTML, one box that breaks only when wider than its column', () => {
    const html = renderHtml(withNumber(), { kind: 'plan' }, { fontCss: '' });
    expect(html).toContain('<span class="nobr">5990/VPCP-KSTT</span>');
    expect(html).toMatch(/\.nobr \{ display: inline-block; max-width: 100%; text-indent: 0; \}/);
  });
});
