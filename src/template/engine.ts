// A private Handlebars environment for text fields. Each `{{…}}` of a text field is compiled
// on its own (cache by expression), after a static check of its AST against the variables of
// the plan: strict mode alone does not refuse `{{constructor}}` or `{{__proto__}}` (they are
// "in" every object), so paths are checked with own-property lookups before anything runs.
import Handlebars from 'handlebars';

export const HELPER_NAMES = ['van_ban', 'so_hieu', 'thuc_hien', 'phu_luc', 'muc', 'dv', 'chi_tieu', 'theo_cap', 'rieng', 'thay_the'] as const;
export type HelperName = (typeof HELPER_NAMES)[number];

/** What a helper can reach: the plan's data, and a way to report a problem at the expression. */
export interface HelperHost {
  call(name: HelperName, args: unknown[], hash: Record<string, unknown>): string;
}

export interface TemplateProblem {
  rule: 'template-syntax' | 'template-unknown-variable' | 'template-unknown-helper';
  message: string;
  /** Offset (UTF-16 units) inside the expression source. */
  offset: number;
}

const hb = Handlebars.create();
const KNOWN_HELPERS = Object.fromEntries(HELPER_NAMES.map((n) => [n, true])) as Record<string, boolean>;
const HELPER_SET = new Set<string>(HELPER_NAMES);
const COMPILE_OPTIONS = { strict: true, noEscape: true, knownHelpersOnly: true, knownHelpers: KNOWN_HELPERS };

for (const name of HELPER_NAMES) {
  hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
    const options = args.pop() as { hash?: Record<string, unknown>; data?: { kehoach?: HelperHost } };
    const host = options.data?.kehoach;
    return host ? host.call(name, args, options.hash ?? {}) : '';
  });
}

interface Loc {
  start: { line: number; column: number };
}
interface Node {
  type: string;
  loc?: Loc;
  body?: Node[];
  path?: Node;
  params?: Node[];
  hash?: { pairs: { key: string; value: Node }[] };
  parts?: string[];
  original?: string;
  data?: boolean;
  depth?: number;
}

interface Compiled {
  ast?: Node;
  syntaxError?: string;
  fn?: Handlebars.TemplateDelegate;
}

const compiled = new Map<string, Compiled>();

function compile(source: string): Compiled {
  let c = compiled.get(source);
  if (c) return c;
  try {
    const ast = hb.parse(source);
    // Compiled from the AST just parsed: handing over the source would parse it a second time.
    c = { ast: ast as unknown as Node, fn: hb.compile(ast, COMPILE_OPTIONS) };
  } catch (e) {
    c = { syntaxError: firstLine(e) };
  }
  compiled.set(source, c);
  return c;
}

function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n').slice(-1)[0] || msg;
}

function offsetOf(source: string, loc: Loc | undefined): number {
  if (!loc) return 0;
  let offset = 0;
  for (let line = 1; line < loc.start.line; line++) offset = source.indexOf('\n', offset) + 1;
  return offset + loc.start.column;
}

/** A value a template may print: own properties all the way, ending at a string or number. */
function resolvePath(vars: object, parts: readonly string[]): { ok: true } | { ok: false; printable: boolean } {
  let cur: unknown = vars;
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, part)) return { ok: false, printable: false };
    cur = (cur as Record<string, unknown>)[part];
  }
  if (typeof cur === 'string' || typeof cur === 'number') return { ok: true };
  return { ok: false, printable: cur !== undefined };
}

function checkAst(source: string, ast: Node, vars: object): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const variable = (node: Node) => {
    const name = node.original ?? (node.parts ?? []).join('.');
    const parts = node.parts ?? [];
    const result = node.data || (node.depth ?? 0) > 0 || parts.length === 0 ? { ok: false as const, printable: false } : resolvePath(vars, parts);
    if (result.ok) return;
    problems.push({
      rule: 'template-unknown-variable',
      offset: offsetOf(source, node.loc),
      message: result.printable
        ? `Biến "${name}" là một nhóm giá trị, không in trực tiếp được; hãy ghi rõ trường, ví dụ {{${name}.ten}}`
        : `Biến không tồn tại: "${name}". Dùng được: nam, nam_ke_hoach, don_vi.*, cap.*, bien.* (xem docs/source-format.md, mục "Text fields")`,
    });
  };
  const value = (node: Node) => {
    if (node.type === 'PathExpression') variable(node);
    else if (node.type === 'SubExpression') call(node);
  };
  const call = (node: Node) => {
    const path = node.path!;
    const name = path.type === 'PathExpression' ? (path.original ?? '') : '';
    const hasArgs = (node.params?.length ?? 0) > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (HELPER_SET.has(name) && path.parts?.length === 1) {
      // helper call: fall through to the arguments
    } else if (hasArgs || node.type === 'SubExpression') {
      problems.push({
        rule: 'template-unknown-helper',
        offset: offsetOf(source, path.loc),
        message: `Hàm không tồn tại: "${name}". Dùng được: ${HELPER_NAMES.join(', ')}`,
      });
      return;
    } else {
      value(path);
      return;
    }
    for (const p of node.params ?? []) value(p);
    for (const pair of node.hash?.pairs ?? []) value(pair.value);
  };
  for (const stmt of ast.body ?? []) {
    if (stmt.type === 'MustacheStatement') call(stmt);
    else if (stmt.type === 'CommentStatement' || stmt.type === 'ContentStatement') continue;
    else
      problems.push({
        rule: 'template-syntax',
        offset: offsetOf(source, stmt.loc),
        message: 'Chỉ dùng được biến và hàm dạng {{...}}; khối {{#...}}, partial {{>...}} không được hỗ trợ',
      });
  }
  return problems;
}

export interface EvalResult {
  text: string;
  problems: TemplateProblem[];
}

/**
 * Evaluate one `{{…}}` expression against `vars` (plain objects; only own properties are
 * reachable) with `host` answering helper calls. Problems are returned, never thrown.
 */
export function evaluateExpression(source: string, vars: object, host: HelperHost): EvalResult {
  const c = compile(source);
  if (c.syntaxError !== undefined) {
    return { text: '', problems: [{ rule: 'template-syntax', offset: 0, message: `Lỗi cú pháp trong "${source}": ${c.syntaxError}` }] };
  }
  const problems = checkAst(source, c.ast!, vars);
  if (problems.length > 0) return { text: '', problems };
  try {
    const text = c.fn!(vars, {
      data: { kehoach: host },
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
    return { text, problems };
  } catch (e) {
    return { text: '', problems: [{ rule: 'template-unknown-variable', offset: 0, message: `Không tính được "${source}": ${firstLine(e)}` }] };
  }
}
