import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../src/model/types.ts';
import { PDF_CREATOR, PDF_PRODUCER, assemblePackage, extractPart, metaDate, readPackagePrint } from '../../../src/write/pdf/assemble.ts';

const meta: DocumentMeta = {
  title: 'Kế hoạch cải cách thủ tục hành chính năm 2024',
  subject: 'Cải cách thủ tục hành chính trên địa bàn xã Phú Hồ',
  author: 'Ủy ban nhân dân xã Phú Hồ',
  keywords: ['kế hoạch', 'thủ tục hành chính'],
  language: 'vi-VN',
  date: '2024-03-18',
  year: 2024,
};

/**
 * A stand-in for Chromium's print of a package: the parts' pages (sizes given) one after the other,
 * stamped with the wall clock, each part's first page carrying the mark Chromium writes for the
 * part's self-link (a /Link annotation naming a /Dests entry). `marks` lists the page each mark
 * points to (default: each part's real first page); `extra` adds a foreign link on page 1.
 */
async function packagePrint(parts: { pages: number; size: [number, number] }[], clock: Date, opts: { marks?: number[]; extra?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const firsts: number[] = [];
  for (const [k, part] of parts.entries()) {
    firsts.push(doc.getPageCount());
    for (let i = 0; i < part.pages; i++) doc.addPage(part.size).drawText(`phần ${k + 1} trang ${i + 1}`);
  }
  const ctx = doc.context;
  const dests = ctx.obj({});
  (opts.marks ?? firsts).forEach((pageIndex, k) => {
    const name = `kehoach-phan-${k}`;
    const page = doc.getPage(pageIndex);
    dests.set(PDFName.of(name), ctx.obj([page.ref, 'XYZ', 6, 800, 0]));
    const link = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [63, 772, 64, 773], Dest: PDFName.of(name) }));
    page.node.addAnnot(link);
  });
  if (opts.extra) {
    const uri = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], A: { S: 'URI', URI: PDFString.of('https://dichvucong.gov.vn') } }));
    doc.getPage(0).node.addAnnot(uri);
  }
  doc.catalog.set(PDFName.of('Dests'), ctx.register(dests));
  doc.setCreationDate(clock);
  doc.setModificationDate(clock);
  doc.setProducer('Skia/PDF m156');
  return doc.save();
}

const A4: [number, number] = [594.96, 841.92];
const A4L: [number, number] = [841.92, 594.96];
const THREE = [
  { pages: 2, size: A4 },
  { pages: 3, size: A4L },
  { pages: 1, size: A4 },
];

const annots = (doc: PDFDocument) => doc.getPages().map((p) => p.node.Annots()?.size() ?? 0);

describe('readPackagePrint', () => {
  it("finds each part's first page from its mark and removes the marks", async () => {
    const printed = await readPackagePrint(await packagePrint(THREE, new Date(), { extra: true }), 3);
    expect(printed.starts).toEqual([0, 2, 5]);
    expect(printed.pdf.catalog.get(PDFName.of('Dests'))).toBeUndefined();
    // The foreign link on page 1 stays; the marks are gone.
    expect(annots(printed.pdf)).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('rejects a print whose marks are missing or out of order', async () => {
    await expect(readPackagePrint(await packagePrint(THREE, new Date()), 4)).rejects.toThrow('không cho biết phần 4/4 bắt đầu ở trang nào');
    await expect(readPackagePrint(await packagePrint(THREE, new Date(), { marks: [0, 5, 2] }), 3)).rejects.toThrow('phần 3/3');
    await expect(readPackagePrint(await packagePrint(THREE, new Date(), { marks: [1, 2, 5] }), 3)).rejects.toThrow('phần 1/3');
  });
});

describe('assemblePackage', () => {
  it('keeps every page in order with its size, and no mark', async () => {
    const doc = await PDFDocument.load(await assemblePackage(await readPackagePrint(await packagePrint(THREE, new Date()), 3), meta));
    const sizes = doc.getPages().map((p) => [p.getWidth(), p.getHeight()]);
    expect(sizes).toEqual([A4, A4, A4L, A4L, A4L, A4]);
    expect(annots(doc)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(doc.catalog.get(PDFName.of('Dests'))).toBeUndefined();
  });

  it('sets the document metadata and the date from meta.date', async () => {
    const printed = await readPackagePrint(await packagePrint([{ pages: 1, size: A4 }], new Date()), 1);
    const doc = await PDFDocument.load(await assemblePackage(printed, meta), { updateMetadata: false });
    expect(doc.getTitle()).toBe(meta.title);
    expect(doc.getAuthor()).toBe(meta.author);
    expect(doc.getSubject()).toBe(meta.subject);
    expect(doc.getKeywords()).toBe('kế hoạch thủ tục hành chính');
    expect(doc.getCreator()).toBe(PDF_CREATOR);
    expect(doc.getProducer()).toBe(PDF_PRODUCER);
    expect(doc.getCreationDate()?.toISOString()).toBe('2024-03-18T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2024-03-18T00:00:00.000Z');
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString ? lang.decodeText() : String(lang)).toBe('vi-VN');
  });

  it('gives identical bytes for prints made at different times', async () => {
    const at = async (clock: string) => assemblePackage(await readPackagePrint(await packagePrint(THREE, new Date(clock)), 3), meta, ['Quyết định', 'Kế hoạch', 'Phụ lục I']);
    expect(Buffer.compare(await at('2030-01-01T10:00:00Z'), await at('2031-05-05T08:00:09Z'))).toBe(0);
  });
});

describe('extractPart', () => {
  it("cuts one part's pages, with its own metadata, deterministically", async () => {
    const at = async (clock: string, part: number) => extractPart(await readPackagePrint(await packagePrint(THREE, new Date(clock)), 3), part, { ...meta, title: 'Phụ lục I' });
    const a = await at('2030-01-01T00:00:00Z', 1);
    expect(Buffer.compare(a, await at('2032-02-02T00:00:00Z', 1))).toBe(0);
    const doc = await PDFDocument.load(a, { updateMetadata: false });
    expect(doc.getPages().map((p) => [p.getWidth(), p.getHeight()])).toEqual([A4L, A4L, A4L]);
    expect(doc.getTitle()).toBe('Phụ lục I');
    expect(doc.getProducer()).toBe(PDF_PRODUCER);
    expect(doc.getModificationDate()?.toISOString()).toBe('2024-03-18T00:00:00.000Z');
    expect(annots(doc)).toEqual([0, 0, 0]);
    // The first part and the last one end where the next begins, and at the last page.
    expect((await PDFDocument.load(await at('2030-01-01T00:00:00Z', 0))).getPageCount()).toBe(2);
    expect((await PDFDocument.load(await at('2030-01-01T00:00:00Z', 2))).getPageCount()).toBe(1);
  });
});

describe('metaDate', () => {
  it('reads YYYY-MM-DD as midnight UTC, falls back to 1 January of the year', () => {
    expect(metaDate(meta).toISOString()).toBe('2024-03-18T00:00:00.000Z');
    expect(metaDate({ ...meta, date: '2025-08' }).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('package bookmarks', () => {
  const hasPoppler = spawnSync('sh', ['-c', 'command -v pdftohtml']).status === 0;

  it.skipIf(!hasPoppler)('give one outline entry per part, at its first page, read back by poppler', async () => {
    const printed = await readPackagePrint(await packagePrint(THREE, new Date()), 3);
    const bytes = await assemblePackage(printed, meta, ['Quyết định', 'Kế hoạch', 'Phụ lục I']);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kehoach-outline-'));
    try {
      const file = path.join(dir, 'p.pdf');
      writeFileSync(file, bytes);
      const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { encoding: 'utf8' });
      const items = [...xml.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => `${m[1]} ${m[2]}`);
      expect(items).toEqual(['1 Quyết định', '3 Kế hoạch', '6 Phụ lục I']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });

  it('are absent when none are given', async () => {
    const printed = await readPackagePrint(await packagePrint(THREE, new Date()), 3);
    const none = await PDFDocument.load(await assemblePackage(printed, meta), { updateMetadata: false });
    expect(none.catalog.get(PDFName.of('Outlines'))).toBeUndefined();
  });
});
