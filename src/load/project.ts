// Project data shared by all plans: data/cap.yaml (level vocabulary), data/don-vi/*.yaml (units)
// and data/van-ban/*.yaml (cited documents). Files are read in sorted order and merged; an id
// defined twice is an error at its second place. Missing folders simply mean no data.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DonVi, KeHoachTrichDan, TuNguTheoCap, VanBanTrichDan } from '../model/source-types.generated.ts';
import type { Origin } from '../model/types.ts';
import type { Diagnostic } from './diagnostic.ts';
import { isPlainObject, keyOriginAt, originAt, slotsOf } from './origins.ts';
import { isInside, readSource } from './read-source.ts';
import type { LoadResult, ProjectData } from './types.ts';
import { validateAgainst, type SchemaName } from './validate.ts';
import { parseYaml } from './yaml-positions.ts';
import { checkUnits } from './unit-checks.ts';
import { LATEST, levelsOn, unitsOn, type Levels } from './units-in-time.ts';

interface Parsed {
  file: string;
  data: unknown;
  root: Origin;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** data/<name>.yaml (if any) then data/<name>/*.yaml sorted by name. */
function listFiles(root: string, name: string): string[] {
  const out: string[] = [];
  for (const ext of ['yaml', 'yml']) if (isFile(path.join(root, 'data', `${name}.${ext}`))) out.push(`data/${name}.${ext}`);
  let names: string[] = [];
  try {
    names = readdirSync(path.join(root, 'data', name));
  } catch {
    return out;
  }
  for (const n of names.filter((n) => /\.ya?ml$/.test(n)).sort()) out.push(`data/${name}/${n}`);
  return out;
}

function loadFile(root: string, file: string, schema: SchemaName, diagnostics: Diagnostic[]): Parsed | undefined {
  const src = readSource(root, file);
  diagnostics.push(...src.diagnostics);
  if (!src.value) return undefined;
  const parsed = parseYaml(src.value.text, src.value.file);
  diagnostics.push(...parsed.diagnostics);
  if (!parsed.value) return undefined;
  const { data, root: rootOrigin } = parsed.value;
  diagnostics.push(
    ...validateAgainst(schema, data, {
      value: (p) => originAt(data, p, rootOrigin),
      key: (p) => keyOriginAt(data, p, rootOrigin),
    }),
  );
  return { file: src.value.file, data, root: rootOrigin };
}

/** Merges the entries of list files by id; `duplicate-id` at the second definition. */
function loadRegistry<T>(
  root: string,
  name: string,
  schema: SchemaName,
  what: string,
  diagnostics: Diagnostic[],
  fix?: (entry: Record<string, unknown>, at: (key: string) => Origin) => { entry: Record<string, unknown>; diagnostic: Diagnostic } | undefined,
): { entries: Map<string, T>; origins: Map<string, Origin> } {
  const entries = new Map<string, T>();
  const origins = new Map<string, Origin>();
  for (const file of listFiles(root, name)) {
    const parsed = loadFile(root, file, schema, diagnostics);
    if (!parsed || !Array.isArray(parsed.data)) continue;
    const slots = slotsOf(parsed.data);
    parsed.data.forEach((entry, i) => {
      if (!isPlainObject(entry) || typeof entry.id !== 'string') return;
      const at = slotsOf(entry)?.get('id')?.value ?? slots?.get(i)?.value ?? parsed.root;
      const first = origins.get(entry.id);
      if (first) {
        diagnostics.push({
          ...at,
          severity: 'error',
          rule: 'duplicate-id',
          message: `mã ${what} '${entry.id}' đã được khai báo ở ${first.file}:${first.line}; mỗi mã chỉ khai báo một lần`,
        });
        return;
      }
      // A fixed entry is a copy: parsed data may be shared by a cache and must stay as written.
      const fixed = fix?.(entry, (key) => slotsOf(entry)?.get(key)?.value ?? at);
      if (fixed) diagnostics.push(fixed.diagnostic);
      entries.set(entry.id, (fixed?.entry ?? entry) as T);
      origins.set(entry.id, at);
    });
  }
  return { entries, origins };
}

/**
 * A số ký hiệu copied from a real document sometimes carries a space ("111/SNV- CCHCTN&VTLT", a
 * slip of the issuing office). The document is real and must be citable, so the space is dropped
 * (around "-" and "/", where a symbol never has one) and the clerk is told what is printed.
 */
function normaliseSymbol(entry: Record<string, unknown>, at: (key: string) => Origin) {
  const symbol = entry.so_ky_hieu;
  if (typeof symbol !== 'string' || !/\s/.test(symbol)) return undefined;
  const fixed = symbol.replace(/\s*([-/])\s*/g, '$1').replace(/\s+/g, ' ');
  const still = /\s/.test(fixed);
  const diagnostic: Diagnostic = {
    ...at('so_ky_hieu'),
    severity: 'warning',
    rule: 'symbol-space',
    message: still
      ? `số ký hiệu '${symbol}' (văn bản '${entry.id}') có dấu cách; số và ký hiệu văn bản không có dấu cách — kiểm tra lại với văn bản gốc`
      : `số ký hiệu '${symbol}' (văn bản '${entry.id}') có dấu cách ở văn bản gốc; trích dẫn in là '${fixed}'`,
  };
  return { entry: { ...entry, so_ky_hieu: fixed }, diagnostic };
}

/** Reads every data file of the project at `root`. Always returns data (possibly empty). */
export function loadProject(root: string): LoadResult<ProjectData> {
  let realRoot = path.resolve(root);
  try {
    realRoot = realpathSync(realRoot);
  } catch {
    // A missing root gives empty data; plans will report their own missing files.
  }
  const diagnostics: Diagnostic[] = [];
  const units = loadRegistry<DonVi>(realRoot, 'don-vi', 'don-vi', 'đơn vị', diagnostics);
  const registry = loadRegistry<VanBanTrichDan | KeHoachTrichDan>(realRoot, 'van-ban', 'van-ban', 'văn bản', diagnostics, normaliseSymbol);
  const { citations, citedPlans } = splitRegistry(realRoot, registry.entries, registry.origins, diagnostics);

  let levels: TuNguTheoCap = {};
  const levelOrigins = new Map<string, Origin>();
  for (const file of ['data/cap.yaml', 'data/cap.yml']) {
    if (!isFile(path.join(realRoot, file))) continue;
    const parsed = loadFile(realRoot, file, 'cap', diagnostics);
    if (parsed && isPlainObject(parsed.data)) {
      levels = parsed.data as TuNguTheoCap;
      for (const k of Object.keys(parsed.data)) levelOrigins.set(k, keyOriginAt(parsed.data, [k], parsed.root));
    }
    break;
  }

  const nowhere = (file: string): Origin => ({ file, line: 1, col: 1 });
  const originOfUnit = (id: string) => units.origins.get(id) ?? nowhere('data/don-vi');
  diagnostics.push(...checkUnits(units.entries, originOfUnit));
  // A batch builds many plans of a few dates: each day's view is computed once.
  const unitViews = new Map<string, ReadonlyMap<string, DonVi>>();
  const levelViews = new Map<string, Levels>();
  const viewOf = <T>(cache: Map<string, T>, key: string, make: () => T): T => {
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = make()));
    return v;
  };
  const rawLevels = levels;
  const value: ProjectData = {
    root: realRoot,
    date: LATEST,
    units: unitsOn(units.entries, LATEST),
    levels: levelsOn(rawLevels, LATEST),
    unitRecords: units.entries,
    rawLevels,
    unitsOn: (key) => viewOf(unitViews, key, () => unitsOn(units.entries, key)),
    levelsOn: (key) => viewOf(levelViews, key, () => levelsOn(rawLevels, key)),
    citations,
    citedPlans,
    originOfUnit,
    originOfCitation: (id) => registry.origins.get(id) ?? nowhere('data/van-ban'),
    originOfLevel: (cap) => levelOrigins.get(cap) ?? nowhere('data/cap.yaml'),
  };
  return { value, diagnostics };
}

/**
 * Registry entries that name a plan in plans/ (`ke_hoach:`) carry no facts of their own: they are
 * kept apart, as project-relative paths, and each plan that cites one gets it resolved
 * (ResolvedSource.cites). A path outside plans/ or to no file is an error at its line.
 */
function splitRegistry(
  root: string,
  entries: Map<string, VanBanTrichDan | KeHoachTrichDan>,
  origins: Map<string, Origin>,
  diagnostics: Diagnostic[],
): { citations: Map<string, VanBanTrichDan>; citedPlans: Map<string, string> } {
  const citations = new Map<string, VanBanTrichDan>();
  const citedPlans = new Map<string, string>();
  for (const [id, entry] of entries) {
    if (!('ke_hoach' in entry)) {
      citations.set(id, entry);
      continue;
    }
    const at = origins.get(id)!;
    const abs = path.resolve(root, path.dirname(at.file), entry.ke_hoach);
    const rel = path.relative(root, abs).split(path.sep).join('/');
    const problem = !isInside(path.join(root, 'plans'), abs)
      ? `ke_hoach '${entry.ke_hoach}' (tức '${rel}') nằm ngoài thư mục plans/; chỉ trích dẫn qua danh mục kế hoạch trong plans/`
      : !isFile(abs)
        ? `không tìm thấy kế hoạch '${entry.ke_hoach}' (tức '${rel}'), đường dẫn tính từ ${at.file}`
        : undefined;
    if (problem) diagnostics.push({ ...at, severity: 'error', rule: 'cited-plan-missing', message: `văn bản '${id}': ${problem}` });
    else citedPlans.set(id, rel);
  }
  return { citations, citedPlans };
}
