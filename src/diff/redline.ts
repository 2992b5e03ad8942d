// Redline: the newer revision's document with Word tracked changes against the older one. The
// model is marked (runs with change: insert/delete, removed paragraphs put back as deletions at
// their old place) and the ordinary DOCX writer renders the marks as w:ins / w:del.
import type { Block, PlanDocument, Runs, TableBlock, TableCell, TextBlock } from '../model/types.ts';
import { runsToText } from '../write/text/index.ts';
import { diffWords } from './words.ts';
import { renderDocx } from '../write/docx/index.ts';

function markedRuns(oldRuns: Runs, newRuns: Runs): Runs {
  const before = runsToText(oldRuns);
  const after = runsToText(newRuns);
  if (before === after) return newRuns;
  const out: Runs = [];
  for (const op of diffWords(before, after)) {
    const text = (out.length ? ' ' : '') + op.text;
    if (op.op === 'same') out.push({ text });
    else out.push({ text, change: op.op === 'ins' ? 'insert' : 'delete' });
  }
  return out;
}

const mark = (runs: Runs, change: 'insert' | 'delete'): Runs => runs.map((r) => ({ ...r, change }));

function markCell(oldCell: TableCell | undefined, cell: TableCell): TableCell {
  if (!oldCell) return { ...cell, paragraphs: cell.paragraphs.map((p) => mark(p, 'insert')) };
  const oldText = oldCell.paragraphs.map(runsToText).join('\n');
  const newText = cell.paragraphs.map(runsToText).join('\n');
  if (oldText === newText) return cell;
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

export function redlineDocument(oldDoc: PlanDocument, newDoc: PlanDocument, revision: { author: string; date: string }): PlanDocument {
  const oldAnnexes = new Map(oldDoc.annexes.map((a) => [a.id, a]));
  return {
    ...newDoc,
    revision,
    decision: newDoc.decision && {
      ...newDoc.decision,
      bases: markBlocks(oldDoc.decision?.bases ?? [], newDoc.decision.bases),
      articles: markBlocks(oldDoc.decision?.articles ?? [], newDoc.decision.articles),
    },
    plan: {
      ...newDoc.plan,
      preamble: markBlocks(oldDoc.plan.preamble, newDoc.plan.preamble),
      body: markBlocks(oldDoc.plan.body, newDoc.plan.body),
    },
    annexes: newDoc.annexes.map((a) => ({ ...a, blocks: markBlocks(oldAnnexes.get(a.id)?.blocks ?? [], a.blocks) })),
  };
}

export async function renderRedlineDocx(oldDoc: PlanDocument, newDoc: PlanDocument, revision: { author: string; date: string }): Promise<Buffer> {
  return renderDocx(redlineDocument(oldDoc, newDoc, revision), { kind: 'package' });
}
