// One layer of inheritance: a child plan over its resolved parent (docs/source-format.md,
// "Inheritance"). Maps deep-merge; scalars and lists of scalars replace; keyed lists merge by `id`
// with $truoc/$sau placement, $xoa removal and $thay replacement. Every container of the result
// records, per member, the slot of the layer that wrote it, so origins point into the right file.
// Parent containers the child does not touch are reused as they are (no copy, origins intact).
import type { Origin } from '../model/types.ts';
import type { Diagnostic } from './diagnostic.ts';
import { isKeyedList, isOp, OPS } from './keyed.ts';
import { isPlainObject, recordSlots, setOwn, slotsOf, type Slot, type Slots } from './origins.ts';
import type { LoadResult } from './types.ts';

type Obj = Record<string, unknown>;

/** What a `$…` operation means where it is found outside a merge with a parent's list. */
type OrphanOps = 'standalone' | 'new';

class Merger {
  diagnostics: Diagnostic[] = [];
  constructor(private file: string) {}

  error(o: Origin | undefined, rule: string, message: string): void {
    this.diagnostics.push({
      file: o?.file ?? this.file,
      line: o?.line ?? 1,
      col: o?.col ?? 1,
      severity: 'error',
      rule,
      message,
    });
  }

  /** A child value with nothing under it: copied with its slots, `$…` operations reported and removed. */
  adopt(value: unknown, key: string | number | undefined, orphan: OrphanOps): unknown {
    if (Array.isArray(value)) {
      const keyed = isKeyedList(key, value);
      const out = value.map((item) => (keyed && isPlainObject(item) ? this.adoptItem(item, orphan) : this.adopt(item, undefined, orphan)));
      recordSlots(out, slotsOf(value) ?? new Map());
      return out;
    }
    if (isPlainObject(value)) return this.copyMap(value, orphan, false);
    return value;
  }

  private adoptItem(item: Obj, orphan: OrphanOps): Obj {
    const slots = slotsOf(item);
    for (const op of OPS) {
      if (!Object.prototype.hasOwnProperty.call(item, op)) continue;
      const at = slots?.get(op)?.key;
      if (orphan === 'standalone') {
        this.error(
          at,
          'override-without-parent',
          `'${op}' chỉ dùng trong kế hoạch con (có 'ke_thua'); kế hoạch này không kế thừa kế hoạch nào`,
        );
      } else {
        this.error(
          at,
          'override-unknown-id',
          `'${op}' ở mục '${String(item.id ?? '')}' không có tác dụng: kế hoạch cha không có danh sách này để sửa`,
        );
      }
    }
    return this.copyMap(item, orphan, true);
  }

  /** Copies a map with its slots; `dropOps` for a keyed item whose operations were applied. */
  copyMap(value: Obj, orphan: OrphanOps, dropOps: boolean): Obj {
    const out: Obj = {};
    const slots: Slots = new Map();
    const src = slotsOf(value);
    for (const [k, v] of Object.entries(value)) {
      if (dropOps && isOp(k)) continue;
      setOwn(out, k, this.adopt(v, k, orphan));
      const s = src?.get(k);
      if (s) slots.set(k, s);
    }
    recordSlots(out, slots);
    return out;
  }

  /** Child value over parent value, for the member named `key`. */
  value(parent: unknown, child: unknown, key: string | number | undefined): unknown {
    if (isPlainObject(parent) && isPlainObject(child) && !(typeof key === 'string' && ATOMIC_KEYS.has(key))) {
      return this.map(parent, child, false, undefined, typeof key === 'string' && ATOMIC_MEMBER_KEYS.has(key));
    }
    if (Array.isArray(parent) && isKeyedList(key, child)) return this.keyed(parent, child, String(key));
    return this.adopt(child, key, 'new');
  }

  /** Deep merge; the parent's key order first, the child's new keys after. */
  map(parent: Obj, child: Obj, isItem: boolean, skip?: ReadonlySet<string>, atomicMembers = false, notInherited?: ReadonlySet<string>): Obj {
    const out: Obj = {};
    const slots: Slots = new Map();
    const ps = slotsOf(parent);
    const cs = slotsOf(child);
    for (const [k, pv] of Object.entries(parent)) {
      if (skip?.has(k) || notInherited?.has(k)) continue;
      if (Object.prototype.hasOwnProperty.call(child, k)) {
        setOwn(out, k, atomicMembers ? this.adopt(child[k], k, 'new') : this.value(pv, child[k], k));
        const s = cs?.get(k);
        if (s) slots.set(k, s);
      } else {
        setOwn(out, k, pv);
        const s = ps?.get(k);
        if (s) slots.set(k, s);
      }
    }
    for (const [k, cv] of Object.entries(child)) {
      if ((Object.prototype.hasOwnProperty.call(parent, k) && !notInherited?.has(k)) || skip?.has(k) || (isItem && isOp(k))) continue;
      setOwn(out, k, this.adopt(cv, k, 'new'));
      const s = cs?.get(k);
      if (s) slots.set(k, s);
    }
    recordSlots(out, slots);
    return out;
  }

  /**
   * Keyed list merge. Entries are held in an array with an id → entry map, so merging by id is
   * linear; only explicit placements ($truoc/$sau) pay a search.
   */
  keyed(parent: unknown[], child: unknown[], key: string): unknown[] {
    interface Entry {
      id?: string;
      value: unknown;
      slot?: Slot;
      removed?: boolean;
    }
    const ps = slotsOf(parent);
    const cs = slotsOf(child);
    const entries: Entry[] = parent.map((value, i) => ({
      id: isPlainObject(value) && typeof value.id === 'string' ? value.id : undefined,
      value,
      slot: ps?.get(i),
    }));
    const byId = new Map<string, Entry>();
    for (const e of entries) if (e.id !== undefined && !byId.has(e.id)) byId.set(e.id, e);
    /** Last entry placed after each id, so several `$sau: x` keep the child's order. */
    const lastAfter = new Map<string, Entry>();

    child.forEach((item, j) => {
      const slot = cs?.get(j);
      if (!isPlainObject(item) || typeof item.id !== 'string') {
        this.error(
          slot?.value,
          'missing-id',
          `mục trong danh sách '${key}' của kế hoạch con phải có 'id' (mã của mục trong kế hoạch cha cần sửa, hoặc mã mới cho mục thêm vào)`,
        );
        return;
      }
      const id = item.id;
      const is = slotsOf(item);
      const opKey = (op: string) => is?.get(op)?.key ?? slot?.value;
      const opValue = (op: string) => is?.get(op)?.value ?? slot?.value;
      for (const op of ['$xoa', '$thay'] as const) {
        if (op in item && item[op] !== true) {
          this.error(opValue(op), 'override-invalid', `'${op}' chỉ nhận giá trị true`);
          return;
        }
      }
      for (const op of ['$truoc', '$sau'] as const) {
        if (op in item && typeof item[op] !== 'string') {
          this.error(opValue(op), 'override-invalid', `'${op}' cần mã (id) của một mục trong danh sách '${key}'`);
          return;
        }
      }
      if ('$truoc' in item && '$sau' in item) {
        this.error(opKey('$sau'), 'override-invalid', `mục '${id}' chỉ ghi một trong hai: '$truoc' hoặc '$sau'`);
        return;
      }
      // A removed entry has nothing to replace or place: '$xoa' beside another operation is a
      // contradiction the author must resolve, not something to pick a winner for silently.
      if (item.$xoa === true) {
        const other = (['$thay', '$truoc', '$sau'] as const).find((op) => op in item);
        if (other) {
          this.error(
            opKey(other),
            'override-conflict',
            `mục '${id}' vừa xóa ('$xoa: true') vừa ${other === '$thay' ? "thay thế ('$thay')" : `đặt chỗ ('${other}')`}: mục bị xóa không còn gì để ${other === '$thay' ? 'thay' : 'đặt'}; bỏ '$xoa' hoặc bỏ '${other}'`,
          );
          return;
        }
      }
      const existing = byId.get(id);
      if (item.$xoa === true || item.$thay === true) {
        const op = item.$xoa === true ? '$xoa' : '$thay';
        if (!existing) {
          this.error(opKey(op), 'override-unknown-id', unknownIdMessage(op, id, key, byId));
          return;
        }
        if (op === '$xoa') {
          existing.removed = true;
          byId.delete(id);
          return;
        }
        existing.value = this.copyMap(item, 'new', true);
        existing.slot = slot;
      }
      let entry = existing;
      if (!entry) {
        entry = { id, value: this.copyMap(item, 'new', true), slot };
        byId.set(id, entry);
      } else if (item.$thay !== true) {
        entry.value = isPlainObject(entry.value) ? this.map(entry.value, item, true) : this.copyMap(item, 'new', true);
        entry.slot = slot;
      }
      const anchorOp = typeof item.$truoc === 'string' ? '$truoc' : typeof item.$sau === 'string' ? '$sau' : undefined;
      if (!anchorOp) {
        if (!existing) entries.push(entry);
        return;
      }
      const anchorId = item[anchorOp] as string;
      const anchor = byId.get(anchorId);
      if (!anchor || anchor === entry) {
        this.error(opValue(anchorOp), 'override-unknown-id', unknownIdMessage(anchorOp, anchorId, key, byId));
        if (!existing) entries.push(entry);
        return;
      }
      if (existing) entries.splice(entries.indexOf(entry), 1);
      if (anchorOp === '$truoc') {
        entries.splice(entries.indexOf(anchor), 0, entry);
      } else {
        const after = lastAfter.get(anchorId);
        const ref = after && !after.removed && entries.includes(after) ? after : anchor;
        entries.splice(entries.indexOf(ref) + 1, 0, entry);
        lastAfter.set(anchorId, entry);
      }
    });

    const out: unknown[] = [];
    const slots: Slots = new Map();
    for (const e of entries) {
      if (e.removed) continue;
      if (e.slot) slots.set(out.length, e.slot);
      out.push(e.value);
    }
    recordSlots(out, slots);
    return out;
  }
}

function unknownIdMessage(op: string, id: string, key: string, known: Map<string, unknown>): string {
  const ids = [...known.keys()];
  const list = ids.length > 0 ? ` (các mã hiện có: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''})` : '';
  return `'${op}': danh sách '${key}' của kế hoạch cha không có mục mã '${id}'${list}`;
}

const ROOT_SKIP: ReadonlySet<string> = new Set(['ke_thua']);

/**
 * What a child never takes from a parent promulgated by a decision: the decision itself (its
 * number, date, authority, căn cứ, đề nghị, Điều, signer and Nơi nhận are the parent's identity,
 * not the plan's content) and the date, which is the decision's date. The child states its own
 * date, and its own `quyet_dinh` if a decision of its own promulgates it.
 */
const DECISION_IDENTITY: ReadonlySet<string> = new Set(['quyet_dinh', 'ngay', 'so', 'ky_hieu']);

/**
 * Maps that stand for one thing and are replaced whole, never merged field by field: the
 * implemented document (a child's `ke_hoach` merged with the parent's `van_ban` would name two)
 * and the signer (the city's KT. line must not survive under the commune's chairman). The cells
 * of a row's `o` map are replaced whole too (a child's "30" must not keep the parent's comparator).
 */
export const ATOMIC_KEYS: ReadonlySet<string> = new Set(['thuc_hien', 'ky']);
/** Maps whose members are each replaced whole (the cells of a row). */
export const ATOMIC_MEMBER_KEYS: ReadonlySet<string> = new Set(['o']);

/** Merges one child layer (parsed, with positions) over the resolved data of its parent. */
export function mergeLayer(parent: unknown, child: unknown, childFile: string): LoadResult<unknown> {
  const m = new Merger(childFile);
  const value =
    isPlainObject(parent) && isPlainObject(child)
      ? m.map(parent, child, false, ROOT_SKIP, false, isPlainObject(parent.quyet_dinh) ? DECISION_IDENTITY : undefined)
      : m.adopt(child, undefined, 'new');
  return { value, diagnostics: m.diagnostics };
}

/** A plan without a parent: the same shape as a merge result; `$…` operations are errors. */
export function adoptStandalone(data: unknown, file: string): LoadResult<unknown> {
  const m = new Merger(file);
  const value = m.adopt(data, undefined, 'standalone');
  return { value, diagnostics: m.diagnostics };
}
