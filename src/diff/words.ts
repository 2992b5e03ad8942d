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
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: WordOp[] = [];
  const push = (op: WordOp['op'], token: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += ' ' + token;
    else ops.push({ op, text: token });
  };
  for (let i = 0; i < start; i++) push('same', a[i]);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  for (const [op, token] of lcsOps(midA, midB)) push(op, token);
  for (let i = endA; i < a.length; i++) push('same', a[i]);
  return ops;
}

function lcsOps(a: string[], b: string[]): [WordOp['op'], string][] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((t) => ['ins', t]);
  if (m === 0) return a.map((t) => ['del', t]);
  if (n * m > 4_000_000) return [...a.map((t) => ['del', t] as [WordOp['op'], string]), ...b.map((t) => ['ins', t] as [WordOp['op'], string])];
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
  const out: [WordOp['op'], string][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push(['same', a[i]]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) out.push(['del', a[i++]]);
    else out.push(['ins', b[j++]]);
  }
  while (i < n) out.push(['del', a[i++]]);
  while (j < m) out.push(['ins', b[j++]]);
  return out;
}
