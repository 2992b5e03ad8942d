// A throw-away project on disk (data/ + plans/) loaded with the real loader, so model and check
// tests see the positions and inheritance the compiler sees.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadProject, resolvePlan } from '../../src/load/index.ts';
import type { Diagnostic } from '../../src/load/diagnostic.ts';
import type { ProjectData, ResolvedSource } from '../../src/load/types.ts';

export const UNITS = `
- id: thua-thien-hue
  cap: tinh
  ten: Thừa Thiên Huế
- id: hue
  cap: thanh_pho
  ten: Huế
  thuoc: thua-thien-hue
- id: phu-vang
  cap: huyen
  ten: Phú Vang
  thuoc: thua-thien-hue
- id: phu-ho
  cap: xa
  ten: Phú Hồ
  thuoc: phu-vang
- id: cam-hiep
  cap: xa
  ten: Cam Hiệp
`;

export const LEVELS = `
tinh: { ten: tỉnh, ubnd: UBND tỉnh }
thanh_pho: { ten: thành phố, ubnd: UBND thành phố }
huyen: { ten: huyện, ubnd: UBND huyện }
xa: { ten: xã, ubnd: UBND xã }
`;

export const CITATIONS = `
- id: qd-766-2022-ttg
  loai: Quyết định
  so_ky_hieu: 766/QĐ-TTg
  ngay: 2022-06-23
  co_quan: Thủ tướng Chính phủ
  trich_yeu: về phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp
- id: nq-01-2024-cp
  loai: Nghị quyết
  so_ky_hieu: 01/NQ-CP
  ngay: 2024-01-05
  co_quan: Chính phủ
  trich_yeu: về nhiệm vụ, giải pháp chủ yếu năm 2024
- id: luat-tccqdp-2025
  loai: Luật
  ten: Tổ chức chính quyền địa phương
  ngay: 2025-06-16
`;

/** A city plan of Huế (sample) that children of Phú Hồ implement; tests add their annex to it. */
export const HUE_PARENT = `don_vi: hue
loai: ke_hoach
so: 1590
ngay: 2024-02-27
trich_yeu: Chỉ tiêu
noi_dung: [{ id: a, tieu_de: A }]
`;

export interface Fixture {
  root: string;
  project: ProjectData;
  resolve(file: string): { src?: ResolvedSource; diagnostics: Diagnostic[] };
}

/** files: project-relative path → content. data/ gets the defaults above unless given. */
export function makeProject(files: Record<string, string>): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'kehoach-model-'));
  const all: Record<string, string> = {
    'data/don-vi/units.yaml': UNITS,
    'data/cap.yaml': LEVELS,
    'data/van-ban/registry.yaml': CITATIONS,
    ...files,
  };
  for (const [rel, content] of Object.entries(all)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  const loaded = loadProject(root);
  if (loaded.diagnostics.length > 0) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  const project = loaded.value!;
  const cache = new Map();
  return {
    root,
    project,
    resolve(file) {
      const r = resolvePlan(root, file, project, cache);
      return { src: r.value, diagnostics: r.diagnostics };
    },
  };
}

/**
 * A minimal valid plan: five head lines, then `extra` from line 6 on (an empty noi_dung is added
 * at the end when `extra` has none).
 */
export function plan(extra = '', head = 'don_vi: phu-ho\nloai: ke_hoach\nso: 50\nngay: 2024-03-18\ntrich_yeu: Nâng cao chất lượng năm {{nam}}\n'): string {
  return `${head}${extra}${/^noi_dung:/m.test(extra) ? '' : 'noi_dung: []\n'}`;
}
