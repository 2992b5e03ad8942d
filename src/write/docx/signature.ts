// Ô 7a/7b/7c (chức vụ, chữ ký, họ tên) and ô 9b (Nơi nhận), Phụ lục I, mục II.7 and II.9: a
// borderless two-column table — Nơi nhận at the left margin, the signature block centred in the
// right half, their first lines on the same baseline.
import type { Recipients, Signature, TrackedLine, TrackedLines } from '../../model/types.ts';
import { layoutCell, layoutRow, layoutTable } from './layout-table.ts';
import { centredLine, lineSpacing, paragraph } from './paragraphs.ts';
import { lineContent, modelRuns, run, type RunStyle } from './runs.ts';
import { requireRevisions, type Revisions } from './revisions.ts';
import { baselineShift, pt } from './units.ts';
import { BLOCK_LINES, SIGNATURE } from '../layout.ts';

export const SIGNATURE_LEFT_MM = SIGNATURE.leftMm;
export const SIGNATURE_RIGHT_MM = SIGNATURE.rightMm;

const RECIPIENTS_LABEL_PT = SIGNATURE.labelPt;
const RECIPIENTS_PT = SIGNATURE.listPt;
const SIGNATURE_PT = SIGNATURE.signerPt;
const SIGNATURE_GAP_LINES = SIGNATURE.gapLines;
const BLOCK_BEFORE = pt(SIGNATURE.beforePt);


/** A left-aligned line kept with the block; `runs` is run markup. */
function leftLine(runs: string, before: number, markChange?: string): string {
  return paragraph({ keepNext: true, keepLines: true, spacing: { before, after: 0, line: lineSpacing(BLOCK_LINES) }, markChange }, runs);
}

interface Line {
  runs: string;
  /** The paragraph mark's tracked change, for a line inserted or deleted whole. */
  markChange?: string;
}

/** The lines to print: the model's, or in a redline their tracked runs (deleted lines included). */
function lineRuns(lines: string[], tracked: TrackedLine[] | undefined, style: RunStyle, revisions: Revisions | undefined): Line[] {
  if (!tracked) return lines.map((l) => ({ runs: run(l, style) }));
  return tracked.map((l) => ({ runs: modelRuns(l.runs, style, revisions), markChange: l.change && requireRevisions(revisions).mark(l.change) }));
}

export function signatureTable(
  signature: Signature | undefined,
  recipients: Recipients | undefined,
  tracked: TrackedLines = {},
  revisions?: Revisions,
): string {
  const left: string[] = [];
  if (recipients && recipients.lines.length > 0) {
    // Level with the first signature line: shift the 12 pt label down to the 14 pt baseline.
    const labelBefore = BLOCK_BEFORE + baselineShift(RECIPIENTS_LABEL_PT, SIGNATURE_PT);
    left.push(leftLine(run('Nơi nhận:', { sizePt: RECIPIENTS_LABEL_PT, bold: true, italic: true }), labelBefore));
    for (const line of lineRuns(recipients.lines, tracked.recipients, { sizePt: RECIPIENTS_PT }, revisions)) left.push(leftLine(line.runs, 0, line.markChange));
  } else {
    left.push('<w:p/>');
  }

  const right: string[] = [];
  if (signature) {
    const style = { sizePt: SIGNATURE_PT, bold: true };
    lineRuns(signature.lines, tracked.signatureLines, style, revisions).forEach((line, i) =>
      right.push(centredLine({ runs: line.runs }, style, { before: i === 0 ? BLOCK_BEFORE : 0, keepNext: true, markChange: line.markChange })),
    );
    for (let i = 0; i < SIGNATURE_GAP_LINES; i++) right.push(centredLine('', { sizePt: SIGNATURE_PT }, { keepNext: true }));
    right.push(centredLine(lineContent(signature.name, tracked.signatureName, style, revisions), style));
  } else {
    right.push('<w:p/>');
  }

  return layoutTable(
    [SIGNATURE_LEFT_MM, SIGNATURE_RIGHT_MM],
    [layoutRow([layoutCell(SIGNATURE_LEFT_MM, left), layoutCell(SIGNATURE_RIGHT_MM, right)])],
  );
}
