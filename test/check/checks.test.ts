import { describe, expect, it } from 'vitest';
import { HUE_PARENT, LEVELS, makeProject } from '../model/project-fixture.ts';
import { buildAndCheck, checkPlan } from '../../src/check/index.ts';
import { isWeaker, parseTarget, formatTarget } from '../../src/model/targets.ts';

const PARENT = `${HUE_PARENT}phu_luc:
  - id: pl
    bang:
      cot:
        - { id: stt, kieu: stt }
        - { id: ten }
        - { id: chi-tieu, kieu: chi_tieu, chi_so: ty-le }
      dong:
        - id: thanh-toan
          o: { ten: Thanh toán, chi-tieu: Tối thiểu 45 }
        - id: ho-so
          o: { ten: Hồ sơ, chi-tieu: "> 95" }
        - id: so-hoa
          o: { ten: Số hóa, chi-tieu: 80 }
`;

function check(child: string, parent = PARENT) {
  const f = makeProject({ 'plans/t/hue/2024.yaml': parent, 'plans/t/phu-ho/2024.yaml': child });
  const r = f.resolve('plans/t/phu-ho/2024.yaml');
  expect(r.diagnostics).toEqual([]);
  return checkPlan(r.src!, f.project);
}

describe('target-below-parent', () => {
  const CHILD = `ke_thua: ../hue/2024.yaml
don_vi: phu-ho
so: 50
ngay: 2024-03-18
phu_luc:
  - id: pl
    bang:
      dong:
        - id: thanh-toan
          o: { chi-tieu: Tối thiểu 30 }
        - id: ho-so
          o: { chi-tieu: "95" }
        - id: so-hoa
          o: { chi-tieu: 80 }
`;

  it('reports a child target weaker than the parent minimum at the child line', () => {
    const d = check(CHILD).filter((x) => x.rule === 'target-below-parent');
    expect(d.map((x) => [x.file, x.line, x.col, x.severity])).toEqual([
      ['plans/t/phu-ho/2024.yaml', 10, 26, 'error'],
      ['plans/t/phu-ho/2024.yaml', 12, 26, 'error'],
    ]);
    expect(d[0].message).toContain('Tối thiểu 45');
    expect(d[0].message).toContain('plans/t/hue/2024.yaml:16');
    expect(d[1].message).toContain('> 95');
  });

  it('accepts equal or stronger targets and inherited ones', () => {
    const child = CHILD.replace('Tối thiểu 30', 'Tối thiểu 45').replace('"95"', '"> 96"');
    expect(check(child).filter((x) => x.rule === 'target-below-parent')).toEqual([]);
    const inheritsAll = 'ke_thua: ../hue/2024.yaml\ndon_vi: phu-ho\nso: 50\nngay: 2024-03-18\n';
    expect(check(inheritsAll)).toEqual([]);
  });

  it('does not bind a plan that implements a registry document', () => {
    const child = CHILD.replace('ngay: 2024-03-18\n', 'ngay: 2024-03-18\nthuc_hien: { van_ban: qd-766-2022-ttg }\n');
    expect(check(child).filter((x) => x.rule === 'target-below-parent')).toEqual([]);
  });

  it('binds through thuc_hien.ke_hoach without inheritance', () => {
    const child = `don_vi: phu-ho
loai: ke_hoach
ngay: 2024-03-18
trich_yeu: Riêng
thuc_hien: { ke_hoach: ../hue/2024.yaml }
noi_dung: [{ id: a, tieu_de: A }]
phu_luc:
  - id: p
    bang:
      cot: [{ id: ten }, { id: muc-tieu, kieu: chi_tieu, chi_so: ty-le }]
      dong:
        - { id: thanh-toan, o: [Thanh toán, 40] }
`;
    const d = check(child);
    expect(d.map((x) => [x.rule, x.line])).toEqual([['target-below-parent', 12]]);
  });
});

describe('deadline-outside-year', () => {
  it('warns about a thoi_han cell or a han outside the plan year', () => {
    const plan = `don_vi: phu-ho
loai: ke_hoach
ngay: 2024-03-18
trich_yeu: T
noi_dung: []
phu_luc:
  - id: p
    bang:
      cot: [{ id: ten }, { id: han, kieu: thoi_han }, { id: q, kieu: chi_tieu, han: 2025-03-31 }]
      dong:
        - o: [Việc một, Quý II/2024, 10]
        - o: [Việc hai, Tháng 3/2023, 10]
`;
    const d = check(plan).filter((x) => x.rule === 'deadline-outside-year');
    expect(d.map((x) => [x.line, x.severity])).toEqual([
      [9, 'warning'],
      [12, 'warning'],
    ]);
    expect(d[1].message).toContain('2023');
  });

  it('a plan issued in December for the next year: nam_ke_hoach is the year deadlines are read against, and {{nam_ke_hoach}}', () => {
    const plan = `don_vi: phu-ho
loai: ke_hoach
ngay: 2024-12-20
nam_ke_hoach: 2025
trich_yeu: Kế hoạch năm {{nam_ke_hoach}} (ban hành năm {{nam}})
noi_dung: []
phu_luc:
  - id: p
    bang:
      cot: [{ id: ten }, { id: han, kieu: thoi_han }]
      dong:
        - o: [Việc một, Quý II/2025]
        - o: [Việc hai, Tháng 3/2024]
`;
    const f = makeProject({ 'plans/t/phu-ho/2024.yaml': plan });
    const r = f.resolve('plans/t/phu-ho/2024.yaml');
    expect(r.diagnostics).toEqual([]);
    const built = buildAndCheck(r.src!, f.project);
    expect(built.diagnostics.map((x) => [x.rule, x.line])).toEqual([['deadline-outside-year', 13]]);
    expect(built.doc!.plan.title.map((t) => t.text).join('')).toBe('Kế hoạch năm 2025 (ban hành năm 2024)');
  });
});

/** A Phú Hồ plan of one section whose items are `items` (YAML lines, indented six spaces). */
const planWithItems = (items: string) => `don_vi: phu-ho
loai: ke_hoach
ngay: 2024-03-18
trich_yeu: T
noi_dung:
  - id: a
    tieu_de: A
    noi_dung:
${items}`;

describe('citation-conflict', () => {
  const plan = planWithItems;

  it('warns when free text gives a date other than the registry', () => {
    const d = check(plan('      - Theo Quyết định số 766/QĐ-TTg ngày 22/6/2022 của Thủ tướng Chính phủ.\n'));
    expect(d.map((x) => [x.rule, x.line, x.severity])).toEqual([['citation-conflict', 9, 'warning']]);
    expect(d[0].message).toContain('23/6/2022');
  });

  it('compares the issuer with the registry on its first words, accepting short forms', () => {
    const d = check(
      plan(
        '      - Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Chính phủ.\n' +
          '      - Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ số 3 về việc x.\n' +
          '      - Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ và Ủy ban nhân dân tỉnh.\n',
      ),
    );
    expect(d.map((x) => [x.rule, x.line])).toEqual([['citation-conflict', 9]]);
    expect(d[0].message).toContain('Thủ tướng Chính phủ');
  });

  it('warns when two mentions disagree on date or issuer, and accepts the registry form', () => {
    const d = check(
      plan(
        '      - Kế hoạch số 49/KH-UBND ngày 30/01/2024 của UBND huyện Phú Vang.\n' +
          '      - Kế hoạch số 49/KH-UBND ngày 31 tháng 01 năm 2024 của UBND huyện Phú Vang.\n' +
          '      - Công văn số 7/VP-X ngày 02/02/2024 của Văn phòng A về việc x.\n' +
          '      - Công văn số 7/VP-X ngày 02/02/2024 của Sở B về việc x.\n' +
          '      - \'{{van_ban "qd-766-2022-ttg"}} và Quyết định số 766/QĐ-TTg ngày 23/6/2022\'\n' +
          '      - Nghị quyết số 01/NQ-CP ngày 08/01/2025 là văn bản năm khác.\n',
      ),
    );
    expect(d.map((x) => [x.rule, x.line])).toEqual([
      ['citation-conflict', 10],
      ['citation-conflict', 12],
    ]);
  });
});

describe('id-in-two-lists', () => {
  it('warns at the second item or row that reuses an id of another list', () => {
    const plan = `don_vi: phu-ho
loai: ke_hoach
ngay: 2024-03-18
trich_yeu: T
noi_dung:
  - { id: a, tieu_de: A, muc: [{ id: x, noi_dung: Một }] }
  - { id: b, tieu_de: B, muc: [{ id: x, noi_dung: Hai }] }
phu_luc:
  - id: p1
    bang: { cot: [{ id: ten }], dong: [{ id: r, o: [Dòng] }] }
  - id: p2
    bang: { cot: [{ id: ten }], dong: [{ id: r, o: [Dòng] }] }
`;
    const f = makeProject({ 'plans/t/phu-ho/2024.yaml': plan });
    const r = f.resolve('plans/t/phu-ho/2024.yaml');
    expect(r.diagnostics).toEqual([]);
    const d = checkPlan(r.src!, f.project).filter((x) => x.rule === 'id-in-two-lists');
    expect(d.map((x) => `${x.line}:${x.col} ${x.severity}`)).toEqual(['7:38 warning', '12:46 warning']);
    expect(d[0].message).toContain("'noi_dung[a].muc[x]'");
  });
});

describe('citation-conflict compares agencies by meaning', () => {
  const text = (a: string, b: string) =>
    planWithItems(
      `      - Nghị quyết số 12/NQ-HĐND ngày 10/12/2023 của ${a} về kế hoạch năm 2024.\n` +
        `      - Thực hiện Nghị quyết số 12/NQ-HĐND ngày 10/12/2023 của ${b} về kế hoạch năm 2024.\n`,
    );
  const run = (a: string, b: string, levels = `${LEVELS}viet_tat: { HĐND: Hội đồng nhân dân, UBND: Ủy ban nhân dân }\n`) => {
    const f = makeProject({ 'data/cap.yaml': levels, 'plans/t/phu-ho/2024.yaml': text(a, b) });
    const r = f.resolve('plans/t/phu-ho/2024.yaml');
    return checkPlan(r.src!, f.project).map((d) => `${d.line}:${d.col} ${d.rule}`);
  };

  it('a full name and its abbreviation (data/cap.yaml viet_tat) are one body', () => {
    expect(run('Hội đồng nhân dân tỉnh', 'HĐND tỉnh')).toEqual([]);
    expect(run('Uỷ ban nhân dân tỉnh', 'UBND tỉnh')).toEqual([]);
  });

  it('two bodies still differ, and without the abbreviation in viet_tat the names differ', () => {
    expect(run('HĐND tỉnh', 'UBND tỉnh')).toEqual(['10:9 citation-conflict']);
    expect(run('Hội đồng nhân dân tỉnh', 'HĐND tỉnh', LEVELS)).toEqual(['10:9 citation-conflict']);
  });
});

describe('targets', () => {
  it('reads shorthand and structured targets', () => {
    expect(parseTarget('Tối thiểu 45')).toEqual({ op: 'toi_thieu', value: 45 });
    expect(parseTarget('>95%')).toEqual({ op: '>', value: 95, unit: '%' });
    expect(parseTarget('≥ 80')).toEqual({ op: '>=', value: 80 });
    expect(parseTarget('100')).toEqual({ op: '=', value: 100 });
    expect(parseTarget({ so_sanh: 'toi_thieu', gia_tri: 2.5, don_vi: '%' })).toEqual({ op: 'toi_thieu', value: 2.5, unit: '%' });
    expect(parseTarget('khoảng một nửa')).toBeUndefined();
    expect(formatTarget({ op: 'toi_thieu', value: 2.5, unit: '%' })).toBe('Tối thiểu 2,5%');
  });

  it('compares as lower bounds', () => {
    const t = (s: string) => parseTarget(s)!;
    expect(isWeaker(t('Tối thiểu 30'), t('Tối thiểu 45'))).toBe(true);
    expect(isWeaker(t('95'), t('> 95'))).toBe(true);
    expect(isWeaker(t('> 95'), t('> 95'))).toBe(false);
    expect(isWeaker(t('Tối thiểu 45'), t('Tối thiểu 45'))).toBe(false);
    expect(isWeaker(t('100'), t('Tối thiểu 80'))).toBe(false);
    expect(isWeaker(t('> 95'), t('95'))).toBe(false);
  });
});

describe('buildAndCheck', () => {
  it('returns the document with every diagnostic', () => {
    const f = makeProject({ 'plans/a.yaml': 'don_vi: phu-ho\nloai: ke_hoach\nngay: 2024-03-18\ntrich_yeu: "{{khong_co}}"\nnoi_dung: []\n' });
    const res = buildAndCheck(f.resolve('plans/a.yaml').src!, f.project);
    expect(res.doc?.plan.header.numberLine).toBe('Số:      /KH-UBND');
    expect(res.diagnostics.map((d) => [d.rule, d.line, d.col])).toEqual([['template-unknown-variable', 4, 15]]);
  });
});
