// Issue #11, part 4: a plan in plans/ cited through the citation helper. The registry names the
// plan (`ke_hoach:`), and the citation is made from the plan's own number, date, issuer and
// subject; a registry entry that copies a plan by hand and contradicts it is a warning there.
// Fixtures of our own (a sample province decision and a sample city plan, not real documents).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildDocument } from '../../src/model/build.ts';
import { checkPlan } from '../../src/check/index.ts';
import { loadProject } from '../../src/load/index.ts';
import { planInputs } from '../../src/build/incremental.ts';
import { runsText } from '../../src/text/case.ts';
import type { TextBlock } from '../../src/model/types.ts';
import { CITATIONS, LEVELS, makeProject, plan } from './project-fixture.ts';
import { provinceDecisionPlan } from '../helpers/decision-plan.ts';

const UNITS = `
- { id: quang-ngai, cap: tinh, ten: Quảng Ngãi }
- { id: tinh-phong, cap: xa, ten: Tịnh Phong, thuoc: quang-ngai, tu_ngu: { ubnd_cap_tren: UBND tỉnh } }
- { id: thua-thien-hue, cap: tinh, ten: Thừa Thiên Huế }
- { id: hue, cap: thanh_pho, ten: Huế, thuoc: thua-thien-hue }
- { id: phu-ho, cap: xa, ten: Phú Hồ, thuoc: hue }
`;

const POINTERS = `${CITATIONS}
- id: qd-393-2025-ubnd-quang-ngai
  ke_hoach: ../../plans/qn/tinh/2025-cchc.yaml
- id: kh-1590-2024-ubnd-hue
  ke_hoach: ../../plans/tth/hue/2024-dvctt.yaml
`;

const CITY = plan('', 'don_vi: hue\nloai: ke_hoach\nso: 1590\nngay: 2024-02-27\ntrich_yeu: Nâng cao chất lượng phục vụ năm {{nam}} trên địa bàn {{don_vi.ten_day_du}}\n');

const COMMUNE = `don_vi: tinh-phong
loai: ke_hoach
ngay: 2025-08-01
trich_yeu: Cải cách hành chính năm {{nam}}
can_cu:
  - 'Căn cứ {{van_ban "qd-393-2025-ubnd-quang-ngai" trich_yeu=true}}'
  - 'Căn cứ {{van_ban "kh-1590-2024-ubnd-hue" ngay="chu"}} ({{so_hieu "kh-1590-2024-ubnd-hue"}})'
noi_dung: [{ id: a, noi_dung: 'Theo {{van_ban "qd-393-2025-ubnd-quang-ngai" co_quan=false}}.' }]
`;

const text = (b: TextBlock) => runsText(b.runs);

function project(files: Record<string, string> = {}) {
  return makeProject({
    'data/don-vi/units.yaml': UNITS,
    'data/van-ban/registry.yaml': POINTERS,
    'plans/qn/tinh/2025-cchc.yaml': provinceDecisionPlan('quang-ngai'),
    'plans/tth/hue/2024-dvctt.yaml': CITY,
    'plans/qn/tinh-phong/2025-cchc.yaml': COMMUNE,
    ...files,
  });
}

function built(p: ReturnType<typeof project>, file: string) {
  const r = p.resolve(file);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { src: r.src!, doc: buildDocument(r.src!, p.project).doc!, diagnostics: checkPlan(r.src!, p.project) };
}

describe('citing a plan of plans/ through {{van_ban}}', () => {
  it('makes the citation from the plan itself: a decision plan as its decision, a plan by its number', () => {
    const p = project();
    const { doc, diagnostics } = built(p, 'plans/qn/tinh-phong/2025-cchc.yaml');
    expect(doc.plan.preamble.map(text)).toEqual([
      'Căn cứ Quyết định số 393/QĐ-UBND ngày 14/7/2025 của Chủ tịch UBND tỉnh Quảng Ngãi ban hành Kế hoạch cải cách hành chính năm 2025 trên địa bàn tỉnh Quảng Ngãi;',
      'Căn cứ Kế hoạch số 1590/KH-UBND ngày 27 tháng 02 năm 2024 của UBND thành phố Huế (1590/KH-UBND).',
    ]);
    expect(doc.plan.body.map((b) => (b.type === 'text' ? `${b.label} ${text(b)}` : ''))).toEqual(['I. Theo Quyết định số 393/QĐ-UBND ngày 14/7/2025./.']);
    expect(diagnostics).toEqual([]);
  });

  it('follows the plan when its number or date changes (entered once)', () => {
    const p = project({ 'plans/qn/tinh/2025-cchc.yaml': provinceDecisionPlan('quang-ngai').replace('so: 393', 'so: 402').replace('2025-07-14', '2025-07-16') });
    const { doc } = built(p, 'plans/qn/tinh-phong/2025-cchc.yaml');
    expect(text(doc.plan.preamble[0])).toMatch(/^Căn cứ Quyết định số 402\/QĐ-UBND ngày 16\/7\/2025 của Chủ tịch UBND tỉnh Quảng Ngãi ban hành/);
    expect(JSON.stringify(doc)).not.toMatch(/393/);
  });

  it('counts the cited plan among the inputs of the build record', () => {
    const { src } = built(project(), 'plans/qn/tinh-phong/2025-cchc.yaml');
    expect([...planInputs(src).keys()]).toEqual(['plans/qn/tinh-phong/2025-cchc.yaml', 'plans/qn/tinh/2025-cchc.yaml', 'plans/tth/hue/2024-dvctt.yaml']);
  });

  it('serves thuc_hien.van_ban too', () => {
    const p = project({ 'plans/qn/tinh-phong/2025-cchc.yaml': COMMUNE.replace(/can_cu:\n(  - .*\n)+/, 'thuc_hien: { van_ban: qd-393-2025-ubnd-quang-ngai }\n') });
    const { doc } = built(p, 'plans/qn/tinh-phong/2025-cchc.yaml');
    expect(doc.plan.preamble.map(text)).toEqual([
      'Thực hiện Quyết định số 393/QĐ-UBND ngày 14/7/2025 của Chủ tịch UBND tỉnh Quảng Ngãi ban hành Kế hoạch cải cách hành chính năm 2025 trên địa bàn tỉnh Quảng Ngãi.',
    ]);
  });

  it('reports a cited plan that has errors at the text that cites it', () => {
    const p = project({ 'plans/qn/tinh/2025-cchc.yaml': provinceDecisionPlan('quang-ngai').replace('ngay: 2025-07-14\n', '') });
    const r = p.resolve('plans/qn/tinh-phong/2025-cchc.yaml');
    expect(r.diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([
      ['plans/qn/tinh/2025-cchc.yaml', 1, 'schema-required'],
      ['plans/qn/tinh-phong/2025-cchc.yaml', 6, 'cited-plan-invalid'],
    ]);
  });
});

describe('a registry entry against the plan it copies (registry-contradicts-plan)', () => {
  const COPY = (ngay: string, trichYeu: string, coQuan = 'Chủ tịch UBND tỉnh Quảng Ngãi') => `${CITATIONS}
- id: qd-393-2025-qn
  loai: Quyết định
  so_ky_hieu: 393/QĐ-UBND
  ngay: ${ngay}
  co_quan: ${coQuan}
  trich_yeu: ${trichYeu}
`;
  const check = (registry: string) => {
    const p = project({ 'data/van-ban/registry.yaml': registry, 'plans/qn/tinh-phong/2025-cchc.yaml': plan('', 'don_vi: tinh-phong\nloai: ke_hoach\nngay: 2025-08-01\ntrich_yeu: X\n') });
    return built(p, 'plans/qn/tinh/2025-cchc.yaml').diagnostics.filter((d) => d.rule === 'registry-contradicts-plan');
  };

  it('warns at the entry when its date or subject differs from the plan', () => {
    const d = check(COPY('2025-07-15', 'ban hành Kế hoạch cải cách hành chính năm 2025 trên địa bàn tỉnh Quảng Ngãi'));
    expect(d.map((x) => [x.file, x.line, x.severity, x.message])).toEqual([
      [
        'data/van-ban/registry.yaml',
        19, // the entry's id line
        'warning',
        "văn bản 'qd-393-2025-qn' (393/QĐ-UBND) là plans/qn/tinh/2025-cchc.yaml nhưng danh mục ghi ngày 15/7/2025 (kế hoạch: 14/7/2025); thay các trường của mục này bằng \"ke_hoach: ../../plans/qn/tinh/2025-cchc.yaml\" để số, ngày, cơ quan và trích yếu lấy từ chính kế hoạch",
      ],
    ]);
    expect(check(COPY('2025-07-14', 'ban hành Kế hoạch cải cách thủ tục hành chính năm 2025'))[0].message).toMatch(/trích yếu "ban hành Kế hoạch cải cách thủ tục hành chính năm 2025"/);
  });

  it('is silent for a faithful copy and for another issuer’s document of the same number', () => {
    expect(check(COPY('2025-07-14', 'Ban hành Kế hoạch cải cách hành chính năm 2025 trên địa bàn tỉnh Quảng Ngãi.'))).toEqual([]);
    expect(check(COPY('2025-03-02', 'về việc khác', 'Chủ tịch UBND tỉnh Gia Lai'))).toEqual([]);
  });
});

describe('registry entries that name a plan', () => {
  const load = (registry: string) => {
    const root = mkdtempSync(join(tmpdir(), 'kehoach-cite-'));
    for (const [rel, content] of Object.entries({ 'data/cap.yaml': LEVELS, 'data/van-ban/r.yaml': registry })) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), content);
    }
    return loadProject(root).diagnostics.map((d) => [d.file, d.line, d.rule, d.message]);
  };

  it('is an error when the plan is missing or outside plans/', () => {
    expect(load('- { id: a, ke_hoach: ../../plans/x/y.yaml }\n- { id: b, ke_hoach: ../cap.yaml }\n')).toEqual([
      ['data/van-ban/r.yaml', 1, 'cited-plan-missing', "văn bản 'a': không tìm thấy kế hoạch '../../plans/x/y.yaml' (tức 'plans/x/y.yaml'), đường dẫn tính từ data/van-ban/r.yaml"],
      ['data/van-ban/r.yaml', 2, 'cited-plan-missing', "văn bản 'b': ke_hoach '../cap.yaml' (tức 'data/cap.yaml') nằm ngoài thư mục plans/; chỉ trích dẫn qua danh mục kế hoạch trong plans/"],
    ]);
  });

  it('refuses facts written beside ke_hoach', () => {
    const d = load('- { id: a, ke_hoach: ../../plans/x/y.yaml, ngay: 2025-07-14 }\n');
    expect(d.length).toBeGreaterThan(0);
    expect(d[0][2]).toMatch(/^schema-/);
  });
});
