// Sentence case for a title typed in capitals ("NÂNG CAO CHỈ SỐ … THÀNH PHỐ HUẾ NĂM 2025"):
// lower-case it, then give back their capitals to the names the project knows (units) and to
// abbreviations (TTHC, UBND), which no Vietnamese syllable spells.
import { sentenceCase } from '../text/case.ts';

const VOWELS = /[aeiouyăâêôơư]/u;
const CLUSTERS = new Set(['ch', 'gh', 'gi', 'kh', 'ng', 'ngh', 'nh', 'ph', 'qu', 'th', 'tr']);

/** True for a word no Vietnamese syllable spells: "TTHC", "UBND", "QĐ", "DVCTT". */
export function looksLikeAbbreviation(word: string): boolean {
  const base = word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  if (base.length < 2 || !/^[a-z]+$/.test(base)) return false;
  if (!VOWELS.test(base)) return true;
  if (/[fjwz]/.test(base)) return true;
  const runs = base.split(/[aeiouy]+/).filter(Boolean);
  const [initial, ...others] = runs;
  const startsWithVowel = /^[aeiouy]/.test(base);
  const initialOk = startsWithVowel || initial.length === 1 || CLUSTERS.has(initial);
  const finals = startsWithVowel ? runs : others;
  const finalOk = finals.length <= 1 && (finals.length === 0 || ['c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'].includes(finals[0]));
  return !(initialOk && finalOk);
}

export function titleCaser(properNames: readonly string[]): (upper: string) => string {
  const names = [...new Set(properNames)].filter((n) => n.length > 1).sort((a, b) => b.length - a.length);
  return (upper: string) => {
    const keep = new Set(upper.split(/[^\p{L}\p{N}]+/u).filter(looksLikeAbbreviation));
    let out = sentenceCase(upper).replace(/[\p{L}\p{N}]+/gu, (w) => (keep.has(w.toUpperCase()) ? w.toUpperCase() : w));
    for (const name of names) {
      const lower = name.toLowerCase();
      out = out.replace(new RegExp(`(?<![\\p{L}])${escapeRegExp(lower)}(?![\\p{L}])`, 'gu'), name);
    }
    return out;
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
