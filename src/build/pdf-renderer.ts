// PDF side of a build: one browser for the whole batch (started on first use), each part of a
// plan printed once and reused for the package and for the part's own file.
import type { PlanDocument } from '../model/types.ts';
import type { OutputPart } from './outputs.ts';
import { renderHtml, tinosFontCss, type HtmlPart } from '../write/html/index.ts';
import { chooseFont } from '../write/html/fonts.ts';
import { PdfPrinter, assemblePdf, finalizePdf, packageParts, partMeta } from '../write/pdf/index.ts';

/**
 * The HTML a build prints. Bundled fonts are inlined as data: URLs: a page that intercepts its
 * requests (PdfPrinter) has no cache, so linked font files would be read again for every part;
 * inlined, a print is about 15% faster and reads nothing at all.
 */
export function printHtml(doc: PlanDocument, part: HtmlPart): string {
  return renderHtml(doc, part, { fontCss: inlineFontCss() });
}

let inlined: string | undefined;
function inlineFontCss(): string {
  if (inlined === undefined) {
    const font = chooseFont();
    inlined = font.source === 'bundled' && font.dir ? tinosFontCss(font.dir, 'data') : font.css;
  }
  return inlined;
}

export class PdfRenderer {
  private printer?: PdfPrinter;
  private startError?: Error;
  private readonly printed = new WeakMap<PlanDocument, Map<string, Promise<Uint8Array>>>();

  constructor(private readonly root: string, private readonly pages?: number) {}

  private getPrinter(): PdfPrinter {
    if (this.startError) throw this.startError;
    if (!this.printer) {
      try {
        this.printer = new PdfPrinter({ allowedDirs: [this.root], pages: this.pages });
      } catch (err) {
        this.startError = err as Error; // no browser: every PDF of the batch fails the same way, DOCX still builds
        throw err;
      }
    }
    return this.printer;
  }

  private part(doc: PlanDocument, part: HtmlPart): Promise<Uint8Array> {
    let cache = this.printed.get(doc);
    if (!cache) this.printed.set(doc, (cache = new Map()));
    const key = part.kind === 'annex' ? `annex:${part.id}` : part.kind;
    let bytes = cache.get(key);
    if (!bytes) {
      const printer = this.getPrinter();
      bytes = printer.print(printHtml(doc, part));
      cache.set(key, bytes);
    }
    return bytes;
  }

  async render(doc: PlanDocument, target: OutputPart): Promise<Uint8Array> {
    if (target.kind === 'package') {
      const parts = await Promise.all(packageParts(doc).map((p) => this.part(doc, p)));
      return assemblePdf(parts, doc.meta);
    }
    return finalizePdf(await this.part(doc, target), partMeta(doc, target));
  }

  async close(): Promise<void> {
    await this.printer?.close();
  }
}
