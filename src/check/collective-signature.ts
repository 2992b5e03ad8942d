// Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.7a–b: a body under the collective regime (Ủy ban nhân
// dân) signs "TM. ỦY BAN NHÂN DÂN" above the signer's title, and a deputy signing for the head adds
// "KT. CHỦ TỊCH" under it. A UBND plan signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" without the "TM." line
// reads as the Chairman's own document, which a Kế hoạch of the committee is not. Warned, not
// refused: many communes sign so, and a plan copied from one keeps its wording when accepted.
import type { Diagnostic } from '../load/diagnostic.ts';
import type { ResolvedSource } from '../load/types.ts';
import type { ChuKy } from '../model/source-types.generated.ts';
import type { JsonPath } from '../load/types.ts';
import { decisionIssuer } from '../model/promulgation.ts';

export const COLLECTIVE_SIGNATURE_RULE = 'collective-signature';

const isUbnd = (agency: string | undefined) => !!agency && /^(ỦY|UỶ) BAN NHÂN DÂN\b/u.test(agency.normalize('NFC').toLocaleUpperCase('vi'));

/** Signed for the head (KT.) without the body's TM. line. */
function missesCollective(ky: ChuKy | undefined): boolean {
  return !!ky && !!ky.ky_thay && !ky.thay_mat;
}

export function checkCollectiveSignature(src: ResolvedSource, issuingAgency: readonly string[] | undefined): Diagnostic[] {
  if (!issuingAgency?.some(isUbnd)) return [];
  const out: Diagnostic[] = [];
  const warn = (path: JsonPath, ky: ChuKy, what: string) => {
    const at = src.originOfKey?.(path) ?? src.origin(path);
    if (at.file !== src.file) return; // a parent's signature is reported when the parent is checked
    out.push({
      ...at,
      severity: 'warning',
      rule: COLLECTIVE_SIGNATURE_RULE,
      message:
        `${what} của Ủy ban nhân dân ký "KT. ${ky.ky_thay}" mà không có dòng "TM. ỦY BAN NHÂN DÂN" (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.7: ` +
        `thẩm quyền tập thể): thêm "thay_mat: ỦY BAN NHÂN DÂN" vào ${path.join('.')}, ` +
        `hoặc giữ nguyên như văn bản gốc bằng chú thích "# kehoach-bo-qua: ${COLLECTIVE_SIGNATURE_RULE}" ở dòng này`,
    });
  };
  if (missesCollective(src.data.ky)) warn(['ky'], src.data.ky!, 'Kế hoạch');
  // A decision without "TM." is the Chairman's (ban_hanh_boi read from the signature): warned
  // only when it says the committee issues it.
  const qd = src.data.quyet_dinh;
  if (qd && missesCollective(qd.ky) && decisionIssuer(qd) === 'ubnd') warn(['quyet_dinh', 'ky'], qd.ky, 'Quyết định');
  return out;
}
