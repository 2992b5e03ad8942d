// Names derived from a unit of the directory: "xã Phú Hồ", "UBND xã Phú Hồ", "ỦY BAN NHÂN DÂN" / "XÃ PHÚ HỒ".
import type { DonVi, TuNguTheoCap } from '../model/source-types.generated.ts';

const FALLBACK_LEVEL_NAME: Record<string, string> = {
  tinh: 'tỉnh', thanh_pho_tw: 'thành phố', thanh_pho: 'thành phố', thi_xa: 'thị xã', quan: 'quận',
  huyen: 'huyện', phuong: 'phường', xa: 'xã', thi_tran: 'thị trấn',
};

export function levelName(unit: DonVi, levels: TuNguTheoCap): string {
  return levels[unit.cap]?.ten ?? FALLBACK_LEVEL_NAME[unit.cap] ?? unit.cap;
}

/** "xã Phú Hồ", "thành phố Huế" */
export function unitFullName(unit: DonVi, levels: TuNguTheoCap): string {
  return `${levelName(unit, levels)} ${unit.ten}`;
}
