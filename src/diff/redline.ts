// Redline: the newer revision's document with Word tracked changes against the older one. The
// model is marked — runs with change: insert/delete; whole paragraphs and table rows with their
// own change, removed ones put back as deletions at their old place; a label that renumbering
// changed keeps its old value — and the ordinary DOCX writer renders the marks as w:ins / w:del on
// runs, paragraph marks and rows. Accepting every change gives the newer document exactly, and
// rejecting every change the older one (test/diff/redline-libreoffice.test.ts).
import type { Block, HeaderGrid, PlanDocument, Recipients, Run, Runs, Signature, TableBlock, TableCell, TableRow, TextBlock, TrackedLine, TrackedLines } from '../model/types.ts';
import { runsToText } from '../write/text/index.ts';
import { diffTokens } from './words.ts';
import { renderDocx } from '../write/docx/index.ts';
import { fitSpans } from './redline-spans.ts';

/** A whitespace-separated word as styled pieces (a word may straddle runs: "**45**%"). */
type Word = Run[];

function words(runs: Runs): Word[] {
  const out: Word[] = [];
  let current: Word = [];
  for (const r of runs) {
    const { text: _text, change: _change, ...style } = r;
    for (const part of r.text.split(/(\s+)/)) {
      if (!part) continue;
      if (/^\s+$/.test(part)) {
        if (current.length) out.push(current);
        current = [];
      } else current.push({ ...style, text: part });
    }
  }
  if (current.length) out.push(current);
  return out;
}

const wordText = (w: Word) => w.map((r) => r.text).join('');

/**
 * The new runs with the words that changed marked as tracked insertions and deletions (the old
 * words, in their old formatting, put back as deletions). Each group of changed words carries the
 * space that separates it from its neighbours inside the mark, so that accepting every change
 * gives the new text and rejecting every change gives the old text, both with single spaces.
 */
export function markedRuns(oldRuns: Runs, newRuns: Runs): Runs {
  if (runsToText(oldRuns) === runsToText(newRuns)) return newRuns;
  const a = words(oldRuns);
  const b = words(newRuns);
  const ops = diffTokens(a.map(wordText), b.map(wordText));
  const out: Runs = [];
  const push = (r: Run) => {
    const last = out[out.length - 1];
    // A document number keeps its own run: its hyphens never break (w:noBreakHyphen).
    if (last && last.bold === r.bold && last.italic === r.italic && last.change === r.change && last.noBreak === r.noBreak) last.text += r.text;
    else out.push(r);
  };
  const emit = (w: Word, change: Run['change'], lead: string, trail: string) => {
    w.forEach((piece, k) => {
      const text = (k === 0 ? lead : '') + piece.text + (k === w.length - 1 ? trail : '');
      push(change ? { ...piece, text, change } : { ...piece, text });
    });
  };
  let i = 0;
  while (i < ops.length) {
    const [op, ai, bi] = ops[i];
    if (op === 'same') {
      // The space after an unchanged word stays unmarked unless nothing unchanged follows.
      const next = ops[i + 1];
      const restChanged = next && ops.slice(i + 1).every((o) => o[0] !== 'same');
      emit(b[bi], undefined, '', next && !restChanged ? ' ' : '');
      i++;
      continue;
    }
    let j = i;
    while (j < ops.length && ops[j][0] !== 'same') j++;
    const group = ops.slice(i, j);
    const hasBefore = i > 0;
    const hasAfter = j < ops.length;
    for (const change of ['delete', 'insert'] as const) {
      const list = group.filter((o) => o[0] === (change === 'delete' ? 'del' : 'ins'));
      list.forEach((o, k) => {
        const w = change === 'delete' ? a[o[1]] : b[o[2]];
        const lead = !hasAfter && hasBefore && k === 0 ? ' ' : '';
        const trail = k < list.length - 1 || hasAfter ? ' ' : '';
        emit(w, change, lead, trail);
      });
    }
    i = j;
  }
  return out;
}

const mark = (runs: Runs, change: 'insert' | 'delete'): Runs => runs.map((r) => ({ ...r, change }));

function markCell(oldCell: TableCell | undefined, cell: TableCell): TableCell {
  if (!oldCell) return { ...cell, paragraphs: cell.paragraphs.map((p) => mark(p, 'insert')) };
  const oldText = oldCell.paragraphs.map(runsToText).join('\n');
  const newText = cell.paragraphs.map(runsToText).join('\n');
  if (oldText === newText) return cell;
  if (oldCell.paragraphs.length === cell.paragraphs.length) {
    return { ...cell, paragraphs: cell.paragraphs.map((p, i) => markedRuns(oldCell.paragraphs[i], p)) };
  }
  const joined = (c: TableCell): Runs => c.paragraphs.flatMap((p, i) => (i ? [{ text: ' ' }, ...p] : p));
  return { ...cell, paragraphs: [markedRuns(joined(oldCell), joined(cell))] };
}

/** A row inserted or deleted whole: the row, and every run in it, carry the change. */
function wholeRow(row: TableRow, change: 'insert' | 'delete'): TableRow {
  return { ...row, change, cells: row.cells.map((c) => ({ ...c, paragraphs: c.paragraphs.map((p) => mark(p, change)) })) };
}

/** Rows marked against the old rows (matched by ref): kept rows cell by cell, new rows inserted, old rows deleted in place. */
function markRows(oldRows: readonly TableRow[], rows: readonly TableRow[], columns: number): TableRow[] {
  const byRef = new Map(oldRows.map((r) => [r.ref, r]));
  const out = rows.map((row) => {
    const before = byRef.get(row.ref);
    if (!before) return wholeRow(row, 'insert');
    // Cells are compared by position only when both rows have the same shape.
    if (before.cells.length !== row.cells.length) return row;
    return { ...row, cells: row.cells.map((c, i) => markCell(before.cells[i], c)) };
  });
  // Rows of the old table that are gone come back as deletions after their old predecessor.
  // Cells merged across rows are refitted to the rows of both revisions (redline-spans.ts).
  return fitSpans(oldRows, rows, putBack(oldRows, rows, out, (row) => wholeRow(row, 'delete')), columns);
}

/**
 * `out` (marked new items) with the old items that are gone put back, each after its nearest old
 * predecessor that is still there (or first), so a deletion shows where the text stood.
 */
function putBack<T extends { ref: string }>(oldItems: readonly T[], items: readonly { ref: string }[], out: T[], deleted: (item: T) => T | undefined): T[] {
  const newRefs = new Set(items.map((r) => r.ref));
  let at = 0;
  for (const item of oldItems) {
    if (newRefs.has(item.ref)) {
      at = out.findIndex((x) => x.ref === item.ref) + 1;
      continue;
    }
    const back = deleted(item);
    if (back) out.splice(at++, 0, back);
  }
  return out;
}

function markTable(oldTable: TableBlock | undefined, table: TableBlock): TableBlock {
  if (!oldTable) return { ...table, header: table.header.map((r) => wholeRow(r, 'insert')), body: table.body.map((r) => wholeRow(r, 'insert')) };
  const columns = table.columns.length;
  return { ...table, header: markRows(oldTable.header, table.header, columns), body: markRows(oldTable.body, table.body, columns) };
}

/** A block inserted or deleted whole: its paragraph (label, text, mark) or every row of its table. */
function wholeBlock<T extends Block>(b: T, change: 'insert' | 'delete'): T {
  if (b.type === 'table') return { ...b, header: b.header.map((r) => wholeRow(r, change)), body: b.body.map((r) => wholeRow(r, change)) };
  return { ...b, change, runs: mark(b.runs, change) };
}

/**
 * Marks a list of blocks: reworded text word by word, a label changed by renumbering as its old
 * value deleted and its new one inserted, new blocks inserted whole, old ones deleted in place.
 */
export function markBlocks<T extends Block>(oldBlocks: readonly T[], newBlocks: readonly T[]): T[] {
  const oldByRef = new Map(oldBlocks.map((b) => [b.ref, b]));
  const out: Block[] = newBlocks.map((b) => {
    const before = oldByRef.get(b.ref);
    if (!before || before.type !== b.type) return wholeBlock(b, 'insert');
    if (b.type === 'table') return markTable(before as TableBlock, b);
    const old = before as TextBlock;
    const marked: TextBlock = { ...b, runs: markedRuns(old.runs, b.runs) };
    if ((old.label ?? '') !== (b.label ?? '')) marked.oldLabel = old.label ?? '';
    return marked;
  });
  // A block whose ref changed type is both deleted (old) and inserted (new).
  const kept = new Set(newBlocks.filter((b) => oldByRef.get(b.ref)?.type === b.type).map((b) => b.ref));
  const deletedOut = putBack(
    oldBlocks as readonly Block[],
    oldBlocks.filter((b) => kept.has(b.ref)),
    out,
    (b) => wholeBlock(b, 'delete'),
  );
  return deletedOut as T[];
}

/** A line held as plain text, marked against its old text; undefined when it did not change. */
function trackedLine(oldText: string | undefined, newText: string | undefined): Runs | undefined {
  if (newText === undefined || newText === oldText) return undefined;
  const runs = [{ text: newText }];
  return oldText === undefined ? mark(runs, 'insert') : markedRuns([{ text: oldText }], runs);
}

/**
 * A list of lines marked against the old list: kept lines plain, a changed line word by word
 * (paired in order within a run of changes), new lines inserted, removed ones put back as deletions.
 * Undefined when nothing changed.
 */
function trackedLineList(oldLines: readonly string[], lines: readonly string[]): TrackedLine[] | undefined {
  if (oldLines.length === lines.length && oldLines.every((l, i) => l === lines[i])) return undefined;
  const ops = diffTokens(oldLines, lines);
  const out: TrackedLine[] = [];
  for (let i = 0; i < ops.length; ) {
    if (ops[i][0] === 'same') {
      out.push({ runs: [{ text: lines[ops[i][2]] }] });
      i++;
      continue;
    }
    let j = i;
    while (j < ops.length && ops[j][0] !== 'same') j++;
    const removed = ops.slice(i, j).filter((o) => o[0] === 'del').map((o) => oldLines[o[1]]);
    const added = ops.slice(i, j).filter((o) => o[0] === 'ins').map((o) => lines[o[2]]);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      if (k < removed.length && k < added.length) out.push({ runs: markedRuns([{ text: removed[k] }], [{ text: added[k] }]) });
      else if (k < removed.length) out.push({ runs: mark([{ text: removed[k] }], 'delete'), change: 'delete' });
      else out.push({ runs: mark([{ text: added[k] }], 'insert'), change: 'insert' });
    }
    i = j;
  }
  return out;
}

type Lined = { header: HeaderGrid; attachedNote?: string; signature?: Signature; recipients?: Recipients };

/** The lines a part holds as text — header grid, attached note, signature block, recipients — where they changed. */
function trackedLines(oldPart: Lined | undefined, part: Lined): TrackedLines | undefined {
  const lines: TrackedLines = {
    numberLine: trackedLine(oldPart?.header.numberLine, part.header.numberLine),
    placeDateLine: trackedLine(oldPart?.header.placeDateLine, part.header.placeDateLine),
    attachedNote: trackedLine(oldPart?.attachedNote, part.attachedNote),
    recipients: part.recipients && trackedLineList(oldPart?.recipients?.lines ?? [], part.recipients.lines),
    signatureLines: part.signature && trackedLineList(oldPart?.signature?.lines ?? [], part.signature.lines),
    signatureName: part.signature && trackedLine(oldPart?.signature?.name, part.signature.name),
  };
  return Object.values(lines).some((l) => l !== undefined) ? lines : undefined;
}

export function redlineDocument(oldDoc: PlanDocument, newDoc: PlanDocument, revision: { author: string; date: string }): PlanDocument {
  const oldAnnexes = new Map(oldDoc.annexes.map((a) => [a.id, a]));
  return {
    ...newDoc,
    revision,
    decision: newDoc.decision && {
      ...newDoc.decision,
      tracked: trackedLines(oldDoc.decision, newDoc.decision),
      title: oldDoc.decision ? markedRuns(oldDoc.decision.title, newDoc.decision.title) : mark(newDoc.decision.title, 'insert'),
      bases: markBlocks(oldDoc.decision?.bases ?? [], newDoc.decision.bases),
      articles: markBlocks(oldDoc.decision?.articles ?? [], newDoc.decision.articles),
    },
    plan: {
      ...newDoc.plan,
      tracked: trackedLines(oldDoc.plan, newDoc.plan),
      title: markedRuns(oldDoc.plan.title, newDoc.plan.title),
      preamble: markBlocks(oldDoc.plan.preamble, newDoc.plan.preamble),
      body: markBlocks(oldDoc.plan.body, newDoc.plan.body),
    },
    annexes: newDoc.annexes.map((a) => {
      const old = oldAnnexes.get(a.id);
      const tracked = { attachedNote: trackedLine(old?.attachedNote, a.attachedNote), title: trackedLine(old?.title, a.title) };
      const changed = tracked.attachedNote !== undefined || tracked.title !== undefined;
      return { ...a, ...(changed ? { tracked } : {}), blocks: markBlocks(old?.blocks ?? [], a.blocks) };
    }),
  };
}

export async function renderRedlineDocx(oldDoc: PlanDocument, newDoc: PlanDocument, revision: { author: string; date: string }): Promise<Buffer> {
  return renderDocx(redlineDocument(oldDoc, newDoc, revision), { kind: 'package' });
}
