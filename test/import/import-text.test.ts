// kehoach import of portal text, on small inputs written for each part of the structure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importInto, tempProject, type Imported } from './helpers.ts';

// A plan of UBND xã Phú Hồ as a portal prints it (an invented sample, not a real document):
// number and date on one line, a skipped number and letter, a page break inside a paragraph,
// a table in the body, an appendix whose table has a grouped header, group rows, a sub-row,
// a target column and a row broken over two pages.
const SAMPLE = [
  'Số: 07 /KH-UBND Phú Hồ, ngày 05 tháng 3 năm 2024',
  '',
  '## KẾ HOẠCH',
  '',
  '### **Thử nghiệm nhập kế hoạch trên địa bàn xã Phú Hồ năm 2024**',
  '',
  'Căn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ;',
  '',
  'Thực hiện Kế hoạch số 82/KH-UBND ngày 11/3/2024 của UBND huyện Phú Vang.',
  '',
  'Ủy ban nhân dân xã ban hành kế hoạch như sau:',
  '',
  '#### **I. MỤC ĐÍCH, YÊU CẦU**',
  '',
  '1. Mục đích',
  '',
  'a) Nội dung thứ nhất của mục đích.',
  '',
  'c) Nội dung thứ hai, có dấu {{ngoặc}} phải giữ nguyên.',
  '',
  '3. Yêu cầu',
  '',
  '- Ý thứ nhất của yêu cầu, bị ngắt',
  '',
  'trang ở giữa câu.',
  '',
  '+ Ý con của ý thứ nhất.',
  '',
  '**II. TỔ CHỨC THỰC HIỆN**',
  '',
  'Cột A\tCột B',
  'x\ty',
  '',
  '- Ý của mục II sau bảng.',
  '',
  'Cột C\tCột D',
  'z\tw',
  '',
  'Trong quá trình thực hiện, nếu có khó khăn, báo cáo về UBND xã./.',
  '',
  '***Nơi nhận:***',
  '',
  '- UBND huyện;',
  '- Lưu: VT, VP.',
  '',
  '**KT. CHỦ TỊCH  ',
  'PHÓ CHỦ TỊCH**',
  '',
  '**Nguyễn Văn A**',
  '',
  '**Phụ lục**  ',
  '**CHỈ TIÊU THỬ NGHIỆM NĂM 2024**',
  '',
  '(Kèm theo Kế hoạch số 07/KH-UBND ngày 05/3/2024 của UBND xã Phú Hồ)',
  '',
  'STT\tTên chỉ tiêu\tNăm 2024\t',
  '\t\tĐơn vị tính\tGiao chỉ tiêu',
  '<b>I</b>\t<b>Nhóm thứ nhất</b>\t\t',
  '1.\tTỷ lệ thứ nhất\t%\tTối thiểu 80',
  '1.1\t<i>Tỷ lệ con</i>\t%\t> 95',
  '3.\tTỷ lệ thứ hai, bị ngắt\t%\t100',
  '',
  '\tở cuối trang\t\t',
  '<b>II</b>\t<b>Nhóm thứ hai</b>\t\t',
  '1.\tTỷ lệ thứ ba\t%\t90',
  '',
].join('\n');

describe('kehoach import of portal text', () => {
  let project: ReturnType<typeof tempProject>;
  let imp: Imported;
  let plan: Record<string, any>;
  beforeAll(() => {
    project = tempProject({ plans: false });
    imp = importInto(project.root, 'mau.txt', SAMPLE);
    plan = parse(imp.yaml);
  });
  afterAll(() => project.dispose());

  it('reads the header: unit from the place, number, date, kind and title', () => {
    expect(plan.don_vi).toBe('phu-ho');
    expect(plan.loai).toBe('ke_hoach');
    expect(plan.so).toBe(7);
    expect(plan.ky_hieu).toBeUndefined(); // KH-UBND is the default
    expect(plan.ngay).toBe('2024-03-05');
    expect(plan.trich_yeu).toBe('Thử nghiệm nhập kế hoạch trên địa bàn xã Phú Hồ năm 2024');
  });

  it('reads căn cứ without their typed end punctuation, citations as registry references, the "Thực hiện" sentence and the opening', () => {
    expect(plan.can_cu).toEqual(['Căn cứ {{van_ban "nq-01-2024-cp"}}']);
    expect(plan.thuc_hien).toEqual({ van_ban: 'kh-82-2024-ubnd-phu-vang', noi_dung: 'Thực hiện {{van_ban "kh-82-2024-ubnd-phu-vang"}}' });
    expect(plan.mo_dau).toBe('Ủy ban nhân dân xã ban hành kế hoạch như sau:');
    expect(imp.printed).toContain('Căn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ;');
    expect(imp.printed).toContain('Thực hiện Kế hoạch số 82/KH-UBND ngày 11/3/2024 của UBND huyện Phú Vang.');
  });

  it('turns typed numbering into structure with ids, joins page-break pieces, parts {{ so it stays literal', () => {
    const [md] = plan.noi_dung;
    expect(md.tieu_de).toBe('MỤC ĐÍCH, YÊU CẦU');
    expect(md.muc.map((m: any) => m.tieu_de)).toEqual(['Mục đích', 'Yêu cầu']);
    expect(md.muc[0].muc.map((m: any) => m.noi_dung)).toEqual(['Nội dung thứ nhất của mục đích.', 'Nội dung thứ hai, có dấu { {ngoặc} } phải giữ nguyên.']);
    const bullet = md.muc[1].gach[0];
    expect(bullet.noi_dung).toBe('Ý thứ nhất của yêu cầu, bị ngắt trang ở giữa câu.');
    expect(bullet.gach[0].noi_dung).toBe('Ý con của ý thứ nhất.');
    const ids = JSON.stringify(plan).match(/"id":"[^"]+"/g)!;
    expect(new Set(ids).size).toBe(ids.length);
    expect(md.id).toBe('muc-dich-yeu-cau');
  });

  it('warns at the line of each skipped number or letter, and the output numbers them again', () => {
    const numbering = imp.result.diagnostics.filter((d) => d.rule === 'import-numbering');
    expect(numbering.map((d) => [d.line, d.message.slice(0, 24)])).toEqual([
      [19, 'Số thứ tự "c)" không liề'],
      [21, 'Số thứ tự "3." không liề'],
      [61, 'Số thứ tự dòng "3" không'],
    ]);
    expect(imp.printed).toContain('b) Nội dung thứ hai, có dấu { {ngoặc} } phải giữ nguyên.');
    expect(imp.printed).toContain('2. Yêu cầu');
  });

  it('reads the closing sentence, Nơi nhận and the signature', () => {
    expect(plan.loi_ket).toBe('Trong quá trình thực hiện, nếu có khó khăn, báo cáo về UBND xã');
    expect(plan.noi_nhan).toEqual({ danh_sach: ['UBND huyện'], luu: ['VT', 'VP'] });
    expect(plan.ky).toEqual({ ky_thay: 'CHỦ TỊCH', chuc_vu: 'PHÓ CHỦ TỊCH', ho_ten: 'Nguyễn Văn A' });
  });

  it('reads a table between paragraphs of the body as the item\'s bang, printed after its paragraphs', () => {
    const ii = plan.noi_dung[1];
    expect(ii.bang.cot.map((c: any) => c.tieu_de)).toEqual(['Cột A', 'Cột B']);
    expect(ii.bang.dong).toHaveLength(1);
    expect(Object.values(ii.bang.dong[0].o)).toEqual(['x', 'y']);
    expect(ii.gach).toEqual([{ id: expect.any(String), noi_dung: 'Ý của mục II sau bảng.' }]);
    expect(imp.printed).toMatch(/II\. TỔ CHỨC THỰC HIỆN\n[^\n]*Cột A[^\n]*Cột B[^\n]*\n[^\n]*x[^\n]*y[^\n]*\n- Ý của mục II sau bảng\./);
  });

  it('keeps what it cannot place (a table after the item\'s bullets), as comments with the input line, and says so', () => {
    const unplaced = imp.result.diagnostics.filter((d) => d.rule === 'import-unplaced');
    expect(unplaced.map((d) => d.line)).toEqual([36]);
    expect(imp.yaml).toMatch(/# \[dòng 36\]\n#   Cột C \| Cột D\n#   z \| w/);
  });

  it('reads the appendix table: grouped header, stt column, groups, sub-rows, targets, a row broken over pages', () => {
    const [pl] = plan.phu_luc;
    expect(pl.tieu_de).toBe('Chỉ tiêu thử nghiệm năm 2024');
    const { cot, dong } = pl.bang;
    expect(cot[0]).toMatchObject({ kieu: 'stt', dinh_dang: '1.' });
    expect(cot[2].tieu_de).toBe('Năm 2024');
    expect(cot[2].cot.map((c: any) => c.tieu_de)).toEqual(['Đơn vị tính', 'Giao chỉ tiêu']);
    expect(cot[2].cot[1].kieu).toBe('chi_tieu');
    expect(dong.map((d: any) => d.nhom)).toEqual(['Nhóm thứ nhất', 'Nhóm thứ hai']);
    const rows = dong[0].dong;
    expect(rows).toHaveLength(2);
    expect(Object.values(rows[0].o)).toEqual(['Tỷ lệ thứ nhất', '%', 'Tối thiểu 80']);
    expect(Object.values(rows[0].dong[0].o)).toEqual(['*Tỷ lệ con*', '%', '> 95']);
    expect(Object.values(rows[1].o)[0]).toBe('Tỷ lệ thứ hai, bị ngắt ở cuối trang');
  });

  it('writes a source that passes check and prints the same text', () => {
    expect(imp.check.filter((d) => d.severity === 'error')).toEqual([]);
    for (const line of ['Số: 07/KH-UBND', 'I. MỤC ĐÍCH, YÊU CẦU', '- Ý thứ nhất của yêu cầu, bị ngắt trang ở giữa câu.', '+ Ý con của ý thứ nhất.', 'KT. CHỦ TỊCH']) {
      expect(imp.printed).toContain(line);
    }
  });
});

describe('kehoach import refuses what is not a plan', () => {
  let project: ReturnType<typeof tempProject>;
  beforeAll(() => {
    project = tempProject({ plans: false });
  });
  afterAll(() => project.dispose());

  it('says so for text with no kind line, for a .doc file and for an encrypted .docx', () => {
    const text = importInto(project.root, 'thu.txt', 'Kính gửi anh Nam,\n\nHẹn gặp lại.\n');
    expect(text.result.render).toBeUndefined();
    expect(text.result.diagnostics.map((d) => d.rule)).toEqual(['import-not-a-plan']);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const doc = importInto(project.root, 'cu.doc', ole);
    expect(doc.result.diagnostics[0].message).toMatch(/lưu lại dạng \.docx/);
    const enc = importInto(project.root, 'mat-khau.docx', ole);
    expect(enc.result.diagnostics[0].message).toMatch(/mật khẩu/);
  });

  it('asks for --unit when the place names no unit of the directory', () => {
    const r = importInto(project.root, 'la.txt', SAMPLE.replace('Phú Hồ, ngày', 'Nơi Lạ, ngày'));
    expect(r.result.diagnostics.map((d) => d.message).join('\n')).toMatch(/--unit/);
    const ok = importInto(project.root, 'la2.txt', SAMPLE.replace('Phú Hồ, ngày', 'Nơi Lạ, ngày'), 'phu-ho');
    expect(ok.result.render).toBeDefined();
  });
});
