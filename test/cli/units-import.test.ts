// kehoach units import: the official list (CSV or XLSX) → data/don-vi, all or nothing; then a plan
// for one imported commune through new and build, in the two-level wording.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { repoRoot, runCli, tempProject } from '../helpers/cli.ts';
import { importUnits } from '../../src/import/units/index.ts';
import { formatDiagnostic } from '../../src/load/diagnostic.ts';
import { loadProject } from '../../src/load/project.ts';
import { provinceDecisionPlan } from '../helpers/decision-plan.ts';
import { unzip } from '../write/docx/helpers.ts';

const FIXTURES = path.join(repoRoot, 'test/fixtures/don-vi-import');
const SAMPLE = path.join(FIXTURES, 'danh-sach-cap-xa-2025.csv');
const BAD = path.join(FIXTURES, 'sai-dong.csv');

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) out[name] = readFileSync(path.join(dir, name), 'utf8');
  return out;
}

/** The sample as an Excel workbook, a title row above the header (as downloads have). */
async function sampleXlsx(csv: string, file: string): Promise<void> {
  const rows = parse(readFileSync(csv, 'utf8'), { bom: true }) as string[][];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách cấp xã');
  ws.addRow(['DANH SÁCH ĐƠN VỊ HÀNH CHÍNH CẤP XÃ']);
  for (const [i, r] of rows.entries()) {
    // Codes typed as numbers, as Excel keeps them: the leading zeros are the importer's to restore.
    ws.addRow(i === 0 ? r : r.map((c, j) => (j === 1 || j === 3) && /^\d+$/.test(c) ? Number(c) : c));
  }
  await wb.xlsx.writeFile(file);
}

async function docxText(file: string): Promise<string> {
  const xml = await (await unzip(readFileSync(file))).text('word/document.xml');
  return xml
    .replace(/<w:noBreakHyphen\/>/g, '<w:t>-</w:t>')
    .replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => p.replace(/<w:t[^>]*>([^<]*)<\/w:t>/g, '\u0001$1').replace(/<[^>]+>/g, '').replace(/\u0001/g, '') + '\n');
}

describe('units import', () => {
  let project: ReturnType<typeof tempProject>;
  beforeAll(() => {
    project = tempProject({ plans: false });
    mkdirSync(path.join(project.root, 'plans'));
    // Khánh Hòa is imported afresh; An Giang and Huế are already in the directory.
    rmSync(path.join(project.root, 'data/don-vi/khanh-hoa.yaml'));
  });
  afterAll(() => project.dispose());

  it('reports each bad row at its row and column and writes nothing', async () => {
    const before = snapshot(path.join(project.root, 'data/don-vi'));
    const r = await importUnits(project.root, BAD, { shown: 'sai-dong.csv' });
    expect(r.written).toEqual([]);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'sai-dong.csv:3:4: error: mã "223A6" không phải mã số của danh mục (chỉ gồm chữ số, ví dụ 22366) [units-import]',
      'sai-dong.csv:4:5: error: cấp "Xã thị" không có trong danh mục; dùng một trong: Tỉnh, Thành phố trực thuộc trung ương, Thành phố, Thị xã, Quận, Huyện, Phường, Xã, Thị trấn, Đặc khu [units-import]',
      'sai-dong.csv:5:7: error: ngày hiệu lực: ngày 31/06/2025 không có thật: tháng 6 năm 2025 có 30 ngày [units-import]',
      'sai-dong.csv:6:4: error: mã 22333 đã dùng ở dòng 2 cho Bắc Nha Trang (phuong); mỗi mã là một đơn vị [units-import]',
    ]);
    // Not even the good rows of the file were written.
    expect(snapshot(path.join(project.root, 'data/don-vi'))).toEqual(before);
  });

  it('refuses a file without the list header and a row whose superior is unknown', async () => {
    const dir = path.join(project.root, 'inputs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'khong-tieu-de.csv'), 'a,b,c\n1,2,3\n');
    const r1 = await importUnits(project.root, path.join(dir, 'khong-tieu-de.csv'), { shown: 'khong-tieu-de.csv' });
    expect(r1.diagnostics.map((d) => `${d.line}:${d.col} ${d.rule}`)).toEqual(['1:1 units-import']);
    expect(r1.diagnostics[0].message).toContain('không tìm thấy dòng tiêu đề');
    writeFileSync(path.join(dir, 'cap-tren.csv'), 'Mã,Tên,Cấp,Mã cấp trên\n22366,Phường Nha Trang,Phường,57\n');
    const r2 = await importUnits(project.root, path.join(dir, 'cap-tren.csv'), { shown: 'cap-tren.csv' });
    expect(r2.diagnostics.map(formatDiagnostic)).toEqual([
      'cap-tren.csv:2:4: error: mã cấp trên 57 không có trong danh mục nhập vào cũng như trong data/don-vi [units-import]',
    ]);
    expect(r2.written).toEqual([]);
  });

  it('imports the XLSX form: a new province file in the directory format, known units kept', async () => {
    const xlsx = path.join(project.root, 'inputs/danh-sach-cap-xa-2025.xlsx');
    await sampleXlsx(SAMPLE, xlsx);
    const anGiang = readFileSync(path.join(project.root, 'data/don-vi/an-giang.yaml'), 'utf8');
    const r = await importUnits(project.root, xlsx, { shown: 'danh-sach-cap-xa-2025.xlsx' });
    expect(r.diagnostics).toEqual([]);
    expect(r.written.map((u) => [u.file, u.added.length])).toEqual([['data/don-vi/khanh-hoa.yaml', 7]]);
    const text = readFileSync(path.join(project.root, 'data/don-vi/khanh-hoa.yaml'), 'utf8');
    expect(text).toContain('- { id: khanh-hoa, ma: "56", cap: tinh, ten: Khánh Hòa }');
    expect(text).toContain('- { id: nha-trang, ma: "22366", cap: phuong, ten: Nha Trang, thuoc: khanh-hoa, tu_ngay: 2025-07-01, can_cu: Nghị quyết 1667/NQ-UBTVQH15 }');
    expect(text).toContain('- { id: truong-sa, ma: "22736", cap: dac_khu, ten: Trường Sa, thuoc: khanh-hoa');
    // An Giang's and Huế's units were found by their codes (Long Xuyên as an-giang-long-xuyen,
    // code 46 as the city of Huế on 01/07/2025, not the former province): nothing added there.
    expect(readFileSync(path.join(project.root, 'data/don-vi/an-giang.yaml'), 'utf8')).toBe(anGiang);
    const loaded = loadProject(project.root);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value!.unitsOn('2025-08-01').get('nha-trang')?.thuoc).toBe('khanh-hoa');
    expect(loaded.value!.unitsOn('2025-06-30').has('nha-trang')).toBe(false);
  });

  it('is idempotent: the CSV form of the same list adds nothing', async () => {
    const before = snapshot(path.join(project.root, 'data/don-vi'));
    const r = await importUnits(project.root, SAMPLE, { shown: 'danh-sach-cap-xa-2025.csv' });
    expect(r.diagnostics).toEqual([]);
    expect(r.written).toEqual([]);
    expect(snapshot(path.join(project.root, 'data/don-vi'))).toEqual(before);
  });

  it('warns, without rewriting, when a known unit differs from the list', async () => {
    const dir = path.join(project.root, 'inputs');
    writeFileSync(path.join(dir, 'doi-ten.csv'), 'Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\nTỉnh Khánh Hòa,56,Phường Nha Trang Mới,22366,Phường\n');
    const before = snapshot(path.join(project.root, 'data/don-vi'));
    const r = await importUnits(project.root, path.join(dir, 'doi-ten.csv'), { shown: 'doi-ten.csv' });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.severity} [${d.rule}]`)).toEqual(['doi-ten.csv:2:4: warning [units-import]']);
    expect(r.diagnostics[0].message).toContain('tên "Nha Trang" ≠ "Nha Trang Mới"');
    expect(snapshot(path.join(project.root, 'data/don-vi'))).toEqual(before);
  });

  it('import, new and build through the CLI: a ward plan in two-level wording', async () => {
    const fresh = tempProject({ plans: false });
    try {
      rmSync(path.join(fresh.root, 'data/don-vi/khanh-hoa.yaml'));
      const province = 'plans/khanh-hoa/tinh/2025-cchc.yaml';
      mkdirSync(path.join(fresh.root, 'plans/khanh-hoa/tinh'), { recursive: true });
      writeFileSync(
        path.join(fresh.root, province),
        provinceDecisionPlan('khanh-hoa').replace(
          /^noi_dung: .*$/m,
          `noi_dung: [{ id: to-chuc, tieu_de: Tổ chức thực hiện, noi_dung: '{{cap.co_quan_thuc_hien}} triển khai Kế hoạch này.' }]`,
        ),
      );
      const bad = await runCli(['units', 'import', BAD], fresh.root);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('không ghi tệp nào');
      expect(existsSync(path.join(fresh.root, 'data/don-vi/khanh-hoa.yaml'))).toBe(false);

      const imp = await runCli(['units', 'import', SAMPLE], fresh.root);
      expect(imp.stderr).toBe('');
      expect(imp.stdout).toBe('data/don-vi/khanh-hoa.yaml: tạo mới, 7 đơn vị\n');
      expect(imp.code).toBe(0);
      const made = await runCli(['new', '--from', province, '--unit', 'nha-trang'], fresh.root);
      expect(made.stderr).toContain('danh mục không có họ tên người ký của phường Nha Trang');
      expect(made.code).toBe(0);
      expect(made.stdout.trim()).toBe('plans/khanh-hoa/nha-trang/2025-cchc.yaml');
      const built = await runCli(['build', 'plans/khanh-hoa/nha-trang', '--format', 'docx', '--quiet'], fresh.root);
      expect(built.code).toBe(0);
      const text = await docxText(path.join(fresh.root, 'out/khanh-hoa/nha-trang/2025-cchc/2025-cchc.docx'));
      expect(text).toContain('PHƯỜNG NHA TRANG');
      expect(text).toContain('Các phòng chuyên môn thuộc UBND phường triển khai Kế hoạch này.');
      expect(text).toContain('ban hành kèm theo Quyết định số 393/QĐ-UBND');
      expect(text).not.toMatch(/huyện/i);
    } finally {
      fresh.dispose();
    }
  });
});
