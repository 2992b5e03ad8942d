// Row-merged cells (gop_dong) after rows were removed (a child's `$xoa`, or `chi_cap` at the
// plan's level). A span counts rows, so a removed row inside it would make the merge swallow the
// next row, and a removed row that owned the merged cell would take the cell with it and leave
// the rows it covered empty. The span is adjusted to the rows that remain, and a cell owned by a
// removed row moves to the first row of the span that remains. Only inherited spans are adjusted:
// a span the removing layer wrote itself (Phú Hồ's `gop_dong: 4`) is taken as written.
import type { Bang, Dong, O } from '../model/source-types.generated.ts';
import { isPlainObject, recordSlots, slotsOf } from './origins.ts';
import { layoutTable, type RowEvent } from '../model/table-layout.ts';

type Data = Record<string, unknown>;

/** Keyed lists whose entries may hold tables: annexes and their sections, body sections and items. */
const TABLE_LISTS = new Set(['phu_luc', 'muc', 'noi_dung']);

/**
 * `after` with the spans of its tables adjusted to the rows `before` had and `after` lost.
 * Containers on the way to a changed table are copied (slots kept); the rest is shared.
 */
export function repairRemovedSpans<T>(before: T, after: T): T {
  return walk(before, after) as T;
}

function walk(before: unknown, after: unknown): unknown {
  if (before === after || !isPlainObject(before) || !isPlainObject(after)) return after;
  let out: Data | undefined;
  for (const [k, v] of Object.entries(after)) {
    const was = before[k];
    let nv = v;
    if (k === 'bang' && isPlainObject(v) && isPlainObject(was)) nv = repairTable(was as unknown as Bang, v as unknown as Bang);
    else if (TABLE_LISTS.has(k) && Array.isArray(v) && Array.isArray(was)) nv = walkList(was, v);
    if (nv === v) continue;
    out ??= copy(after);
    out[k] = nv;
  }
  return out ?? after;
}

function walkList(before: unknown[], after: unknown[]): unknown[] {
  const byId = new Map<string, unknown>();
  for (const item of before) if (isPlainObject(item) && typeof item.id === 'string') byId.set(item.id, item);
  let out: unknown[] | undefined;
  after.forEach((item, i) => {
    const was = isPlainObject(item) && typeof item.id === 'string' ? byId.get(item.id) : undefined;
    const nv = was === undefined ? item : walk(was, item);
    if (nv === item) return;
    out ??= copy(after);
    out[i] = nv;
  });
  return out ?? after;
}

function copy<T extends object>(v: T): T {
  const c = (Array.isArray(v) ? [...v] : { ...v }) as T;
  const slots = slotsOf(v);
  if (slots) recordSlots(c, slots);
  return c;
}

/** Row refs in document order, as the layout names them (`/id/id`); undefined if a row has no id. */
function rowRefs(rows: readonly Dong[] | undefined, prefix = ''): string[] | undefined {
  const out: string[] = [];
  for (const r of rows ?? []) {
    if (typeof r.id !== 'string') return undefined;
    const ref = `${prefix}/${r.id}`;
    out.push(ref);
    const sub = rowRefs(r.dong, ref);
    if (!sub) return undefined;
    out.push(...sub);
  }
  return out;
}

interface Move {
  /** Ref of the row that holds the cell after the repair. */
  owner: string;
  /** Column id of the cell. */
  column: string;
  value: O;
}

function repairTable(before: Bang, after: Bang): Bang {
  const beforeRefs = rowRefs(before.dong);
  const afterRefs = rowRefs(after.dong);
  if (!beforeRefs || !afterRefs) return after; // rows without ids cannot be followed
  const survivors = new Set(afterRefs);
  if (beforeRefs.every((r) => survivors.has(r))) return after; // nothing removed
  const was = layoutTable(before, [], '', String);
  const now = layoutTable(after, [], '', String);
  const data = was.rows.filter((r) => r.kind === 'data');
  const wasRow = new Map(data.map((r) => [r.ref, r]));
  const nowRow = new Map(now.rows.filter((r) => r.kind === 'data').map((r) => [r.ref, r]));
  const leafIds = was.leaves.map((l) => l.id);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const moves: Move[] = [];
  data.forEach((row, i) => {
    for (const cell of row.cells) {
      if (cell.rowSpan <= 1 || cell.value === undefined) continue;
      const members = data.slice(i, i + cell.rowSpan).map((r) => r.ref);
      const kept = members.filter((m) => survivors.has(m));
      if (kept.length === members.length || kept.length === 0) continue;
      const column = leafIds[cell.column];
      // A span the removing layer wrote itself for this cell stands as written.
      const current = nowRow.get(row.ref)?.cells.find((c) => c.column === cell.column)?.value;
      if (survivors.has(row.ref) && !same(current, cell.value)) continue;
      const { gop_dong: _old, ...rest } = cell.value as Record<string, unknown>;
      const span = kept.length;
      const value = (span > 1 ? { ...rest, gop_dong: span } : Object.keys(rest).length === 1 && 'doan' in rest ? rest.doan : rest) as O;
      moves.push({ owner: kept[0], column, value });
    }
  });
  if (moves.length === 0) return after;
  const rewrite = (rows: readonly Dong[], prefix: string): Dong[] => {
    let out: Dong[] | undefined;
    rows.forEach((r, i) => {
      const ref = `${prefix}/${r.id}`;
      const mine = moves.filter((m) => m.owner === ref);
      const sub = r.dong ? rewrite(r.dong, ref) : undefined;
      if (mine.length === 0 && sub === r.dong) return;
      const nr = copy(r);
      if (sub !== r.dong) nr.dong = sub;
      if (mine.length > 0) {
        // Positions of a row are read as the layout that was right for it placed them: the
        // parent's when the row is inherited unchanged (a new owner was covered there), else its own.
        const placed = same(r.o, beforeRow(before.dong, ref)?.o) ? wasRow.get(ref) : nowRow.get(ref);
        nr.o = withCells(r, placed, leafIds, mine);
      }
      out ??= copy(rows as Dong[]);
      out[i] = nr;
    });
    return out ?? (rows as Dong[]);
  };
  const nb = copy(after);
  nb.dong = rewrite(after.dong ?? [], '');
  return nb;
}

function beforeRow(rows: readonly Dong[] | undefined, ref: string): Dong | undefined {
  const [, first, ...rest] = ref.split('/');
  const r = rows?.find((x) => x.id === first);
  return rest.length === 0 ? r : beforeRow(r?.dong, `/${rest.join('/')}`);
}

/**
 * The row's cells with the moved ones set, written by column id. A positional row is rewritten
 * by id (its values placed as the layout placed them), since a cell entering its row shifts
 * every position after it.
 */
function withCells(row: Dong, placed: RowEvent | undefined, leafIds: string[], moves: Move[]): Dong['o'] {
  const o = row.o;
  let byId: Record<string, unknown>;
  if (Array.isArray(o)) {
    byId = {};
    for (const c of placed?.cells ?? []) if (c.path && c.value !== undefined) byId[leafIds[c.column]] = c.value;
  } else {
    byId = { ...((o as Record<string, unknown> | undefined) ?? {}) };
    const slots = slotsOf(o);
    if (slots) recordSlots(byId, slots);
  }
  for (const m of moves) byId[m.column] = m.value;
  return byId as Dong['o'];
}

