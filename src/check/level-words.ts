// level-words: a child plan at another administrative level (a ward under the city) renders the
// parent's text in its own context, so the city's "Các cơ quan chuyên môn thuộc UBND thành phố;
// UBND các phường, xã" becomes the ward's wording — unless the parent typed that wording instead
// of taking it from data/cap.yaml. Such inherited text is flagged where it was written, so it can
// be moved into the level vocabulary or overridden in the child. Citations are not level wording.
import type { Diagnostic } from '../load/diagnostic.ts';
import type { ProjectData, ResolvedSource } from '../load/types.ts';
import { typedText, type RenderedText } from '../template/render.ts';
import { levelWords, unitNames } from '../template/unit-names.ts';
import { projectOn } from '../load/units-in-time.ts';

/**
 * Vocabulary keys that name the issuing level itself and its own bodies. Keys naming other
 * bodies (the superior UBND, the finance or culture office a ward may work with) are not level
 * wording: a ward plan may rightly mention "UBND tỉnh" or the city's "Phòng Văn hóa và Thông tin".
 */
const SELF_KEYS = ['ubnd', 'co_quan_thuc_hien', 'chu_tri_chi_tieu', 'van_phong', 'van_phong_tham_muu', 'don_vi_trien_khai', 'danh_gia_tthc'];

/** Phrases that name the parent's level (its vocabulary and its own names) but not the child's. */
function parentLevelPhrases(src: ResolvedSource, project: ProjectData): string[] {
  const parentProject = src.parent ? projectOn(project, src.parent.data.ngay) : project;
  const parentUnit = src.parent?.data.don_vi ? parentProject.units.get(src.parent.data.don_vi) : undefined;
  const childUnit = src.data.don_vi ? project.units.get(src.data.don_vi) : undefined;
  if (!parentUnit || !childUnit || parentUnit.cap === childUnit.cap) return [];
  const parentWords = levelWords(parentUnit, parentProject.levels, parentProject.units);
  const childWords = levelWords(childUnit, project.levels, project.units);
  const childValues = new Set(Object.values(childWords));
  const names = unitNames(parentUnit, parentProject.levels);
  const phrases = new Set<string>([names.ubnd, names.uy_ban, `UBND ${names.cap}`, `địa bàn ${names.cap}`, `toàn ${names.cap}`]);
  for (const key of SELF_KEYS) {
    const value = parentWords[key];
    if (typeof value !== 'string' || childWords[key] === value) continue;
    for (const part of [value, ...value.split(';')]) if (part.trim().split(/\s+/).length >= 2) phrases.add(part.trim());
  }
  return [...phrases].filter((p) => p && !childValues.has(p) && !unitNames(childUnit, project.levels).ubnd.includes(p));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function checkLevelWords(src: ResolvedSource, project: ProjectData, texts: readonly RenderedText[]): Diagnostic[] {
  const phrases = parentLevelPhrases(src, project);
  if (phrases.length === 0) return [];
  // Longest first so "UBND thành phố Huế" is reported rather than its prefix.
  const pattern = new RegExp(`(?<![\\p{L}])(${phrases.sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}])`, 'iu');
  const out: Diagnostic[] = [];
  // Every rendered text: body, every annex cell, Nơi nhận. What a helper generated (a citation,
  // a unit's name, {{rieng "…"}}) is a deliberate fact, marked in the source, and is not read.
  for (const t of texts) {
    if (t.origin.file === src.file) continue; // the child's own words are its own choice
    const m = pattern.exec(typedText(t));
    if (!m) continue;
    const item = t.path.filter((p) => typeof p === 'string').join('.');
    out.push({
      ...t.origin,
      severity: 'warning',
      rule: 'level-words',
      message:
        `Văn bản kế thừa (${item}) còn từ ngữ của cấp trên: "${m[1]}" — kế hoạch ${src.file} ở cấp khác; ` +
        `đưa từ ngữ này vào data/cap.yaml ({{cap.…}}), viết lời theo cấp ({{theo_cap cap_xa="…" khac="…"}}), ` +
        `giữ nguyên có chủ ý bằng {{rieng "…"}} (tên riêng, trích dẫn), hoặc ghi đè mục này trong kế hoạch con`,
    });
  }
  out.push(...inheritedSigner(src, project));
  return out;
}

/** A signature block that names the parent's signer never fits a child. */
function inheritedSigner(src: ResolvedSource, project: ProjectData): Diagnostic[] {
  const parentUnit = src.parent?.data.don_vi;
  // A generic block ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", no name) fits any unit; a named signer does not.
  if (!src.data.ky?.ho_ten || !parentUnit || parentUnit === src.data.don_vi) return [];
  const at = src.origin(['ky']);
  if (at.file === src.file) return [];
  const names = unitNames(project.units.get(parentUnit) ?? { id: parentUnit, cap: 'xa', ten: parentUnit }, project.levels);
  return [
    {
      ...at,
      severity: 'warning',
      rule: 'level-words',
      message: `Khối chữ ký (ky) kế thừa của ${names.ubnd} (${[src.data.ky.chuc_vu, src.data.ky.ho_ten].filter(Boolean).join(' ')}); ghi ky: của đơn vị mình trong ${src.file}`,
    },
  ];
}
