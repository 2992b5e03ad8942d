// A cache of parsed YAML sources, keyed by their bytes. The `yaml` package is correct and keeps
// the positions every diagnostic needs, but it starts cold in each process: parsing a project's
// data/ and one plan (≈ 100 kB) cost ≈ 0.4 s of a 0.7 s `kehoach check`, and a province's full
// unit list (thousands of entries) would cost seconds. A hit is one file read and JSON.parse.
//
// The key is a hash of the compiled tool (dist/.source-hash, which changes whenever any source
// of the parser changes), the file's display name (it is written into every origin) and its text,
// so a hit can only ever return what parsing would return. Only parses without diagnostics are
// stored. Every cache failure (unwritable folder, corrupt entry) falls back to parsing: the cache
// can make a command faster, never different.
//
// Where: $KEHOACH_CACHE_DIR, else $XDG_CACHE_HOME/kehoach, else ~/.cache/kehoach — the usual
// per-user cache folder, outside the project, so it is never committed or built.
// KEHOACH_CACHE=0 turns it off. Without a compiled tool (tsx in development) it is off too.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Origin } from '../model/types.ts';
import { compiledSourceHash } from '../installation.ts';
import { recordSlots, slotsOf, type Slot, type Slots } from './origins.ts';
import type { ParsedYaml } from './yaml-positions.ts';

/** Bumped when the entry layout below changes. */
const FORMAT = 1;
/** Beyond this many entries the oldest half is removed (git textconv over a long history adds many). */
const MAX_ENTRIES = 2000;

/** [key, keyLine, keyCol, valueLine, valueCol, child] — key positions are 0 when a slot has none. */
type SlotEntry = [string | number, number, number, number, number, SlotTree];
type SlotTree = SlotEntry[] | 0;

interface Entry {
  format: number;
  data: unknown;
  root: [number, number];
  slots: SlotTree;
}

export const cacheStats = { hits: 0, misses: 0, writes: 0 };

let toolHash: string | null | undefined;

/** Sets the tool identity the keys are made from (tests run uncompiled code, which has none). */
export function useToolHash(hash: string | null | undefined): void {
  toolHash = hash;
}

/** The compiled tool's source hash, or null when running uncompiled (no cache then). */
function compiledToolHash(): string | null {
  return toolHash !== undefined ? toolHash : compiledSourceHash();
}

function cacheDir(): string | null {
  if (process.env.KEHOACH_CACHE === '0') return null;
  if (process.env.KEHOACH_CACHE_DIR) return path.resolve(process.env.KEHOACH_CACHE_DIR);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'kehoach');
}

function entryPath(text: string, file: string): string | null {
  const tool = compiledToolHash();
  const dir = cacheDir();
  if (!tool || !dir) return null;
  const key = createHash('sha256').update(`${FORMAT}\0${tool}\0${file}\0`).update(text).digest('hex');
  return path.join(dir, 'parse', `${key}.json`);
}

function encodeSlots(value: unknown): SlotTree {
  const slots = slotsOf(value);
  if (!slots) return 0;
  const out: SlotEntry[] = [];
  for (const [key, slot] of slots) {
    const child = (value as Record<string | number, unknown>)[key];
    out.push([key, slot.key?.line ?? 0, slot.key?.col ?? 0, slot.value.line, slot.value.col, encodeSlots(child)]);
  }
  return out;
}

function decodeSlots(value: unknown, tree: SlotTree, file: string): void {
  if (tree === 0 || value === null || typeof value !== 'object') return;
  const slots: Slots = new Map();
  for (const [key, kl, kc, vl, vc, child] of tree) {
    const slot: Slot = { value: { file, line: vl, col: vc } };
    if (kl > 0) slot.key = { file, line: kl, col: kc };
    slots.set(key, slot);
    decodeSlots((value as Record<string | number, unknown>)[key], child, file);
  }
  recordSlots(value, slots);
}

/** The cached parse of `text`, if there is one. */
export function readCachedParse(text: string, file: string): ParsedYaml | undefined {
  const p = entryPath(text, file);
  if (!p) return undefined;
  try {
    const entry = JSON.parse(readFileSync(p, 'utf8')) as Entry;
    if (entry.format !== FORMAT) throw new Error('format');
    decodeSlots(entry.data, entry.slots, file);
    const root: Origin = { file, line: entry.root[0], col: entry.root[1] };
    cacheStats.hits++;
    return { data: entry.data, root };
  } catch {
    cacheStats.misses++;
    return undefined;
  }
}

/** Whether JSON keeps `value` as it is: `.nan`, `.inf` and -0 would come back as null or 0. */
function survivesJson(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (value === null || typeof value !== 'object') return true;
  return Object.values(value).every(survivesJson);
}

/** Stores a clean parse; written to a temporary name and renamed, so a reader never sees half. */
export function writeCachedParse(text: string, file: string, parsed: ParsedYaml): void {
  const p = entryPath(text, file);
  if (!p || !survivesJson(parsed.data)) return;
  try {
    const entry: Entry = { format: FORMAT, data: parsed.data, root: [parsed.root.line, parsed.root.col], slots: encodeSlots(parsed.data) };
    mkdirSync(path.dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, p);
    cacheStats.writes++;
    pruneIfFull(path.dirname(p));
  } catch {
    // An unwritable cache only costs speed.
  }
}

function pruneIfFull(dir: string): void {
  const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  if (names.length <= MAX_ENTRIES) return;
  const byAge = names
    .map((n) => {
      try {
        return { n, t: statSync(path.join(dir, n)).mtimeMs };
      } catch {
        return { n, t: 0 };
      }
    })
    .sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, byAge.length - MAX_ENTRIES / 2)) {
    try {
      unlinkSync(path.join(dir, n));
    } catch {
      // Another process removed it first.
    }
  }
}
