import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../src/model/types.ts';
import { PDF_CREATOR, PDF_PRODUCER, assemblePdf, finalizePdf, metaDate } from '../../../src/write/pdf/assemble.ts';

const meta: DocumentMeta = {
  title: 'Kế hoạch cải cách thủ tục hành chính năm 2024',
  subject: 'Cải cách thủ tục hành chính trên địa bàn xã Phú Hồ',
  author: 'Ủy ban nhân dân xã Phú Hồ',
  keywords: ['kế hoạch', 'thủ tục hành chính'],
  language: 'vi-VN',
  date: '2024-03-18',
  year: 2024,
};

/** A stand-in for a Chromium print: `n` pages of the given size, stamped with the wall clock. */
async function part(n: number, size: [number, number], clock: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < n; i++) doc.addPage(size).drawText(`trang ${i + 1}`);
  doc.setCreationDate(clock);
  doc.setModificationDate(clock);
  doc.setProducer('Skia/PDF m156');
  return doc.save();
}

const A4: [number, number] = [594.96, 841.92];
const A4L: [number, number] = [841.92, 594.96];

describe('assemblePdf', () => {
  it('concatenates the parts in order, keeping each page size', async () => {
    const bytes = await assemblePdf([await part(2, A4, new Date()), await part(1, A4L, new Date()), await part(1, A4, new Date())], meta);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(4);
    const sizes = doc.getPages().map((p) => [p.getWidth(), p.getHeight()]);
    expect(sizes).toEqual([A4, A4, A4L, A4]);
  });

  it('sets the document metadata and the date from meta.date', async () => {
    const doc = await PDFDocument.load(await assemblePdf([await part(1, A4, new Date())], meta), { updateMetadata: false });
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

  it('gives identical bytes for parts printed at different times', async () => {
    const a = await assemblePdf([await part(2, A4, new Date('2030-01-01T10:00:00Z')), await part(1, A4L, new Date('2030-01-01T10:00:01Z'))], meta);
    const b = await assemblePdf([await part(2, A4, new Date('2031-05-05T08:00:00Z')), await part(1, A4L, new Date('2031-05-05T08:00:09Z'))], meta);
    expect(Buffer.compare(a, b)).toBe(0);
  });
});

describe('finalizePdf', () => {
  it('keeps the pages, rewrites the metadata and is deterministic', async () => {
    const a = await finalizePdf(await part(3, A4L, new Date('2030-01-01T00:00:00Z')), meta);
    const b = await finalizePdf(await part(3, A4L, new Date('2032-02-02T00:00:00Z')), meta);
    expect(Buffer.compare(a, b)).toBe(0);
    const doc = await PDFDocument.load(a, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getProducer()).toBe(PDF_PRODUCER);
    expect(doc.getModificationDate()?.toISOString()).toBe('2024-03-18T00:00:00.000Z');
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
    const bytes = await assemblePdf([await part(2, A4, new Date()), await part(3, A4L, new Date()), await part(1, A4, new Date())], meta, ['Quyết định', 'Kế hoạch', 'Phụ lục I']);
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

  it('are deterministic, and absent when none are given', async () => {
    const a = await assemblePdf([await part(2, A4, new Date('2030-01-01')), await part(1, A4, new Date('2030-01-01'))], meta, ['Kế hoạch', 'Phụ lục']);
    const b = await assemblePdf([await part(2, A4, new Date('2031-01-01')), await part(1, A4, new Date('2031-01-01'))], meta, ['Kế hoạch', 'Phụ lục']);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const none = await PDFDocument.load(await assemblePdf([await part(1, A4, new Date())], meta), { updateMetadata: false });
    expect(none.catalog.get(PDFName.of('Outlines'))).toBeUndefined();
  });
});
