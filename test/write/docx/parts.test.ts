import { describe, expect, it } from 'vitest';
import { samplePlan, sampleDecision } from '../../fixtures/model/sample.ts';
import { DocxRenderer, renderDocx } from '../../../src/write/docx/index.ts';
import { unzip } from './helpers.ts';

async function parts(buf: Buffer) {
  const zip = await unzip(buf);
  return { document: await zip.text('word/document.xml'), core: await zip.text('docProps/core.xml') };
}
const count = (s: string, sub: string) => s.split(sub).length - 1;

describe('parts written alone', () => {
  it('an appendix alone holds its own section only, in its own orientation, with its own title', async () => {
    const annex = samplePlan.annexes[1];
    const { document, core } = await parts(await renderDocx(samplePlan, { kind: 'annex', id: annex.id }));
    expect(document).toContain(annex.title);
    expect(document).not.toContain(samplePlan.annexes[0].title);
    expect(document).not.toContain('KẾ HOẠCH HÀNH ĐỘNG'); // the plan's kind line
    expect(count(document, '<w:sectPr>')).toBe(1);
    expect(document).toMatch(new RegExp(`<w:sectPr>.*w:orient="${annex.orientation}".*</w:sectPr></w:body></w:document>$`, 's'));
    const first = await parts(await renderDocx(samplePlan, { kind: 'annex', id: samplePlan.annexes[0].id }));
    expect(first.document).toMatch(/<w:sectPr>.*w:orient="landscape".*<\/w:sectPr><\/w:body><\/w:document>$/s);
    expect(core).toContain(`<dc:title>${annex.label}: ${annex.title}</dc:title>`);
  });

  it('the decision alone ends at its signature, with the plan left out', async () => {
    const { document } = await parts(await renderDocx(sampleDecision, { kind: 'decision' }));
    expect(document).toContain('QUYẾT ĐỊNH');
    expect(document).not.toContain(sampleDecision.plan.kind);
    expect(count(document, '<w:sectPr>')).toBe(1);
    expect(document).toMatch(/w:orient="portrait"/);
  });

  it('a batch renderer gives the same bytes as a fresh render', async () => {
    const renderer = new DocxRenderer();
    for (const part of [{ kind: 'package' } as const, { kind: 'annex', id: samplePlan.annexes[0].id } as const]) {
      expect(Buffer.compare(await renderer.render(samplePlan, part), await renderDocx(samplePlan, part))).toBe(0);
    }
  });

  it('refuses a part the document does not have', async () => {
    await expect(renderDocx(samplePlan, { kind: 'decision' })).rejects.toThrow(/không có quyết định/);
    await expect(new DocxRenderer().render(samplePlan, { kind: 'annex', id: 'khong-co' })).rejects.toThrow(/Không tìm thấy phụ lục/);
  });
});
