// The header block of a document (Nghị định 30, Phụ lục I, ô 1–5): agency lines, "Số: 01/KH-UBND",
// "Định Hưng, ngày 18 tháng 3 năm 2024", the kind line. From a DOCX these sit in a borderless
// two-column table; from text, on lines (sometimes the number and the date share one line).

export interface NumberLine {
  /** null: left blank for the clerk ("Số:   /QĐ-UBND"). */
  so: number | null;
  kyHieu: string;
}

export interface DateLine {
  place: string;
  /** NNNN-TT-NN, or NNNN-TT / NNNN when the draft leaves blanks. */
  ngay: string;
}

const NUMBER = /Số\s*:\s*(\d*)\s*\/\s*([A-Za-zĐđ0-9]+(?:\s*-\s*[A-Za-zĐđ0-9]+)*)/u;
const DATE = /([\p{L}][\p{L} .'-]*?)\s*,\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})/u;

export function numberLine(text: string): NumberLine | undefined {
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  return { so: m[1] ? Number(m[1]) : null, kyHieu: m[2].replace(/\s+/g, '') };
}

const pad = (s: string) => s.padStart(2, '0');

export function dateLine(text: string): DateLine | undefined {
  const m = DATE.exec(text.replace(/^.*?\/[A-Za-zĐđ0-9-]+\s+/u, ''));
  if (!m) return undefined;
  const [, place, day, month, year] = m;
  const ngay = month ? (day ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`) : year;
  return { place: place.trim(), ngay };
}

/** The Quốc hiệu, the motto, and the rules drawn under them: never imported (the writer draws them). */
export function isFixedHeaderLine(text: string): boolean {
  return /^(CỘNG HÒA|CỘNG HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM$|^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$|^[-_–—=]{3,}$/u.test(text.trim());
}

/** An agency line of the header ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HUẾ", "XÃ PHÚ HỒ"). */
export function isAgencyLine(text: string): boolean {
  return /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN)\b/u.test(text.trim());
}

export const isUpper = (text: string) => /\p{L}/u.test(text) && text === text.toUpperCase();

export interface KindLine {
  loai: 'ke_hoach' | 'quyet_dinh';
  /** The kind as printed, when it is more than the plain kind ("KẾ HOẠCH HÀNH ĐỘNG"). */
  tenLoai?: string;
  /** Title words that followed the kind on the same line ("KẾ HOẠCH CẢI CÁCH …"). */
  rest?: string;
}

export function kindLine(text: string): KindLine | undefined {
  const t = text.trim();
  if (/^QUYẾT ĐỊNH$/u.test(t)) return { loai: 'quyet_dinh' };
  const m = /^KẾ HOẠCH(\s+HÀNH ĐỘNG)?(?:\s+(.+))?$/u.exec(t);
  if (!m || !isUpper(t)) return undefined;
  return { loai: 'ke_hoach', tenLoai: m[1] ? 'KẾ HOẠCH HÀNH ĐỘNG' : undefined, rest: m[2] };
}
