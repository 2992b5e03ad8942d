// Signature block (ô 7a, 7b) and recipients (ô 9b). Nghị định 30, Phụ lục I, mục II.7a: the
// authority prefixes TM. (thay mặt), TL. (thừa lệnh), TUQ. (thừa ủy quyền), KT. (ký thay),
// Q. (quyền), then the signer's position, upper case. Mục II.9b: "Nơi nhận" lines start with
// "-" and end with ";", the last line "- Lưu: VT, …" ends with ".".
import type { JsonPath } from '../load/types.ts';
import type { ChuKy, NoiNhan } from './source-types.generated.ts';
import type { Recipients, Signature } from './types.ts';
import type { BuildContext } from './context.ts';
import { stringWithEnding, upper } from '../text/case.ts';

export function buildSignature(ky: ChuKy): Signature {
  const lines: string[] = [];
  if (ky.thay_mat) lines.push(`TM. ${ky.thay_mat}`);
  if (ky.thua_lenh) lines.push(`TL. ${ky.thua_lenh}`);
  if (ky.thua_uy_quyen) lines.push(`TUQ. ${ky.thua_uy_quyen}`);
  if (ky.ky_thay) lines.push(`KT. ${ky.ky_thay}`);
  if (ky.quyen) lines.push(`Q. ${ky.quyen}`);
  lines.push(ky.chuc_vu);
  return { lines: lines.map((l) => upper(l.normalize('NFC').trim())), name: (ky.ho_ten ?? '').normalize('NFC').trim() };
}

export function buildRecipients(ctx: BuildContext, noiNhan: NoiNhan, path: JsonPath): Recipients {
  const lines = (noiNhan.danh_sach ?? []).map((r, i) => `- ${stringWithEnding(ctx.text.plain(r, [...path, 'danh_sach', i]), ';')}`);
  const keep = noiNhan.luu.map((l) => l.normalize('NFC').trim().replace(/[;.,]+$/, '')).join(', ');
  lines.push(`- Lưu: ${keep}.`);
  return { lines };
}
