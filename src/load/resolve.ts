// A plan file → ResolvedSource: read, parse with positions, follow `ke_thua` up any number of
// levels (each layer merged onto the resolved layer above), validate the merged data, and resolve
// the plan that binds its targets (thuc_hien.ke_hoach, else the parent). Resolved parents (and
// bound plans) are cached by real path, so a batch parses and merges each parent once.
import { projectOn } from './units-in-time.ts';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { KeHoach } from '../model/source-types.generated.ts';
import type { Origin } from '../model/types.ts';
import { hasErrors, type Diagnostic } from './diagnostic.ts';
import { checkDuplicateIds } from './keyed.ts';
import { adoptStandalone, mergeLayer } from './merge.ts';
import { viewAtLevel } from './level-parts.ts';
import { repairRemovedSpans } from './span-repair.ts';
import { isPlainObject, keyOriginAt, originAt } from './origins.ts';
import { hashBytes, isInside, readSource, relativeToRoot, type SourceText } from './read-source.ts';
import type { JsonPath, LoadResult, ProjectData, ResolvedSource } from './types.ts';
import { validateAgainst } from './validate.ts';
import { parseYaml } from './yaml-positions.ts';

interface Context {
  root: string;
  plans: string;
  project: ProjectData;
  cache: Map<string, LoadResult<ResolvedSource>>;
  /** Plans being resolved, outermost first: a reference back into it is a cycle. */
  stack: string[];
  /** Text given for the entry plan instead of reading it (its absolute path, and the text). */
  given?: { abs: string; text: string };
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function exists(p: string): boolean {
  try {
    realpathSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves the plan `file` (project-relative, or absolute inside `root`). `cache` maps absolute
 * real paths to results; pass the same map for every plan of a batch.
 */
export function resolvePlan(
  root: string,
  file: string,
  project: ProjectData,
  cache: Map<string, LoadResult<ResolvedSource>> = new Map(),
  /** The plan's text, when it is not (yet) on disk: resolved as if written at `file` (import --from). */
  text?: string,
): LoadResult<ResolvedSource> {
  const realRoot = realOrSelf(path.resolve(root));
  const abs = path.resolve(realRoot, file);
  const given = text === undefined ? undefined : { abs: realOrSelf(abs), text };
  const ctx: Context = { root: realRoot, plans: path.join(realRoot, 'plans'), project, cache, stack: [], given };
  const real = realOrSelf(abs);
  if (!isInside(realRoot, abs) || !isInside(realRoot, real)) {
    // readSource words the refusal (under the name the user gave); it never reads outside the root.
    return { diagnostics: readSource(realRoot, isInside(realRoot, abs) ? relativeToRoot(realRoot, abs) : file).diagnostics };
  }
  return resolveAbs(ctx, real);
}

function resolveAbs(ctx: Context, abs: string): LoadResult<ResolvedSource> {
  const cached = ctx.cache.get(abs);
  if (cached) return cached;
  ctx.stack.push(abs);
  let result: LoadResult<ResolvedSource>;
  try {
    result = resolveUncached(ctx, abs);
  } finally {
    ctx.stack.pop();
  }
  // Only plans that others inherit from or implement are kept: a batch of a thousand commune
  // plans would otherwise hold every one of them, resolved, for the whole build.
  if (ctx.stack.length > 0) ctx.cache.set(abs, result);
  return result;
}

function givenSource(root: string, abs: string, text: string): LoadResult<SourceText> {
  return { value: { file: relativeToRoot(root, abs), abs, text, hash: hashBytes(Buffer.from(text, 'utf8')) }, diagnostics: [] };
}

function err(o: Origin, rule: string, message: string): Diagnostic {
  return { file: o.file, line: o.line, col: o.col, severity: 'error', rule, message };
}

type Target = { abs: string } | { diagnostic: Diagnostic };

/**
 * Locates a plan named by `ref` (written at `at`, relative to the file that wrote it): inside plans/,
 * existing, and not already being resolved.
 */
function locatePlan(ctx: Context, ref: string, at: Origin, kind: 'parent' | 'thuc-hien' | 'thay-the' | 'trich-dan', base = at.file): Target {
  const fromDir = path.dirname(path.resolve(ctx.root, base));
  const lexical = path.resolve(fromDir, ref);
  const rel = relativeToRoot(ctx.root, lexical);
  const what =
    kind === 'parent'
      ? 'kế hoạch cha (ke_thua)'
      : kind === 'thuc-hien'
        ? 'kế hoạch được thực hiện (thuc_hien.ke_hoach)'
        : kind === 'thay-the'
          ? 'kế hoạch được thay thế (quyet_dinh.thay_the.ke_hoach)'
          : 'kế hoạch được trích dẫn (data/van-ban, ke_hoach)';
  const outside = () =>
    err(
      at,
      `${kind}-outside-plans`,
      `${what} '${ref}' nằm ngoài thư mục plans/; chỉ kế thừa hoặc thực hiện kế hoạch trong plans/`,
    );
  if (!isInside(ctx.plans, lexical)) return { diagnostic: outside() };
  if (!exists(lexical)) {
    return { diagnostic: err(at, `${kind}-missing`, `không tìm thấy ${what} '${ref}' (tức '${rel}')`) };
  }
  const real = realOrSelf(lexical);
  if (!isInside(realOrSelf(ctx.plans), real)) return { diagnostic: outside() };
  const from = ctx.stack.indexOf(real);
  if (from >= 0) {
    const chain = [...ctx.stack.slice(from), real].map((p) => relativeToRoot(ctx.root, p)).join(' → ');
    return {
      diagnostic: err(
        at,
        kind === 'parent' ? 'inheritance-cycle' : kind === 'trich-dan' ? 'citation-cycle' : 'thuc-hien-cycle',
        kind === 'parent'
          ? `vòng kế thừa: ${chain}`
          : kind === 'trich-dan'
            ? `vòng trích dẫn giữa các kế hoạch: ${chain}; một kế hoạch không trích dẫn kế hoạch đang trích dẫn nó`
            : `vòng tham chiếu thuc_hien/ke_thua: ${chain}`,
      ),
    };
  }
  return { abs: real };
}

function resolveUncached(ctx: Context, abs: string): LoadResult<ResolvedSource> {
  const src = ctx.given?.abs === abs ? givenSource(ctx.root, abs, ctx.given.text) : readSource(ctx.root, relativeToRoot(ctx.root, abs));
  if (!src.value) return { diagnostics: src.diagnostics };
  const file = src.value.file;
  const parsed = parseYaml(src.value.text, file);
  if (!parsed.value) return { diagnostics: parsed.diagnostics };
  const { data, root: rootOrigin } = parsed.value;
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...checkDuplicateIds(data, file)];

  let parent: ResolvedSource | undefined;
  let merged: unknown;
  const keThua = isPlainObject(data) ? data.ke_thua : undefined;
  if (typeof keThua === 'string') {
    const at = originAt(data, ['ke_thua'], rootOrigin);
    const target = locatePlan(ctx, keThua, at, 'parent');
    if ('diagnostic' in target) return { diagnostics: [...diagnostics, target.diagnostic] };
    const parentResult = resolveAbs(ctx, target.abs);
    if (!parentResult.value) {
      return {
        diagnostics: [
          ...parentResult.diagnostics,
          err(at, 'parent-invalid', `kế hoạch cha '${keThua}' có lỗi (xem các lỗi ở trên); sửa kế hoạch cha trước`),
          ...diagnostics,
        ],
      };
    }
    parent = parentResult.value;
    const m = mergeLayer(parent.template ?? parent.data, data, file);
    diagnostics.push(...m.diagnostics, ...parentResult.diagnostics.filter((d) => d.severity !== 'error'));
    // Rows the child removed ($xoa) inside a parent's gop_dong span: the span follows.
    merged = m.value === undefined ? m.value : repairRemovedSpans(parent.template ?? parent.data, m.value);
  } else {
    const m = adoptStandalone(data, file);
    diagnostics.push(...m.diagnostics);
    merged = m.value;
  }

  const mergedOrigin = (p: JsonPath) => originAt(merged, p, rootOrigin);
  diagnostics.push(...validateAgainst('plan', merged, { value: mergedOrigin, key: (p: JsonPath) => keyOriginAt(merged, p, rootOrigin) }));
  if (hasErrors(diagnostics)) return { diagnostics };
  // The plan is its unit's view of the template: parts for other levels (chi_cap) are dropped.
  const unitId = isPlainObject(merged) && typeof merged.don_vi === 'string' ? merged.don_vi : undefined;
  // The unit's level on the plan's own date: Huế was a city in 2024 and is province-level since 2025.
  const dated = projectOn(ctx.project, isPlainObject(merged) ? (merged.ngay as string | null | undefined) : undefined);
  const view = viewAtLevel(merged, unitId ? dated.units.get(unitId)?.cap : undefined);
  const origin = (p: JsonPath) => originAt(view, p, rootOrigin);
  const originOfKey = (p: JsonPath) => keyOriginAt(view, p, rootOrigin);

  const bound = resolveBinding(ctx, view, origin, parent);
  diagnostics.push(...bound.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };

  const replaced = resolveReplaced(ctx, view, origin);
  diagnostics.push(...replaced.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };

  const cited = resolveCited(ctx, view, origin);
  diagnostics.push(...cited.diagnostics);
  if (hasErrors(diagnostics)) return { diagnostics };

  const value: ResolvedSource = { file, hash: src.value.hash, data: view as KeHoach, origin, originOfKey, parent, binding: bound.value };
  if (replaced.value) value.replaces = replaced.value;
  if (cited.value?.size) value.cites = cited.value;
  if (view !== merged) value.template = merged as KeHoach;
  return { value, diagnostics };
}

/** thuc_hien.ke_hoach binds (path relative to the file that wrote it); thuc_hien.van_ban binds nothing. */
function resolveBinding(
  ctx: Context,
  data: unknown,
  origin: (p: JsonPath) => Origin,
  parent: ResolvedSource | undefined,
): LoadResult<ResolvedSource | undefined> & { diagnostics: Diagnostic[] } {
  const th = isPlainObject(data) ? data.thuc_hien : undefined;
  if (isPlainObject(th) && typeof th.ke_hoach === 'string') {
    const at = origin(['thuc_hien', 'ke_hoach']);
    const target = locatePlan(ctx, th.ke_hoach, at, 'thuc-hien');
    if ('diagnostic' in target) return { diagnostics: [target.diagnostic] };
    if (parent && realOrSelf(path.resolve(ctx.root, parent.file)) === target.abs) return { value: parent, diagnostics: [] };
    const r = resolveAbs(ctx, target.abs);
    if (!r.value) {
      return {
        diagnostics: [
          ...r.diagnostics,
          err(at, 'thuc-hien-invalid', `kế hoạch được thực hiện '${th.ke_hoach}' có lỗi (xem các lỗi ở trên)`),
        ],
      };
    }
    return { value: r.value, diagnostics: [] };
  }
  if (isPlainObject(th) && typeof th.van_ban === 'string') return { value: undefined, diagnostics: [] };
  return { value: parent, diagnostics: [] };
}

/** quyet_dinh.thay_the.ke_hoach: the earlier edition this plan's decision replaces (a plan in plans/). */
function resolveReplaced(ctx: Context, data: unknown, origin: (p: JsonPath) => Origin): LoadResult<ResolvedSource> {
  const qd = isPlainObject(data) ? data.quyet_dinh : undefined;
  const tt = isPlainObject(qd) ? qd.thay_the : undefined;
  if (!isPlainObject(tt) || typeof tt.ke_hoach !== 'string') return { diagnostics: [] };
  const at = origin(['quyet_dinh', 'thay_the', 'ke_hoach']);
  const target = locatePlan(ctx, tt.ke_hoach, at, 'thay-the');
  if ('diagnostic' in target) return { diagnostics: [target.diagnostic] };
  const r = resolveAbs(ctx, target.abs);
  if (!r.value) return { diagnostics: [...r.diagnostics, err(at, 'thay-the-invalid', `kế hoạch được thay thế '${tt.ke_hoach}' có lỗi (xem các lỗi ở trên)`)] };
  return { value: r.value, diagnostics: [] };
}

/** `{{van_ban "id"}}` / `{{so_hieu "id"}}` in a text field (either quote). */
const CITATION_CALL = /\{\{\s*(?:van_ban|so_hieu)\s+(?:"([^"]*)"|'([^']*)')/g;

/** Every registry id the plan cites, with the path of the first field that names it. */
function citedIds(data: unknown): Map<string, JsonPath> {
  const out = new Map<string, JsonPath>();
  const walk = (v: unknown, p: JsonPath) => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(CITATION_CALL)) if (!out.has(m[1] ?? m[2])) out.set(m[1] ?? m[2], p);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(data, []);
  const qd = isPlainObject(data) ? data.quyet_dinh : undefined;
  const refs: [unknown, JsonPath][] = [
    [isPlainObject(data) && isPlainObject(data.thuc_hien) ? data.thuc_hien.van_ban : undefined, ['thuc_hien', 'van_ban']],
    [isPlainObject(qd) && isPlainObject(qd.thay_the) ? qd.thay_the.van_ban : undefined, ['quyet_dinh', 'thay_the', 'van_ban']],
  ];
  for (const [id, p] of refs) if (typeof id === 'string' && !out.has(id)) out.set(id, p);
  return out;
}

/**
 * Registry ids that stand for a plan in plans/ (data/van-ban: `ke_hoach:`) are resolved here, so
 * the citation is made from that plan's own number, date, issuer and subject, and the build record
 * counts its file among this plan's inputs.
 */
function resolveCited(ctx: Context, data: unknown, origin: (p: JsonPath) => Origin): LoadResult<Map<string, ResolvedSource>> {
  if (ctx.project.citedPlans.size === 0) return { diagnostics: [] };
  const out = new Map<string, ResolvedSource>();
  const diagnostics: Diagnostic[] = [];
  for (const [id, at] of citedIds(data)) {
    const planFile = ctx.project.citedPlans.get(id);
    if (planFile === undefined) continue;
    const where = origin(at);
    // planFile is project-relative: resolve it from the root.
    const target = locatePlan(ctx, planFile, where, 'trich-dan', 'plans');
    if ('diagnostic' in target) {
      diagnostics.push(target.diagnostic);
      continue;
    }
    const r = resolveAbs(ctx, target.abs);
    if (!r.value) {
      diagnostics.push(...r.diagnostics, err(where, 'cited-plan-invalid', `kế hoạch '${planFile}' (văn bản '${id}' của data/van-ban) có lỗi (xem các lỗi ở trên)`));
      continue;
    }
    out.set(id, r.value);
  }
  return { value: out, diagnostics };
}
