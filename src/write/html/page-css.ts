// Page geometry as CSS paged media, and every other layout value as CSS custom properties, all
// generated from the layout module that the DOCX writer reads too (src/write/layout.ts), so the
// PDF and the DOCX agree on the page and paginate alike. templates/print.css uses only these
// properties for sizes and spacing.
import {
  ANNEX,
  BASELINE_EM,
  BLOCK_LINES,
  BODY,
  DECISION,
  HEADER,
  PAGE_A4_MM,
  PAGE_MARGINS_MM,
  PAGE_NUMBER_PT,
  RULE_BOX_PT,
  RULE_PT,
  SIGNATURE,
  SINGLE_LINE_EM,
  TABLE,
  TITLE,
  cssLineHeight,
  textWidthMm,
} from '../layout.ts';

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The layout's values as custom properties: `--name: value`. */
function layoutProperties(): Record<string, string> {
  const block = cssLineHeight(BLOCK_LINES);
  return {
    'body-size': `${BODY.sizePt}pt`,
    'body-line': String(cssLineHeight(BODY.lines)),
    'body-before': `${BODY.beforePt}pt`,
    'body-indent': `${BODY.firstLineIndentMm}mm`,
    'body-orphans': String(BODY.orphanLines),
    'block-line': String(block),
    rule: `${RULE_PT}pt`,
    // A drawn rule in the DOCX is an empty 2 pt paragraph with its bottom border 1 pt below it.
    'rule-box': `${round(RULE_BOX_PT)}pt`,
    'hg-left': `${HEADER.leftMm}mm`,
    'hg-right': `${HEADER.rightMm}mm`,
    'hg-pad': `${HEADER.cellPaddingMm}mm`,
    'agency-size': `${HEADER.agencyPt}pt`,
    'nation-size': `${HEADER.nationPt}pt`,
    'motto-size': `${HEADER.mottoPt}pt`,
    'motto-rule': `${HEADER.mottoRuleMm}mm`,
    'agency-rule-gap': `${HEADER.ruleGapPt}pt`,
    'number-size': `${HEADER.numberPt}pt`,
    'hg-row2-before': `${HEADER.secondRowBeforePt}pt`,
    'title-before': `${TITLE.beforePt}pt`,
    'title-rule-before': `${TITLE.ruleBeforePt}pt`,
    'title-after': `${TITLE.afterPt}pt`,
    'decision-heading-before': `${DECISION.headingBeforePt}pt`,
    'sb-left': `${SIGNATURE.leftMm}mm`,
    'sb-before': `${SIGNATURE.beforePt}pt`,
    'recipients-label-size': `${SIGNATURE.labelPt}pt`,
    'recipients-size': `${SIGNATURE.listPt}pt`,
    // The label's baseline meets the signer's first baseline (single spacing: one ascent down).
    'recipients-label-shift': `${round((SIGNATURE.signerPt - SIGNATURE.labelPt) * BASELINE_EM)}pt`,
    'signer-size': `${SIGNATURE.signerPt}pt`,
    'sign-space': `${round(SIGNATURE.gapLines * SINGLE_LINE_EM * SIGNATURE.signerPt)}pt`,
    'annex-rule-before': `${ANNEX.ruleBeforePt}pt`,
    'annex-rule-after': `${ANNEX.ruleAfterPt}pt`,
    'cell-side-pad': `${TABLE.cellSidePaddingPt}pt`,
    'cell-para-pad': `${TABLE.paragraphPaddingPt}pt`,
    'table-rule': `${TABLE.rulePt}pt`,
    'table-before': `${TABLE.beforePt}pt`,
  };
}

export function layoutCss(): string {
  const props = Object.entries(layoutProperties())
    .map(([k, v]) => `  --${k}: ${v};`)
    .join('\n');
  return `/* Generated from src/write/layout.ts, the layout the DOCX writer reads too. */\n:root {\n${props}\n}\n`;
}

/** The CSS named page (and class) of the i-th part of an HTML page. */
export const partPageName = (i: number): string => `phan-${i}`;
/** The element id a package print's mark links to, for the i-th part. */
export const partMarkId = (i: number): string => `kehoach-phan-${i}`;

/** Counter style of a page number: nothing on a part's first page (PL1 I.7), decimal after. */
const PAGE_NUMBER_STYLE = 'kehoach-so-trang';

/**
 * One named page per part. Each counts its own pages (PL1 I.7, III.1đ: every part, appendices
 * included, is numbered from 1 with its first page unnumbered), so the parts of a package can be
 * one print: Chromium (156) ignores `counter-reset: page` and has no `:first` for a named page's
 * first page, but increments a counter named in an @page rule on each page of that name (tried).
 */
function partPagesCss(pages: readonly { landscape: boolean }[], margin: string): string {
  const rules = pages.map(({ landscape }, i) => {
    const name = partPageName(i);
    const size = landscape ? ` size: ${PAGE_A4_MM.height}mm ${PAGE_A4_MM.width}mm; margin: ${margin};` : '';
    return `.${name} { page: ${name}; }
@page ${name} {${size} counter-increment: ${name}; @top-center { content: counter(${name}, ${PAGE_NUMBER_STYLE}); } }`;
  });
  return `@counter-style ${PAGE_NUMBER_STYLE} { system: fixed 1; symbols: ""; fallback: decimal; }\n${rules.join('\n')}`;
}

/**
 * The page CSS of an HTML page whose parts, in order, are `pages` (a part printed alone is one).
 * A package print also marks where each part starts: the link is a 1 px box at the part's start,
 * painted (so that Chromium writes its annotation) but with nothing to see. It is absolutely
 * positioned at its static place, out of the flow; the part itself is not positioned: a
 * `position: relative` part is a paint layer of its own, and Chromium then drew the next page's
 * table borders into each page, outside its clip, where poppler shows them as a line along the
 * foot margin at some resolutions (60 and 120 dpi; tested in print.test.ts).
 */
export function pageCss(pages: readonly { landscape: boolean }[]): string {
  const m = PAGE_MARGINS_MM;
  const margin = `${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm`;
  const portraitH = PAGE_A4_MM.height - m.top - m.bottom;
  const landscapeH = PAGE_A4_MM.width - m.top - m.bottom;
  return `/* PL1 I.1–I.3: A4, margins top ${m.top}, bottom ${m.bottom}, left ${m.left}, right ${m.right} mm.
   PL1 I.7: page numbers Arabic, centred in the top margin, not shown on the first page. */
@page {
  size: ${PAGE_A4_MM.width}mm ${PAGE_A4_MM.height}mm;
  margin: ${margin};
  @top-center { font-size: ${PAGE_NUMBER_PT}pt; vertical-align: middle; }
}
${partPagesCss(pages, margin)}
.part-mark { position: absolute; width: 1px; height: 1px; }
@media screen {
  html { background: #777; }
  .part {
    box-sizing: content-box; background: #fff; margin: 8mm auto; padding: ${margin};
    width: ${textWidthMm('portrait')}mm; min-height: ${portraitH}mm;
  }
  .part-annex.landscape { width: ${textWidthMm('landscape')}mm; min-height: ${landscapeH}mm; }
}
${layoutCss()}`;
}
