// Metadata of one output file: a decision or an appendix written on its own carries its own title.
import type { DocumentMeta, PlanDocument } from './types.ts';

/** Which part of a plan an output holds: the whole package, the decision alone, or one appendix. */
export type DocumentPart = { kind: 'package' } | { kind: 'decision' } | { kind: 'annex'; id: string };

export function partMeta(doc: PlanDocument, part: DocumentPart): DocumentMeta {
  if (part.kind === 'annex') {
    const a = doc.annexes.find((x) => x.id === part.id);
    if (a) return { ...doc.meta, title: `${a.label}: ${a.title}` };
  }
  if (part.kind === 'decision' && doc.decision) {
    return { ...doc.meta, title: `${doc.decision.kind} ${doc.decision.title.map((r) => r.text).join('')}` };
  }
  return doc.meta;
}
