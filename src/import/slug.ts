// Stable ids for imported sections, items, columns and rows: a slug of the first words of the
// text ("Mục đích, yêu cầu" → muc-dich-yeu-cau), unique within the document. A child plan and
// `kehoach diff` address parts by these ids, so they come from the words, never from positions.

const STOP = new Set(['cac', 'va', 'cua', 'trong', 've', 'the', 'de', 'tai', 'theo', 'voi', 'cho', 'la', 'duoc', 'nhung', 'mot']);

/** Vietnamese text → ascii words (đ → d, diacritics dropped). */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\*/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export class IdMaker {
  private used = new Set<string>();

  /** A fresh id from `text`, at most `words` significant words; `fallback` when the text has none. */
  make(text: string, fallback: string, words = 4): string {
    const all = foldWords(text);
    const significant = all.filter((w) => !STOP.has(w));
    const base = (significant.length ? significant : all).slice(0, words).join('-') || fallback;
    let id = /^[a-z0-9]/.test(base) ? base : `${fallback}-${base}`;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
