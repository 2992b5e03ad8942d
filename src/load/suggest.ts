// "Did you mean" for misspelt keys, enum values, options and commands. A clerk's usual slips: a key
// typed with its Vietnamese diacritics (`tiêu_đề` for `tieu_de`), and two letters swapped (`gahc`
// for `gach`). So both sides are folded (marks dropped, đ → d, lower case) and a transposition of
// two neighbours counts as one edit (optimal string alignment). Our own code: the edit distance is
// a dozen lines, and the folding (đ has no decomposition in Unicode) is the domain's.

/** `Tiêu_Đề` → `tieu_de`: what the clerk meant to type on a keyboard without Vietnamese input. */
export function foldVietnamese(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Edits (insert, delete, substitute, swap two neighbours) between `a` and `b`. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], before[j - 2] + 1);
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidate within `maxDistance` edits (ties: first in `candidates`), if any. */
export function suggest(word: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  const w = foldVietnamese(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    // Short names would match almost anything two edits away.
    const limit = Math.min(maxDistance, Math.max(1, Math.floor(c.length / 3)));
    const d = editDistance(w, foldVietnamese(c));
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
