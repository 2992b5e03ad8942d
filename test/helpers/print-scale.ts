// Whether Chromium printed a document at its own size. Its page content maps CSS pixels to PDF
// units through two transforms, `.24 0 0 -.24 …` and `3.125 0 0 3.125 …` (0.24 × 3.125 = 0.75 pt
// per px). When something is wider than the page's area (a table half a rule past the margin),
// Chromium shrinks the whole print to fit, and the second factor becomes smaller (3.1237197 was a
// shrink of 0.9996). This reads the factors, so a test can ask for 3.125.
//
// Chromium itself rounds: a justified line that ends in a document number's span can run
// one layout unit (1/64 px) past the text edge, and the print then comes out at 0.99998. That is
// 0.004 mm over a page, and Chromium's, not the layout's; a real overflow (a table's half rule past
// the margin, a line too long for its column) shrinks by 0.9996 or more. `atOwnSize` tells them apart.
const OWN_SCALE = 3.125;

/** True when every page was printed at its own size, up to Chromium's rounding (see above). */
export function atOwnSize(scales: readonly number[]): boolean {
  return scales.length > 0 && scales.every((s) => Math.abs(s - OWN_SCALE) / OWN_SCALE < 1e-4);
}
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFObject } from '@cantoo/pdf-lib';

function decoded(stream: PDFRawStream): string {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const bytes = filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : stream.contents;
  return Buffer.from(bytes).toString('latin1');
}

/** The distinct scale factors above 1 of the uniform `a 0 0 a e f cm` transforms on every page. */
export async function contentScales(pdf: Uint8Array): Promise<number[]> {
  const doc = await PDFDocument.load(pdf);
  const scales = new Set<number>();
  for (const page of doc.getPages()) {
    const contents: PDFObject | undefined = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    for (const s of streams) {
      if (!(s instanceof PDFRawStream)) continue;
      for (const m of decoded(s).matchAll(/(?:^|\s)([\d.]+) 0 0 ([\d.]+) [-\d.]+ [-\d.]+ cm/g)) {
        if (m[1] === m[2] && Number(m[1]) > 1) scales.add(Number(m[1]));
      }
    }
  }
  return [...scales].sort();
}
