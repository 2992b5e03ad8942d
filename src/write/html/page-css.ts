// Page geometry as CSS paged media, generated from the shared constants so the PDF and the DOCX
// agree on the text width the model builder fitted the tables to.
import { PAGE_A4_MM, PAGE_MARGINS_MM, textWidthMm } from '../../model/page.ts';

/** Page number size: PL1 I.7 "cỡ chữ 13 đến 14"; the decree's own files use 14. */
const PAGE_NUMBER_PT = 14;

export function pageCss(): string {
  const m = PAGE_MARGINS_MM;
  const margin = `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`;
  const portraitH = PAGE_A4_MM.height - m.top - m.bottom;
  const landscapeH = PAGE_A4_MM.width - m.top - m.bottom;
  return `/* PL1 I.1–I.3: A4, margins top ${m.top}, bottom ${m.bottom}, left ${m.left}, right ${m.right} mm.
   PL1 I.7: page numbers Arabic, centred in the top margin, not shown on the first page. */
@page {
  size: ${PAGE_A4_MM.width}mm ${PAGE_A4_MM.height}mm;
  margin: ${margin};
  @top-center { content: counter(page); font-size: ${PAGE_NUMBER_PT}pt; vertical-align: middle; }
}
@page :first { @top-center { content: none; } }
@page land { size: ${PAGE_A4_MM.height}mm ${PAGE_A4_MM.width}mm; margin: ${margin}; }
@media screen {
  html { background: #777; }
  .part {
    box-sizing: content-box; background: #fff; margin: 8mm auto; padding: ${margin};
    width: ${textWidthMm('portrait')}mm; min-height: ${portraitH}mm;
  }
  .part-annex.landscape { width: ${textWidthMm('landscape')}mm; min-height: ${landscapeH}mm; }
}
`;
}
