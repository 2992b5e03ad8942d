// registry-contradicts-plan: an entry of data/van-ban that copies a plan of plans/ by hand (the
// same number and symbol, the same issuer, the same year) but says another date or subject. The
// two were entered twice and drifted; the entry should name the plan (`ke_hoach:`) instead.
import path from 'node:path';
import type { Diagnostic } from '../load/diagnostic.ts';
import type { ProjectData, ResolvedSource } from '../load/types.ts';
import { citationOfPlan } from '../model/plan-citation.ts';

function show(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}/${m}/${y}`;
}

/** Issuers compared without "Chủ tịch" (a decision of the Chairman is the committee's document too). */
function issuerKey(s: string | undefined): string {
  return (s ?? '').toLowerCase().replace(/ủy ban nhân dân/g, 'ubnd').replace(/^chủ tịch\s+/, '').replace(/\s+/g, ' ').trim();
}

/** Subjects compared on their words: case, punctuation and a leading "về"/"về việc" do not count. */
function subjectKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^về( việc)? /, '');
}

export function checkRegistryAgainstPlan(src: ResolvedSource, project: ProjectData): Diagnostic[] {
  const own = citationOfPlan(src, project);
  if (!own.so_ky_hieu || !own.ngay) return [];
  const out: Diagnostic[] = [];
  for (const [id, entry] of project.citations) {
    if (entry.so_ky_hieu !== own.so_ky_hieu || !entry.ngay || entry.ngay.slice(0, 4) !== own.ngay.slice(0, 4)) continue;
    if (entry.co_quan && issuerKey(entry.co_quan) !== issuerKey(own.co_quan)) continue; // another issuer's 393/QĐ-UBND
    const differs: string[] = [];
    if (entry.ngay !== own.ngay) differs.push(`ngày ${show(entry.ngay)} (kế hoạch: ${show(own.ngay)})`);
    if (entry.trich_yeu && own.trich_yeu && subjectKey(entry.trich_yeu) !== subjectKey(own.trich_yeu)) {
      differs.push(`trích yếu "${entry.trich_yeu}" (kế hoạch: "${own.trich_yeu}")`);
    }
    if (differs.length === 0) continue;
    const at = project.originOfCitation(id);
    const ref = path.posix.relative(path.posix.dirname(at.file), src.file);
    out.push({
      ...at,
      severity: 'warning',
      rule: 'registry-contradicts-plan',
      message: `văn bản '${id}' (${own.so_ky_hieu}) là ${src.file} nhưng danh mục ghi ${differs.join(', ')}; thay các trường của mục này bằng "ke_hoach: ${ref}" để số, ngày, cơ quan và trích yếu lấy từ chính kế hoạch`,
    });
  }
  return out;
}
