// Text runs (w:r). Font, colour and language come from the document defaults (styles.ts); a run
// only carries what differs: size, bold, italic.
import type { Runs } from '../../model/types.ts';
import { escapeText } from './xml.ts';
import { requireRevisions, type Change, type Revisions } from './revisions.ts';
import { halfPoints, nfc } from './units.ts';

export interface RunStyle {
  sizePt?: number;
  /** true forces bold; undefined keeps the model's own emphasis. */
  bold?: boolean;
  italic?: boolean;
}

/** w:rPr in schema order (ECMA-376 §17.3.2.28: b, bCs, i, iCs, …, sz, szCs), or '' when empty. */
function runProperties(style: RunStyle): string {
  let props = '';
  if (style.bold) props += '<w:b/><w:bCs/>';
  if (style.italic) props += '<w:i/><w:iCs/>';
  if (style.sizePt !== undefined) {
    const size = halfPoints(style.sizePt);
    props += `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`;
  }
  return props ? `<w:rPr>${props}</w:rPr>` : '';
}

export function run(text: string, style: RunStyle = {}, opts: { noBreak?: boolean } = {}): string {
  return `<w:r>${runProperties(style)}${textElements(text, 'w:t', opts.noBreak)}</w:r>`;
}

/**
 * w:t (or w:delText) elements of a run's text. In a document number (`noBreak`) every hyphen is a
 * w:noBreakHyphen, so that Word and LibreOffice never end a line at it ("766/QĐ-" | "TTg").
 */
function textElements(text: string, tag: 'w:t' | 'w:delText', noBreak = false): string {
  const parts = noBreak ? nfc(text).split('-') : [nfc(text)];
  return parts
    .map((part) => (part === '' ? '' : `<${tag} xml:space="preserve">${escapeText(part)}</${tag}>`))
    .join('<w:noBreakHyphen/>');
}

/** A run as a Word tracked insertion (w:ins) or deletion (w:del, its text as w:delText). */
export function trackedRun(text: string, style: RunStyle, change: Change, revisions: Revisions, noBreak = false): string {
  const attrs = revisions.attrs();
  return change === 'insert'
    ? `<w:ins ${attrs}><w:r>${runProperties(style)}${textElements(text, 'w:t', noBreak)}</w:r></w:ins>`
    : `<w:del ${attrs}><w:r>${runProperties(style)}${textElements(text, 'w:delText', noBreak)}</w:r></w:del>`;
}

/**
 * The model's runs with a forced style laid over them (a bold role makes every run bold). Runs
 * marked by the redline (`change`) become Word tracked insertions (w:ins) and deletions (w:del).
 */
export function modelRuns(runs: Runs, style: RunStyle = {}, revisions?: Revisions): string {
  let out = '';
  for (const r of runs) {
    if (r.text.length === 0) continue;
    const merged: RunStyle = { sizePt: style.sizePt, bold: style.bold || r.bold, italic: style.italic || r.italic };
    out += r.change ? trackedRun(r.text, merged, r.change, requireRevisions(revisions), r.noBreak) : run(r.text, merged, { noBreak: r.noBreak });
  }
  return out;
}

/** Content for centredLine: a line the model holds as text, or its tracked runs in a redline. */
export function lineContent(text: string, tracked: Runs | undefined, style: RunStyle, revisions?: Revisions): string | { runs: string } {
  return tracked ? { runs: modelRuns(tracked, style, revisions) } : text;
}

export function plainText(runs: Runs): string {
  return runs.map((r) => r.text).join('');
}
