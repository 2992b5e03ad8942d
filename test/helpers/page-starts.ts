// Do two renderings of one document paginate alike? Compares where each page break falls, in
// Chromium's PDF and in LibreOffice's PDF of the DOCX: a page begins alike in both when the page
// before it ends with the same words. The ends are compared, not the beginnings, because an
// appendix page begins with its repeated table header whatever row follows it. Text is read in
// content order (pdftotext -raw), where both engines draw a table row by row, cell by cell.
import { execFileSync } from 'node:child_process';

/** The words of every page of a PDF, in content order, without the page number at its head. */
export function pageWords(pdf: string): string[][] {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.length > 0 && pages[pages.length - 1].trim() === '') pages.pop();
  return pages.map((page) => {
    const w = page.normalize('NFC').split(/\s+/).filter(Boolean);
    // The page number (header) is drawn first on every page but a part's first.
    if (/^\d+$/.test(w[0] ?? '')) w.shift();
    return w;
  });
}

/** `needle` occurs as consecutive words in `hay`. */
function occursIn(needle: string[], hay: string[]): boolean {
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (needle.every((w, k) => hay[i + k] === w)) return true;
  }
  return false;
}

/**
 * Two pages end alike when they end on the same line: the last three words of one stand among the
 * last twelve of the other. Justified lines in two engines may break a word or two apart, which
 * moves a page's last word without moving its last line.
 */
export function endAlike(a: string[], b: string[]): boolean {
  const ta = a.slice(-12);
  const tb = b.slice(-12);
  if (ta.length === 0 || tb.length === 0) return ta.length === tb.length;
  return occursIn(ta.slice(-3), tb) || occursIn(tb.slice(-3), ta);
}

export interface PaginationReport {
  pagesA: number;
  pagesB: number;
  /** Pages that begin alike: the first page, and each page whose previous page ends alike. */
  alike: number;
  /** Share of the pages (of the longer rendering) that begin alike. */
  share: number;
  /** Page breaks that differ, for the failure message. */
  differences: string[];
}

export function comparePagination(a: string, b: string): PaginationReport {
  const pa = pageWords(a);
  const pb = pageWords(b);
  const n = Math.min(pa.length, pb.length);
  const differences: string[] = [];
  let alike = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) {
    if (endAlike(pa[i - 1], pb[i - 1])) alike++;
    else differences.push(`cuối trang ${i}: «${pa[i - 1].slice(-6).join(' ')}» | «${pb[i - 1].slice(-6).join(' ')}»`);
  }
  return { pagesA: pa.length, pagesB: pb.length, alike, share: alike / Math.max(pa.length, pb.length, 1), differences };
}
