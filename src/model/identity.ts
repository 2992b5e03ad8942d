// Who issues a plan and how it is numbered. Nghị định 30, Phụ lục III, mục I: abbreviations of
// document types (Kế hoạch KH, Chương trình CTr, Phương án PA, Đề án ĐA, Báo cáo BC, Hướng dẫn
// HD, Quyết định QĐ); Phụ lục I, mục II.3: ký hiệu = type abbreviation + "-" + issuer abbreviation.
import type { DonVi, KeHoach, QuyetDinh } from './source-types.generated.ts';

export type KindKey = NonNullable<KeHoach['loai']>;

export const KINDS: Record<KindKey, { name: string; abbreviation: string }> = {
  ke_hoach: { name: 'Kế hoạch', abbreviation: 'KH' },
  chuong_trinh: { name: 'Chương trình', abbreviation: 'CTr' },
  phuong_an: { name: 'Phương án', abbreviation: 'PA' },
  de_an: { name: 'Đề án', abbreviation: 'ĐA' },
  bao_cao: { name: 'Báo cáo', abbreviation: 'BC' },
  huong_dan: { name: 'Hướng dẫn', abbreviation: 'HD' },
};

export function kindOf(data: KeHoach): { name: string; abbreviation: string } {
  return KINDS[data.loai ?? 'ke_hoach'] ?? KINDS.ke_hoach;
}

export function issuerAbbreviation(unit: DonVi | undefined): string {
  return unit?.ky_hieu_co_quan || 'UBND';
}

/** "KH-UBND" unless the plan gives its own ky_hieu. */
export function planSymbol(data: KeHoach, unit: DonVi | undefined): string {
  return data.ky_hieu ?? `${kindOf(data).abbreviation}-${issuerAbbreviation(unit)}`;
}

/** "QĐ-UBND" unless the decision gives its own ky_hieu. */
export function decisionSymbol(qd: QuyetDinh, unit: DonVi | undefined): string {
  return qd.ky_hieu ?? `QĐ-${issuerAbbreviation(unit)}`;
}
