// Data a plan must not carry, whatever the schema's shape allows: a day that does not exist
// (2024-02-30 would print "ngày 30 tháng 02 năm 2024"), a year no document is issued in (0000, 2204:
// the DOCX zip cannot even date such a file), a deadline cell "31/13/2024" or "Quý V/2024", a number
// that is not finite (YAML's .nan and .inf, 1e400), and a child dated before the plan it implements.
import type { Diagnostic } from '../load/diagnostic.ts';
import type { JsonPath, ResolvedSource } from '../load/types.ts';
import { calendarProblem, lastDay } from '../load/calendar.ts';
import { layoutTable } from '../model/table-layout.ts';
import { roman } from '../model/numbering.ts';
import { tablesOf } from './targets.ts';

/** Years a plan can be issued in: from the first ZIP-datable year to the end of the century. */
export const FIRST_YEAR = 1980;
export const LAST_YEAR = 2099;

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'];

function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v && typeof v === 'object') {
    const o = v as { doan?: unknown; danh_sach?: unknown };
    return [...stringsOf(o.doan), ...stringsOf(o.danh_sach)];
  }
  return [];
}

/** What is impossible in a deadline text ("31/13/2024", "Quý V/2024", "tháng 13/2024"), if anything. */
export function deadlineProblem(text: string): string | undefined {
  for (const m of text.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g)) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12) return `"${m[0]}": tháng ${m[2]} không có thật (tháng từ 1 đến 12)`;
    if (d < 1 || d > lastDay(y, mo)) return `"${m[0]}": ngày ${m[1]} không có thật, tháng ${mo} năm ${y} có ${lastDay(y, mo)} ngày`;
  }
  for (const m of text.matchAll(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g)) {
    const problem = calendarProblem(m[0]);
    if (problem) return `"${m[0]}": ${problem}`;
  }
  for (const m of text.matchAll(/quý\s+([IVXLC]+|\d+)\b/giu)) {
    const q = m[1].toUpperCase();
    if (!ROMAN_QUARTERS.includes(q) && !['1', '2', '3', '4'].includes(q)) return `"${m[0]}": một năm chỉ có quý I, II, III, IV`;
  }
  for (const m of text.matchAll(/tháng\s+(\d{1,2})(?=\s*[/\s]\s*(?:năm\s+)?\d{4})/giu)) {
    const mo = Number(m[1]);
    if (mo < 1 || mo > 12) return `"${m[0]}": tháng ${m[1]} không có thật (tháng từ 1 đến 12)`;
  }
  return undefined;
}

function dateProblem(text: string): string | undefined {
  const problem = calendarProblem(text);
  if (problem) return problem;
  const year = Number(text.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return `năm ${text.slice(0, 4)} nằm ngoài khoảng ${FIRST_YEAR}–${LAST_YEAR} của một văn bản ban hành`;
  return undefined;
}

export function checkPlanData(src: ResolvedSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (path: JsonPath, rule: string, message: string) => out.push({ ...src.origin(path), severity: 'error', rule, message });
  const data = src.data;

  for (const [value, path] of [
    [data.ngay, ['ngay']],
    [data.quyet_dinh?.ngay, ['quyet_dinh', 'ngay']],
  ] as [string | undefined, JsonPath][]) {
    if (typeof value !== 'string') continue;
    const problem = dateProblem(value);
    if (problem) error(path, 'invalid-date', `Ngày "${value}": ${problem}; sửa lại ngày ban hành (dạng NNNN-TT-NN)`);
  }

  for (const t of tablesOf(data)) {
    const layout = layoutTable(t.bang, t.path, '', roman);
    for (const leaf of layout.leaves) {
      if (typeof leaf.col.han !== 'string') continue;
      const problem = calendarProblem(leaf.col.han);
      if (problem) error([...leaf.path, 'han'], 'invalid-date', `Thời hạn "${leaf.col.han}" của cột: ${problem}`);
    }
    for (const row of layout.rows) {
      for (const cell of row.cells) {
        if (layout.leaves[cell.column].col.kieu !== 'thoi_han' || !cell.path) continue;
        const problem = stringsOf(cell.value).map(deadlineProblem).find(Boolean);
        if (problem) error(cell.path, 'invalid-date', `Thời hạn ${problem}; sửa lại thời hạn`);
      }
    }
  }

  walk(data, [], (v, path) => {
    if (typeof v === 'number' && !Number.isFinite(v)) {
      error(path, 'number-not-finite', `Giá trị số ${String(v)} không phải một số hữu hạn; ghi số cụ thể (ví dụ: 95)`);
    } else if (typeof v === 'string') {
      const m = INVISIBLE.exec(v);
      if (m) {
        const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        out.push({
          ...src.origin(path),
          severity: 'warning',
          rule: 'invisible-character',
          message: `Văn bản có ký tự ẩn U+${code} (${m[0] >= '\u202a' && m[0] <= '\u202e' || (m[0] >= '\u2066' && m[0] <= '\u2069') ? 'đảo chiều chữ' : 'khoảng trắng độ rộng 0'}) ở vị trí ${m.index + 1}, thường do chép từ trang web hoặc PDF; xóa ký tự này`,
        });
      }
    }
  });

  // A plan implements its binding plan: it cannot be issued before it.
  const bound = src.binding ?? src.parent;
  if (bound && typeof data.ngay === 'string' && typeof bound.data.ngay === 'string' && bound.data.ngay !== data.ngay) {
    const own = data.ngay;
    if (own.length === 10 && bound.data.ngay.length === 10 && own < bound.data.ngay) {
      out.push({
        ...src.origin(['ngay']),
        severity: 'warning',
        rule: 'date-before-parent',
        message: `Kế hoạch ngày ${own} sớm hơn kế hoạch mà nó thực hiện (${bound.file}, ngày ${bound.data.ngay}); kiểm tra lại ngày ban hành`,
      });
    }
  }
  return out;
}

/** Bidi overrides and isolates, zero-width spaces and joiners, word joiner, BOM inside text. */
const INVISIBLE = /[\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

function walk(v: unknown, path: JsonPath, visit: (v: unknown, path: JsonPath) => void): void {
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i], visit));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k], visit);
  else visit(v, path);
}
