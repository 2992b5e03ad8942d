// The lines of a centred title (trích yếu, appendix title) and the length of the rule under it,
// decided once here and emitted by both writers (w:br in the DOCX, <br> in the HTML), so that
// Word, LibreOffice and Chromium show the same lines and the same rule. Neither engine can do this
// by itself: Word has no balanced wrapping, Chromium's `text-wrap: balance` does not know that
// "địa bàn" is one word of two syllables, and neither knows where a Vietnamese phrase begins.
import type { Run, Runs } from '../model/types.ts';
import { textWidthMm } from './text-width.ts';
import { TITLE } from './layout.ts';
import { BREAK_BEFORE, COMPOUNDS, LEVEL_WORDS } from './line-breaks-vi.ts';

export interface TitleLayout {
  /** The title's lines; one when it fits. */
  lines: Runs[];
  /** Width of the longest line, mm. */
  longestMm: number;
  /** Rule under the title (PL1 II.5b: 1/3–1/2 of the line above), mm. */
  ruleMm: number;
}

/** A syllable (or an unbreakable document number) with the runs it is made of. */
interface Token {
  runs: Runs;
  text: string;
  widthMm: number;
}

/** A line may take at most this share of the width: measurement ignores the engines' rounding. */
const FILL = 0.97;

/** Cost of setting a title in one line more than it needs. */
const EXTRA_LINE = 40;

function splitTokens(runs: Runs, sizePt: number, bold: boolean): { tokens: Token[]; spaceMm: number } {
  const tokens: Token[] = [];
  let current: Run[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const text = current.map((r) => r.text).join('');
    const widthMm = current.reduce((w, r) => w + textWidthMm(r.text, sizePt, { bold: bold || r.bold, italic: r.italic }), 0);
    tokens.push({ runs: current, text, widthMm });
    current = [];
  };
  for (const r of runs) {
    if (r.text.length === 0) continue;
    // A document number is one token: it never breaks.
    const pieces = r.noBreak ? [r.text] : r.text.split(/(\s+)/);
    for (const piece of pieces) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) flush();
      else current.push({ ...r, text: piece });
    }
  }
  flush();
  return { tokens, spaceMm: textWidthMm(' ', sizePt, { bold }) };
}

/** The word of a token, lower case, without the punctuation around it. */
const lower = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const capitalised = (s: string) => /^\p{Lu}/u.test(s) && s !== s.toLocaleUpperCase('vi');

/**
 * Cost of starting a line at token `i` (breaking between tokens i−1 and i): low before the
 * words that open a phrase ("trên", "của", "năm"), high inside a compound word ("địa | bàn"),
 * inside a proper name ("Mỹ | Hòa") or between a level word and its name ("xã | Cam Hiệp").
 */
function breakCost(tokens: Token[], i: number): number {
  // After a comma or semicolon: the best place of all.
  if (/[,;:]$/.test(tokens[i - 1].text)) return 0;
  const prev = lower(tokens[i - 1].text);
  const next = lower(tokens[i].text);
  if (COMPOUNDS.has(`${prev} ${next}`)) return 60;
  if (capitalised(tokens[i - 1].text) && capitalised(tokens[i].text)) return 60;
  if (LEVEL_WORDS.has(prev) && capitalised(tokens[i].text)) return 40;
  // A line ending in a word that opens a phrase leaves it dangling ("… năm | 2025").
  if (BREAK_BEFORE.has(prev)) return 30;
  if (BREAK_BEFORE.has(next)) return 0;
  return 12;
}

function lineWidth(tokens: Token[], from: number, to: number, spaceMm: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += tokens[i].widthMm;
  return w + Math.max(0, to - from - 1) * spaceMm;
}

/** Fewest lines the tokens fit in, filled greedily. */
function greedyLineCount(tokens: Token[], maxMm: number, spaceMm: number): number {
  let lines = 1;
  let w = 0;
  for (const t of tokens) {
    const add = w === 0 ? t.widthMm : w + spaceMm + t.widthMm;
    if (add > maxMm && w > 0) {
      lines++;
      w = t.widthMm;
    } else w = add;
  }
  return lines;
}

/**
 * Break points for `count` lines minimising: uneven lines (squared deviation from the mean, in
 * per cent of the width), a line of a single syllable (the "2025" left alone), and the cost of
 * each break point. Dynamic programming over token positions; a title has a few dozen tokens.
 */
function bestBreaks(tokens: Token[], count: number, maxMm: number, spaceMm: number): { starts: number[]; cost: number } | undefined {
  const n = tokens.length;
  const mean = (lineWidth(tokens, 0, n, spaceMm) - (count - 1) * spaceMm) / count;
  const lineCost = (from: number, to: number): number => {
    const w = lineWidth(tokens, from, to, spaceMm);
    if (w > maxMm && to - from > 1) return Infinity;
    const dev = ((w - mean) / maxMm) * 100;
    return dev * dev * 0.2 + (to - from === 1 && n > 1 ? 200 : 0);
  };
  // The cost of breaking before each token, once: breakCost lower-cases with the vi locale, and the
  // search below asks for each break count·n times (0.3 s of a 30-plan batch's main thread).
  const breakBefore = tokens.map((_, i) => (i > 0 ? breakCost(tokens, i) : 0));
  // best[k][j]: cost of setting tokens 0..j−1 in k lines; from[k][j]: where the last line starts.
  const best: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: count + 1 }, () => new Array<number>(n + 1).fill(-1));
  best[0][0] = 0;
  for (let k = 1; k <= count; k++) {
    for (let j = k; j <= n; j++) {
      for (let i = k - 1; i < j; i++) {
        if (best[k - 1][i] === Infinity) continue;
        const c = best[k - 1][i] + lineCost(i, j) + breakBefore[i];
        if (c < best[k][j]) {
          best[k][j] = c;
          from[k][j] = i;
        }
      }
    }
  }
  if (best[count][n] === Infinity || count > n) return undefined;
  const starts: number[] = [];
  for (let k = count, j = n; k > 0; k--) {
    const i = from[k][j];
    starts.unshift(i);
    j = i;
  }
  return { starts, cost: best[count][n] };
}

/** Runs of tokens from..to−1, joined by single spaces (adjacent runs of one style merged). */
function lineRuns(tokens: Token[], from: number, to: number): Runs {
  const out: Run[] = [];
  for (let i = from; i < to; i++) {
    const pieces = i > from ? [{ ...tokens[i].runs[0], text: ' ', noBreak: undefined }, ...tokens[i].runs] : tokens[i].runs;
    for (const r of pieces) {
      const last = out[out.length - 1];
      const clean: Run = { text: r.text };
      if (r.bold) clean.bold = true;
      if (r.italic) clean.italic = true;
      if (r.noBreak) clean.noBreak = true;
      if (last && !last.noBreak && !clean.noBreak && last.bold === clean.bold && last.italic === clean.italic) last.text += clean.text;
      else out.push(clean);
    }
  }
  return out;
}

/**
 * The lines of a bold centred title set at `sizePt` in a box `boxMm` wide, and its rule: 0.42 of
 * the longest line, inside the decree's 1/3–1/2. Runs marked by the redline (`change`) are left
 * on one line for the engine to wrap, their rule measured on the text that stays.
 */
export function titleLayout(runs: Runs, boxMm: number, sizePt: number): TitleLayout {
  const maxMm = boxMm * FILL;
  if (runs.some((r) => r.change)) {
    const kept = runs.filter((r) => r.change !== 'delete');
    const width = Math.min(kept.reduce((w, r) => w + textWidthMm(r.text, sizePt, { bold: true }), 0), boxMm);
    return { lines: [runs], longestMm: width, ruleMm: rule(width) };
  }
  const { tokens, spaceMm } = splitTokens(runs, sizePt, true);
  if (tokens.length === 0) return { lines: [[]], longestMm: 0, ruleMm: 0 };
  const count = greedyLineCount(tokens, maxMm, spaceMm);
  // One line more than the fewest, when that avoids a split word: it costs EXTRA_LINE.
  let starts = [0];
  if (count > 1) {
    const fewest = bestBreaks(tokens, count, maxMm, spaceMm);
    const more = bestBreaks(tokens, count + 1, maxMm, spaceMm);
    const pick = more && (!fewest || more.cost + EXTRA_LINE < fewest.cost) ? more : fewest;
    if (pick) starts = pick.starts;
  }
  const lines: Runs[] = [];
  let longestMm = 0;
  for (let k = 0; k < starts.length; k++) {
    const end = k + 1 < starts.length ? starts[k + 1] : tokens.length;
    lines.push(lineRuns(tokens, starts[k], end));
    longestMm = Math.max(longestMm, lineWidth(tokens, starts[k], end, spaceMm));
  }
  return { lines, longestMm: Math.min(longestMm, boxMm), ruleMm: rule(Math.min(longestMm, boxMm)) };
}

function rule(lineMm: number): number {
  return Math.round(lineMm * TITLE.ruleRatio * 10) / 10;
}
