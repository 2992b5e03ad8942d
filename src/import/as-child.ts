// `kehoach import --from PARENT.yaml`: the imported plan written as a child of an existing plan,
// holding only what differs (docs/source-format.md, "Inheritance"). The parent is resolved in the
// child's own context (its unit, level and date: `{{cap.*}}` wording, `chi_cap` parts), every text
// rendered, and the imported plan compared with that rendering: a text that reads the same is
// inherited (keeping the parent's templates and citations), one that differs is written. Items of
// keyed lists are matched to the parent's by the similarity of their words, keep the parent's ids,
// and are placed with $truoc/$sau, removed with $xoa, or replaced whole with $thay when their shape
// differs (a titled item against an untitled one). The text comparison is the domain's own: no
// library diffs two plan trees under Vietnamese level wording.
import path from 'node:path';
import type { Diagnostic } from '../load/diagnostic.ts';
import type { JsonPath, ProjectData } from '../load/types.ts';
import { resolvePlan } from '../load/resolve.ts';
import { buildWithTexts } from '../model/build.ts';
import type { KeHoach } from '../model/source-types.generated.ts';
import { parseTarget } from '../model/targets.ts';
import { decisionSymbol, planSymbol } from '../model/identity.ts';
import { runsText } from '../text/case.ts';
import { foldWords } from './slug.ts';

type Obj = Record<string, unknown>;

export interface ChildOptions {
  root: string;
  project: ProjectData;
  /** Project-relative path of the parent plan. */
  parentFile: string;
  /** Project-relative path the child will be written to (ke_thua is relative to it). */
  target: string;
  imported: Partial<KeHoach>;
}

export interface ChildResult {
  child?: Obj;
  /** The leading "Thực hiện …" paragraph of the import, when the parent's sentence differs from it. */
  thucHien?: string;
  /** The parent as the input cites it: its numbers and date, and the path the child names it by. */
  parent?: { numbers: string[]; date?: string; ke_thua: string };
  diagnostics: Diagnostic[];
}

/** What the parent looks like from the child: the resolved data and every rendered text by path. */
interface View {
  data: KeHoach;
  texts: Map<string, string>;
  thucHien?: string;
  /** Every id of the parent's whole template (new ids must not take one). */
  ids: Set<string>;
  /** The parent's own number-symbols (the plan's, its decision's) and date, to recognise it cited. */
  parentNumbers: string[];
  parentDate?: string;
}

const keyOf = (p: JsonPath) => JSON.stringify(p);

/** Comparison form of a text: no emphasis marks, one space, no case, no end punctuation the tool generates. */
export function norm(s: string): string {
  return s.normalize('NFC').replace(/\*+/g, '').replace(/[“”]/g, '"').replace(/\s+/g, ' ').replace(/[\s;.,:/]+$/u, '').trim().toLowerCase();
}

/** Dice similarity of the two texts' word multisets (diacritics folded). */
export function similarity(a: string, b: string): number {
  const wa = foldWords(a).slice(0, 60);
  const wb = foldWords(b).slice(0, 60);
  if (!wa.length || !wb.length) return wa.length === wb.length ? 1 : 0;
  const count = new Map<string, number>();
  for (const w of wa) count.set(w, (count.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = count.get(w) ?? 0;
    if (n > 0) {
      common++;
      count.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

const MATCH_AT = 0.5;

export function importAsChild(opts: ChildOptions): ChildResult {
  const { imported } = opts;
  const ke_thua = path.posix.relative(path.posix.dirname(opts.target), opts.parentFile);
  const skeleton: Obj = { ke_thua, don_vi: imported.don_vi, so: imported.so ?? null, ngay: imported.ngay };
  if (imported.ky_hieu) skeleton.ky_hieu = imported.ky_hieu;
  const first = viewOf(opts, skeleton);
  if ('diagnostics' in first) return first;

  // Annexes first: the body's {{chi_tieu}} then reads the child's own targets in the second view.
  const annexes = diffList(asList(imported.phu_luc), asList(first.data.phu_luc), ['phu_luc'], first, annexKind);
  const withAnnexes = annexes.length ? { ...skeleton, phu_luc: annexes } : skeleton;
  const view = annexes.length ? viewOf(opts, withAnnexes) : first;
  if ('diagnostics' in view) return view;

  const child: Obj = { ...skeleton };
  const parent = view.data;
  let thucHien: string | undefined;
  let moDau = asTexts(imported.mo_dau);
  if (moDau.length && /^Thực hiện\s/u.test(moDau[0]) && !imported.thuc_hien) {
    // The importer keeps the "Thực hiện …" sentence in mo_dau; the parent generates its own.
    if (!view.thucHien || norm(view.thucHien) !== norm(moDau[0])) thucHien = moDau[0];
    moDau = moDau.slice(1);
  } else if (view.thucHien) child.thuc_hien = { hien_thi: false };
  if (imported.loai && imported.loai !== parent.loai) child.loai = imported.loai;
  if ((imported.ten_loai ?? null) !== (parent.ten_loai ?? null)) child.ten_loai = imported.ten_loai ?? null;
  for (const k of ['trich_yeu', 'loi_ket'] as const) {
    const mine = imported[k] ?? undefined;
    const theirs = parent[k] == null ? undefined : view.texts.get(keyOf([k])) ?? String(parent[k]);
    if (mine === undefined && theirs !== undefined) child[k] = null;
    else if (mine !== undefined && (theirs === undefined || norm(mine) !== norm(theirs))) child[k] = mine;
  }
  if (!textListEqual(moDau, renderedList(view, ['mo_dau'], parent.mo_dau))) child.mo_dau = moDau.length ? (moDau.length === 1 ? moDau[0] : moDau) : null;
  const canCu = asTexts(imported.can_cu);
  if (!textListEqual(canCu, renderedList(view, ['can_cu'], parent.can_cu))) child.can_cu = canCu;
  if (imported.ky && !sameFields(imported.ky as unknown as Obj, parent.ky as unknown as Obj | undefined)) child.ky = imported.ky;
  const nn = diffRecipients(imported.noi_nhan as Obj | undefined, parent.noi_nhan as Obj | undefined);
  if (nn) child.noi_nhan = nn;
  const body = diffList(asList(imported.noi_dung), asList(parent.noi_dung), ['noi_dung'], view, itemKind);
  if (body.length) child.noi_dung = body;
  if (annexes.length) child.phu_luc = annexes;
  if (imported.quyet_dinh) child.quyet_dinh = imported.quyet_dinh;
  return { child, thucHien, parent: { numbers: view.parentNumbers, date: view.parentDate, ke_thua }, diagnostics: [] };
}

/** Resolves `source` as if written at the target (never written there: it is given as text), and renders it. */
function viewOf(opts: ChildOptions, source: Obj): View | { diagnostics: Diagnostic[] } {
  const resolved = resolvePlan(opts.root, opts.target, opts.project, new Map(), JSON.stringify(source));
  const errors = resolved.diagnostics.filter((d) => d.severity === 'error');
  if (!resolved.value || errors.length) return { diagnostics: errors.length ? errors : resolved.diagnostics };
  const built = buildWithTexts(resolved.value, opts.project);
  const texts = new Map<string, string>();
  for (const t of built.texts) texts.set(keyOf(t.path), t.text);
  const th = built.doc?.plan.preamble.find((b) => b.type === 'text' && b.ref === 'thuc-hien');
  const ids = new Set<string>();
  collectIds(resolved.value.template ?? resolved.value.data, ids);
  const own = resolved.value.parent?.data;
  const unit = own?.don_vi ? opts.project.units.get(own.don_vi) : undefined;
  const parentNumbers: string[] = [];
  if (own?.so != null) parentNumbers.push(`${own.so}/${planSymbol(own, unit)}`);
  if (own?.quyet_dinh?.so != null) parentNumbers.push(`${own.quyet_dinh.so}/${decisionSymbol(own.quyet_dinh, unit)}`);
  return { data: resolved.value.data, texts, thucHien: th && th.type === 'text' ? runsText(th.runs) : undefined, ids, parentNumbers, parentDate: own?.ngay };
}

function collectIds(node: unknown, ids: Set<string>): void {
  if (Array.isArray(node)) node.forEach((n) => collectIds(n, ids));
  else if (node && typeof node === 'object') {
    const o = node as Obj;
    if (typeof o.id === 'string') ids.add(o.id);
    for (const v of Object.values(o)) collectIds(v, ids);
  }
}

const asList = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const asTexts = (v: unknown): string[] => (v == null ? [] : Array.isArray(v) ? (v as string[]) : [String(v)]);

function renderedList(view: View, at: JsonPath, value: unknown): string[] {
  if (value == null) return [];
  if (Array.isArray(value)) return value.map((v, i) => view.texts.get(keyOf([...at, i])) ?? String(v));
  return [view.texts.get(keyOf(at)) ?? String(value)];
}

function textListEqual(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => norm(x) === norm(b[i]));
}

function sameFields(a: Obj, b: Obj | undefined): boolean {
  if (!b) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (norm(String(a[k] ?? '')) !== norm(String(b[k] ?? ''))) return false;
  return true;
}

function diffRecipients(mine: Obj | undefined, theirs: Obj | undefined): Obj | undefined {
  if (!mine) return undefined;
  const out: Obj = {};
  for (const k of ['danh_sach', 'luu']) {
    if (!textListEqual(asTexts(mine[k]), asTexts(theirs?.[k]))) out[k] = mine[k] ?? [];
  }
  return Object.keys(out).length ? out : undefined;
}

// --- Keyed lists -------------------------------------------------------------------------------

/** How one kind of keyed entry is matched, compared and written new. */
interface Kind {
  /** Words that identify the entry (parent's: rendered at `at`). */
  key(item: Obj, view: View | undefined, at: JsonPath): string;
  /** Entries that can never be one another (a group row and a row). */
  sort?(item: Obj): string;
  /** Least similarity of two entries' words to be one entry (default MATCH_AT). */
  threshold?: number;
  /** The child's entry for a matched pair: only what differs (plus id), 'same', or 'replace'. */
  diff(mine: Obj, theirs: Obj, at: JsonPath, view: View): Obj | 'same' | 'replace';
  /** An entry the parent lacks, as the child writes it. */
  fresh(mine: Obj, view: View): Obj;
}

function diffList(mine: Obj[], theirs: Obj[], at: JsonPath, view: View, kind: Kind): Obj[] {
  const keysMine = mine.map((m) => kind.key(m, undefined, []));
  const keysTheirs = theirs.map((t, j) => kind.key(t, view, [...at, j]));
  const pairs: { i: number; j: number; s: number }[] = [];
  mine.forEach((m, i) =>
    theirs.forEach((t, j) => {
      if (kind.sort && kind.sort(m) !== kind.sort(t)) return;
      const s = norm(keysMine[i]) === norm(keysTheirs[j]) ? 1 : similarity(keysMine[i], keysTheirs[j]);
      if (s >= (kind.threshold ?? MATCH_AT)) pairs.push({ i, j, s });
    }),
  );
  pairs.sort((a, b) => b.s - a.s || Math.abs(a.i - a.j) - Math.abs(b.i - b.j));
  const matchOf = new Map<number, number>();
  const taken = new Set<number>();
  for (const p of pairs) {
    if (matchOf.has(p.i) || taken.has(p.j)) continue;
    matchOf.set(p.i, p.j);
    taken.add(p.j);
  }
  const stable = longestIncreasing(mine.map((_, i) => matchOf.get(i)));
  const out: Obj[] = [];
  let removedUpTo = 0;
  const removeBefore = (j: number) => {
    for (; removedUpTo < j; removedUpTo++) if (!taken.has(removedUpTo)) out.push({ id: theirs[removedUpTo].id, $xoa: true });
  };
  let prevId: string | undefined;
  mine.forEach((m, i) => {
    const j = matchOf.get(i);
    const laterStable = (): string | undefined => {
      for (let k = i + 1; k < mine.length; k++) if (stable.has(k)) return String(theirs[matchOf.get(k)!].id);
      return undefined;
    };
    /** A new entry at the end is appended as it is; one before a kept entry, or a moved one, is placed. */
    const place = (entry: Obj, moved: boolean): Obj => {
      const next = laterStable();
      if (next === undefined && !moved) return entry;
      if (prevId) return { id: entry.id, $sau: prevId, ...withoutId(entry) };
      return next ? { id: entry.id, $truoc: next, ...withoutId(entry) } : entry;
    };
    if (j !== undefined) {
      const theirsItem = theirs[j];
      const id = String(theirsItem.id);
      if (stable.has(i)) removeBefore(j);
      const d = kind.diff(m, theirsItem, [...at, j], view);
      let entry: Obj | undefined;
      if (d === 'replace') entry = { id, $thay: true, ...withoutId(kind.fresh(m, view)) };
      else if (d !== 'same') entry = d;
      if (!stable.has(i)) entry = place(entry ?? { id }, true);
      if (entry) out.push(entry);
      prevId = id;
      return;
    }
    const entry = place(kind.fresh(m, view), false);
    out.push(entry);
    prevId = String(entry.id);
  });
  removeBefore(theirs.length);
  return out;
}

function withoutId(o: Obj): Obj {
  const { id: _id, ...rest } = o;
  void _id;
  return rest;
}

/** Indices i whose values form the longest increasing subsequence (undefined values skipped). */
function longestIncreasing(values: (number | undefined)[]): Set<number> {
  const idx = values.map((v, i) => ({ v, i })).filter((x) => x.v !== undefined) as { v: number; i: number }[];
  const len: number[] = [];
  const prev: number[] = [];
  idx.forEach((x, k) => {
    len[k] = 1;
    prev[k] = -1;
    for (let q = 0; q < k; q++) if (idx[q].v < x.v && len[q] + 1 > len[k]) (len[k] = len[q] + 1), (prev[k] = q);
  });
  let best = -1;
  len.forEach((l, k) => {
    if (best < 0 || l > len[best]) best = k;
  });
  const out = new Set<number>();
  for (let k = best; k >= 0; k = prev[k]) out.add(idx[k].i);
  return out;
}

/** A new entry's id (and its children's) kept unless the parent uses it. */
function freshIds(node: unknown, used: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => freshIds(n, used));
  if (node && typeof node === 'object') {
    const out: Obj = {};
    for (const [k, v] of Object.entries(node as Obj)) {
      if (k === 'id' && typeof v === 'string') {
        let id = v;
        for (let n = 2; used.has(id); n++) id = `${v}-${n}`;
        used.add(id);
        out.id = id;
      } else out[k] = k === 'o' ? v : freshIds(v, used);
    }
    return out;
  }
  return node;
}

/** Text fields (a paragraph or a list of them) compared rendered; the child's value, or undefined if equal. */
function textField(mine: unknown, theirs: unknown, at: JsonPath, view: View): { value: unknown } | undefined {
  const a = asTexts(mine);
  const b = renderedList(view, at, theirs);
  if (textListEqual(a, b)) return undefined;
  return { value: mine === undefined ? [] : mine };
}

// --- Body items (Muc) and bullets (Gach) ------------------------------------------------------

/** An item's words for matching: its title, first paragraph, and the openings of its first children. */
function itemWords(item: Obj, view: View | undefined, at: JsonPath, depth = 0): string {
  const parts: string[] = [];
  if (item.tieu_de !== undefined) parts.push(view ? view.texts.get(keyOf([...at, 'tieu_de'])) ?? String(item.tieu_de) : String(item.tieu_de));
  const paras = view ? renderedList(view, [...at, 'noi_dung'], item.noi_dung) : asTexts(item.noi_dung);
  if (paras.length) parts.push(paras[0]);
  if (depth === 0) {
    asList(item.muc).slice(0, 2).forEach((c, i) => parts.push(itemWords(c, view, [...at, 'muc', i], 1).split(' ').slice(0, 12).join(' ')));
    (Array.isArray(item.gach) ? item.gach : []).slice(0, 2).forEach((g, i) => {
      const t = typeof g === 'string' ? g : asTexts((g as Obj).noi_dung)[0] ?? '';
      parts.push((view ? view.texts.get(keyOf([...at, 'gach', i, ...(typeof g === 'string' ? [] : ['noi_dung'])])) ?? t : t).split(' ').slice(0, 12).join(' '));
    });
  }
  return parts.join(' ');
}

const itemKind: Kind = {
  key: (item, view, at) => itemWords(item, view, at),
  // A false match costs only a longer diff (every differing text is written), never wrong output.
  threshold: 0.4,
  diff(mine, theirs, at, view) {
    const out: Obj = { id: theirs.id };
    const lead = (o: Obj, v?: View, p?: JsonPath) => [...(o.tieu_de !== undefined ? [v ? v.texts.get(keyOf([...p!, 'tieu_de'])) ?? String(o.tieu_de) : String(o.tieu_de)] : []), ...(v ? renderedList(v, [...p!, 'noi_dung'], o.noi_dung) : asTexts(o.noi_dung))];
    if (!textListEqual(lead(mine), lead(theirs, view, at))) {
      if ((mine.tieu_de === undefined) !== (theirs.tieu_de === undefined)) return 'replace';
      if (mine.tieu_de !== undefined && norm(String(mine.tieu_de)) !== norm(view.texts.get(keyOf([...at, 'tieu_de'])) ?? String(theirs.tieu_de))) out.tieu_de = mine.tieu_de;
      const nd = textField(mine.noi_dung, theirs.noi_dung, [...at, 'noi_dung'], view);
      if (nd) out.noi_dung = nd.value;
    }
    const ket = textField(mine.ket, theirs.ket, [...at, 'ket'], view);
    if (ket) out.ket = ket.value;
    if (mine.bang || theirs.bang) {
      if (!mine.bang) return 'replace';
      const b = theirs.bang ? diffTable(mine.bang as Obj, theirs.bang as Obj, [...at, 'bang'], view) : 'replace';
      // A table of another shape cannot be merged onto the parent's (maps merge): the item is replaced.
      if (b === 'replace' && theirs.bang) return 'replace';
      if (b === 'replace') out.bang = freshIds(mine.bang, view.ids);
      else if (b) out.bang = b;
    }
    const muc = diffList(asList(mine.muc), asList(theirs.muc), [...at, 'muc'], view, itemKind);
    if (muc.length) out.muc = muc;
    const gach = diffBullets(mine.gach, theirs.gach, [...at, 'gach'], view);
    if (gach) out.gach = gach.value;
    return Object.keys(out).length > 1 ? out : 'same';
  },
  fresh: (mine, view) => freshIds(mine, view.ids) as Obj,
};

const bulletKind: Kind = {
  key: (item, view, at) => (view ? renderedList(view, [...at, 'noi_dung'], item.noi_dung) : asTexts(item.noi_dung))[0] ?? '',
  diff(mine, theirs, at, view) {
    const out: Obj = { id: theirs.id };
    const nd = textField(mine.noi_dung, theirs.noi_dung, [...at, 'noi_dung'], view);
    if (nd) out.noi_dung = nd.value;
    const sub = diffBullets(mine.gach, theirs.gach, [...at, 'gach'], view);
    if (sub) out.gach = sub.value;
    return Object.keys(out).length > 1 ? out : 'same';
  },
  fresh: (mine, view) => freshIds(mine, view.ids) as Obj,
};

/** Bullets: keyed when the parent's have ids; a list of strings is replaced whole when it differs. */
function diffBullets(mine: unknown, theirs: unknown, at: JsonPath, view: View): { value: unknown } | undefined {
  const a = asList(mine);
  const b = Array.isArray(theirs) ? theirs : [];
  if (b.length && b.every((x) => x && typeof x === 'object' && typeof (x as Obj).id === 'string')) {
    const d = diffList(a, b as Obj[], at, view, bulletKind);
    return d.length ? { value: d } : undefined;
  }
  // Strings (or nothing) in the parent: compare the texts, replace the list whole.
  const flat = (x: Obj): string => [...asTexts(x.noi_dung), ...asList(x.gach).map(flat)].join(' ');
  const theirsText = b.map((x, i) => (typeof x === 'string' ? view.texts.get(keyOf([...at, i])) ?? x : flat(x as Obj)));
  if (textListEqual(a.map(flat), theirsText)) return undefined;
  if (!a.length) return { value: [] };
  return { value: a.every((x) => !x.gach && !Array.isArray(x.noi_dung)) ? a.map((x) => String(x.noi_dung)) : freshIds(a, view.ids) };
}

// --- Annexes, their sections and tables -------------------------------------------------------

const annexKind: Kind = {
  key: (item, view, at) => (view ? view.texts.get(keyOf([...at, 'tieu_de'])) : undefined) ?? String(item.tieu_de ?? ''),
  diff: (mine, theirs, at, view) => diffAnnexPart(mine, theirs, at, view),
  fresh: (mine, view) => freshIds(mine, view.ids) as Obj,
};

const annexSectionKind: Kind = {
  key: annexKind.key,
  diff: (mine, theirs, at, view) => diffAnnexPart(mine, theirs, at, view),
  fresh: annexKind.fresh,
};

function diffAnnexPart(mine: Obj, theirs: Obj, at: JsonPath, view: View): Obj | 'same' | 'replace' {
  const out: Obj = { id: theirs.id };
  if (mine.tieu_de !== undefined && norm(String(mine.tieu_de)) !== norm(view.texts.get(keyOf([...at, 'tieu_de'])) ?? String(theirs.tieu_de ?? ''))) out.tieu_de = mine.tieu_de;
  const nd = textField(mine.noi_dung, theirs.noi_dung, [...at, 'noi_dung'], view);
  if (nd) out.noi_dung = nd.value;
  if (mine.bang || theirs.bang) {
    if (!mine.bang) return 'replace';
    if (!theirs.bang) out.bang = freshIds(mine.bang, view.ids);
    else {
      const b = diffTable(mine.bang as Obj, theirs.bang as Obj, [...at, 'bang'], view);
      if (b === 'replace') return 'replace';
      if (b) out.bang = b;
    }
  }
  const muc = diffList(asList(mine.muc), asList(theirs.muc), [...at, 'muc'], view, annexSectionKind);
  if (muc.length) out.muc = muc;
  return Object.keys(out).length > 1 ? out : 'same';
}

interface Leaf {
  id: string;
  stt: boolean;
  target: boolean;
}

function leaves(cols: Obj[]): Leaf[] {
  return cols.flatMap((c) => (Array.isArray(c.cot) ? leaves(c.cot as Obj[]) : [{ id: String(c.id), stt: c.kieu === 'stt', target: c.kieu === 'chi_tieu' }]));
}

/** The table's rows, columns matched by position when both tables have the same shape. */
function diffTable(mine: Obj, theirs: Obj, at: JsonPath, view: View): Obj | 'replace' | undefined {
  const lm = leaves(asList(mine.cot));
  const lt = leaves(asList(theirs.cot));
  if (lm.length !== lt.length || lm.some((l, i) => l.stt !== lt[i].stt)) return 'replace';
  const headers = (cols: Obj[], v?: View, p?: JsonPath): string[] =>
    cols.flatMap((c, i) => [v ? v.texts.get(keyOf([...p!, i, 'tieu_de'])) ?? String(c.tieu_de ?? '') : String(c.tieu_de ?? ''), ...(Array.isArray(c.cot) ? headers(c.cot as Obj[], v, p ? [...p, i, 'cot'] : undefined) : [])]);
  const hm = headers(asList(mine.cot));
  const ht = headers(asList(theirs.cot), view, [...at, 'cot']);
  // Same shape but other headings: another table, not the parent's with edits.
  if (hm.length !== ht.length || hm.filter((h, i) => similarity(h, ht[i]) < MATCH_AT).length > hm.length / 2) return 'replace';
  const colMap = new Map<string, string>(lm.map((l, i) => [l.id, lt[i].id]));
  const ctx: TableContext = { colMap, leaves: lt };
  const rowKind = makeRowKind(ctx);
  const dong = diffList(asList(mine.dong), asList(theirs.dong), [...at, 'dong'], view, rowKind);
  return dong.length ? { dong } : undefined;
}

interface TableContext {
  /** Imported column id → the parent's. */
  colMap: Map<string, string>;
  leaves: Leaf[];
}

function cellText(v: unknown, target: boolean, rendered?: (sub: JsonPath) => string | undefined): string {
  if (v === null || v === undefined) return '';
  if (target) {
    const t = parseTarget(v && typeof v === 'object' && 'chi_tieu' in (v as Obj) ? (v as Obj).chi_tieu : v);
    if (t) return JSON.stringify(t);
  }
  if (typeof v === 'string') return rendered?.([]) ?? v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map((x, i) => rendered?.([i]) ?? String(x)).join(' ¶ ');
  const o = v as Obj;
  if ('doan' in o) {
    const spans = `${o.gop_dong ?? ''}|${o.gop_cot ?? ''}`;
    const d = o.doan;
    const text = Array.isArray(d) ? d.map((x, i) => rendered?.(['doan', i]) ?? String(x)).join(' ¶ ') : rendered?.(['doan']) ?? String(d);
    return `${text}#${spans}`;
  }
  return JSON.stringify(o);
}

function makeRowKind(ctx: TableContext): Kind {
  const name = (row: Obj, parentSide: boolean, view?: View, at?: JsonPath): string => {
    if (row.nhom !== undefined) return view ? view.texts.get(keyOf([...at!, 'nhom'])) ?? String(row.nhom) : String(row.nhom);
    const o = (row.o ?? {}) as Obj;
    const first = ctx.leaves.find((l) => !l.stt);
    if (Array.isArray(o)) return String(o[0] ?? '');
    const mineId = parentSide ? first?.id : [...ctx.colMap].find(([, t]) => t === first?.id)?.[0];
    const v = mineId ? o[mineId] : undefined;
    return cellText(v, false, view ? (sub) => view.texts.get(keyOf([...at!, 'o', mineId!, ...sub])) : undefined);
  };
  const remap = (o: unknown): unknown => {
    if (!o || typeof o !== 'object' || Array.isArray(o)) return o;
    const out: Obj = {};
    for (const [k, v] of Object.entries(o as Obj)) out[ctx.colMap.get(k) ?? k] = v;
    return out;
  };
  const freshRow = (row: Obj, view: View): Obj => {
    const out: Obj = {};
    for (const [k, v] of Object.entries(row)) {
      if (k === 'id') out.id = (freshIds({ id: v }, view.ids) as Obj).id;
      else if (k === 'o') out.o = remap(v);
      else if (k === 'dong') out.dong = asList(v).map((r) => freshRow(r, view));
      else out[k] = v;
    }
    return out;
  };
  const kind: Kind = {
    key: (row, view, at) => name(row, !!view, view, at),
    // A row is an indicator: one whose name reads otherwise is another indicator, not an edit.
    threshold: 0.75,
    sort: (row) => (row.nhom !== undefined ? 'nhom' : 'dong'),
    diff(mine, theirs, at, view) {
      const out: Obj = { id: theirs.id };
      if (mine.nhom !== undefined && norm(String(mine.nhom)) !== norm(view.texts.get(keyOf([...at, 'nhom'])) ?? String(theirs.nhom))) out.nhom = mine.nhom;
      const mo = remap(mine.o ?? {}) as Obj;
      const to = theirs.o;
      if (Array.isArray(to)) {
        const dataLeaves = ctx.leaves.filter((l) => !l.stt);
        const a = dataLeaves.map((l) => cellText(mo[l.id], l.target));
        const b = to.map((v, i) => cellText(v, !!dataLeaves[i]?.target, (sub) => view.texts.get(keyOf([...at, 'o', i, ...sub]))));
        if (a.join('\u0001') !== b.join('\u0001')) out.o = mo;
      } else if (mine.o !== undefined || to !== undefined) {
        const cells: Obj = {};
        const tm = (to ?? {}) as Obj;
        for (const l of ctx.leaves) {
          if (l.stt) continue;
          const a = cellText(mo[l.id], l.target);
          const b = cellText(tm[l.id], l.target, (sub) => view.texts.get(keyOf([...at, 'o', l.id, ...sub])));
          if (norm(a) !== norm(b)) cells[l.id] = mo[l.id] ?? null;
        }
        if (Object.keys(cells).length) out.o = cells;
      }
      const dong = diffList(asList(mine.dong), asList(theirs.dong), [...at, 'dong'], view, kind);
      if (dong.length) out.dong = dong;
      return Object.keys(out).length > 1 ? out : 'same';
    },
    fresh: (row, view) => freshRow(row, view),
  };
  return kind;
}
