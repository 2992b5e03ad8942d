// district-level-words: since 1 July 2025 there are no districts (Luật Tổ chức chính quyền địa
// phương 2025: the province and the commune). A plan dated on or after that day that still speaks
// of "cấp huyện" or "UBND các huyện, thị xã, thành phố" addresses bodies that no longer exist —
// usually a sentence copied from last year's plan. The cited title of an older document keeps its
// words, so the check skips what helpers generated ({{van_ban … trich_yeu=true}}, {{thuc_hien}}),
// the căn cứ lines, and a typed reference to a numbered document in the same clause
// ("Kế hoạch số 12/KH-UBND … của UBND huyện Phú Vang").
import type { Diagnostic } from '../load/diagnostic.ts';
import type { ResolvedSource } from '../load/types.ts';
import { dateKey } from '../load/units-in-time.ts';
import { typedText, type RenderedText } from '../template/render.ts';
import { locate, SourceFiles } from './source-lines.ts';

export const TWO_LEVEL_FROM = '2025-07-01';

const DISTRICT = /(?<![\p{L}])(cấp huyện|(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)(?: các)? (?:huyện|quận|thị xã)(?:, (?:thị xã|thành phố|quận|huyện))*)(?![\p{L}])/giu;

/** A numbered document named earlier in the same clause: what follows is its issuer or title. */
const CITED = /(?:Kế hoạch|Quyết định|Nghị quyết|Công văn|Chỉ thị|Thông báo|Văn bản|Báo cáo|Hướng dẫn)(?: hành động)? (?:số )?\d+[^;.]*$/iu;

const inCitationList = (t: RenderedText) => t.path[0] === 'can_cu' || (t.path[0] === 'quyet_dinh' && t.path[1] === 'can_cu');

export function checkDistrictWords(src: ResolvedSource, texts: readonly RenderedText[], root: string): Diagnostic[] {
  if (dateKey(src.data.ngay) < TWO_LEVEL_FROM) return [];
  const files = new SourceFiles(root);
  const out: Diagnostic[] = [];
  for (const t of texts) {
    if (inCitationList(t)) continue;
    const typed = typedText(t);
    for (const m of typed.matchAll(DISTRICT)) {
      if (CITED.test(typed.slice(0, m.index))) continue;
      const at = locate(files.lines(t.origin.file), t.origin.line, t.origin.col, m[1]) ?? t.origin;
      out.push({
        file: t.origin.file,
        ...at,
        severity: 'warning',
        rule: 'district-level-words',
        message:
          `"${m[1]}": từ ngày 01/7/2025 không còn cấp huyện (chính quyền địa phương hai cấp), kế hoạch ngày ${src.data.ngay} không giao việc cho cấp này; ` +
          `dùng từ ngữ theo cấp ({{cap.co_quan_thuc_hien}}, "UBND các xã, phường, đặc khu"), hoặc nếu là tên văn bản cũ được trích dẫn thì dùng {{van_ban "…"}}`,
      });
    }
  }
  return out;
}
