// PDF output: the whole package (decision, plan, each appendix) is one print, each part on named
// pages of its own so that its numbering starts at 1 with page 1 unnumbered (PL1 I.7, III.1đ: "Số
// trang của Phụ lục được đánh số riêng theo từng Phụ lục"). The decision and each appendix as
// files of their own are cut from that print.
import type { PlanDocument } from '../../model/types.ts';
import { renderHtml, type HtmlOptions } from '../html/index.ts';
import { packageFile, readPackagePrint } from './assemble.ts';
import type { DocumentPart } from '../../model/part-meta.ts';
import type { PdfPrinter } from './printer.ts';
import { packageParts } from './parts.ts';

export async function renderPdf(
  doc: PlanDocument,
  part: DocumentPart,
  printer: PdfPrinter,
  opts: HtmlOptions = {},
): Promise<Buffer> {
  const printed = await readPackagePrint(await printer.print(renderHtml(doc, { kind: 'package' }, { fontCss: printer.fonts.css, ...opts })), packageParts(doc).length);
  return packageFile(doc, part, printed);
}

export { assemblePackage, extractPart, packageFile, readPackagePrint, PDF_CREATOR, PDF_PRODUCER, type PrintedPackage } from './assemble.ts';
export { packageBookmarks, packageParts, partIndex } from './parts.ts';
export { partMeta } from '../../model/part-meta.ts';
export { findBrowser, browserCandidates, NoBrowserError, NO_BROWSER_MESSAGE } from './browser.ts';
export { printFonts, type PrintFonts } from './print-fonts.ts';
export { PdfPrinter, LAUNCH_ARGS, launchFlags, type PdfPrinterOptions, type RequestLog } from './printer.ts';
