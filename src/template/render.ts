// Text fields → runs: inline Markdown first, then each {{…}} rendered inside the text it sits
// in, so a substituted value is never read as Markdown. Problems become diagnostics at the
// field's position (plus the expression's column in a one-line value).
import type { Diagnostic } from '../load/diagnostic.ts';
import type { JsonPath } from '../load/types.ts';
import type { Origin, Runs } from '../model/types.ts';
import { parseInlineSegments, segmentsToRuns } from '../text/inline.ts';
import { runsText } from '../text/case.ts';
import { evaluateExpression, type HelperHost } from './engine.ts';
import { callHelper } from './helpers.ts';
import { positionInValue } from './position.ts';
import type { TemplateScope } from './scope.ts';

export interface RenderedText {
  path: JsonPath;
  text: string;
  origin: Origin;
  /**
   * What helpers generated inside this text (citations, unit names, targets): facts taken from
   * their one datum, which checks of the typed wording must not read as typed.
   */
  generated?: string[];
}

/** Helpers whose output is a generated fact, not wording the author typed. */
const GENERATED = new Set(['van_ban', 'so_hieu', 'thuc_hien', 'dv', 'chi_tieu', 'rieng', 'thay_the']);

/** The text with every generated part blanked out (for checks of typed wording). */
export function typedText(t: RenderedText): string {
  let out = t.text;
  for (const g of t.generated ?? []) {
    const i = out.indexOf(g);
    if (g && i >= 0) out = out.slice(0, i) + ' '.repeat(g.length) + out.slice(i + g.length);
  }
  return out;
}

export interface RenderSource {
  origin(path: JsonPath): Origin;
}

export class TextRenderer {
  readonly diagnostics: Diagnostic[] = [];
  /** Every rendered field as plain text, for checks that read the wording (citations). */
  readonly texts: RenderedText[] = [];
  /** Generated parts of the field being rendered. */
  private generated: string[] = [];

  constructor(
    readonly scope: TemplateScope,
    private readonly source: RenderSource,
    private readonly root: string,
  ) {}

  runs(value: unknown, path: JsonPath): Runs {
    if (value === null || value === undefined) return [];
    const raw = typeof value === 'string' ? value : String(value);
    this.generated = [];
    const parsed = parseInlineSegments(raw);
    const before = this.diagnostics.length;
    let runs: Runs;
    if (parsed.mustaches.length === 0) {
      runs = segmentsToRuns(parsed, () => '');
    } else {
      const values = parsed.mustaches.map((m) => this.evaluate(m.source, m.offset, raw, path));
      runs = segmentsToRuns(parsed, (i) => values[i]);
    }
    // Handlebars reads "\{{nam}}" as an escaped, literal "{{nam}}"; this tool's texts are not
    // Handlebars templates as a whole, so the backslash would be printed before the value
    // ("\2024"). Refuse it at the expression rather than print that.
    for (const m of parsed.mustaches) {
      const at = raw.lastIndexOf('{{', m.offset + 1);
      if (at > 0 && raw[at - 1] === '\\') {
        this.report('template-escape', `Dấu "\\" trước "{{" sẽ được in ra trước giá trị (ví dụ "\\2024"); bỏ dấu "\\" — văn bản không dùng cách thoát của Handlebars`, path, raw, at);
      }
    }
    const stray = raw.replace(/\{\{\{?[\s\S]*?\}?\}\}/g, (m) => ' '.repeat(m.length)).indexOf('{{');
    if (stray >= 0) this.report('template-syntax', 'Thiếu "}}" đóng biểu thức Handlebars', path, raw, stray);
    this.dropRepeatedSyntaxErrors(before);
    const rendered: RenderedText = { path, text: runsText(runs), origin: this.source.origin(path) };
    if (this.generated.length > 0) rendered.generated = this.generated;
    this.texts.push(rendered);
    return runs;
  }

  /** One syntax error per field: "{{#if}}…{{/if}}" is one mistake, not two. */
  private dropRepeatedSyntaxErrors(from: number): void {
    let seen = false;
    for (let i = from; i < this.diagnostics.length; ) {
      if (this.diagnostics[i].rule !== 'template-syntax') i++;
      else if (!seen) (seen = true), i++;
      else this.diagnostics.splice(i, 1);
    }
  }

  plain(value: unknown, path: JsonPath): string {
    return runsText(this.runs(value, path));
  }

  private evaluate(expression: string, offset: number, raw: string, path: JsonPath): string {
    const host: HelperHost = {
      call: (name, args, hash) => {
        const out = callHelper(name, args, hash, this.scope, (rule, message) => this.report(rule, message, path, raw, offset));
        if (GENERATED.has(name)) this.generated.push(out);
        return out;
      },
    };
    const result = evaluateExpression(expression, this.scope.vars, host);
    for (const p of result.problems) this.report(p.rule, p.message, path, raw, offset + p.offset);
    return result.text;
  }

  report(rule: string, message: string, path: JsonPath, raw: string, offset: number): void {
    const at = positionInValue(this.root, this.source.origin(path), raw, offset);
    this.diagnostics.push({ file: at.file, line: at.line, col: at.col, severity: 'error', message, rule });
  }
}
