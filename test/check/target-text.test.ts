// Issue #11, part 2: one datum per target. Text that states a target reads it through
// {{chi_tieu "row-id"}}, so a child raising the target changes every sentence; a number typed in a
// sentence that equals the superior's changed target is a warning.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject, resolvePlan } from '../../src/load/index.ts';
import { buildAndCheck } from '../../src/check/index.ts';
import { renderText as documentText } from '../../src/write/text/index.ts';
import { repoRoot } from '../helpers/cli.ts';
import { makeProject, plan } from '../model/project-fixture.ts';

const CITY = 'plans/thua-thien-hue/hue/2024-dvctt.yaml';

/** The real plans and data in a temp folder, plus `files`; each plan resolved and checked in process. */
function realProject(files: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), 'kehoach-targets-'));
  cpSync(path.join(repoRoot, 'data'), path.join(root, 'data'), { recursive: true });
  cpSync(path.join(repoRoot, 'plans'), path.join(root, 'plans'), { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  const project = loadProject(root).value!;
  return (file: string) => {
    const r = resolvePlan(root, file, project);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return buildAndCheck(r.value!, project);
  };
}

const WARD = (extra: string) => `ke_thua: ../hue/2024-dvctt.yaml
don_vi: hue-thuy-bang
so: null
ngay: "2024"
can_cu: []
thuc_hien: { ke_hoach: ../hue/2024-dvctt.yaml }
${extra}`;

const RAISED = `phu_luc:
  - id: pl-chi-tieu
    bang:
      dong:
        - id: nhom-phuc-vu
          dong:
            - id: thanh-toan-truc-tuyen
              o: { chi-tieu: "Tối thiểu 55" }
`;

describe('{{chi_tieu}} in the Huế city plan', () => {
  it('renders the target as the sentence needs it, from the annex', () => {
    const check = realProject({});
    const { doc } = check(CITY);
    const text = documentText(doc!);
    expect(text).toContain('; 45% thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia');
    expect(text).toContain('Đạt 45% tỷ lệ hồ sơ thanh toán trực tuyến');
  });

  it('follows a ward that raises the payment target: every text says 55%, none says 45%', () => {
    const check = realProject({ 'plans/thua-thien-hue/hue-thuy-bang/2024-dvctt.yaml': WARD(RAISED) });
    const { doc, diagnostics } = check('plans/thua-thien-hue/hue-thuy-bang/2024-dvctt.yaml');
    const text = documentText(doc!);
    expect(text).toContain('5. Đảm bảo 80% thủ tục hành chính đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình; 55% thanh toán trực tuyến');
    expect(text).toContain('Tối thiểu 55');
    expect(text).toContain('Đạt 55% tỷ lệ hồ sơ thanh toán trực tuyến');
    expect(text).not.toMatch(/45 ?%|Tối thiểu 45/);
    expect(diagnostics.filter((d) => d.rule === 'target-restated')).toEqual([]);
  });

  it('warns where a child types the superior’s old number for a target it changed', () => {
    const typed = WARD(
      `${RAISED}noi_dung:
  - id: muc-dich-yeu-cau
    muc:
      - { id: md-chi-tieu, noi_dung: "Đảm bảo 45% thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia." }
`,
    );
    const check = realProject({ 'plans/thua-thien-hue/hue-thuy-bang/2024-dvctt.yaml': typed });
    const { diagnostics } = check('plans/thua-thien-hue/hue-thuy-bang/2024-dvctt.yaml');
    expect(diagnostics.filter((d) => d.rule === 'target-restated').map((d) => `${d.file}:${d.line} ${d.severity}: ${d.message}`)).toEqual([
      'plans/thua-thien-hue/hue-thuy-bang/2024-dvctt.yaml:18 warning: Văn bản còn ghi số 45% của chỉ tiêu "Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia" mà kế hoạch này đã đổi thành "Tối thiểu 55"; lấy số từ chỉ tiêu bằng {{chi_tieu "thanh-toan-truc-tuyen"}} (hoặc sửa số trong câu)',
    ]);
  });
});

describe('{{chi_tieu}} forms and mistakes', () => {
  const TABLE = `phu_luc:
  - id: pl
    tieu_de: Chỉ tiêu
    bang:
      cot:
        - { id: ten, tieu_de: Tên }
        - { id: dvt, tieu_de: ĐVT }
        - { id: a, tieu_de: A, kieu: chi_tieu }
        - { id: b, tieu_de: B, kieu: chi_tieu }
      dong:
        - { id: tt, o: { ten: Thanh toán, dvt: "%", a: Tối thiểu 45, b: "> 95" } }
        - { id: hs, o: { ten: Hồ sơ, dvt: hồ sơ, a: ">= 80" } }
`;
  const render = (mo_dau: string) => {
    const p = makeProject({ 'plans/a.yaml': plan(`mo_dau: '${mo_dau}'\n${TABLE}`) });
    const r = p.resolve('plans/a.yaml');
    const built = buildAndCheck(r.src!, p.project);
    return { text: built.doc ? documentText(built.doc).split('\n').find((l) => l.startsWith('X:')) : undefined, diagnostics: built.diagnostics };
  };

  it('prints the value with its unit, or with its comparator in words', () => {
    expect(render('X: {{chi_tieu "tt" cot="a"}}; {{chi_tieu "tt" cot="a" dang="day_du"}}; {{chi_tieu "tt" cot="b" dang="day_du"}}; {{chi_tieu "hs" dang="day_du"}}.').text).toBe(
      'X: 45%; tối thiểu 45%; trên 95%; từ 80 hồ sơ trở lên.',
    );
  });

  it('reports an unknown row, an ambiguous row and a bad form at the expression', () => {
    const { diagnostics } = render('X: {{chi_tieu "khong-co"}} {{chi_tieu "tt"}} {{chi_tieu "hs" dang="chu"}}');
    expect(diagnostics.map((d) => `${d.line}:${d.col} ${d.rule}`)).toEqual(['6:13 unknown-target', '6:37 unknown-target', '6:55 template-helper-argument']);
    expect(diagnostics[0].message).toContain('các dòng có chỉ tiêu: tt, hs');
    expect(diagnostics[1].message).toContain('{{chi_tieu "tt" cot="a"}}');
  });
});
