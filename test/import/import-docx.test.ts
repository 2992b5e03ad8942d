// kehoach import of a Word file a clerk made (built here in plain WordprocessingML): header
// table, typed numbers, direct formatting, merged cells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clerkDocx, p, type TableCell } from './clerk-docx.ts';
import { importInto, tempProject, type Imported } from './helpers.ts';

const c = (text: string, more: Partial<TableCell> = {}): TableCell => ({ paras: text ? [{ runs: [{ text }] }] : [], ...more });
const bold = (text: string, more: Partial<TableCell> = {}): TableCell => ({ paras: [{ runs: [{ text, b: true }] }], ...more });

// An invented sample plan of UBND xã Phú Hồ.
const DOCX = clerkDocx([
  {
    borders: false,
    table: [[
      { paras: [{ runs: [{ text: 'ỦY BAN NHÂN DÂN' }, 'br', { text: 'XÃ PHÚ HỒ', b: true }], center: true }, { runs: [{ text: 'Số: 12/KH-UBND' }], center: true }] },
      { paras: [{ runs: [{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', b: true }], center: true }, { runs: [{ text: 'Độc lập - Tự do - Hạnh phúc', b: true }], center: true }, { runs: [{ text: 'Phú Hồ, ngày 02 tháng 4 năm 2024', i: true }], center: true }] },
    ]],
  },
  p('**KẾ HOẠCH**', true),
  p('**Thử nhập tệp Word trên địa bàn xã Phú Hồ năm 2024**', true),
  p('Căn cứ Nghị quyết số 02/NQ-CP ngày 05/01/2024 của Chính phủ;'),
  p('Ủy ban nhân dân xã ban hành kế hoạch như sau:'),
  p('**I. MỤC ĐÍCH**'),
  p('1. Việc thứ nhất có **chữ đậm** ở giữa câu.'),
  p('2. Việc thứ hai'),
  p('- Ý gạch đầu dòng.'),
  p('**II. TỔ CHỨC THỰC HIỆN**'),
  p('Các bộ phận triển khai thực hiện./.'),
  p('**Nơi nhận:**'),
  p('- UBND huyện Phú Vang;'),
  p('- Lưu: VT.'),
  { p: { runs: [{ text: 'TM. ỦY BAN NHÂN DÂN', b: true }, 'br', { text: 'CHỦ TỊCH', b: true }], center: true } },
  p('**Đào Hữu Bích**', true),
  p('**PHỤ LỤC**', true),
  p('**CHỈ TIÊU THỬ NGHIỆM**', true),
  p('*(Kèm theo Kế hoạch số 12/KH-UBND ngày 02/4/2024 của UBND xã Phú Hồ)*', true),
  {
    table: [
      [bold('STT', { vMerge: 'restart' }), bold('Nội dung', { vMerge: 'restart' }), bold('Năm 2024', { gridSpan: 2 }), bold('Căn cứ', { vMerge: 'restart' })],
      [c('', { vMerge: 'continue' }), c('', { vMerge: 'continue' }), bold('Đơn vị tính'), bold('Chỉ tiêu giao'), c('', { vMerge: 'continue' })],
      [bold('I'), bold('Nhóm chỉ tiêu thứ nhất', { gridSpan: 4 })],
      [c('1'), c('Tỷ lệ thứ nhất'), c('%'), c('Tối thiểu 80'), c('Nghị quyết số 02/NQ-CP', { vMerge: 'restart' })],
      [c('2'), c('Tỷ lệ thứ hai'), c('%'), c('100'), c('', { vMerge: 'continue' })],
      [c('3'), c('Cả dòng gộp sang phải', { gridSpan: 3 }), c('Ghi chú')],
    ],
  },
]);

describe('kehoach import of a Word file', () => {
  let project: ReturnType<typeof tempProject>;
  let imp: Imported;
  let plan: Record<string, any>;
  beforeAll(() => {
    project = tempProject({ plans: false });
    imp = importInto(project.root, 'ke-hoach.docx', DOCX);
    plan = parse(imp.yaml);
  });
  afterAll(() => project.dispose());

  it('reads the header table, the centred kind and title, căn cứ and the opening', () => {
    expect(imp.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan).toMatchObject({ don_vi: 'phu-ho', loai: 'ke_hoach', so: 12, ngay: '2024-04-02', trich_yeu: 'Thử nhập tệp Word trên địa bàn xã Phú Hồ năm 2024' });
    expect(plan.can_cu).toEqual(['Căn cứ {{van_ban "nq-02-2024-cp"}}']);
    expect(plan.mo_dau).toBe('Ủy ban nhân dân xã ban hành kế hoạch như sau:');
  });

  it('keeps direct formatting inside a paragraph as Markdown, and typed numbers as structure', () => {
    expect(plan.noi_dung[0].muc[0].noi_dung).toBe('Việc thứ nhất có **chữ đậm** ở giữa câu.');
    expect(plan.noi_dung[0].muc[1]).toMatchObject({ tieu_de: 'Việc thứ hai', gach: [{ noi_dung: 'Ý gạch đầu dòng.' }] });
    expect(plan.loi_ket).toBe('Các bộ phận triển khai thực hiện');
  });

  it('reads a signature whose lines are broken with w:br, and Nơi nhận', () => {
    expect(plan.ky).toEqual({ thay_mat: 'ỦY BAN NHÂN DÂN', chuc_vu: 'CHỦ TỊCH', ho_ten: 'Đào Hữu Bích' });
    expect(plan.noi_nhan).toEqual({ danh_sach: ['UBND huyện Phú Vang'], luu: ['VT'] });
  });

  it('reads merged cells: header groups (gridSpan), header cells over two rows, gop_dong and gop_cot in rows', () => {
    const { cot, dong } = plan.phu_luc[0].bang;
    expect(cot.map((x: any) => x.tieu_de)).toEqual(['STT', 'Nội dung', 'Năm 2024', 'Căn cứ']);
    expect(cot[0].kieu).toBe('stt');
    expect(cot[2].cot.map((x: any) => x.tieu_de)).toEqual(['Đơn vị tính', 'Chỉ tiêu giao']);
    expect(cot[2].cot[1].kieu).toBe('chi_tieu');
    expect(dong[0].nhom).toBe('Nhóm chỉ tiêu thứ nhất');
    const [r1, r2, r3] = dong[0].dong;
    expect(Object.values(r1.o)).toEqual(['Tỷ lệ thứ nhất', '%', 'Tối thiểu 80', { doan: 'Nghị quyết số 02/NQ-CP', gop_dong: 2 }]);
    expect(Object.values(r2.o)).toEqual(['Tỷ lệ thứ hai', '%', '100']);
    expect(Object.values(r3.o)).toEqual([{ doan: 'Cả dòng gộp sang phải', gop_cot: 3 }, 'Ghi chú']);
  });

  it('writes a source that passes check and prints the same text', () => {
    expect(imp.check.filter((d) => d.severity === 'error')).toEqual([]);
    for (const line of ['Số: 12/KH-UBND', 'Phú Hồ, ngày 02 tháng 4 năm 2024', 'I. MỤC ĐÍCH', '1. Việc thứ nhất có chữ đậm ở giữa câu.', '- Ý gạch đầu dòng.', 'TM. ỦY BAN NHÂN DÂN']) {
      expect(imp.printed).toContain(line);
    }
  });

  it('says a damaged .docx is damaged', () => {
    const bad = importInto(project.root, 'hong.docx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    expect(bad.result.diagnostics[0].message).toMatch(/hỏng/);
  });
});
