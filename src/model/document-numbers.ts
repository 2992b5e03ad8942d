// Document numbers ("766/QĐ-TTg", "01/2023/TT-VPCP", "57-NQ/TW") are one word to a reader: a line
// that ends at their hyphen ("766/QĐ-" | "TTg") makes them unreadable. The model marks each
// number's run `noBreak`, so that every writer keeps it on one line in its own way (the DOCX with
// non-breaking hyphens, the HTML with a span that is one box, .nobr in print.css) while the text
// stays the ordinary hyphen.
// Numbers are found by the registry's own số ký hiệu (data/van-ban) and, for numbers typed in the
// text of a plan, by their shape.
import type { VanBanTrichDan } from './source-types.generated.ts';
import type { Block, PlanDocument, Runs, TableRow } from './types.ts';

/**
 * The shape of a số ký hiệu (NĐ 30, Phụ lục I, mục II.3): a number, then "/" or "-" separated
 * parts holding upper-case letters (a year, the type, the issuer: "QĐ-TTg", "2023/TT-VPCP").
 * A date (23/6/2022) or a span of years (2021-2025) has no letter, so it never matches.
 */
const NUMBER_SHAPE = /(?<![\p{L}\p{N}])\p{N}+(?:[/-][\p{L}\p{N}]+)+(?![\p{L}\p{N}])/gu;

const HAS_NUMBER_START = /\p{N}[/-]/u;

function isDocumentNumber(token: string): boolean {
  return token.includes('-') && /\p{Lu}/u.test(token);
}

/** Character ranges of the document numbers in `text`: known ones first, then by shape. */
export function documentNumberRanges(text: string, known: readonly string[] = []): Array<[number, number]> {
  // Only numbers with a hyphen are marked, and a typed one has a digit before its "/" or "-": most
  // runs have neither and skip the scans, which were a tenth of a `check`.
  if (!text.includes('-')) return [];
  const ranges: Array<[number, number]> = [];
  const taken = (s: number, e: number) => ranges.some(([a, b]) => s < b && e > a);
  for (const n of known) {
    if (!n.includes('-')) continue;
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length)) if (!taken(i, i + n.length)) ranges.push([i, i + n.length]);
  }
  if (HAS_NUMBER_START.test(text)) for (const m of text.matchAll(NUMBER_SHAPE)) {
    const start = m.index ?? 0;
    if (isDocumentNumber(m[0]) && !taken(start, start + m[0].length)) ranges.push([start, start + m[0].length]);
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The runs with every document number in a run of its own, marked `noBreak`. */
export function markRuns(runs: Runs, known: readonly string[] = []): Runs {
  const out: Runs = [];
  for (const r of runs) {
    const ranges = r.noBreak ? [] : documentNumberRanges(r.text, known);
    if (ranges.length === 0) {
      out.push(r);
      continue;
    }
    let at = 0;
    for (const [s, e] of ranges) {
      if (s > at) out.push({ ...r, text: r.text.slice(at, s) });
      out.push({ ...r, text: r.text.slice(s, e), noBreak: true });
      at = e;
    }
    if (at < r.text.length) out.push({ ...r, text: r.text.slice(at) });
  }
  return out;
}

function markRows(rows: TableRow[], known: readonly string[]): void {
  for (const row of rows) for (const cell of row.cells) cell.paragraphs = cell.paragraphs.map((p) => markRuns(p, known));
}

function markBlocks(blocks: Block[], known: readonly string[]): void {
  for (const b of blocks) {
    if (b.type === 'text') b.runs = markRuns(b.runs, known);
    else {
      markRows(b.header, known);
      markRows(b.body, known);
    }
  }
}

/** Marks the document numbers of every paragraph, title and table cell of `doc`, in place. */
export function markDocumentNumbers(doc: PlanDocument, registry: Iterable<VanBanTrichDan>): void {
  const known = [...new Set([...registry].map((e) => e.so_ky_hieu).filter((n): n is string => !!n))].sort((a, b) => b.length - a.length);
  if (doc.decision) {
    doc.decision.title = markRuns(doc.decision.title, known);
    markBlocks(doc.decision.bases, known);
    markBlocks(doc.decision.articles, known);
  }
  doc.plan.title = markRuns(doc.plan.title, known);
  markBlocks(doc.plan.preamble, known);
  markBlocks(doc.plan.body, known);
  for (const a of doc.annexes) markBlocks(a.blocks, known);
}
