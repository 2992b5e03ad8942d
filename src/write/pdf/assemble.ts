// Final PDF files, cut from one print of the package: metadata from the document and deterministic
// bytes. Chromium stamps the wall clock into /CreationDate and /ModDate; re-saving through
// @cantoo/pdf-lib (the maintained fork of pdf-lib) with the document's own date makes two builds
// byte-identical, even across browser launches.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFRef, type PDFPageLeaf } from '@cantoo/pdf-lib';
import type { DocumentMeta, PlanDocument } from '../../model/types.ts';
import { partMeta, type DocumentPart } from '../../model/part-meta.ts';
import { packageBookmarks, partIndex } from './parts.ts';

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

/** A package printed at once, its part marks removed, and the page each part starts on. */
export interface PrintedPackage {
  pdf: PDFDocument;
  /** Index of each part's first page, in packageParts order. */
  starts: number[];
}

/** Destination names of the part marks (html/page-css.ts partMarkId). */
const MARK = /^kehoach-phan-(\d+)$/;

/**
 * Reads one print of the whole package (HTML part 'package', `parts` parts). Each part began with
 * a link to itself: Chromium wrote it as a /Link annotation whose /Dest names the part's first
 * page in the catalog's /Dests. The pages are read from there, then the links are removed, so no
 * file carries them. Throws when a mark is missing or out of order (a writer bug, not the plan's).
 */
export async function readPackagePrint(bytes: Uint8Array, parts: number): Promise<PrintedPackage> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = pdf.getPages();
  const pageOf = new Map(pages.map((p, i) => [p.ref.toString(), i]));
  const starts: (number | undefined)[] = Array.from({ length: parts }, () => undefined);
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const m = MARK.exec(name.decodeText());
    const target = pdf.context.lookupMaybe(value, PDFArray)?.get(0);
    if (m && target instanceof PDFRef && Number(m[1]) < parts) starts[Number(m[1])] = pageOf.get(target.toString());
  }
  starts.forEach((page, i) => {
    const previous = i === 0 ? -1 : starts[i - 1]!;
    if (page === undefined || page <= previous || (i === 0 && page !== 0)) {
      throw new Error(`bản in PDF không cho biết phần ${i + 1}/${parts} bắt đầu ở trang nào`);
    }
  });
  pdf.catalog.delete(PDFName.of('Dests'));
  for (const page of pages) removeMarks(page.node);
  return { pdf, starts: starts as number[] };
}

function removeMarks(page: PDFPageLeaf): void {
  const annots = page.Annots();
  if (!annots) return;
  const kept = annots.asArray().filter((ref) => {
    const annot = page.context.lookupMaybe(ref, PDFDict);
    const dest = annot?.get(PDFName.of('Dest'));
    return !(dest instanceof PDFName && MARK.test(dest.decodeText()));
  });
  if (kept.length > 0) page.set(PDFName.of('Annots'), page.context.obj(kept));
  else page.delete(PDFName.of('Annots'));
}

async function copyRange(printed: PrintedPackage, from: number, to: number): Promise<PDFDocument> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const indices = Array.from({ length: to - from }, (_, k) => from + k);
  for (const p of await out.copyPages(printed.pdf, indices)) out.addPage(p);
  return out;
}

/**
 * The package file: every printed page. `bookmarks` names each part (Quyết định, Kế hoạch,
 * Phụ lục I …): the file gets an outline with one entry per part, opening at its first page, and
 * opens with the outline shown.
 */
export async function assemblePackage(printed: PrintedPackage, meta: DocumentMeta, bookmarks: string[] = []): Promise<Buffer> {
  const out = await copyRange(printed, 0, printed.pdf.getPageCount());
  const entries = bookmarks.slice(0, printed.starts.length).map((title, i) => ({ title, page: printed.starts[i] }));
  if (entries.length > 0) addOutline(out, entries);
  applyMeta(out, meta);
  return save(out);
}

/** One part of the package as a file of its own (quyet-dinh.pdf, phu-luc-1.pdf). */
export async function extractPart(printed: PrintedPackage, part: number, meta: DocumentMeta): Promise<Buffer> {
  const end = printed.starts[part + 1] ?? printed.pdf.getPageCount();
  const out = await copyRange(printed, printed.starts[part], end);
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

/** The file `part` names (the package, the decision, one appendix), from the package's print. */
export function packageFile(doc: PlanDocument, part: DocumentPart, printed: PrintedPackage): Promise<Buffer> {
  if (part.kind === 'package') return assemblePackage(printed, doc.meta, packageBookmarks(doc));
  const index = partIndex(doc, part);
  if (index < 0) throw new Error(`${doc.source}: không có ${part.kind === 'annex' ? `phụ lục '${part.id}'` : 'quyết định ban hành'}`);
  return extractPart(printed, index, partMeta(doc, part));
}
