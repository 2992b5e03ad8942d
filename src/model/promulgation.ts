// Who promulgates a plan by decision, and how that decision is named. A decision is issued either
// by the Chairman (Chủ tịch UBND tỉnh … signs in his own name: "CHỦ TỊCH" or "KT. CHỦ TỊCH") or by
// the People's Committee as a body ("TM. ỦY BAN NHÂN DÂN"); the "(Ban hành kèm theo Quyết định …
// của …)" line and every citation of the plan name that issuer (Nghị định 30, Phụ lục I, mục II.6b:
// a citation gives type, number-symbol, date and issuer).
import type { DonVi, KeHoach, QuyetDinh } from './source-types.generated.ts';
import type { Levels } from '../load/units-in-time.ts';
import { decisionSymbol } from './identity.ts';
import { longDate, numberAndSymbol, numericDate, parseDate, type PartialDate } from './dates.ts';
import { unitNames } from '../template/unit-names.ts';
import type { ProjectData, ResolvedSource } from '../load/types.ts';
import { formatCitation } from './citation.ts';
import { planCitation } from './implemented.ts';

export type Issuer = 'chu_tich' | 'ubnd';

/** Explicit `ban_hanh_boi`, else read from the signature: "TM." is the body, otherwise its Chairman. */
export function decisionIssuer(qd: QuyetDinh): Issuer {
  if (qd.ban_hanh_boi) return qd.ban_hanh_boi;
  return qd.ky?.thay_mat ? 'ubnd' : 'chu_tich';
}

/** "Chủ tịch UBND tỉnh Quảng Ngãi" or "UBND xã Cam Hiệp". */
export function issuerName(qd: QuyetDinh, unit: DonVi | undefined, levels: Levels, fallback = ''): string {
  const ubnd = unit ? unitNames(unit, levels).ubnd : fallback;
  return decisionIssuer(qd) === 'chu_tich' ? `Chủ tịch ${ubnd}` : ubnd;
}

/** The authority line under the title: "ỦY BAN NHÂN DÂN XÃ CAM HIỆP" or "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …". */
export function defaultAuthority(qd: QuyetDinh, issuingAgency: readonly string[]): string {
  const body = issuingAgency.join(' ');
  return decisionIssuer(qd) === 'chu_tich' ? `CHỦ TỊCH ${body}` : body;
}

/** The decision's date: its own `ngay`, else the plan's. */
export function decisionDate(data: KeHoach): PartialDate | undefined {
  return parseDate(data.quyet_dinh?.ngay) ?? parseDate(data.ngay);
}

/** "Quyết định số 393/QĐ-UBND ngày 14/7/2025 của Chủ tịch UBND tỉnh Quảng Ngãi" (`dateForm` "chu": long date). */
export function decisionReference(data: KeHoach, unit: DonVi | undefined, levels: Levels, dateForm: 'so' | 'chu' = 'so'): string {
  const qd = data.quyet_dinh!;
  let out = `Quyết định số ${numberAndSymbol(qd.so, decisionSymbol(qd, unit))}`;
  const date = decisionDate(data);
  if (date) out += ' ' + (dateForm === 'chu' ? longDate(date) : date.day !== undefined ? `ngày ${numericDate(date)}` : longDate(date));
  const issuer = issuerName(qd, unit, levels);
  if (issuer) out += ` của ${issuer}`;
  return out;
}

/**
 * The edition a decision replaces (quyet_dinh.thay_the), cited as the Điều on effect names it:
 * "Quyết định số 1546/QĐ-UBND ngày 04/12/2024 của Chủ tịch UBND tỉnh Quảng Ngãi" — from that
 * plan's own data (a plan in plans/) or from the citation registry.
 */
export function replacedCitation(src: ResolvedSource, project: ProjectData): string | undefined {
  const tt = src.data.quyet_dinh?.thay_the;
  if (!tt) return undefined;
  if (tt.van_ban) {
    const entry = project.citations.get(tt.van_ban);
    return entry ? formatCitation(entry) : undefined;
  }
  const old = src.replaces;
  if (!old) return undefined;
  const unit = old.data.don_vi ? project.units.get(old.data.don_vi) : undefined;
  return old.data.quyet_dinh ? decisionReference(old.data, unit, project.levels) : planCitation(old, project);
}
