// HTML writer: PlanDocument → one self-contained HTML page (no script, nothing from the
// network) for the PDF step or the live preview.
import type { PlanDocument } from '../../model/types.ts';
import { loadTemplates } from './env.ts';
import { chooseFont } from './fonts.ts';
import { pageCss } from './page-css.ts';
import { annexView, decisionView, planView, type AnnexView, type DecisionView, type PlanView } from './view-model.ts';

export type HtmlPart = { kind: 'plan' } | { kind: 'decision' } | { kind: 'annex'; id: string } | { kind: 'preview' };

export interface HtmlOptions {
  /** @font-face rules and font-family declarations replacing the machine's default choice. */
  fontCss?: string;
}

interface SectionView {
  decision: DecisionView | null;
  plan: PlanView | null;
  annex: AnnexView | null;
}

const section = (s: Partial<SectionView>): SectionView => ({
  decision: s.decision ?? null,
  plan: s.plan ?? null,
  annex: s.annex ?? null,
});

/** Thrown for a part the document does not have: a caller error, not a user error. */
export class MissingPartError extends Error {}

function sectionsFor(doc: PlanDocument, part: HtmlPart): { sections: SectionView[]; title: string } {
  switch (part.kind) {
    case 'plan':
      return { sections: [section({ plan: planView(doc.plan) })], title: doc.meta.title };
    case 'decision': {
      if (!doc.decision) throw new MissingPartError(`${doc.source}: văn bản không có quyết định ban hành`);
      return { sections: [section({ decision: decisionView(doc.decision) })], title: doc.meta.title };
    }
    case 'annex': {
      const annex = doc.annexes.find((a) => a.id === part.id);
      if (!annex) throw new MissingPartError(`${doc.source}: không có phụ lục '${part.id}'`);
      return { sections: [section({ annex: annexView(annex) })], title: `${annex.label} - ${doc.meta.title}` };
    }
    case 'preview': {
      const sections: SectionView[] = [];
      if (doc.decision) sections.push(section({ decision: decisionView(doc.decision) }));
      sections.push(section({ plan: planView(doc.plan) }));
      for (const a of doc.annexes) sections.push(section({ annex: annexView(a) }));
      return { sections, title: doc.meta.title };
    }
  }
}

/** CSS text goes inside <style>: make sure it cannot close the element. */
function safeCss(css: string): string {
  return css.replace(/</g, '\\3c ');
}

export function renderHtml(doc: PlanDocument, part: HtmlPart, opts: HtmlOptions = {}): string {
  const { layout, css } = loadTemplates();
  const { sections, title } = sectionsFor(doc, part);
  const fontCss = opts.fontCss ?? chooseFont().css;
  return layout({
    title,
    bodyClass: `doc-${part.kind}`,
    css: safeCss(`${fontCss}\n${pageCss()}\n${css}`),
    sections,
  });
}

export { chooseFont, tinosFontCss, type FontChoice } from './fonts.ts';
