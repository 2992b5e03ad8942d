// The content of each part: Quyết định (Mẫu 1.3), Kế hoạch (Mẫu 1.4, or the form of a text
// promulgated by a decision, nd30.md §4.2), Phụ lục (Mẫu 2.1, Phụ lục I mục III.1).
import type { Annex, Decision, PlanPart } from '../../model/types.ts';
import { textWidthMm } from '../../model/page.ts';
import { renderBlocks, textParagraph } from './blocks.ts';
import { headerGrid } from './header-grid.ts';
import { ruleParagraph, styledParagraph } from './paragraphs.ts';
import { STYLE } from './paragraph-styles.ts';
import { signatureTable } from './signature.ts';
import { docxTitleLayout, titleBlock, titleRuns } from './title-block.ts';
import { pt } from './units.ts';
import { ANNEX } from '../layout.ts';
import { lineContent } from './runs.ts';
import type { Revisions } from './revisions.ts';
import { p, tbl, type BodyElement } from './body.ts';

export function decisionChildren(decision: Decision, revisions?: Revisions): BodyElement[] {
  const width = textWidthMm('portrait');
  return [
    tbl(headerGrid(decision.header, decision.tracked, revisions)),
    ...titleBlock({ kind: decision.kind, title: decision.title, textWidthMm: width }, revisions).map(p),
    // Thẩm quyền ban hành: bold, upper case, centred (Mẫu 1.3).
    p(styledParagraph(STYLE.authority, decision.authority)),
    // Căn cứ: italic, one per paragraph, first-line indent (mục II.6a).
    ...decision.bases.map((b) => p(textParagraph(b, { italic: true }, revisions))),
    p(styledParagraph(STYLE.authority, 'QUYẾT ĐỊNH:')),
    ...renderBlocks(decision.articles, { keepLastWithNext: true }, revisions),
    tbl(signatureTable(decision.signature, decision.recipients, decision.tracked, revisions)),
  ];
}

export function planChildren(plan: PlanPart, revisions?: Revisions): BodyElement[] {
  const width = textWidthMm('portrait');
  const signed = plan.signature !== undefined || plan.recipients !== undefined;
  return [
    tbl(headerGrid(plan.header, plan.tracked, revisions)),
    ...titleBlock({
      kind: plan.kind,
      title: plan.title,
      attachedNote: plan.attachedNote,
      trackedAttachedNote: plan.tracked?.attachedNote,
      textWidthMm: width,
    }, revisions).map(p),
    ...plan.preamble.map((b) => p(textParagraph(b, {}, revisions))),
    ...renderBlocks(plan.body, { keepLastWithNext: signed }, revisions),
    ...(signed ? [tbl(signatureTable(plan.signature, plan.recipients, plan.tracked, revisions))] : []),
  ];
}

/** Mẫu 2.1: "Phụ lục I" normal case bold 14, title upper bold, "(Kèm theo …)" italic, short rule. */
export function annexChildren(annex: Annex, revisions?: Revisions): BodyElement[] {
  const width = textWidthMm(annex.orientation);
  const title = docxTitleLayout(annex.tracked?.title ?? [{ text: annex.title }], width);
  return [
    p(styledParagraph(STYLE.annexTitle, annex.label)),
    p(styledParagraph(STYLE.annexTitle, titleRuns(title, revisions))),
    p(styledParagraph(STYLE.attachedNote, lineContent(annex.attachedNote, annex.tracked?.attachedNote, {}, revisions))),
    // 6 pt after: a table may follow directly and would otherwise touch the rule.
    p(ruleParagraph(title.ruleMm, width, { before: pt(ANNEX.ruleBeforePt), after: pt(ANNEX.ruleAfterPt), keepNext: true })),
    ...renderBlocks(annex.blocks, {}, revisions),
  ];
}
