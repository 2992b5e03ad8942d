// Redline documents: runs marked `change` come out as Word tracked changes.
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/write/docx/index.ts';
import { samplePlan } from '../../fixtures/model/sample.ts';
import type { PlanDocument, TableBlock, TextBlock } from '../../../src/model/types.ts';
import { rows, tables, unzip } from './helpers.ts';

function redline(): PlanDocument {
  const doc = structuredClone(samplePlan);
  doc.revision = { author: 'Văn phòng HĐND và UBND xã', date: '2024-04-02' };
  const block = doc.plan.body.find((b) => b.type === 'text' && b.ref === 'noi-dung/kinh-phi/0')!;
  if (block.type !== 'text') throw new Error('fixture changed');
  block.runs = [
    { text: 'Nguồn ngân sách nhà nước theo phân cấp ' },
    { text: 'hiện hành', change: 'delete' },
    { text: 'năm 2024', change: 'insert' },
    { text: '.' },
  ];
  const table = doc.annexes[1].blocks.find((b) => b.type === 'table')!;
  if (table.type !== 'table') throw new Error('fixture changed');
  table.body[0].cells[3].paragraphs = [[{ text: 'Quý 2/2024', change: 'insert' }]];
  return doc;
}

describe('tracked changes', () => {
  it('renders insertions as w:ins and deletions as w:del with w:delText, author and date', async () => {
    const xml = await (await unzip(await renderDocx(redline(), { kind: 'package' }))).text('word/document.xml');
    const ins = xml.match(/<w:ins [^>]*>.*?<\/w:ins>/gs)!;
    const del = xml.match(/<w:del [^>]*>.*?<\/w:del>/gs)!;
    expect(ins).toHaveLength(2);
    expect(del).toHaveLength(1);
    expect(ins[0]).toContain('năm 2024');
    expect(ins[0]).toContain('w:author="Văn phòng HĐND và UBND xã"');
    expect(ins[0]).toContain('w:date="2024-04-02T00:00:00Z"');
    expect(del[0]).toMatch(/<w:delText[^>]*>hiện hành<\/w:delText>/);
    expect(ins[1]).toContain('Quý 2/2024');
    // Unique ids, counted from 1 in every render.
    const ids = [...xml.matchAll(/<w:(?:ins|del) [^>]*w:id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.min(...ids)).toBe(1);
  });

  it('stays deterministic', async () => {
    const a = await renderDocx(redline(), { kind: 'package' });
    const b = await renderDocx(redline(), { kind: 'package' });
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('writes no tracked change for an ordinary document', async () => {
    const xml = await (await unzip(await renderDocx(samplePlan, { kind: 'package' }))).text('word/document.xml');
    expect(xml).not.toMatch(/<w:(ins|del) /);
  });

  it('marks changed header lines inside the header grid, in the lines’ own size and style', async () => {
    const doc = structuredClone(samplePlan);
    doc.revision = { author: 'A', date: '2024-03-20' };
    doc.plan.tracked = {
      numberLine: [{ text: 'Số: ' }, { text: '50/KH-UBND', change: 'delete' }, { text: '51/KH-UBND', change: 'insert' }],
    };
    const xml = await (await unzip(await renderDocx(doc, { kind: 'package' }))).text('word/document.xml');
    const grid = xml.match(/<w:tbl>.*?<\/w:tbl>/s)![0];
    expect(grid).toMatch(/<w:del [^>]*><w:r><w:rPr><w:sz w:val="26"\/><w:szCs w:val="26"\/><\/w:rPr><w:delText xml:space="preserve">50\/KH-UBND<\/w:delText>/);
    expect(grid).toMatch(/<w:ins [^>]*><w:r><w:rPr><w:sz w:val="26"\/><w:szCs w:val="26"\/><\/w:rPr><w:t xml:space="preserve">51\/KH-UBND<\/w:t>/);
    expect(xml.match(/<w:(?:ins|del) /g)).toHaveLength(2);
  });

  it('prints a removed recipient line as a deleted paragraph in the signature table', async () => {
    const doc = structuredClone(samplePlan);
    doc.revision = { author: 'A', date: '2024-03-20' };
    const lines = doc.plan.recipients!.lines;
    doc.plan.tracked = {
      recipients: [
        { runs: [{ text: lines[0] }] },
        { runs: [{ text: '- Bỏ đi;', change: 'delete' }], change: 'delete' },
        ...lines.slice(1).map((l) => ({ runs: [{ text: l }] })),
      ],
    };
    const xml = await (await unzip(await renderDocx(doc, { kind: 'package' }))).text('word/document.xml');
    const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/gs)!;
    const signature = tables.find((t) => t.includes('Nơi nhận:'))!;
    // In the recipients' style, with its paragraph mark deleted too: Accept All leaves no empty line.
    expect(signature).toMatch(/<w:p><w:pPr><w:pStyle w:val="NoiNhan"\/><w:rPr><w:del [^>]*\/><\/w:rPr><\/w:pPr><w:del [^>]*><w:r><w:delText xml:space="preserve">- Bỏ đi;<\/w:delText><\/w:r><\/w:del><\/w:p>/);
    expect(signature.match(/<w:p>/g)!.length).toBeGreaterThan(lines.length);
  });
});

describe('tracked paragraphs, rows and labels', () => {
  const xmlOf = async (doc: PlanDocument) => (await unzip(await renderDocx(doc, { kind: 'package' }))).text('word/document.xml');

  it('marks the paragraph mark of a paragraph deleted or inserted whole, and its label with it', async () => {
    const doc = structuredClone(samplePlan);
    doc.revision = { author: 'A', date: '2024-03-20' };
    const i = doc.plan.body.findIndex((b) => b.type === 'text' && b.label);
    const block = doc.plan.body[i] as TextBlock;
    doc.plan.body[i] = { ...block, change: 'delete', runs: block.runs.map((r) => ({ ...r, change: 'delete' })) };
    const xml = await xmlOf(doc);
    const p = xml.match(new RegExp(`<w:p><w:pPr>(?:(?!</w:p>).)*?${block.label!.replace(/[.()]/g, '\\$&')} </w:delText>.*?</w:p>`, 's'))![0];
    // CT_ParaRPr: the mark's w:del comes first in the paragraph mark's w:rPr, at the end of w:pPr.
    expect(p).toMatch(/<w:rPr><w:del w:id="\d+" w:author="A" w:date="2024-03-20T00:00:00Z"\/><\/w:rPr><\/w:pPr>/);
    expect(p).not.toMatch(/<w:t[ >]/); // nothing left to show after Accept All
  });

  it('shows a renumbered label as the old one deleted and the new one inserted', async () => {
    const doc = structuredClone(samplePlan);
    doc.revision = { author: 'A', date: '2024-03-20' };
    const block = doc.plan.body.find((b): b is TextBlock => b.type === 'text' && b.label === '2.')!;
    block.oldLabel = '3.';
    const xml = await xmlOf(doc);
    expect(xml).toMatch(/<w:del [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:delText xml:space="preserve">3\. <\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">2\. <\/w:t>/);
  });

  it('marks a row inserted or deleted whole in w:trPr and in every paragraph mark of its cells', async () => {
    const doc = structuredClone(samplePlan);
    doc.revision = { author: 'A', date: '2024-03-20' };
    const table = doc.annexes[0].blocks.find((b): b is TableBlock => b.type === 'table')!;
    const row = table.body.find((r) => r.kind === 'data')!;
    row.change = 'insert';
    for (const c of row.cells) c.paragraphs = c.paragraphs.map((p) => p.map((r) => ({ ...r, change: 'insert' as const })));
    const xml = await xmlOf(doc);
    const tr = rows(tables(xml).find((t) => t.includes('<w:trPr><w:cantSplit/><w:ins '))!).find((r) => r.includes('<w:ins '))!;
    expect(tr).toMatch(/^<w:tr><w:trPr><w:cantSplit\/><w:ins w:id="\d+" w:author="A" w:date="2024-03-20T00:00:00Z"\/><\/w:trPr>/);
    const paragraphs = tr.match(/<w:p>.*?<\/w:p>/gs)!;
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const p of paragraphs) expect(p).toMatch(/<w:rPr><w:ins [^>]*\/><\/w:rPr><\/w:pPr>/);
  });
});

describe('the revision of a redline', () => {
  it('is required: no author, no date or a day that does not exist is an error, never a stand-in', async () => {
    for (const revision of [{ author: '', date: '2024-03-20' }, { author: ' ', date: '2024-03-20' }, { author: 'A', date: '' }, { author: 'A', date: '2024-02-30' }, { author: 'A', date: 'hôm nay' }]) {
      const doc = structuredClone(samplePlan);
      doc.revision = revision;
      await expect(renderDocx(doc, { kind: 'package' }), JSON.stringify(revision)).rejects.toThrow(/redline/);
    }
  });

  it('is the only source of the marks’ author and date: a marked run in a document without one is a fault', async () => {
    const doc = structuredClone(samplePlan);
    const block = doc.plan.body.find((b): b is TextBlock => b.type === 'text')!;
    block.runs = [{ text: 'thêm', change: 'insert' }];
    await expect(renderDocx(doc, { kind: 'package' })).rejects.toThrow(/no revision/);
  });
});
