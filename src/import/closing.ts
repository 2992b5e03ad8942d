// The closing block: Nơi nhận (ô 9a, 9b) and the signature (ô 7a–7c: TM./KT./Q./TL./TUQ.,
// position, name). On a page they stand side by side, so copied text gives them in either order.
import type { ChuKy, NoiNhan } from '../model/source-types.generated.ts';
import type { Block, Para } from './blocks.ts';
import { isAgencyLine, isUpper } from './header.ts';
import { withoutEnding } from './text.ts';

export interface Closing {
  noiNhan?: NoiNhan & { luu?: string[] };
  ky?: ChuKy;
  /** Index of the first paragraph after the closing block. */
  next: number;
  /** Agency lines seen there (some portals print the header's agency after the signature). */
  agency: string[];
}

const AUTHORITY = /^(TM|KT|Q|TL|TUQ)\.\s*(.+)$/u;
const FIELD: Record<string, keyof ChuKy> = { TM: 'thay_mat', KT: 'ky_thay', Q: 'quyen', TL: 'thua_lenh', TUQ: 'thua_uy_quyen' };

export const isRecipientsHeading = (p: Para) => /^Nơi nhận\s*:?$/iu.test(p.plain);
export const isSignatureStart = (p: Para) => AUTHORITY.test(p.plain);

/** True for the paragraph that opens a closing block. */
export function opensClosing(p: Para): boolean {
  return isRecipientsHeading(p) || isSignatureStart(p);
}

/** Reads Nơi nhận and the signature from `from` on, stopping at `isEnd` or anything else. */
export function readClosing(blocks: Block[], from: number, isEnd: (p: Para) => boolean): Closing {
  const paras = blocks.map((b) => (b.kind === 'p' ? b : undefined));
  const out: Closing = { next: from, agency: [] };
  let i = from;
  while (i < paras.length) {
    const p = paras[i];
    if (!p || isEnd(p)) break;
    if (isRecipientsHeading(p)) {
      const danh: string[] = [];
      let luu: string[] | undefined;
      i++;
      while (i < paras.length && /^[-–•]/.test(paras[i]?.plain ?? '')) {
        const line = withoutEnding(paras[i]!.plain.replace(/^[-–•]\s*/, ''));
        const m = /^Lưu\s*:?\s*(.*)$/iu.exec(line);
        if (m) luu = m[1].split(/\s*,\s*/).map((s) => s.trim()).filter(Boolean);
        else danh.push(line);
        i++;
      }
      out.noiNhan = { danh_sach: danh, ...(luu ? { luu } : {}) } as Closing['noiNhan'];
      continue;
    }
    if (isSignatureStart(p) || (out.ky === undefined && out.noiNhan && isUpper(p.plain) && /CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG/u.test(p.plain))) {
      const ky: Partial<ChuKy> = {};
      while (i < paras.length && paras[i]) {
        const t = (paras[i]?.plain ?? '').replace(/\s+/g, ' ').trim();
        const m = AUTHORITY.exec(t);
        if (m) ky[FIELD[m[1]]] = m[2].trim() as never;
        else if (/^\(?\s*đã ký\s*\)?$/iu.test(t) || /^\[.*\]$/.test(t)) {
          // "(Đã ký)", a stamp placeholder: not part of the block.
        } else if (isUpper(t) && !ky.ho_ten && !isAgencyLine(t)) ky.chuc_vu = t;
        else if (!isUpper(t) && t.split(' ').length <= 6 && !ky.ho_ten) {
          ky.ho_ten = t;
          i++;
          break;
        } else break;
        i++;
      }
      // "KT. CHỦ TỊCH" with no position line after it: the signer is the one named.
      if (!ky.chuc_vu && ky.ky_thay) {
        ky.chuc_vu = ky.ky_thay;
        delete ky.ky_thay;
      }
      out.ky = ky as ChuKy;
      continue;
    }
    if (isAgencyLine(p.plain) && isUpper(p.plain)) {
      out.agency.push(p.plain);
      i++;
      continue;
    }
    break;
  }
  out.next = i;
  return out;
}
