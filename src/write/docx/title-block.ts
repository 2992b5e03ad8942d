// Ô 5a: tên loại and trích yếu (Phụ lục I, mục II.5a): centred, bold, 13–14 pt (14 as the models),
// then a solid rule 1/3–1/2 of the trích yếu line, centred (mục II.5b).
import type { Runs } from '../../model/types.ts';
import { BODY_PT, ruleParagraph, styledParagraph } from './paragraphs.ts';
import { STYLE } from './paragraph-styles.ts';
import { lineContent, modelRuns, plainText } from './runs.ts';
import type { Revisions } from './revisions.ts';
import { estimateLineWidthMm, pt } from './units.ts';
import { TITLE } from '../layout.ts';

const RULE_RATIO = TITLE.ruleRatio;

/** Rule under a centred bold line that may wrap: 0.42 of the (first) line's width. */
export function titleRuleMm(text: string, textWidthMm: number): number {
  // Capped like the print CSS (.rule-title), so a wrapped title gets the same short rule in both writers.
  return Math.min(Math.min(estimateLineWidthMm(text, BODY_PT, true), textWidthMm) * RULE_RATIO, TITLE_RULE_MAX_MM);
}

export const TITLE_RULE_MAX_MM = TITLE.ruleMaxMm;

export interface TitleBlockInput {
  kind: string;
  title: Runs;
  /** "(Kèm theo Quyết định số …)" — italic, under the title, before the rule (nd30.md §4.2). */
  attachedNote?: string;
  /** The attached note with tracked changes, in a redline. */
  trackedAttachedNote?: Runs;
  textWidthMm: number;
}

export function titleBlock(input: TitleBlockInput, revisions?: Revisions): string[] {
  const out: string[] = [
    styledParagraph(STYLE.kind, input.kind),
    styledParagraph(STYLE.title, { runs: modelRuns(input.title, {}, revisions) }),
  ];
  if (input.attachedNote) out.push(styledParagraph(STYLE.attachedNote, lineContent(input.attachedNote, input.trackedAttachedNote, {}, revisions)));
  out.push(ruleParagraph(titleRuleMm(plainText(input.title), input.textWidthMm), input.textWidthMm, { before: pt(TITLE.ruleBeforePt), after: pt(TITLE.afterPt) }));
  return out;
}
