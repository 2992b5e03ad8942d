// Ô 5a: tên loại and trích yếu (Phụ lục I, mục II.5a): centred, bold, 13–14 pt (14 as the models),
// then a solid rule 1/3–1/2 of the trích yếu's longest line, centred (mục II.5b). The lines and
// the rule are decided by title-lines.ts, which the HTML writer reads too.
import type { Runs } from '../../model/types.ts';
import { BODY_PT, ruleParagraph, styledParagraph } from './paragraphs.ts';
import { STYLE } from './paragraph-styles.ts';
import { lineContent, modelRuns } from './runs.ts';
import type { Revisions } from './revisions.ts';
import { pt } from './units.ts';
import { TITLE } from '../layout.ts';
import { titleLayout, type TitleLayout } from '../title-lines.ts';

/** A centred title's lines and its rule, at the body size (the title and the appendix title). */
export function docxTitleLayout(title: Runs, textWidthMm: number): TitleLayout {
  return titleLayout(title, textWidthMm, BODY_PT);
}

/** The lines as one paragraph's runs, a line break (w:br) between two lines. */
export function titleRuns(layout: TitleLayout, revisions?: Revisions): { runs: string } {
  return { runs: layout.lines.map((line) => modelRuns(line, {}, revisions)).join('<w:r><w:br/></w:r>') };
}

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
  const layout = docxTitleLayout(input.title, input.textWidthMm);
  const out: string[] = [styledParagraph(STYLE.kind, input.kind), styledParagraph(STYLE.title, titleRuns(layout, revisions))];
  if (input.attachedNote) out.push(styledParagraph(STYLE.attachedNote, lineContent(input.attachedNote, input.trackedAttachedNote, {}, revisions)));
  out.push(ruleParagraph(layout.ruleMm, input.textWidthMm, { before: pt(TITLE.ruleBeforePt), after: pt(TITLE.afterPt) }));
  return out;
}
