// Where each value was written. ajv and the model builder only see plain JS data, so positions live
// in a side table keyed by the containers themselves: a container is created once (by the YAML walk
// or by a merge) and never mutated afterwards, so its slots stay true wherever it is reused — a
// parent's untouched subtree keeps pointing into the parent file inside the child's resolved data.
import type { Origin } from '../model/types.ts';
import type { JsonPath } from './types.ts';

/** Position of one member of a container: its key (maps only) and its value. */
export interface Slot {
  key?: Origin;
  value: Origin;
}

export type Slots = Map<string | number, Slot>;

const table = new WeakMap<object, Slots>();

export function recordSlots(container: object, slots: Slots): void {
  table.set(container, slots);
}

export function slotsOf(container: unknown): Slots | undefined {
  return container !== null && typeof container === 'object' ? table.get(container) : undefined;
}

function step(container: unknown, key: string | number): unknown {
  if (container === null || typeof container !== 'object') return undefined;
  if (Array.isArray(container)) return typeof key === 'number' ? container[key] : undefined;
  return Object.prototype.hasOwnProperty.call(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}

/** Slot of the last path member whose position is known, walking from `root`. */
function deepest(root: unknown, path: JsonPath): { slot?: Slot; complete: boolean } {
  let current: unknown = root;
  let found: Slot | undefined;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const slot = slotsOf(current)?.get(Array.isArray(current) ? Number(key) : String(key));
    if (!slot) return { slot: found, complete: false };
    found = slot;
    current = step(current, Array.isArray(current) ? Number(key) : String(key));
  }
  return { slot: found, complete: true };
}

/** Where the value at `path` was written; the nearest known ancestor, else `fallback`. */
export function originAt(root: unknown, path: JsonPath, fallback: Origin): Origin {
  return deepest(root, path).slot?.value ?? fallback;
}

/** Where the key of the member at `path` was written (maps); the value's position otherwise. */
export function keyOriginAt(root: unknown, path: JsonPath, fallback: Origin): Origin {
  const { slot, complete } = deepest(root, path);
  if (!slot) return fallback;
  return complete ? (slot.key ?? slot.value) : slot.value;
}

/** Defines an own enumerable property, even for names like "__proto__" that `=` would not create. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
