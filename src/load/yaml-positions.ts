// YAML text → plain JS data, with the position of every key and value kept in the side table of
// origins.ts. The AST is walked here (not Document.toJS) so positions and limits are under our
// control: aliases are expanded with a node budget (an "alias bomb" stops at once), nesting depth
// is bounded (no stack overflow), and every parser error becomes a Vietnamese diagnostic.
import { createRequire } from 'node:module';
import type { LineCounter, Node as YamlNode, YAMLError } from 'yaml';
import type { Origin } from '../model/types.ts';
import type { Diagnostic } from './diagnostic.ts';
import { recordSlots, setOwn, type Slots } from './origins.ts';
import { readCachedParse, writeCachedParse } from './parse-cache.ts';
import type { LoadResult } from './types.ts';
import { colonTrap, templateTrap } from './yaml-traps.ts';

/** Deeper than any plan (which goes about 8 levels); stops runaway input before the stack does. */
export const MAX_DEPTH = 100;
/** How many nodes alias expansion may add; beyond this the input is an alias bomb. */
export const MAX_ALIAS_NODES = 100_000;

export interface ParsedYaml {
  data: unknown;
  /** Position of the document's root value. */
  root: Origin;
}

const MAX_PARSE_ERRORS = 5;

/**
 * The yaml package, required on the first parse that misses the cache: a command whose sources
 * are all cached (the usual `check`, `print` and git textconv) never loads its 70 modules.
 */
let yamlModule: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlModule;
}

/** The node type guards, read from the package once it is loaded (only a walk uses them). */
const Y = {
  isAlias: (n: unknown) => yaml().isAlias(n),
  isScalar: (n: unknown) => yaml().isScalar(n),
  isMap: (n: unknown) => yaml().isMap(n),
  isSeq: (n: unknown) => yaml().isSeq(n),
  isPair: (n: unknown) => yaml().isPair(n),
};

/** Parses `text`, through the parse cache (parse-cache.ts) when the parse was clean before. */
export function parseYaml(text: string, file: string): LoadResult<ParsedYaml> {
  const cached = readCachedParse(text, file);
  if (cached) return { value: cached, diagnostics: [] };
  const parsed = parseYamlText(text, file);
  if (parsed.value && parsed.diagnostics.length === 0) writeCachedParse(text, file, parsed.value);
  return parsed;
}

function parseYamlText(text: string, file: string): LoadResult<ParsedYaml> {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, merge: false });
  const lines = text.split('\n');
  const diagnostics: Diagnostic[] = [];
  const seenLines = new Set<number>();
  for (const err of doc.errors) {
    const d = yamlErrorToDiagnostic(err, file, lines, lineCounter);
    // One error per line: the parser's follow-up errors on the same line only add noise.
    if (seenLines.has(d.line)) continue;
    seenLines.add(d.line);
    diagnostics.push(d);
    if (diagnostics.length >= MAX_PARSE_ERRORS) break;
  }
  // "key: {{nam}}" parses without error, as a map: the quoting rule is stated before the schema
  // would report a map where text belongs.
  lines.forEach((l, i) => {
    const trap = templateTrap(l);
    if (!trap || seenLines.has(i + 1) || diagnostics.length >= MAX_PARSE_ERRORS) return;
    seenLines.add(i + 1);
    diagnostics.push({ file, line: i + 1, col: trap.col, severity: 'error', rule: 'yaml-quote-needed', message: trap.message });
  });
  if (diagnostics.length > 0) return { diagnostics: diagnostics.sort((a, b) => a.line - b.line) };
  for (const w of doc.warnings) {
    const d = yamlErrorToDiagnostic(w, file, lines, lineCounter);
    diagnostics.push({ ...d, severity: 'warning', rule: 'yaml-warning' });
  }
  const walker = new Walker(file, lineCounter);
  const contents = doc.contents as YamlNode | null;
  const root = contents && contents.range ? walker.pos(contents.range[0]) : { file, line: 1, col: 1 };
  const data = contents ? walker.walk(contents, 0) : null;
  if (walker.failure) return { diagnostics: [...diagnostics, walker.failure] };
  return { value: { data, root }, diagnostics };
}

class Walker {
  failure?: Diagnostic;
  private anchors = new Map<string, YamlNode>();
  private aliasNodes = 0;
  private expanding = 0;
  /** The outermost alias being expanded: where a bomb is reported. */
  private outerAlias = 0;
  private onStack = new Set<YamlNode>();

  constructor(
    private file: string,
    private lc: LineCounter,
  ) {}

  pos(offset: number): Origin {
    const { line, col } = this.lc.linePos(offset);
    return { file: this.file, line, col };
  }

  private fail(offset: number, rule: string, message: string): null {
    if (!this.failure) this.failure = { ...this.pos(offset), severity: 'error', message, rule };
    return null;
  }

  walk(node: YamlNode, depth: number): unknown {
    if (this.failure) return null;
    if (this.expanding > 0 && ++this.aliasNodes > MAX_ALIAS_NODES) {
      return this.fail(
        this.outerAlias,
        'yaml-alias-bomb',
        `tham chiếu (alias *) được mở rộng quá ${MAX_ALIAS_NODES.toLocaleString('vi-VN')} nút: tệp có "bom alias"; hãy bỏ các anchor/alias lồng nhau`,
      );
    }
    if (depth > MAX_DEPTH) {
      return this.fail(
        node.range?.[0] ?? 0,
        'yaml-too-deep',
        `dữ liệu lồng nhau quá ${MAX_DEPTH} cấp; kế hoạch không cần sâu như vậy — kiểm tra lại thụt lề`,
      );
    }
    if (node.anchor) this.anchors.set(node.anchor, node);
    if (Y.isAlias(node)) return this.alias(node, depth);
    if (Y.isScalar(node)) return node.value === undefined ? null : node.value;
    if (this.onStack.has(node)) {
      return this.fail(node.range?.[0] ?? 0, 'yaml-alias-bomb', 'alias tham chiếu tới chính nút chứa nó (vòng lặp vô hạn)');
    }
    this.onStack.add(node);
    try {
      if (Y.isMap(node)) return this.map(node.items, depth);
      if (Y.isSeq(node)) return this.seq(node.items as (YamlNode | null)[], depth);
    } finally {
      this.onStack.delete(node);
    }
    return null;
  }

  private alias(node: YamlNode & { source: string }, depth: number): unknown {
    const target = this.anchors.get(node.source);
    if (!target) {
      return this.fail(node.range?.[0] ?? 0, 'yaml-syntax', `alias '*${node.source}' không có anchor '&${node.source}' đứng trước`);
    }
    if (this.onStack.has(target)) {
      return this.fail(node.range?.[0] ?? 0, 'yaml-alias-bomb', `alias '*${node.source}' tham chiếu tới chính nút chứa nó (vòng lặp vô hạn)`);
    }
    if (this.expanding === 0) this.outerAlias = node.range?.[0] ?? 0;
    this.expanding++;
    try {
      return this.walk(target, depth);
    } finally {
      this.expanding--;
    }
  }

  private map(items: unknown[], depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const slots: Slots = new Map();
    for (const pair of items) {
      if (this.failure) break;
      if (!Y.isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const key = keyNode === null ? '' : Y.isScalar(keyNode) ? String(keyNode.value ?? '') : String(keyNode);
      const keyPos = keyNode?.range ? this.pos(keyNode.range[0]) : undefined;
      const valueNode = pair.value as YamlNode | null;
      // An empty value (`key:`) has a zero-length range after the colon: the key locates it better.
      const valuePos =
        valueNode?.range && valueNode.range[0] < valueNode.range[1] ? this.pos(valueNode.range[0]) : keyPos;
      const value = valueNode === null ? null : this.walk(valueNode, depth + 1);
      setOwn(out, key, value);
      slots.set(key, { key: keyPos, value: valuePos ?? keyPos ?? { file: this.file, line: 1, col: 1 } });
    }
    recordSlots(out, slots);
    return out;
  }

  private seq(items: (YamlNode | null)[], depth: number): unknown[] {
    const out: unknown[] = [];
    const slots: Slots = new Map();
    for (let i = 0; i < items.length; i++) {
      if (this.failure) break;
      const item = items[i];
      out.push(item === null ? null : this.walk(item, depth + 1));
      if (item?.range) slots.set(i, { value: this.pos(item.range[0]) });
    }
    recordSlots(out, slots);
    return out;
  }
}

const SYNTAX_MESSAGES: Partial<Record<string, string>> = {
  BAD_INDENT: 'thụt lề không đúng: các khóa cùng cấp phải thẳng cột, dùng dấu cách',
  BAD_SCALAR_START: 'giá trị không được bắt đầu bằng ký tự này; hãy đặt giá trị trong dấu nháy "..."',
  BLOCK_AS_IMPLICIT_KEY: 'khóa không hợp lệ: có thể thiếu dấu ":" hoặc thụt lề sai ở dòng trên',
  MULTILINE_IMPLICIT_KEY: 'khóa kéo dài nhiều dòng: có thể thiếu dấu ":" sau khóa, hoặc thiếu dấu nháy đóng',
  MISSING_CHAR: 'thiếu ký tự đóng (dấu nháy, "]" hoặc "}")',
  UNEXPECTED_TOKEN: 'ký tự không mong đợi; kiểm tra dấu ":", "-", dấu nháy và thụt lề',
  BAD_DQ_ESCAPE: 'chuỗi trong dấu nháy kép có ký tự thoát "\\" không hợp lệ; dùng dấu nháy đơn hoặc viết "\\\\"',
  MULTIPLE_DOCS: 'tệp chỉ được chứa một tài liệu YAML (bỏ dòng "---" thứ hai)',
  BLOCK_IN_FLOW: 'không dùng khối nhiều dòng bên trong [...] hoặc {...}',
  BAD_ALIAS: 'alias (*) không hợp lệ',
  KEY_OVER_1024_CHARS: 'khóa dài quá 1024 ký tự',
  TAG_RESOLVE_FAILED: 'không hiểu thẻ kiểu (tag) của giá trị',
};

function yamlErrorToDiagnostic(err: YAMLError, file: string, lines: string[], lc: LineCounter): Diagnostic {
  const lp = err.linePos?.[0] ?? lc.linePos(err.pos[0]);
  const lineText = lines[lp.line - 1] ?? '';
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const base = { file, line: lp.line, col: lp.col, severity: 'error' as const };
  if (err.code === 'TAB_AS_INDENT' || indent.includes('\t')) {
    const tabCol = indent.includes('\t') ? indent.indexOf('\t') + 1 : lp.col;
    return {
      ...base,
      col: tabCol,
      rule: 'yaml-tab',
      message:
        'dòng này thụt lề bằng ký tự Tab; YAML chỉ cho phép dấu cách — hãy thay Tab bằng dấu cách (thường 2 dấu cách mỗi cấp; trong trình soạn thảo chọn "chuyển Tab thành dấu cách")',
    };
  }
  // Unquoted "{{…}}" or "… như sau:": say to quote the value, and show the line quoted.
  const trap = templateTrap(lineText) ?? (err.code === 'BLOCK_AS_IMPLICIT_KEY' || err.code === 'MULTILINE_IMPLICIT_KEY' ? colonTrap(lineText) : undefined);
  if (trap) return { ...base, col: trap.col, rule: 'yaml-quote-needed', message: trap.message };
  if (err.code === 'RESOURCE_EXHAUSTION') {
    // The parser ran out of stack: only absurd nesting does that.
    return { ...base, rule: 'yaml-too-deep', message: 'dữ liệu lồng nhau quá sâu, không đọc được; kiểm tra lại thụt lề và các dấu ngoặc' };
  }
  if (err.code === 'DUPLICATE_KEY') {
    const key = /^\s*(?:-\s+)?["']?([^:"']*)/.exec(lineText.slice(lp.col - 1))?.[1]?.trim();
    return {
      ...base,
      rule: 'yaml-duplicate-key',
      message: `khóa ${key ? `'${key}' ` : ''}bị lặp lại trong cùng một khối; mỗi khóa chỉ được ghi một lần`,
    };
  }
  if (err.code === 'MISSING_CHAR' || err.code === 'BAD_INDENT' || err.code === 'UNEXPECTED_TOKEN') {
    // The parser notices an unclosed quote or bracket only where it gives up (often the end of the
    // file); the clerk needs the place where it was opened.
    const open = findUnclosed(lines, lp.line);
    if (open) {
      return {
        ...base,
        line: open.line,
        col: open.col,
        rule: 'yaml-syntax',
        message: `${open.char === '"' || open.char === "'" ? 'dấu nháy' : 'dấu ngoặc'} ${open.char} mở ở đây chưa được đóng (thiếu ${CLOSER[open.char]})`,
      };
    }
  }
  const message = SYNTAX_MESSAGES[err.code] ?? 'lỗi cú pháp YAML';
  return { ...base, rule: 'yaml-syntax', message: `${message} (${err.code})` };
}

const CLOSER: Record<string, string> = { '[': ']', '{': '}', '"': '"', "'": "'" };

/**
 * The innermost quote or flow bracket still open at the end of line `uptoLine` (1-based), found
 * with a small scanner: quotes and brackets count only where a value starts (after "key: ", "- ",
 * "[", "{" or ","), so text like `Về "Chương trình"` inside a plain value is left alone.
 */
export function findUnclosed(lines: readonly string[], uptoLine: number): { line: number; col: number; char: string } | undefined {
  const stack: { line: number; col: number; char: string }[] = [];
  let quote: { line: number; col: number; char: string } | undefined;
  for (let ln = 0; ln < Math.min(uptoLine, lines.length); ln++) {
    const text = lines[ln].replace(/\r$/, '');
    let valueStart = true;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quote) {
        if (quote.char === '"' && c === '\\') i++;
        else if (c === quote.char) {
          if (quote.char === "'" && text[i + 1] === "'") i++;
          else quote = undefined;
        }
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (i === 0 || text[i - 1] === ' ')) break;
      if (valueStart && (c === '"' || c === "'")) {
        quote = { line: ln + 1, col: i + 1, char: c };
        continue;
      }
      if (valueStart && (c === '[' || c === '{')) {
        stack.push({ line: ln + 1, col: i + 1, char: c });
        continue;
      }
      if (stack.length > 0 && (c === ']' || c === '}')) {
        stack.pop();
        valueStart = false;
        continue;
      }
      if (c === ',' && stack.length > 0) {
        valueStart = true;
        continue;
      }
      if ((c === ':' || c === '-' || c === '?') && (text[i + 1] === ' ' || i + 1 === text.length)) {
        valueStart = true;
        continue;
      }
      valueStart = false;
    }
  }
  return quote ?? stack[stack.length - 1];
}
