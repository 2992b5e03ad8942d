// PDF output: each part (decision, plan, each appendix) is printed on its own so its numbering
// starts at 1 with page 1 unnumbered (PL1 I.7, III.1đ: "Số trang của Phụ lục được đánh số riêng
// theo từng Phụ lục"), then the parts are joined for the package.
import type { PlanDocument } from '../../model/types.ts';
import { renderHtml, type HtmlOptions, type HtmlPart } from '../html/index.ts';
import { assemblePdf, finalizePdf } from './assemble.ts';
import { partMeta, type DocumentPart } from '../../model/part-meta.ts';
import type { PdfPrinter } from './printer.ts';
import { packageBookmarks, packageParts } from './parts.ts';


export async function renderPdf(
  doc: PlanDocument,
  part: DocumentPart,
  printer: PdfPrinter,
  opts: HtmlOptions = {},
): Promise<Buffer> {
  if (part.kind === 'package') {
    const printed = await Promise.all(packageParts(doc).map((p) => printer.print(renderHtml(doc, p, opts))));
    return assemblePdf(printed, doc.meta, packageBookmarks(doc));
  }
  const bytes = await printer.print(renderHtml(doc, part, opts));
  return finalizePdf(bytes, partMeta(doc, part));
}

export { assemblePdf, finalizePdf, PDF_CREATOR, PDF_PRODUCER } from './assemble.ts';
export { packageBookmarks, packageParts } from './parts.ts';
export { partMeta } from '../../model/part-meta.ts';
export { findBrowser, browserCandidates, NoBrowserError, NO_BROWSER_MESSAGE } from './browser.ts';
export { PdfPrinter, LAUNCH_ARGS, launchFlags, type PdfPrinterOptions, type RequestLog } from './printer.ts';
