// chinh-ta: words that are not Vietnamese, capitals inside a word ("KInh"), abbreviations the
// project does not know ("DCVTT" for DVCTT), hyphens that hug one word only ("HĐND- UBND"), and
// terms of the official vocabulary spelled wrong ("Công Dịch vụ công" for "Cổng Dịch vụ công").
// Syllables are looked up with nspell in the Hunspell dictionary of dictionary-vi; the project's
// word list (data/tu-dien.txt) holds abbreviations and names, and the "sai => đúng" pairs.
// Each warning points at the word in the file where it was written; a line that ends with
// "# kehoach-bo-qua: chinh-ta" accepts its words (check/accepted.ts, as for every warning). A
// project without data/tu-dien.txt has not set the check up, and gets none.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type nspell from 'nspell';
import type { Diagnostic } from '../load/diagnostic.ts';
import type { JsonPath, ProjectData, ResolvedSource } from '../load/types.ts';
import { looksLikeAbbreviation } from '../import/case.ts';
import { wordList, type WordList } from './word-list.ts';
import { SourceFiles, locate } from './source-lines.ts';

type Speller = ReturnType<typeof nspell>;
let speller: Speller | undefined;
let listed: Set<string> | undefined;

/** dictionary-vi's own entry reads its files with a top-level await; checks run synchronously. */
function dictionaryFile(name: string): Buffer {
  return readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('dictionary-vi')), name));
}

/**
 * Whether a lower-case syllable is Vietnamese, as nspell with dictionary-vi says. The dictionary is
 * a plain list of syllables (no affix rules), so for lower-case input nspell's answer is "listed":
 * the list is read into a Set (a few milliseconds), and nspell (about 45 ms to build) is built
 * only for a word the list lacks, so a plan without slips never pays for it. nspell is required
 * on first use, so commands that run no spelling check (print, diff, git textconv) never load it.
 */
export function isVietnamese(lower: string, listOnly = false): boolean {
  if (!listed) {
    // Hunspell's .dic: the first line is the entry count, then one word a line ("word/FLAGS").
    const lines = dictionaryFile('index.dic').toString('utf8').split('\n').slice(1);
    listed = new Set(lines.map((l) => l.trim().split('/')[0]).filter(Boolean));
  }
  if (listed.has(lower)) return true;
  if (listOnly) return false;
  speller ??= (createRequire(import.meta.url)('nspell') as typeof nspell)({ aff: dictionaryFile('index.aff'), dic: dictionaryFile('index.dic') });
  return speller.correct(lower);
}

/**
 * dictionary-vi spells the "new" tone placement (hoá, thuỷ, khoẻ); Vietnamese official texts
 * mostly keep the old one (hóa, thủy, khỏe). Both are correct: the old form is moved to the new
 * before the lookup.
 */
export function newTonePlacement(word: string): string {
  return word
    .normalize('NFD')
    .replace(/([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?![\p{L}])/gu, '$1$3$2')
    .normalize('NFC');
}

/** Keys whose values are codes, ids, dates or paths, never running text. */
const NOT_TEXT = new Set(['id', 'don_vi', 'ke_thua', 'loai', 'kieu', 'can', 'huong', 'dinh_dang', 'chi_so', 'chi_cap', 'ky_hieu', 'ngay', 'ngay_kem_theo', 'han', '$truoc', '$sau', 'so_sanh', 'ke_hoach', 'van_ban', 'chu_tri', 'ban_hanh_boi', 'thay_the']);

function textsOf(v: unknown, p: (string | number)[], out: { path: JsonPath; text: string }[]): void {
  if (typeof v === 'string') out.push({ path: p, text: v });
  else if (Array.isArray(v)) v.forEach((x, i) => textsOf(x, [...p, i], out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) if (!NOT_TEXT.has(k)) textsOf(x, [...p, k], out);
  }
}

const blank = (m: string) => ' '.repeat(m.length);

/** The words of a text field: template expressions, document symbols, numbers and URLs left out. */
function words(text: string): { word: string; index: number }[] {
  const cleaned = text
    .replace(/\{\{\{?[\s\S]*?\}?\}\}/g, blank)
    .replace(/https?:\S+|www\.\S+|\S+@\S+/g, blank)
    .replace(/[\p{L}\d.]*\d[\p{L}\d.]*(?:[/-][\p{L}\d]+)+/gu, blank) // 01/NQ-CP, 57-NQ/TW, 45/2020/NĐ-CP
    .replace(/(?<![\p{L}\d])[\p{Lu}\d]+(?:-[\p{L}\d]+)+/gu, blank); // KH-UBND, BTTTT-CĐSQG
  const out: { word: string; index: number }[] = [];
  for (const m of cleaned.matchAll(/[\p{L}\p{M}]+/gu)) out.push({ word: m[0].normalize('NFC'), index: m.index! });
  return out;
}

export function checkSpelling(src: ResolvedSource, project: ProjectData): Diagnostic[] {
  const list = wordList(project.root);
  // Without its word list a project would see every abbreviation (UBND, TTHC) flagged.
  if (!list.present) return [];
  const names = unitWords(project);
  const files = new SourceFiles(project.root);
  const texts: { path: JsonPath; text: string }[] = [];
  textsOf(src.data, [], texts);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const t of texts) {
    const origin = src.origin(t.path);
    if (origin.file !== src.file) continue; // a parent's words are reported when it is checked
    const lines = files.lines(origin.file);
    let cursor = { line: origin.line, col: origin.col };
    const report = (needle: string, message: string) => {
      const at = locate(lines, cursor.line, cursor.col, needle) ?? cursor;
      cursor = { line: at.line, col: at.col + needle.length };
      const key = `${at.line}:${at.col}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ file: origin.file, line: at.line, col: at.col, severity: 'warning', rule: 'chinh-ta', message });
    };
    for (const { right, pattern } of list.corrections) {
      for (const m of t.text.matchAll(pattern)) {
        report(m[0], `Viết sai "${m[0]}": thuật ngữ chính thức là "${right}"`);
      }
    }
    cursor = { line: origin.line, col: origin.col };
    for (const m of t.text.matchAll(/\p{L}+- \p{L}+|\p{L}+ -\p{L}+/gu)) {
      report(m[0], `Dấu gạch nối "${m[0]}" chỉ dính vào một bên: viết liền hai bên ("HĐND-UBND") hoặc cách cả hai bên ("kinh tế - xã hội")`);
    }
    cursor = { line: origin.line, col: origin.col };
    for (const { word } of words(t.text)) {
      const problem = spellingProblem(word, list, names);
      if (problem) report(word, problem);
    }
  }
  return out;
}

/** Why `word` is not right, or undefined when it is. */
export function spellingProblem(word: string, list: WordList, names: ReadonlySet<string>): string | undefined {
  if (list.words.has(word) || names.has(word.toLowerCase())) return undefined;
  // Roman numerals (Quý II) and single letters (điểm b, khoản c) are not words to spell.
  if (/^[IVXLC]+$/.test(word) || word.length === 1) return undefined;
  if (/\p{Lu}{2}\p{Ll}|\p{Ll}\p{Lu}/u.test(word)) {
    const known = list.byFold.get(word.toLowerCase());
    const fixed = known ?? word[0] + word.slice(1).toLowerCase();
    return `Chữ hoa giữa từ "${word}": có phải "${fixed}"?`;
  }
  const lower = word.toLowerCase();
  if (list.words.has(lower)) return undefined;
  // Both tone placements are looked up in the list first, so nspell is built only for a real miss.
  const retoned = newTonePlacement(lower);
  if (isVietnamese(lower, true) || isVietnamese(retoned, true)) return undefined;
  if (isVietnamese(lower) || isVietnamese(retoned)) return undefined;
  if (word === word.toUpperCase() && looksLikeAbbreviation(word)) {
    const near = list.abbreviations.find((a) => sameLetters(a, word));
    return `Chữ viết tắt "${word}" không có trong data/tu-dien.txt${near ? `: có phải "${near}"?` : ': kiểm tra lại, hoặc thêm vào từ điển của dự án'}`;
  }
  if (looksLikeAbbreviation(word)) return `Từ "${word}" không có trong từ điển: nếu là tên riêng hay chữ viết tắt, thêm vào data/tu-dien.txt`;
  return `Từ "${word}" không có trong từ điển tiếng Việt: kiểm tra chính tả (tên riêng, từ mượn: thêm vào data/tu-dien.txt)`;
}

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

function unitWords(project: ProjectData): Set<string> {
  const out = new Set<string>();
  for (const u of project.units.values()) for (const n of [u.ten, u.dia_danh ?? '']) for (const w of n.split(/\s+/)) if (w) out.add(w.toLowerCase());
  return out;
}

