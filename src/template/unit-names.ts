// Names of an administrative unit in the forms plans use: "Phú Hồ", "xã Phú Hồ",
// "UBND xã Phú Hồ", "Ủy ban nhân dân xã Phú Hồ". The level word comes from data/cap.yaml.
import type { DonVi } from '../model/source-types.generated.ts';
import type { Levels } from '../load/units-in-time.ts';

/** Level words used when data/cap.yaml lacks the level (keeps output readable). */
const DEFAULT_LEVEL_NAMES: Record<string, string> = {
  tinh: 'tỉnh',
  thanh_pho_tw: 'thành phố',
  thanh_pho: 'thành phố',
  thi_xa: 'thị xã',
  quan: 'quận',
  huyen: 'huyện',
  phuong: 'phường',
  xa: 'xã',
  thi_tran: 'thị trấn',
  dac_khu: 'đặc khu',
};

export interface UnitNames {
  ten: string;
  ten_day_du: string;
  ubnd: string;
  uy_ban: string;
  cap: string;
}

export function levelName(unit: DonVi, levels: Levels): string {
  return levels[unit.cap]?.ten ?? DEFAULT_LEVEL_NAMES[unit.cap] ?? unit.cap;
}

export function unitNames(unit: DonVi, levels: Levels): UnitNames {
  const cap = levelName(unit, levels);
  const full = `${cap} ${unit.ten}`;
  return { ten: unit.ten, ten_day_du: full, ubnd: `UBND ${full}`, uy_ban: `Ủy ban nhân dân ${full}`, cap };
}

/**
 * Level vocabulary for {{cap.*}}: the level's words, then the superior UBND named after the
 * unit's actual superior (a commune of Huế answers to "UBND thành phố", not the level's usual
 * "UBND huyện"), then the unit's own tu_ngu.
 */
export function levelWords(unit: DonVi, levels: Levels, units?: ReadonlyMap<string, DonVi>): Record<string, string> {
  const words: Record<string, string> = { ...(levels[unit.cap] ?? { ten: levelName(unit, levels) }) };
  const superior = unit.thuoc ? units?.get(unit.thuoc) : undefined;
  if (superior && 'ubnd_cap_tren' in words) words.ubnd_cap_tren = `UBND ${levelName(superior, levels)}`;
  return { ...words, ...(unit.tu_ngu ?? {}) };
}
