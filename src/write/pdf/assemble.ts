// Final PDF files: metadata from the document and deterministic bytes. Chromium stamps the wall
// clock into /CreationDate and /ModDate; re-saving through @cantoo/pdf-lib (the maintained fork of pdf-lib) with the document's own date
// makes two builds byte-identical, even across browser launches.
import { PDFDocument, PDFHexString, PDFName, PDFNull, type PDFRef } from '@cantoo/pdf-lib';
import type { DocumentMeta } from '../../model/types.ts';

export const PDF_CREATOR = 'kehoach';
export const PDF_PRODUCER = 'kehoach (Chromium, @cantoo/pdf-lib)';

// Fixed save options: object streams off keeps the files readable by older checkers.
const SAVE_OPTIONS = { useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false } as const;

/** Midnight UTC of meta.date ("YYYY-MM-DD"); 1 January of meta.year when the date is unusable. */
export function metaDate(meta: DocumentMeta): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(meta.date);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date(Date.UTC(Number.isFinite(meta.year) ? meta.year : 2000, 0, 1));
}

function applyMeta(pdf: PDFDocument, meta: DocumentMeta): void {
  const date = metaDate(meta);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setKeywords([...meta.keywords]);
  pdf.setLanguage(meta.language);
  pdf.setCreator(PDF_CREATOR);
  pdf.setProducer(PDF_PRODUCER);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
}

async function save(pdf: PDFDocument): Promise<Buffer> {
  return Buffer.from(await pdf.save(SAVE_OPTIONS));
}

/**
 * Concatenates separately printed parts (each numbered from its own page 1) into the package.
 * `bookmarks` names each part (Quyết định, Kế hoạch, Phụ lục I …): the package gets an outline
 * with one entry per part, opening at its first page, and opens with the outline shown.
 */
export async function assemblePdf(parts: Uint8Array[], meta: DocumentMeta, bookmarks: string[] = []): Promise<Buffer> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const firstPages: number[] = [];
  for (const part of parts) {
    const src = await PDFDocument.load(part, { updateMetadata: false });
    firstPages.push(out.getPageCount());
    const pages = await out.copyPages(src, src.getPageIndices());
    for (const p of pages) out.addPage(p);
  }
  const entries = bookmarks.slice(0, parts.length).map((title, i) => ({ title, page: firstPages[i] }));
  if (entries.length > 0) addOutline(out, entries);
  applyMeta(out, meta);
  return save(out);
}

/**
 * A flat document outline (ISO 32000-1 §12.3.3): an /Outlines dictionary and one item per entry,
 * linked in order. pdf-lib has no outline API; its low-level objects write one. Objects are
 * allocated in entry order, so the bytes stay deterministic.
 */
function addOutline(pdf: PDFDocument, entries: { title: string; page: number }[]): void {
  const ctx = pdf.context;
  const root = ctx.nextRef();
  const refs: PDFRef[] = entries.map(() => ctx.nextRef());
  entries.forEach((e, i) => {
    const item = ctx.obj({
      Title: PDFHexString.fromText(e.title),
      Parent: root,
      Dest: [pdf.getPage(e.page).ref, 'XYZ', PDFNull, PDFNull, PDFNull],
    });
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]);
    if (i + 1 < refs.length) item.set(PDFName.of('Next'), refs[i + 1]);
    ctx.assign(refs[i], item);
  });
  ctx.assign(root, ctx.obj({ Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: refs.length }));
  pdf.catalog.set(PDFName.of('Outlines'), root);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** One printed part as a file of its own (quyet-dinh.pdf, phu-luc-1.pdf), same metadata rules. */
export async function finalizePdf(part: Uint8Array, meta: DocumentMeta): Promise<Buffer> {
  const pdf = await PDFDocument.load(part, { updateMetadata: false });
  applyMeta(pdf, meta);
  return save(pdf);
}
