import { describe, expect, it } from 'vitest';
import { makeProject, plan } from './project-fixture.ts';
import { buildDocument } from '../../src/model/build.ts';
import { fitWidths } from '../../src/model/table.ts';
import { TABLE_RULE_PT, textWidthMm } from '../../src/model/page.ts';
import { runsText } from '../../src/text/case.ts';
import type { TableBlock, TableRow } from '../../src/model/types.ts';

const FILE = 'plans/t/a.yaml';

function buildTableYaml(bang: string, huong = 'ngang') {
  const f = makeProject({ [FILE]: plan(`phu_luc:\n  - id: pl\n    tieu_de: Chỉ tiêu\n    huong: ${huong}\n    bang:\n${bang}`) });
  const r = f.resolve(FILE);
  expect(r.diagnostics).toEqual([]);
  const res = buildDocument(r.src!, f.project);
  return { table: res.doc!.annexes[0].blocks[0] as TableBlock, diagnostics: res.diagnostics };
}

const show = (row: TableRow) =>
  row.cells.map((c) => `${c.paragraphs.map(runsText).join('|')}${c.colSpan > 1 ? `<c${c.colSpan}>` : ''}${c.rowSpan > 1 ? `<r${c.rowSpan}>` : ''}`);

const COLUMNS = `      cot:
        - { id: stt, tieu_de: Số TT, kieu: stt, rong: 5 }
        - { id: ten, tieu_de: Tên nhiệm vụ, rong: 30, can: deu }
        - id: nam
          tieu_de: Thực hiện trong năm {{nam}}
          cot:
            - { id: dvt, tieu_de: Đơn vị tính, rong: 5 }
            - { id: chi-tieu, tieu_de: Giao chỉ tiêu, kieu: chi_tieu, chi_so: thanh-toan, rong: 7 }
        - { id: q1, kieu: chi_tieu, han: 2024-03-31, dinh_dang: gon, rong: 8 }
        - { id: ghi-chu, tieu_de: Ghi chú, rong: 10 }
`;

describe('tables', () => {
  const { table, diagnostics } = buildTableYaml(
    COLUMNS +
      `      dong:
        - id: nhom-1
          nhom: Nâng cao chất lượng phục vụ
          dong:
            - id: thanh-toan
              o: { ten: Tỷ lệ thanh toán, dvt: "%", chi-tieu: Tối thiểu 45, q1: ">95%", ghi-chu: { doan: Theo dõi, gop_dong: 2 } }
            - id: ho-so
              o: [Tỷ lệ hồ sơ, "%", { so_sanh: toi_thieu, gia_tri: 50 }, { so_sanh: ">", gia_tri: 95, don_vi: "%" }]
              dong:
                - id: ho-so-xa
                  nghieng: true
                  o: { ten: Cấp xã, chi-tieu: "> 95", q1: 100 }
        - id: nhom-2
          nhom: Chuyển đổi số
          dong:
            - id: cds
              o: [{ danh_sach: [Rà soát, Báo cáo] }, { doan: Gộp, gop_cot: 2 }, ">= 80", null]
`,
  );

  it('reports no problem for a well-formed table', () => {
    expect(diagnostics).toEqual([]);
  });

  it('builds grouped header rows with spans and a default header for a column with han', () => {
    expect(table.header.map(show)).toEqual([
      ['Số TT<r2>', 'Tên nhiệm vụ<r2>', 'Thực hiện trong năm 2024<c2>', 'Chỉ tiêu đến 31/3/2024<r2>', 'Ghi chú<r2>'],
      ['Đơn vị tính', 'Giao chỉ tiêu'],
    ]);
    expect(table.header.every((r) => r.kind === 'header' && r.cells.every((c) => c.bold && c.align === 'center'))).toBe(true);
  });

  it('scales widths to the landscape text width, less one rule (its outer halves stay inside)', () => {
    expect(table.columns.map((c) => c.id)).toEqual(['stt', 'ten', 'dvt', 'chi-tieu', 'q1', 'ghi-chu']);
    const sum = table.columns.reduce((a, c) => a + c.widthMm, 0);
    // 297 − 30 − 15 = 252 mm of text; a 0.5 pt rule is 0.18 mm: the columns share 251.8 mm.
    expect(sum).toBeCloseTo(251.8, 6);
    expect(sum + (TABLE_RULE_PT * 25.4) / 72).toBeLessThanOrEqual(textWidthMm('landscape'));
    expect(table.columns[1].widthMm).toBeCloseTo(116.2, 1);
    expect(table.columns.map((c) => c.align)).toEqual(['center', 'justify', 'left', 'center', 'center', 'left']);
  });

  it('numbers group rows in Roman numerals and data rows per group, sub-rows 1.1', () => {
    expect(table.body.map((r) => [r.kind, r.ref])).toEqual([
      ['group', 'phu-luc/pl/bang/nhom-1'],
      ['data', 'phu-luc/pl/bang/nhom-1/thanh-toan'],
      ['data', 'phu-luc/pl/bang/nhom-1/ho-so'],
      ['data', 'phu-luc/pl/bang/nhom-1/ho-so/ho-so-xa'],
      ['group', 'phu-luc/pl/bang/nhom-2'],
      ['data', 'phu-luc/pl/bang/nhom-2/cds'],
    ]);
    expect(show(table.body[0])).toEqual(['I', 'Nâng cao chất lượng phục vụ<c5>']);
    expect(table.body[0].cells.every((c) => c.bold)).toBe(true);
    expect(show(table.body[4])[0]).toBe('II');
  });

  it('places cells by id and by position, renders targets, omits covered cells', () => {
    expect(show(table.body[1])).toEqual(['1.', 'Tỷ lệ thanh toán', '%', 'Tối thiểu 45', '>95%', 'Theo dõi<r2>']);
    // The ghi-chu column is covered by the row above: positional values stop before it.
    expect(show(table.body[2])).toEqual(['2.', 'Tỷ lệ hồ sơ', '%', 'Tối thiểu 50', '>95%']);
    expect(show(table.body[3])).toEqual(['2.1', 'Cấp xã', '', '> 95', '100', '']);
    expect(table.body[3].cells.every((c) => c.italic)).toBe(true);
  });

  it('prints numbered lists in cells and column spans', () => {
    expect(show(table.body[5])).toEqual(['1.', '1. Rà soát|2. Báo cáo', 'Gộp<c2>', '≥80', '']);
  });
});

describe('table shape problems', () => {
  it('reports extra positional cells, unknown column ids and overflowing spans at their lines', () => {
    const { diagnostics } = buildTableYaml(
      `      cot: [{ id: stt, kieu: stt }, { id: a }, { id: b }]
      dong:
        - id: r1
          o: [x, y, z]
        - id: r2
          o: { a: x, c: y }
        - id: r3
          o: [{ doan: x, gop_cot: 3 }]
        - id: r4
          o: [{ doan: x, gop_dong: 3 }, y]
`,
    );
    expect(diagnostics.map((d) => [d.rule, d.line, d.severity])).toEqual([
      ['row-shape', 14, 'error'],
      ['row-shape', 16, 'error'],
      ['row-shape', 18, 'error'],
      ['row-shape', 20, 'error'],
    ]);
    expect(diagnostics[0].message).toMatch(/3 ô/);
    expect(diagnostics[1].message).toMatch(/"c"/);
  });

  it('warns about a target it cannot read', () => {
    const { diagnostics, table } = buildTableYaml(`      cot: [{ id: a }, { id: t, kieu: chi_tieu }]\n      dong:\n        - o: [x, khoảng một nửa]\n`);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line])).toEqual([['target-unparsed', 'warning', 13]]);
    expect(show(table.body[0])).toEqual(['x', 'khoảng một nửa']);
  });

  it('fits portrait tables to 165 mm of text, less one rule', () => {
    const { table } = buildTableYaml(`      cot: [{ id: a, rong: 1 }, { id: b, rong: 2 }, { id: c, rong: 3 }]\n`, 'doc');
    expect(table.columns.reduce((a, c) => a + c.widthMm, 0)).toBeCloseTo(164.8, 6);
    expect(fitWidths([1, 1, 1], 100)).toEqual([33.3, 33.3, 33.4]);
  });
});
