// DOCX writer: PlanDocument → .docx bytes. Reads only the model; every text rule (numbering,
// punctuation, case) has already been applied by the model builder.
import type { PlanDocument } from '../../model/types.ts';
import { partMeta, type DocumentPart } from '../../model/part-meta.ts';
import { annexChildren, decisionChildren, planChildren } from './parts.ts';
import { sectionProperties } from './sections.ts';
import { Revisions } from './revisions.ts';
import { packageBytes, type SectionXml } from './package.ts';

export { LAST_MODIFIED_BY } from './package.ts';


/** The document's sections in order: the decision (if any), the plan, each appendix. */
function layoutSections(doc: PlanDocument): SectionXml[] {
  // A redline's tracked changes carry its author and date, ids counted from 1 in every layout;
  // an ordinary document has no revision, and a mark in it is a fault (revisions.ts).
  const revisions = doc.revision ? new Revisions(doc.revision) : undefined;
  return [
    ...(doc.decision ? [{ body: decisionChildren(doc.decision, revisions), properties: sectionProperties('portrait') }] : []),
    { body: planChildren(doc.plan, revisions), properties: sectionProperties('portrait') },
    ...doc.annexes.map((a) => ({ body: annexChildren(a, revisions), properties: sectionProperties(a.orientation) })),
  ];
}

/** Position of a part among the document's sections: decision, plan, appendices. */
function sectionIndex(doc: PlanDocument, part: Exclude<DocumentPart, { kind: 'package' }>): number {
  if (part.kind === 'decision') {
    if (!doc.decision) throw new Error(`Văn bản ${doc.source} không có quyết định ban hành kèm theo.`);
    return 0;
  }
  const i = doc.annexes.findIndex((a) => a.id === part.id);
  if (i < 0) throw new Error(`Không tìm thấy phụ lục "${part.id}" trong ${doc.source}.`);
  return (doc.decision ? 2 : 1) + i;
}

function packagePart(doc: PlanDocument, part: DocumentPart, sections: SectionXml[]): Buffer {
  if (part.kind === 'package') return packageBytes(sections, doc.meta);
  // A decision or an appendix on its own is the same section as in the package.
  return packageBytes([sections[sectionIndex(doc, part)]], partMeta(doc, part));
}

/** Renders one part of the document: the whole package, the decision alone, or one appendix. */
export async function renderDocx(doc: PlanDocument, part: DocumentPart): Promise<Buffer> {
  if (part.kind !== 'package') sectionIndex(doc, part); // a missing part fails before any layout work
  return packagePart(doc, part, layoutSections(doc));
}

/**
 * Renders the files of a batch: each plan is laid out once, and its package, decision and
 * appendices are assembled from the same sections.
 */
export class DocxRenderer {
  private readonly laidOut = new WeakMap<PlanDocument, SectionXml[]>();

  async render(doc: PlanDocument, part: DocumentPart): Promise<Buffer> {
    if (part.kind !== 'package') sectionIndex(doc, part);
    let sections = this.laidOut.get(doc);
    if (!sections) this.laidOut.set(doc, (sections = layoutSections(doc)));
    return packagePart(doc, part, sections);
  }
}
