// Citations of documents in the registry (data/van-ban). Nghị định 30, Phụ lục I, mục II.6b:
// the first citation gives the type, number-symbol, date, issuer and subject; Laws and
// Ordinances are cited by type and name only.
import type { VanBanTrichDan } from './source-types.generated.ts';
import { longDate, numericDate, parseDate } from './dates.ts';

export interface CitationOptions {
  /** "chu": "ngày 23 tháng 6 năm 2022"; false: no date; default numeric "ngày 23/6/2022". */
  ngay?: unknown;
  co_quan?: unknown;
  so?: unknown;
  loai?: unknown;
  trich_yeu?: unknown;
}

/** "Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ". */
export function formatCitation(entry: VanBanTrichDan, opts: CitationOptions = {}): string {
  const type = typeof opts.loai === 'string' && opts.loai ? opts.loai : entry.loai;
  let out = type;
  if (entry.so_ky_hieu) out += (opts.so === false ? ' ' : ' số ') + entry.so_ky_hieu;
  else if (entry.ten) out += ' ' + entry.ten;
  const date = parseDate(entry.ngay);
  if (date && opts.ngay !== false) out += ' ' + (opts.ngay === 'chu' ? longDate(date) : `ngày ${numericDate(date)}`);
  if (entry.co_quan && opts.co_quan !== false) out += ` của ${entry.co_quan}`;
  if (opts.trich_yeu === true && entry.trich_yeu) out += ` ${entry.trich_yeu}`;
  return out;
}

/** "766/QĐ-TTg"; a Law has no number: its type and name. */
export function formatNumberSymbol(entry: VanBanTrichDan): string {
  return entry.so_ky_hieu ?? `${entry.loai}${entry.ten ? ' ' + entry.ten : ''}`;
}
