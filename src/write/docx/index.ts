// DOCX writer: PlanDocument → .docx bytes. Reads only the model; every text rule (numbering,
// punctuation, case) has already been applied by the model builder.
import { Document, Packer, type ISectionOptions } from 'docx';
import type { PlanDocument } from '../../model/types.ts';
import { annexChildren, decisionChildren, planChildren } from './parts.ts';
import { partSection } from './sections.ts';
import { documentStyles } from './styles.ts';
import { nfc } from './units.ts';
import { withRevisions } from './runs.ts';
import { repack } from './pack.ts';
import { documentWithSection } from './slice.ts';
import { partMeta } from '../../model/part-meta.ts';

export type DocxPart = { kind: 'package' } | { kind: 'decision' } | { kind: 'annex'; id: string };

/** Fixed so that output does not depend on who ran the build. */
export const LAST_MODIFIED_BY = 'kehoach';

/** The package's sections in order: the decision (if any), the plan, each appendix. */
function packageSections(doc: PlanDocument): ISectionOptions[] {
  return [
    ...(doc.decision ? [partSection('portrait', decisionChildren(doc.decision))] : []),
    partSection('portrait', planChildren(doc.plan)),
    ...doc.annexes.map((a) => partSection(a.orientation, annexChildren(a))),
  ];
}

/** The whole package laid out by the docx package, before the deterministic re-zip. */
function packPackage(doc: PlanDocument): Promise<Uint8Array> {
  const meta = doc.meta;
  const document = new Document({
    title: nfc(meta.title),
    subject: nfc(meta.subject),
    creator: nfc(meta.author),
    keywords: nfc(meta.keywords.join(', ')),
    lastModifiedBy: LAST_MODIFIED_BY,
    revision: 1,
    styles: documentStyles,
    // Tracked changes of a redline carry its author and date; ids restart at 1 in every render.
    sections: withRevisions(doc.revision ?? { author: LAST_MODIFIED_BY, date: meta.date }, () => packageSections(doc)),
  });
  return Packer.toBuffer(document);
}

/** Position of a part among the package's sections: decision, plan, appendices. */
function sectionIndex(doc: PlanDocument, part: Exclude<DocxPart, { kind: 'package' }>): number {
  if (part.kind === 'decision') {
    if (!doc.decision) throw new Error(`Văn bản ${doc.source} không có quyết định ban hành kèm theo.`);
    return 0;
  }
  const i = doc.annexes.findIndex((a) => a.id === part.id);
  if (i < 0) throw new Error(`Không tìm thấy phụ lục "${part.id}" trong ${doc.source}.`);
  return (doc.decision ? 2 : 1) + i;
}

async function fromPackage(doc: PlanDocument, part: DocxPart, packed: Uint8Array): Promise<Buffer> {
  if (part.kind === 'package') return repack(packed, doc.meta);
  const index = sectionIndex(doc, part);
  return repack(packed, partMeta(doc, part), { 'word/document.xml': (xml) => documentWithSection(xml, index) });
}

/** Renders one part of the document: the whole package, the decision alone, or one appendix. */
export async function renderDocx(doc: PlanDocument, part: DocxPart): Promise<Buffer> {
  if (part.kind !== 'package') sectionIndex(doc, part); // a missing part fails before any layout work
  return fromPackage(doc, part, await packPackage(doc));
}

/**
 * Renders the files of a batch: each plan's package is laid out once, and its decision and
 * appendices are cut out of it (they are the same sections), so a plan costs one layout.
 */
export class DocxRenderer {
  private readonly packages = new WeakMap<PlanDocument, Promise<Uint8Array>>();

  async render(doc: PlanDocument, part: DocxPart): Promise<Buffer> {
    if (part.kind !== 'package') sectionIndex(doc, part);
    let packed = this.packages.get(doc);
    if (!packed) this.packages.set(doc, (packed = packPackage(doc)));
    return fromPackage(doc, part, await packed);
  }
}
