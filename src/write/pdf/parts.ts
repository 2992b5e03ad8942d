// The parts a plan's package PDF is made of, in reading order, and their bookmarks. A module of its
// own, without pdf-lib, so that a build can start printing before the PDF assembly is loaded.
import type { PlanDocument } from '../../model/types.ts';
import type { HtmlPart } from '../html/index.ts';
import { sentenceCase } from '../../text/case.ts';

/** The HTML parts of the package in reading order: decision, plan, appendices. */
export function packageParts(doc: PlanDocument): HtmlPart[] {
  const parts: HtmlPart[] = [];
  if (doc.decision) parts.push({ kind: 'decision' });
  parts.push({ kind: 'plan' });
  for (const a of doc.annexes) parts.push({ kind: 'annex', id: a.id });
  return parts;
}

/** The package's bookmarks, one per part of packageParts: "Quyết định", "Kế hoạch", "Phụ lục I" … */
export function packageBookmarks(doc: PlanDocument): string[] {
  const marks: string[] = [];
  if (doc.decision) marks.push(sentenceCase(doc.decision.kind));
  marks.push(sentenceCase(doc.plan.kind));
  for (const a of doc.annexes) marks.push(a.label);
  return marks;
}

/** Where a part alone (the decision, one appendix) stands in packageParts; -1 if the plan lacks it. */
export function partIndex(doc: PlanDocument, part: HtmlPart): number {
  return packageParts(doc).findIndex((p) => p.kind === part.kind && (p.kind !== 'annex' || (part.kind === 'annex' && p.id === part.id)));
}
