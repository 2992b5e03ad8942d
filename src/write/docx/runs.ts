// Text runs. Font, colour and language come from the document defaults (styles.ts); a run only
// carries what differs: size, bold, italic.
import { DeletedTextRun, InsertedTextRun, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import type { Runs } from '../../model/types.ts';
import { halfPoints, nfc } from './units.ts';

export interface RunStyle {
  sizePt?: number;
  /** true forces bold; undefined keeps the model's own emphasis. */
  bold?: boolean;
  italic?: boolean;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  // Typed, so that a misspelt option (docx says `italics`, not `italic`) fails to compile.
  const options: IRunOptions = {
    text: nfc(text),
    size: style.sizePt !== undefined ? halfPoints(style.sizePt) : undefined,
    bold: style.bold ? true : undefined,
    italics: style.italic ? true : undefined,
  };
  return new TextRun(options);
}

/**
 * Author and date of tracked changes (redline documents), with the next w:id. Set for the
 * duration of one synchronous document construction by `withRevisions`, so ids count from 1
 * in every render and output stays deterministic.
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
  revisions = { author: nfc(revision.author), date, nextId: 1 };
  try {
    return build();
  } finally {
    revisions = previous;
  }
}

function trackedRun(text: string, style: RunStyle, change: 'insert' | 'delete'): ParagraphChild {
  const state = revisions ?? (revisions = { author: 'kehoach', date: '1970-01-01T00:00:00Z', nextId: 1 });
  const options = {
    text: nfc(text),
    size: style.sizePt !== undefined ? halfPoints(style.sizePt) : undefined,
    bold: style.bold ? true : undefined,
    italics: style.italic ? true : undefined,
    id: state.nextId++,
    author: state.author,
    date: state.date,
  };
  return change === 'insert' ? new InsertedTextRun(options) : new DeletedTextRun(options);
}

/**
 * The model's runs with a forced style laid over them (a bold role makes every run bold). Runs
 * marked by the redline (`change`) become Word tracked insertions (w:ins) and deletions (w:del).
 */
export function modelRuns(runs: Runs, style: RunStyle = {}): ParagraphChild[] {
  return runs
    .filter((r) => r.text.length > 0)
    .map((r) => {
      const merged: RunStyle = { sizePt: style.sizePt, bold: style.bold || r.bold, italic: style.italic || r.italic };
      return r.change ? trackedRun(r.text, merged, r.change) : run(r.text, merged);
    });
}

export function plainText(runs: Runs): string {
  return runs.map((r) => r.text).join('');
}
