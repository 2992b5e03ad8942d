// Dates and number lines. Nghị định 30, Phụ lục I, mục II.4: "Đối với những số chỉ ngày nhỏ
// hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước" — days 1–9 and months 1–2 get a leading
// zero, months 3–12 never do. Mục II.3: numbers below 10 get a leading zero ("05/BNV-VP").
// Drafts: number and date are given after signing (Nghị định 30, Điều 15.2), so the missing
// parts are printed as blanks for the văn thư to fill in.

/**
 * Blanks left for the văn thư in a draft: "Số:      /QĐ-UBND" and "ngày      tháng 8 năm 2025"
 * both leave six spaces between the printed words.
 */
export const BLANK_NUMBER = '     ';
export const BLANK_DATE = '    ';

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/** "2024-03-18" / "2025-08" / "2025" → parts; undefined when it is not such a string. */
export function parseDate(text: string | undefined | null): PartialDate | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  const d: PartialDate = { year: Number(m[1]) };
  if (m[2]) d.month = Number(m[2]);
  if (m[3]) d.day = Number(m[3]);
  return d;
}

export function dayText(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

export function monthText(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/** "ngày 27 tháng 02 năm 2024"; a draft keeps blanks: "ngày      tháng 8 năm 2025". */
export function longDate(d: PartialDate): string {
  const day = d.day !== undefined && d.month !== undefined ? dayText(d.day) : BLANK_DATE;
  const month = d.month !== undefined ? monthText(d.month) : BLANK_DATE;
  return `ngày ${day} tháng ${month} năm ${d.year}`;
}

/** "Phú Hồ, ngày 18 tháng 3 năm 2024" (ô 4). */
export function placeDateLine(place: string, d: PartialDate): string {
  return `${place}, ${longDate(d)}`;
}

/** Citation form "23/6/2022", "05/01/2024"; a partial date falls back to the long form. */
export function numericDate(d: PartialDate): string {
  if (d.day === undefined || d.month === undefined) return longDate(d);
  return `${dayText(d.day)}/${monthText(d.month)}/${d.year}`;
}

/** "Số: 50/KH-UBND", "Số: 05/KH-UBND", draft "Số:      /QĐ-UBND" (ô 3). */
export function numberLine(so: number | null | undefined, symbol: string): string {
  return `Số: ${numberAndSymbol(so, symbol)}`;
}

/** "50/KH-UBND" or "      /KH-UBND" for a draft. */
export function numberAndSymbol(so: number | null | undefined, symbol: string): string {
  return `${typeof so === 'number' ? (so < 10 ? `0${so}` : String(so)) : BLANK_NUMBER}/${symbol}`;
}

/** "2024-03-18"; missing month/day → 01 (file timestamps need a full date). */
export function isoDate(d: PartialDate): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.year}-${p(d.month ?? 1)}-${p(d.day ?? 1)}`;
}
