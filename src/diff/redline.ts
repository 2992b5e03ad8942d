// Redline: the newer revision's document with Word tracked changes against the older one. The
// model is marked (runs with change: insert/delete, removed paragraphs put back as deletions at
// their old place) and the ordinary DOCX writer renders the marks as w:ins / w:del.
import type { Block, HeaderGrid, PlanDocument, Recipients, Run, Runs, Signature, TableBlock, TableCell, TextBlock, TrackedLines } from '../model/types.ts';
import { runsToText } from '../write/text/index.ts';
import { diffTokens } from './words.ts';
import { renderDocx } from '../write/docx/index.ts';

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
    if (last && last.bold === r.bold && last.italic === r.italic && last.change === r.change) last.text += r.text;
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

function markTable(oldTable: TableBlock | undefined, table: TableBlock): TableBlock {
  const oldRows = new Map((oldTable?.body ?? []).map((r) => [r.ref, r]));
  const body = table.body.map((row) => {
    const before = oldRows.get(row.ref);
    if (!before) return { ...row, cells: row.cells.map((c) => markCell(undefined, c)) };
    // Cells are compared by position only when both rows have the same shape.
    if (before.cells.length !== row.cells.length) return row;
    return { ...row, cells: row.cells.map((c, i) => markCell(before.cells[i], c)) };
  });
  // Rows of the old table that are gone come back as deletions after their old predecessor.
  const newRefs = new Set(table.body.map((r) => r.ref));
  for (const [i, row] of (oldTable?.body ?? []).entries()) {
    if (newRefs.has(row.ref)) continue;
    const prevRef = oldTable!.body[i - 1]?.ref;
    const at = prevRef ? body.findIndex((r) => r.ref === prevRef) + 1 : 0;
    body.splice(at, 0, { ...row, cells: row.cells.map((c) => ({ ...c, paragraphs: c.paragraphs.map((p) => mark(p, 'delete')) })) });
  }
  return { ...table, body };
}

/** Marks a list of blocks: reworded text word by word, new blocks inserted, old ones deleted in place. */
export function markBlocks<T extends Block>(oldBlocks: readonly T[], newBlocks: readonly T[]): T[] {
  const oldByRef = new Map(oldBlocks.map((b) => [b.ref, b]));
  const out: Block[] = newBlocks.map((b) => {
    const before = oldByRef.get(b.ref);
    if (b.type === 'table') return markTable(before?.type === 'table' ? before : undefined, b);
    if (!before || before.type !== 'text') return { ...b, runs: mark(b.runs, 'insert') };

    return { ...b, runs: markedRuns(before.runs, b.runs) } as TextBlock;
  });
  const newRefs = new Set(newBlocks.map((b) => b.ref));
  oldBlocks.forEach((b, i) => {
    if (newRefs.has(b.ref) || b.type !== 'text') return;
    const prevRef = oldBlocks[i - 1]?.ref;
    const at = prevRef ? out.findIndex((x) => x.ref === prevRef) + 1 : 0;
    out.splice(at, 0, { ...b, runs: mark(b.runs, 'delete') });
  });
  return out as T[];
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
function trackedLineList(oldLines: readonly string[], lines: readonly string[]): Runs[] | undefined {
  if (oldLines.length === lines.length && oldLines.every((l, i) => l === lines[i])) return undefined;
  const ops = diffTokens(oldLines, lines);
  const out: Runs[] = [];
  for (let i = 0; i < ops.length; ) {
    if (ops[i][0] === 'same') {
      out.push([{ text: lines[ops[i][2]] }]);
      i++;
      continue;
    }
    let j = i;
    while (j < ops.length && ops[j][0] !== 'same') j++;
    const removed = ops.slice(i, j).filter((o) => o[0] === 'del').map((o) => oldLines[o[1]]);
    const added = ops.slice(i, j).filter((o) => o[0] === 'ins').map((o) => lines[o[2]]);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      if (k < removed.length && k < added.length) out.push(markedRuns([{ text: removed[k] }], [{ text: added[k] }]));
      else if (k < removed.length) out.push(mark([{ text: removed[k] }], 'delete'));
      else out.push(mark([{ text: added[k] }], 'insert'));
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
