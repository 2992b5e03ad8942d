// Word-level diff of two texts (longest common subsequence over whitespace-separated tokens,
// trimmed of the common prefix and suffix first so long paragraphs with one change stay cheap).

export interface WordOp {
  op: 'same' | 'del' | 'ins';
  text: string; // tokens joined by single spaces
}

export function tokenize(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

export function diffWords(oldText: string, newText: string): WordOp[] {
  const a = tokenize(oldText);
  const b = tokenize(newText);
  const ops: WordOp[] = [];
  for (const [op, i, j] of diffTokens(a, b)) {
    const token = op === 'ins' ? b[j] : a[i];
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += ' ' + token;
    else ops.push({ op, text: token });
  }
  return ops;
}

/** Token-level edit script: each step with its index in `a` (same, del) and in `b` (same, ins). */
export type TokenOp = [WordOp['op'], number, number];

export function diffTokens(a: readonly string[], b: readonly string[]): TokenOp[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: TokenOp[] = [];
  for (let i = 0; i < start; i++) ops.push(['same', i, i]);
  for (const [op, i, j] of lcsOps(a.slice(start, endA), b.slice(start, endB))) ops.push([op, i + start, j + start]);
  for (let i = endA, j = endB; i < a.length; i++, j++) ops.push(['same', i, j]);
  return ops;
}

function lcsOps(a: readonly string[], b: readonly string[]): TokenOp[] {
  const n = a.length;
  const m = b.length;
  const dels = (): TokenOp[] => a.map((_, i) => ['del', i, -1]);
  const inss = (): TokenOp[] => b.map((_, j) => ['ins', -1, j]);
  if (n === 0 || m === 0 || n * m > 4_000_000) return [...dels(), ...inss()];
  // lengths[i][j] = LCS of a[i..] and b[j..], row-major in one typed array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j]
        ? lengths[(i + 1) * width + j + 1] + 1
        : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const out: TokenOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) out.push(['same', i++, j++]);
    else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) out.push(['del', i++, -1]);
    else out.push(['ins', -1, j++]);
  }
  while (i < n) out.push(['del', i++, -1]);
  while (j < m) out.push(['ins', -1, j++]);
  return out;
}
