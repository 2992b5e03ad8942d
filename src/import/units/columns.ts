// The columns of the official administrative-unit list, recognised by their headers. The national
// statistics office's download ("Danh sách cấp xã") reads
//   Tỉnh Thành Phố | Mã TP | Quận Huyện | Mã QH | Phường Xã | Mã PX | Cấp | Tên Tiếng Anh
// and the lists of the two-level government drop the district pair; other exports of the same
// list write one unit a row with "Mã", "Tên", "Cấp", "Mã cấp trên". Headers are compared folded
// (no diacritics, đ → d, any case and punctuation), so "Tỉnh / Thành phố" and "TỈNH THÀNH PHỐ" are
// one header. The date and the resolution of effect ("Ngày hiệu lực", "Căn cứ"/"Văn bản") are
// optional columns.

export type Role =
  | 'provinceCode'
  | 'provinceName'
  | 'districtCode'
  | 'districtName'
  | 'code'
  | 'name'
  | 'level'
  | 'parentCode'
  | 'from'
  | 'basis';

const HEADERS: Record<Role, string[]> = {
  provinceCode: ['ma tp', 'ma tinh', 'ma tinh tp', 'ma tinh thanh pho'],
  provinceName: ['tinh thanh pho', 'ten tinh', 'ten tinh thanh pho', 'tinh', 'tinh tp'],
  districtCode: ['ma qh', 'ma quan huyen', 'ma huyen'],
  districtName: ['quan huyen', 'ten quan huyen', 'huyen', 'ten huyen'],
  code: ['ma', 'ma px', 'ma xa', 'ma phuong xa', 'ma so', 'ma dvhc', 'ma don vi', 'ma don vi hanh chinh'],
  name: ['ten', 'phuong xa', 'ten xa', 'ten phuong xa', 'ten don vi', 'ten dvhc', 'ten don vi hanh chinh'],
  level: ['cap', 'loai', 'cap hanh chinh', 'loai don vi'],
  parentCode: ['ma cap tren', 'ma don vi cap tren', 'ma dv cap tren'],
  from: ['ngay hieu luc', 'hieu luc tu', 'tu ngay', 'ngay co hieu luc', 'hieu luc', 'ngay hieu luc thi hanh'],
  basis: ['can cu', 'van ban', 'nghi quyet', 'van ban quy dinh', 'so van ban', 'van ban hieu luc', 'can cu phap ly'],
};

/** The Vietnamese name of each column, for messages. */
export const ROLE_NAMES: Record<Role, string> = {
  provinceCode: 'Mã TP (mã tỉnh)',
  provinceName: 'Tỉnh Thành Phố',
  districtCode: 'Mã QH',
  districtName: 'Quận Huyện',
  code: 'Mã (Mã PX)',
  name: 'Tên (Phường Xã)',
  level: 'Cấp',
  parentCode: 'Mã cấp trên',
  from: 'Ngày hiệu lực',
  basis: 'Căn cứ',
};

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_HEADER = new Map<string, Role>();
for (const [role, names] of Object.entries(HEADERS) as [Role, string[]][]) for (const n of names) BY_HEADER.set(n, role);

/** Column index (0-based) of each role a header row names; undefined when the row is no header. */
export function recogniseHeader(cells: string[]): Partial<Record<Role, number>> | undefined {
  const out: Partial<Record<Role, number>> = {};
  cells.forEach((cell, i) => {
    const role = BY_HEADER.get(fold(cell));
    if (role && out[role] === undefined) out[role] = i;
  });
  return out.code !== undefined && out.name !== undefined ? out : undefined;
}
