// PDF side of a build: one browser for the whole batch (started on first use), each plan's package
// printed once, and the package file and each part's own file cut from that print.
// This module is what a cold build loads before the browser starts, so it imports only the printer
// (which spawns Chromium without puppeteer, see chromium-process.ts); the HTML writer (Handlebars,
// the templates) is loaded while Chromium boots, and the PDF assembly (pdf-lib) while it prints.
import type { PlanDocument } from '../model/types.ts';
import type { DocumentPart } from '../model/part-meta.ts';
import type { HtmlPart } from '../write/html/index.ts';
import type { PrintedPackage } from '../write/pdf/assemble.ts';
import { PdfPrinter } from '../write/pdf/printer.ts';
import { packageParts } from '../write/pdf/parts.ts';

let htmlWriter: Promise<typeof import('../write/html/index.ts')> | undefined;
const loadHtmlWriter = () => (htmlWriter ??= import('../write/html/index.ts'));
let assembly: Promise<typeof import('../write/pdf/assemble.ts')> | undefined;
const loadAssembly = () => (assembly ??= import('../write/pdf/assemble.ts'));

/** The HTML a build prints, with the font rules of the printer that prints it (PdfPrinter.fonts). */
export async function printHtml(doc: PlanDocument, part: HtmlPart, fontCss: string): Promise<string> {
  const { renderHtml } = await loadHtmlWriter();
  return renderHtml(doc, part, { fontCss });
}

export class PdfRenderer {
  private printer?: PdfPrinter;
  private startError?: Error;
  private readonly printed = new WeakMap<PlanDocument, Promise<PrintedPackage>>();

  /** `env` is where the browser is found (default: the process's). */
  constructor(
    private readonly root: string,
    private readonly pages?: number,
    private readonly env?: NodeJS.ProcessEnv,
  ) {}

  private getPrinter(): PdfPrinter {
    if (this.startError) throw this.startError;
    if (!this.printer) {
      try {
        this.printer = new PdfPrinter({ allowedDirs: [this.root], pages: this.pages, env: this.env });
      } catch (err) {
        this.startError = err as Error; // no browser: every PDF of the batch fails the same way, DOCX still builds
        throw err;
      }
    }
    return this.printer;
  }

  /** The plan's package, printed once for all of its files. pdf-lib loads while the browser prints. */
  private package(doc: PlanDocument): Promise<PrintedPackage> {
    let printed = this.printed.get(doc);
    if (!printed) {
      const printer = this.getPrinter();
      const bytes = printHtml(doc, { kind: 'package' }, printer.fonts.css).then((html) => printer.print(html));
      // Awaited (and reported) below, after the load: marked as handled so that it is not fatal meanwhile.
      bytes.catch(() => undefined);
      printed = loadAssembly().then(async ({ readPackagePrint }) => readPackagePrint(await bytes, packageParts(doc).length));
      this.printed.set(doc, printed);
    }
    return printed;
  }

  async render(doc: PlanDocument, target: DocumentPart): Promise<Uint8Array> {
    const printed = this.package(doc);
    const { packageFile } = await loadAssembly();
    return packageFile(doc, target, await printed);
  }

  /** Starts the browser early (see PdfPrinter.warmUp); no browser is reported by the first print. */
  async warmUp(): Promise<void> {
    let printer: PdfPrinter;
    try {
      printer = this.getPrinter();
    } catch {
      return;
    }
    await printer.warmUp();
  }

  async close(): Promise<void> {
    await this.printer?.close();
  }
}
