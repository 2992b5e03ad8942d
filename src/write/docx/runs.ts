// Text runs (w:r). Font, colour and language come from the document defaults (styles.ts); a run
// only carries what differs: size, bold, italic.
import type { Runs } from '../../model/types.ts';
import { escapeAttr, escapeText } from './xml.ts';
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

/**
 * Author and date of tracked changes (redline documents), with the next w:id. Set for the
 * duration of one synchronous document layout by `withRevisions`, so ids count from 1 in every
 * render and output stays deterministic.
 */
interface RevisionState {
  author: string;
  date: string;
  nextId: number;
}
let revisions: RevisionState | undefined;

export function withRevisions<T>(revision: { author: string; date: string }, build: () => T): T {
  const previous = revisions;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(revision.date) ? `${revision.date}T00:00:00Z` : revision.date;
  revisions = { author: escapeAttr(nfc(revision.author)), date: escapeAttr(date), nextId: 1 };
  try {
    return build();
  } finally {
    revisions = previous;
  }
}

function trackedRun(text: string, style: RunStyle, change: 'insert' | 'delete', noBreak = false): string {
  const state = revisions ?? (revisions = { author: 'kehoach', date: '1970-01-01T00:00:00Z', nextId: 1 });
  const attrs = `w:id="${state.nextId++}" w:author="${state.author}" w:date="${state.date}"`;
  return change === 'insert'
    ? `<w:ins ${attrs}><w:r>${runProperties(style)}${textElements(text, 'w:t', noBreak)}</w:r></w:ins>`
    : `<w:del ${attrs}><w:r>${runProperties(style)}${textElements(text, 'w:delText', noBreak)}</w:r></w:del>`;
}

/**
 * The model's runs with a forced style laid over them (a bold role makes every run bold). Runs
 * marked by the redline (`change`) become Word tracked insertions (w:ins) and deletions (w:del).
 */
export function modelRuns(runs: Runs, style: RunStyle = {}): string {
  let out = '';
  for (const r of runs) {
    if (r.text.length === 0) continue;
    const merged: RunStyle = { sizePt: style.sizePt, bold: style.bold || r.bold, italic: style.italic || r.italic };
    out += r.change ? trackedRun(r.text, merged, r.change, r.noBreak) : run(r.text, merged, { noBreak: r.noBreak });
  }
  return out;
}

/** Content for centredLine: a line the model holds as text, or its tracked runs in a redline. */
export function lineContent(text: string, tracked: Runs | undefined, style: RunStyle): string | { runs: string } {
  return tracked ? { runs: modelRuns(tracked, style) } : text;
}

export function plainText(runs: Runs): string {
  return runs.map((r) => r.text).join('');
}
