// Ô 7a/7b/7c (chức vụ, chữ ký, họ tên) and ô 9b (Nơi nhận), Phụ lục I, mục II.7 and II.9: a
// borderless two-column table — Nơi nhận at the left margin, the signature block centred in the
// right half, their first lines on the same baseline.
import type { Recipients, Signature, TrackedLine, TrackedLines } from '../../model/types.ts';
import { layoutCell, layoutRow, layoutTable } from './layout-table.ts';
import { paragraph } from './paragraphs.ts';
import { lineContent, modelRuns, run } from './runs.ts';
import { requireRevisions, type Revisions } from './revisions.ts';
import { pt } from './units.ts';
import { SIGNATURE } from '../layout.ts';
import { STYLE } from './paragraph-styles.ts';

export const SIGNATURE_LEFT_MM = SIGNATURE.leftMm;
export const SIGNATURE_RIGHT_MM = SIGNATURE.rightMm;

const SIGNATURE_GAP_LINES = SIGNATURE.gapLines;
const BLOCK_BEFORE = pt(SIGNATURE.beforePt);

// Sizes and emphasis come from the named styles "Nơi nhận (tiêu đề)", "Nơi nhận" and "Chữ ký"
// (paragraph-styles.ts), so that a clerk restyles every signature block at once.

interface Line {
  runs: string;
  /** The paragraph mark's tracked change, for a line inserted or deleted whole. */
  markChange?: string;
}

/** The lines to print: the model's, or in a redline their tracked runs (deleted lines included). */
function lineRuns(lines: string[], tracked: TrackedLine[] | undefined, revisions: Revisions | undefined): Line[] {
  if (!tracked) return lines.map((l) => ({ runs: run(l) }));
  return tracked.map((l) => ({ runs: modelRuns(l.runs, {}, revisions), markChange: l.change && requireRevisions(revisions).mark(l.change) }));
}

/** A signature line: the "Chữ ký" style, kept with the lines below it except the name. */
function signerLine(runs: string, opts: { before?: number; keepNext: boolean; markChange?: string }): string {
  const spacing = opts.before ? { spacingBefore: opts.before } : {};
  return paragraph({ style: STYLE.signer, keepNext: opts.keepNext, markChange: opts.markChange, ...spacing }, runs);
}

export function signatureTable(
  signature: Signature | undefined,
  recipients: Recipients | undefined,
  tracked: TrackedLines = {},
  revisions?: Revisions,
): string {
  const left: string[] = [];
  if (recipients && recipients.lines.length > 0) {
    left.push(paragraph({ style: STYLE.recipientsLabel }, run('Nơi nhận:')));
    for (const line of lineRuns(recipients.lines, tracked.recipients, revisions)) {
      left.push(paragraph({ style: STYLE.recipients, markChange: line.markChange }, line.runs));
    }
  } else {
    left.push('<w:p/>');
  }

  const right: string[] = [];
  if (signature) {
    lineRuns(signature.lines, tracked.signatureLines, revisions).forEach((line, i) =>
      right.push(signerLine(line.runs, { before: i === 0 ? BLOCK_BEFORE : 0, keepNext: true, markChange: line.markChange })),
    );
    for (let i = 0; i < SIGNATURE_GAP_LINES; i++) right.push(signerLine('', { keepNext: true }));
    const name = lineContent(signature.name, tracked.signatureName, {}, revisions);
    right.push(signerLine(typeof name === 'string' ? run(name) : name.runs, { keepNext: false }));
  } else {
    right.push('<w:p/>');
  }

  return layoutTable(
    [SIGNATURE_LEFT_MM, SIGNATURE_RIGHT_MM],
    [layoutRow([layoutCell(SIGNATURE_LEFT_MM, left), layoutCell(SIGNATURE_RIGHT_MM, right)])],
  );
}
