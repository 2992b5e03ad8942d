// Final PDF files: metadata from the document and deterministic bytes. Chromium stamps the wall
// clock into /CreationDate and /ModDate; re-saving through @cantoo/pdf-lib (the maintained fork of pdf-lib) with the document's own date
// makes two builds byte-identical, even across browser launches.
import { PDFDocument } from '@cantoo/pdf-lib';
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

/** Concatenates separately printed parts (each numbered from its own page 1) into the package. */
export async function assemblePdf(parts: Uint8Array[], meta: DocumentMeta): Promise<Buffer> {
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const part of parts) {
    const src = await PDFDocument.load(part, { updateMetadata: false });
    const pages = await out.copyPages(src, src.getPageIndices());
    for (const p of pages) out.addPage(p);
  }
  applyMeta(out, meta);
  return save(out);
}

/** One printed part as a file of its own (quyet-dinh.pdf, phu-luc-1.pdf), same metadata rules. */
export async function finalizePdf(part: Uint8Array, meta: DocumentMeta): Promise<Buffer> {
  const pdf = await PDFDocument.load(part, { updateMetadata: false });
  applyMeta(pdf, meta);
  return save(pdf);
}
