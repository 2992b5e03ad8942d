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

export type DocxPart = { kind: 'package' } | { kind: 'decision' } | { kind: 'annex'; id: string };

/** Fixed so that output does not depend on who ran the build. */
export const LAST_MODIFIED_BY = 'kehoach';

function sectionsFor(doc: PlanDocument, part: DocxPart): ISectionOptions[] {
  switch (part.kind) {
    case 'package':
      return [
        ...(doc.decision ? [partSection('portrait', decisionChildren(doc.decision))] : []),
        partSection('portrait', planChildren(doc.plan)),
        ...doc.annexes.map((a) => partSection(a.orientation, annexChildren(a))),
      ];
    case 'decision':
      if (!doc.decision) throw new Error(`Văn bản ${doc.source} không có quyết định ban hành kèm theo.`);
      return [partSection('portrait', decisionChildren(doc.decision))];
    case 'annex': {
      const annex = doc.annexes.find((a) => a.id === part.id);
      if (!annex) throw new Error(`Không tìm thấy phụ lục "${part.id}" trong ${doc.source}.`);
      return [partSection(annex.orientation, annexChildren(annex))];
    }
  }
}

/** Renders one part of the document: the whole package, the decision alone, or one appendix. */
export async function renderDocx(doc: PlanDocument, part: DocxPart): Promise<Buffer> {
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
    sections: withRevisions(doc.revision ?? { author: LAST_MODIFIED_BY, date: meta.date }, () => sectionsFor(doc, part)),
  });
  const packed = await Packer.toBuffer(document);
  return repack(packed, meta);
}
