// A plan in plans/ cited through the registry (data/van-ban: `- { id, ke_hoach: <path> }`). The
// citation is made from the plan's own data, so the decision is entered once, as a plan, and its
// number, date, issuer and subject cannot drift from a second copy in the registry.
import type { ProjectData, ResolvedSource } from '../load/types.ts';
import type { VanBanTrichDan } from './source-types.generated.ts';
import { projectOn } from '../load/units-in-time.ts';
import { decisionSymbol, kindOf, planSymbol } from './identity.ts';
import { decisionDate, issuerName } from './promulgation.ts';
import { unitNames } from '../template/unit-names.ts';
import { renderOwnText } from './implemented.ts';
import { lowerFirst, sentenceCase } from '../text/case.ts';
import { numberAndSymbol, parseDate } from './dates.ts';

function isoOf(d: { year: number; month?: number; day?: number } | undefined): string | undefined {
  if (!d || d.month === undefined || d.day === undefined) return undefined;
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * The registry entry a plan stands for. A plan promulgated by a decision is cited as that decision
 * ("Quyết định số 393/QĐ-UBND ngày 14/7/2025 của Chủ tịch UBND tỉnh Quảng Ngãi ban hành Kế hoạch
 * …"); a plan of its own as "Kế hoạch số 1590/KH-UBND ngày 27/02/2024 của UBND thành phố Huế về …".
 * A draft without a number has none in its citation ("Kế hoạch ngày …").
 */
export function citationOfPlan(other: ResolvedSource, current: ProjectData): VanBanTrichDan & { id: string } {
  const data = other.data;
  const project = projectOn(current, data.ngay);
  const unit = data.don_vi ? project.units.get(data.don_vi) : undefined;
  const kind = kindOf(data).name;
  const entry: VanBanTrichDan = { id: other.file, loai: kind };
  if (data.quyet_dinh) {
    const qd = data.quyet_dinh;
    entry.loai = 'Quyết định';
    if (typeof qd.so === 'number') entry.so_ky_hieu = numberAndSymbol(qd.so, decisionSymbol(qd, unit));
    const date = isoOf(decisionDate(data));
    if (date) entry.ngay = date;
    const issuer = issuerName(qd, unit, project.levels);
    if (issuer) entry.co_quan = issuer;
    const title =
      qd.trich_yeu !== undefined
        ? renderOwnText(other, current, qd.trich_yeu, ['quyet_dinh', 'trich_yeu'])
        : `Ban hành ${data.ten_loai ? sentenceCase(data.ten_loai) : kind} ${lowerFirst(renderOwnText(other, current, data.trich_yeu, ['trich_yeu']))}`;
    if (title.trim()) entry.trich_yeu = lowerFirst(title.trim());
    return entry as VanBanTrichDan & { id: string };
  }
  if (typeof data.so === 'number') entry.so_ky_hieu = numberAndSymbol(data.so, planSymbol(data, unit));
  const date = isoOf(parseDate(data.ngay));
  if (date) entry.ngay = date;
  if (unit) entry.co_quan = unitNames(unit, project.levels).ubnd;
  const subject = renderOwnText(other, current, data.trich_yeu, ['trich_yeu']);
  if (subject) entry.trich_yeu = `về ${lowerFirst(subject)}`;
  return entry as VanBanTrichDan & { id: string };
}

/** The project as `src` sees it: the registry ids it cites that name plans stand for those plans. */
export function withCitedPlans(project: ProjectData, src: ResolvedSource): ProjectData {
  if (!src.cites?.size) return project;
  const citations = new Map(project.citations);
  for (const [id, plan] of src.cites) citations.set(id, { ...citationOfPlan(plan, project), id });
  return { ...project, citations };
}
