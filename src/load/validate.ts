// JSON Schema validation whose errors point at YAML lines. ajv knows only instance paths
// (ajv-validator/ajv#105), so each error's path is looked up in the origin side table; oneOf noise
// is collapsed by re-validating each branch and keeping the one the author evidently meant.
import type { ErrorObject } from 'ajv';
import type { Origin } from '../model/types.ts';
import type { Diagnostic } from './diagnostic.ts';
import { suggest } from './suggest.ts';
import type { JsonPath } from './types.ts';
import { branchValidator, schemaValidator, type SchemaName } from './schema-validators.ts';

export type { SchemaName };

/** Finds where a value (or the key naming it) was written. */
export interface Locator {
  value(path: JsonPath): Origin;
  key(path: JsonPath): Origin;
}

/** A schema problem before it is placed in a file. */
interface Issue {
  path: (string | number)[];
  /** Point at the key (unknown keys) rather than the value. */
  atKey?: boolean;
  rule: string;
  message: string;
}

/** Validates `data` against one of the project's schemas; diagnostics are placed with `locate`. */
export function validateAgainst(name: SchemaName, data: unknown, locate: Locator): Diagnostic[] {
  const v = schemaValidator(name);
  if (v(data)) return [];
  namingRoot = data;
  let issues: Issue[];
  try {
    issues = toIssues(v.errors ?? [], data, []);
  } finally {
    namingRoot = undefined;
  }
  let out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const o = issue.atKey ? locate.key(issue.path) : locate.value(issue.path);
    const d: Diagnostic = { file: o.file, line: o.line, col: o.col, severity: 'error', message: issue.message, rule: issue.rule };
    const k = `${d.file}:${d.line}:${d.col}:${d.rule}:${d.message}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(d);
    }
  }
  // Reading order, so a clerk fixes the file top to bottom (stable sort keeps ajv's order on ties).
  out = out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
  return out;
}

/** Splits an ajv instancePath into a JsonPath, using the data to tell array indices from keys. */
function parsePointer(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const i = Number(seg);
      out.push(i);
      cur = cur[i];
    } else {
      out.push(seg);
      cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

function isUnder(path: string, base: string): boolean {
  return path === base || path.startsWith(base + '/');
}

type Entry = { err: ErrorObject } | { issues: Issue[] };

function toIssues(errors: readonly ErrorObject[], data: unknown, base: (string | number)[]): Issue[] {
  const entries: (Entry & { instancePath: string })[] = [];
  for (const e of errors) {
    if (e.keyword === 'if') continue; // its "then" errors are reported on their own
    if (e.keyword === 'propertyNames') continue; // the inner error (with propertyName) says more
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') {
      // ajv reports a oneOf after the errors of its branches, all under the same instance path.
      while (entries.length > 0 && isUnder(entries[entries.length - 1].instancePath, e.instancePath)) entries.pop();
      const path = [...base, ...parsePointer(e.instancePath, data)];
      entries.push({ instancePath: e.instancePath, issues: collapseBranches(e, path) });
      continue;
    }
    entries.push({ instancePath: e.instancePath, err: e });
  }
  const issues: Issue[] = [];
  for (const entry of entries) {
    if ('issues' in entry) issues.push(...entry.issues);
    else {
      const issue = describe(entry.err, [...base, ...parsePointer(entry.err.instancePath, data)]);
      if (issue) issues.push(issue);
    }
  }
  return issues;
}

function collapseBranches(e: ErrorObject, path: (string | number)[]): Issue[] {
  const value = e.data;
  const branches = e.schema as unknown;
  if (e.keyword === 'oneOf' && (e.params as { passingSchemas?: unknown }).passingSchemas) {
    return [{ path, rule: 'schema-ambiguous', message: `${where(path)}: giá trị khớp với nhiều dạng cùng lúc; hãy ghi rõ hơn` }];
  }
  if (!Array.isArray(branches)) return [{ path, rule: 'schema-type', message: `${where(path)}: giá trị không đúng dạng` }];
  const expected: string[] = [];
  let best: { score: number; issues: Issue[] } | undefined;
  branches.forEach((_, i) => {
    const v = branchValidator(branches, i);
    if (!v || v(value)) return;
    const errs = v.errors ?? [];
    const rootType = errs.find((x) => x.instancePath === '' && x.keyword === 'type');
    if (rootType) {
      const t = (rootType.params as { type: string | string[] }).type;
      for (const ty of Array.isArray(t) ? t : [t]) if (!expected.includes(ty)) expected.push(ty);
      return;
    }
    const issues = toIssues(errs, value, path);
    // A branch that calls the author's own keys unknown is not the one they meant.
    const unknown = errs.filter((x) => x.instancePath === '' && x.keyword === 'additionalProperties').length;
    const score = unknown * 10 + issues.length;
    if (!best || score < best.score) best = { score, issues };
  });
  if (best) return best.issues;
  return [
    {
      path,
      rule: 'schema-type',
      message: `${where(path)} phải là ${expected.map(typeName).join(' hoặc ')} (đang là ${typeName(typeOf(value))})`,
    },
  ];
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi văn bản',
  number: 'số',
  integer: 'số nguyên',
  object: 'khối "khóa: giá trị"',
  array: 'danh sách',
  boolean: 'true/false',
  null: 'giá trị trống (null)',
};

function typeName(t: string): string {
  return TYPE_NAMES[t] ?? t;
}

function typeOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** "'noi_dung[2].muc[0].tieu_de'" — how a clerk finds the place in the outline. */
export function describePath(path: readonly (string | number)[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s;
}

/**
 * The data being validated, so that messages name a list entry by its id ("van_ban[qd-111-snv]")
 * rather than by a position a clerk would have to count ("[6]"). Set only during validateAgainst.
 */
let namingRoot: unknown;

/** describePath, with each list index replaced by the entry's id where the entry has one. */
export function describePathIn(path: readonly (string | number)[], root: unknown): string {
  let s = '';
  let cur = root;
  for (const p of path) {
    const next = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[p] : undefined;
    const id = typeof p === 'number' && next !== null && typeof next === 'object' ? (next as { id?: unknown }).id : undefined;
    s += typeof p === 'number' ? `[${typeof id === 'string' && id ? id : p}]` : s === '' ? p : `.${p}`;
    cur = next;
  }
  return s;
}

function where(path: readonly (string | number)[]): string {
  return path.length === 0 ? 'tệp' : `'${describePathIn(path, namingRoot)}'`;
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** What each pattern of the schemas asks for, in the clerk's words. */
function patternHint(pattern: string): string {
  if (pattern === '^[a-z0-9][a-z0-9-]*$')
    return 'mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối (ví dụ: thanh-toan-truc-tuyen)';
  if (pattern.startsWith('^\\d{4}'))
    return `ngày ghi dạng NNNN-TT-NN (ví dụ 2024-02-27)${pattern.includes(')?)?$') ? '; dự thảo có thể ghi 2025-08 hoặc 2025' : ''}`;
  if (pattern === '\\.ya?ml$') return 'cần đường dẫn tới một tệp .yaml';
  if (pattern.startsWith('^[A-Za-zĐđ0-9]+')) return 'ký hiệu gồm các nhóm chữ/số nối bằng gạch nối, ví dụ KH-UBND';
  if (pattern === '^[a-z][a-z0-9_]*$') return 'chỉ dùng chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ';
  if (pattern === '^\\S+$') return 'không được chứa dấu cách';
  return `cần khớp mẫu ${pattern}`;
}

function describe(e: ErrorObject, path: (string | number)[]): Issue | undefined {
  const p = e.params as Record<string, unknown>;
  const propertyName = (e as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    // A bad key name (propertyNames): point at the key itself.
    const keyPath = [...path, propertyName];
    let message = `tên khóa '${propertyName}' không hợp lệ ở ${where(path)}`;
    if (e.keyword === 'enum') {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const s = suggest(propertyName, allowed);
      message += s ? `; có phải ý bạn là '${s}'?` : `; chỉ nhận: ${allowed.join(', ')}`;
    } else if (e.keyword === 'pattern') {
      message += `; ${patternHint(String(p.pattern))}`;
    }
    return { path: keyPath, atKey: true, rule: 'schema-unknown-key', message };
  }
  switch (e.keyword) {
    case 'type': {
      const t = p.type as string | string[];
      const list = (Array.isArray(t) ? t : [t]).map(typeName).join(' hoặc ');
      return { path, rule: 'schema-type', message: `${where(path)} phải là ${list} (đang là ${typeName(typeOf(e.data))})` };
    }
    case 'required': {
      const missing = String(p.missingProperty);
      return {
        path,
        rule: 'schema-required',
        message: path.length === 0 ? `thiếu khóa bắt buộc '${missing}'` : `${where(path)} thiếu khóa bắt buộc '${missing}'`,
      };
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const props = Object.keys(((e.parentSchema as { properties?: object })?.properties ?? {}) as object).filter(
        (k) => key.startsWith('$') || !k.startsWith('$'),
      );
      const s = suggest(key, props);
      const tail = s
        ? `; có phải ý bạn là '${s}'?`
        : props.length > 0
          ? `; các khóa được phép ở đây: ${props.join(', ')}`
          : '';
      return {
        path: [...path, key],
        atKey: true,
        rule: 'schema-unknown-key',
        message: `khóa '${key}' không hợp lệ${path.length ? ` trong ${where(path)}` : ''}${tail}`,
      };
    }
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue]).map((x) => String(x));
      const s = typeof e.data === 'string' ? suggest(e.data, allowed) : undefined;
      return {
        path,
        rule: 'schema-enum',
        message: `${where(path)}: giá trị '${show(e.data)}' không hợp lệ${s ? `; có phải ý bạn là '${s}'?` : ''} (chỉ nhận: ${allowed.join(', ')})`,
      };
    }
    case 'pattern':
      return {
        path,
        rule: 'schema-pattern',
        message: `${where(path)}: '${show(e.data)}' không hợp lệ; ${patternHint(String(p.pattern))}`,
      };
    case 'maxLength': {
      const len = typeof e.data === 'string' ? e.data.length : 0;
      return {
        path,
        rule: 'text-too-long',
        message: `${where(path)}: văn bản dài ${len.toLocaleString('vi-VN')} ký tự, vượt giới hạn ${Number(p.limit).toLocaleString('vi-VN')} ký tự`,
      };
    }
    case 'minLength':
      return { path, rule: 'schema-empty', message: `${where(path)} không được để trống` };
    case 'minItems':
      return { path, rule: 'schema-empty', message: `${where(path)} cần ít nhất ${p.limit} phần tử` };
    case 'minimum':
      return { path, rule: 'schema-range', message: `${where(path)} phải lớn hơn hoặc bằng ${p.limit} (đang là ${show(e.data)})` };
    case 'exclusiveMinimum':
      return { path, rule: 'schema-range', message: `${where(path)} phải lớn hơn ${p.limit} (đang là ${show(e.data)})` };
    case 'maximum':
      return { path, rule: 'schema-range', message: `${where(path)} phải nhỏ hơn hoặc bằng ${p.limit} (đang là ${show(e.data)}); ghi số thật của văn bản` };
    case 'not': {
      const req = ((e.schema as { required?: string[] })?.required ?? []) as string[];
      return {
        path,
        rule: 'schema-conflict',
        message:
          req.length > 1
            ? `${where(path)}: chỉ ghi một trong các khóa ${req.map((r) => `'${r}'`).join(' hoặc ')}, không ghi cả hai`
            : `${where(path)}: giá trị không được phép ở đây`,
      };
    }
    case 'format':
      return { path, rule: 'schema-format', message: `${where(path)}: '${show(e.data)}' không đúng định dạng ${p.format}` };
    default:
      return { path, rule: `schema-${e.keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, message: `${where(path)}: ${e.message ?? 'không hợp lệ'}` };
  }
}
