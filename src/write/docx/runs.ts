// Text runs. Font, colour and language come from the document defaults (styles.ts); a run only
// carries what differs: size, bold, italic.
import { TextRun, type IRunOptions } from 'docx';
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

/** The model's runs with a forced style laid over them (a bold role makes every run bold). */
export function modelRuns(runs: Runs, style: RunStyle = {}): TextRun[] {
  return runs
    .filter((r) => r.text.length > 0)
    .map((r) =>
      run(r.text, {
        sizePt: style.sizePt,
        bold: style.bold || r.bold,
        italic: style.italic || r.italic,
      }),
    );
}

export function plainText(runs: Runs): string {
  return runs.map((r) => r.text).join('');
}
