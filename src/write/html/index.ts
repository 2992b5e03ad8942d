// HTML writer: PlanDocument → one self-contained HTML page (no script, nothing from the
// network) for the PDF step or the live preview.
import type { PlanDocument } from '../../model/types.ts';
import { loadTemplates } from './env.ts';
import { chooseFont } from './fonts.ts';
import { pageCss, partMarkId, partPageName } from './page-css.ts';
import { annexView, decisionView, planView, type AnnexView, type DecisionView, type PlanView } from './view-model.ts';

/**
 * What one HTML page holds: a single part, every part for the screen (preview), or every part for
 * one print of the whole package (package: each part also carries a mark, see PageView).
 */
export type HtmlPart =
  | { kind: 'plan' }
  | { kind: 'decision' }
  | { kind: 'annex'; id: string }
  | { kind: 'preview' }
  | { kind: 'package' };

export interface HtmlOptions {
  /** @font-face rules and font-family declarations replacing the machine's default choice. */
  fontCss?: string;
}

/**
 * The page a part is printed on. `name` is both the part's class and its CSS named page (its own
 * page counter, see partPagesCss). `mark` is set in a package print: the part then starts with a
 * link to its own id, and the link's destination in the printed PDF tells on which page the part
 * begins (readPackagePrint in write/pdf/assemble.ts reads it, then removes the links).
 */
export interface PageView {
  name: string;
  id: string;
  mark: boolean;
}

interface SectionView {
  decision: (DecisionView & { page: PageView }) | null;
  plan: (PlanView & { page: PageView }) | null;
  annex: (AnnexView & { page: PageView }) | null;
}

interface PartView {
  decision?: DecisionView;
  plan?: PlanView;
  annex?: AnnexView;
}

/** Page views for sections in order; the names are the ones partPagesCss gives rules to. */
function sectionsOn(parts: PartView[], mark: boolean): SectionView[] {
  return parts.map((p, i) => {
    const page: PageView = { name: partPageName(i), id: partMarkId(i), mark };
    return {
      decision: p.decision ? { ...p.decision, page } : null,
      plan: p.plan ? { ...p.plan, page } : null,
      annex: p.annex ? { ...p.annex, page } : null,
    };
  });
}

/** Thrown for a part the document does not have: a caller error, not a user error. */
export class MissingPartError extends Error {}

function partsFor(doc: PlanDocument, part: HtmlPart): { parts: PartView[]; title: string } {
  switch (part.kind) {
    case 'plan':
      return { parts: [{ plan: planView(doc.plan) }], title: doc.meta.title };
    case 'decision': {
      if (!doc.decision) throw new MissingPartError(`${doc.source}: văn bản không có quyết định ban hành`);
      return { parts: [{ decision: decisionView(doc.decision) }], title: doc.meta.title };
    }
    case 'annex': {
      const annex = doc.annexes.find((a) => a.id === part.id);
      if (!annex) throw new MissingPartError(`${doc.source}: không có phụ lục '${part.id}'`);
      return { parts: [{ annex: annexView(annex) }], title: `${annex.label} - ${doc.meta.title}` };
    }
    case 'preview':
    case 'package': {
      // The order of write/pdf/parts.ts packageParts, which names the bookmarks and files.
      const parts: PartView[] = [];
      if (doc.decision) parts.push({ decision: decisionView(doc.decision) });
      parts.push({ plan: planView(doc.plan) });
      for (const a of doc.annexes) parts.push({ annex: annexView(a) });
      return { parts, title: doc.meta.title };
    }
  }
}

/** CSS text goes inside <style>: make sure it cannot close the element. */
function safeCss(css: string): string {
  return css.replace(/</g, '\\3c ');
}

export function renderHtml(doc: PlanDocument, part: HtmlPart, opts: HtmlOptions = {}): string {
  const { layout, css } = loadTemplates();
  const { parts, title } = partsFor(doc, part);
  const fontCss = opts.fontCss ?? chooseFont().css;
  const pages = parts.map((p) => ({ landscape: p.annex?.landscape ?? false }));
  return layout({
    title,
    bodyClass: `doc-${part.kind}`,
    css: safeCss(`${fontCss}\n${pageCss(pages)}\n${css}`),
    sections: sectionsOn(parts, part.kind === 'package'),
  });
}

export { chooseFont, tinosFontCss, type FontChoice } from './fonts.ts';
