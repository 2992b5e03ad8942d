// Level-aware parts of a template (issue #11): an entry of any keyed list (section, item, bullet,
// annex, annex section, column, row) may say `chi_cap: [...]` — it exists only at those levels.
// A plan is resolved as its own unit's view (entries for other levels dropped), while its children
// merge onto the whole template, so a city plan can carry the rows only a commune prints.
import { KEYED_LIST_KEYS } from './keyed.ts';
import { isPlainObject, recordSlots, slotsOf, type Slots } from './origins.ts';
import { repairRemovedSpans } from './span-repair.ts';

/** Groups of levels a template may name instead of single levels. */
export const LEVEL_GROUPS: Readonly<Record<string, readonly string[]>> = {
  cap_tinh: ['tinh', 'thanh_pho_tw'],
  cap_huyen: ['thanh_pho', 'thi_xa', 'quan', 'huyen'],
  cap_xa: ['xa', 'phuong', 'thi_tran', 'dac_khu'], // đặc khu: a commune-level unit since 1 July 2025
};

/** Whether a level (`xa`) is one of `names` (levels or groups: `[cap_xa]`, `[phuong, xa]`). */
export function levelMatches(level: string, names: readonly string[]): boolean {
  return names.some((n) => n === level || LEVEL_GROUPS[n]?.includes(level));
}

const appliesAt = (item: unknown, level: string) =>
  !isPlainObject(item) || !Array.isArray(item.chi_cap) || levelMatches(level, item.chi_cap as string[]);

/**
 * The data as seen at `level`: keyed-list entries whose `chi_cap` excludes it are removed. Only the
 * containers on the way to a removed entry are copied (with their slots, re-indexed), so origins
 * stay exact and untouched subtrees are shared.
 */
export function viewAtLevel<T>(data: T, level: string | undefined): T {
  if (level === undefined) return data;
  const view = visit(data, undefined, level) as T;
  return view === data ? data : repairRemovedSpans(data, view); // spans over rows of other levels
}

function visit(node: unknown, key: string | undefined, level: string): unknown {
  if (Array.isArray(node)) {
    const keyed = key !== undefined && KEYED_LIST_KEYS.has(key);
    const slots = slotsOf(node);
    let changed = false;
    const out: unknown[] = [];
    const outSlots: Slots = new Map();
    node.forEach((item, i) => {
      if (keyed && !appliesAt(item, level)) {
        changed = true;
        return;
      }
      const v = visit(item, undefined, level);
      if (v !== item) changed = true;
      const s = slots?.get(i);
      if (s) outSlots.set(out.length, s);
      out.push(v);
    });
    if (!changed) return node;
    recordSlots(out, outSlots);
    return out;
  }
  if (isPlainObject(node)) {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(node)) {
      const nv = visit(v, k, level);
      if (nv === v) continue;
      out ??= { ...node };
      out[k] = nv;
    }
    if (!out) return node;
    const slots = slotsOf(node);
    if (slots) recordSlots(out, slots);
    return out;
  }
  return node;
}
