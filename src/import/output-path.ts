// Where `kehoach import` writes when no --out is given: plans/<tỉnh>/<đơn vị>/<năm>-<chủ đề>.yaml,
// the project's layout (README, Folders).
import type { ProjectData } from '../load/types.ts';
import type { KeHoach } from '../model/source-types.generated.ts';
import { foldWords } from './slug.ts';

const SKIP = new Set(['ke', 'hoach', 'nam', 'tren', 'dia', 'ban', 've', 'viec', 'cac', 'va', 'thuc', 'hien', 'cua', 'trong', 'nang', 'cao']);

export function defaultImportPath(plan: Partial<KeHoach>, project: ProjectData): string {
  let unit = project.units.get(plan.don_vi ?? '');
  const unitId = unit?.id ?? 'don-vi';
  while (unit?.thuoc && project.units.get(unit.thuoc)) unit = project.units.get(unit.thuoc);
  const province = unit?.id ?? unitId;
  const year = (plan.ngay ?? '').slice(0, 4) || 'nam';
  const topic = foldWords((plan.trich_yeu ?? '').replace(/\{\{[^}]*\}\}/g, ''))
    .filter((w) => !SKIP.has(w) && !/^\d+$/.test(w))
    .slice(0, 3)
    .join('-') || 'ke-hoach';
  return `plans/${province}/${unitId}/${year}-${topic}.yaml`;
}
