// 200 commune plans derived from one city plan must each build (model + checks) well under 30 ms.
import { describe, expect, it } from 'vitest';
import { makeProject, UNITS } from './project-fixture.ts';
import { buildAndCheck } from '../../src/check/index.ts';
import { expectWithin } from '../helpers/budget.ts';

const N = 200;

function cityPlan(): string {
  const items = Array.from({ length: 8 }, (_, i) =>
    `  - id: muc-${i}\n    tieu_de: Mục ${i} của {{don_vi.ten_day_du}}\n    muc:\n` +
    Array.from({ length: 6 }, (_, k) => `      - id: m-${i}-${k}\n        noi_dung: "**Nhiệm vụ** {{cap.ubnd}} năm {{nam}}, theo {{van_ban \\"qd-766-2022-ttg\\"}} số ${k}."\n        gach: [\"Ý một {{don_vi.ten}}\", \"Ý hai *nghiêng*\"]\n`).join(''),
  ).join('');
  const rows = Array.from({ length: 30 }, (_, i) => `        - id: r-${i}\n          o: { ten: \"Chỉ tiêu ${i} của {{don_vi.ten}}\", dvt: "%", chi-tieu: Tối thiểu ${40 + (i % 50)} }\n`).join('');
  return `don_vi: hue\nloai: ke_hoach\nso: 1590\nngay: 2024-02-27\ntrich_yeu: Nâng cao chất lượng trên địa bàn {{don_vi.ten_day_du}}\ncan_cu: ['Căn cứ {{van_ban "nq-01-2024-cp" trich_yeu=true}}']\nnoi_dung:\n${items}loi_ket: Trong quá trình thực hiện báo cáo.\nky: { chuc_vu: CHỦ TỊCH, thay_mat: ỦY BAN NHÂN DÂN }\nnoi_nhan: { danh_sach: [A, B], luu: [VT] }\nphu_luc:\n  - id: pl\n    tieu_de: Chỉ tiêu\n    bang:\n      cot: [{ id: stt, kieu: stt }, { id: ten }, { id: dvt }, { id: chi-tieu, kieu: chi_tieu }]\n      dong:\n${rows}`;
}

describe('performance', () => {
  it(`builds ${N} commune plans in well under 30 ms each`, () => {
    const units = UNITS + Array.from({ length: N }, (_, i) => `- id: xa-${i}\n  cap: xa\n  ten: Xã Số ${i}\n  thuoc: hue\n`).join('');
    const files: Record<string, string> = { 'data/don-vi/units.yaml': units, 'plans/hue/2024.yaml': cityPlan() };
    for (let i = 0; i < N; i++) {
      files[`plans/xa-${i}/2024.yaml`] = `ke_thua: ../hue/2024.yaml\ndon_vi: xa-${i}\nso: ${i + 1}\nngay: 2024-03-18\nphu_luc:\n  - id: pl\n    bang:\n      dong:\n        - { id: r-1, o: { chi-tieu: Tối thiểu ${41 + (i % 3)} } }\n`;
    }
    const f = makeProject(files);
    const sources = Array.from({ length: N }, (_, i) => f.resolve(`plans/xa-${i}/2024.yaml`).src!);
    expect(f.resolve(`plans/xa-0/2024.yaml`).diagnostics).toEqual([]);
    buildAndCheck(sources[0], f.project); // warm-up: JIT, compile caches
    const t0 = performance.now();
    let blocks = 0;
    for (const src of sources) {
      const res = buildAndCheck(src, f.project);
      expect(res.diagnostics).toEqual([]);
      blocks += res.doc!.plan.body.length;
    }
    const perPlan = (performance.now() - t0) / N;
    expect(blocks).toBe(N * (8 * (1 + 6 * 3) + 1));
    expectWithin(perPlan, 10, 'model + checks per plan');
    if (process.env.KEHOACH_PERF) console.log(`${perPlan.toFixed(2)} ms per plan`);
  });
});
