// kehoach import --from PARENT.yaml: the import as a child plan that holds only what differs, on a
// small parent written for the test and on the real case (Phú Hồ's seed text under Huế's plan).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.ts';
import { fidelity, readSeed, seedPath, seedsMissing } from '../helpers/seeds.ts';
import { importInto, tempProject, type Imported } from './helpers.ts';

// A district plan (an invented sample, not a real document) that the commune's import inherits.
const PARENT = `# yaml-language-server: $schema=../../../schemas/plan.schema.json
don_vi: phu-vang
loai: ke_hoach
so: 5
ngay: 2024-03-01
trich_yeu: Thử nghiệm kế thừa trên địa bàn {{don_vi.ten_day_du}} năm {{nam}}
mo_dau: "{{don_vi.uy_ban}} ban hành kế hoạch như sau:"
noi_dung:
  - id: muc-dich
    tieu_de: Mục đích, yêu cầu
    muc:
      - { id: md-mot, noi_dung: "Nội dung thứ nhất giữ nguyên ở {{don_vi.ten_day_du}}." }
      - { id: md-hai, noi_dung: Nội dung thứ hai sẽ được cấp dưới sửa vài chữ trong câu này. }
      - { id: md-ba, noi_dung: Nội dung thứ ba cấp dưới không làm nên bỏ đi hẳn. }
      - { id: md-bon, noi_dung: Nội dung thứ tư về kiểm tra giám sát việc thực hiện kế hoạch. }
  - id: to-chuc
    tieu_de: Tổ chức thực hiện
    noi_dung: Các cơ quan, đơn vị triển khai thực hiện nghiêm túc kế hoạch này.
loi_ket: Trong quá trình thực hiện, nếu có vướng mắc báo cáo {{cap.ubnd}} để xem xét
ky: { thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn Mẫu }
noi_nhan: { danh_sach: [TT Huyện ủy], luu: [VT] }
phu_luc:
  - id: pl-chi-tieu
    tieu_de: Chỉ tiêu thử nghiệm năm {{nam}}
    bang:
      cot:
        - { id: stt, tieu_de: STT, kieu: stt, dinh_dang: "1.", rong: 5 }
        - { id: ten, tieu_de: Tên chỉ tiêu, rong: 30 }
        - { id: chi-tieu, tieu_de: Giao chỉ tiêu, kieu: chi_tieu, rong: 10 }
      dong:
        - { id: ho-so-truc-tuyen, o: { ten: Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ, chi-tieu: Tối thiểu 50 } }
        - { id: thanh-toan, o: { ten: Tỷ lệ thanh toán trực tuyến trên tổng số giao dịch, chi-tieu: Tối thiểu 40 } }
`;

// The commune's plan as a portal prints it: item 2 reworded, item 3 gone, a new item between 2 and
// 4, items 1 and 4 as the parent reads at the commune, one target changed, one citation.
const CHILD_TEXT = [
  'Số: 09 /KH-UBND Phú Hồ, ngày 20 tháng 3 năm 2024',
  '',
  '## KẾ HOẠCH',
  '',
  '**Thử nghiệm kế thừa trên địa bàn xã Phú Hồ năm 2024**',
  '',
  'Thực hiện Kế hoạch số 05/KH-UBND ngày 01/3/2024 của UBND huyện Phú Vang.',
  '',
  'Ủy ban nhân dân xã Phú Hồ ban hành kế hoạch như sau:',
  '',
  '**I. MỤC ĐÍCH, YÊU CẦU**',
  '',
  '1. Nội dung thứ nhất giữ nguyên ở xã Phú Hồ.',
  '',
  '2. Nội dung thứ hai đã được cấp xã sửa vài chữ trong câu này.',
  '',
  '3. Nội dung mới của xã về tuyên truyền theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ.',
  '',
  '4. Nội dung thứ tư về kiểm tra giám sát việc thực hiện kế hoạch.',
  '',
  '**II. TỔ CHỨC THỰC HIỆN**',
  '',
  'Các cơ quan, đơn vị triển khai thực hiện nghiêm túc kế hoạch này.',
  '',
  'Trong quá trình thực hiện, nếu có vướng mắc báo cáo UBND xã để xem xét./.',
  '',
  '**Nơi nhận:**',
  '- TT Đảng ủy xã;',
  '- Lưu: VT.',
  '',
  '**TM. ỦY BAN NHÂN DÂN**',
  '**CHỦ TỊCH**',
  '',
  'Trần Văn Thử',
  '',
  '**PHỤ LỤC**',
  '',
  '**CHỈ TIÊU THỬ NGHIỆM NĂM 2024**',
  '',
  'STT\tTên chỉ tiêu\tGiao chỉ tiêu',
  '1.\tTỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ\tTối thiểu 50',
  '2.\tTỷ lệ thanh toán trực tuyến trên tổng số giao dịch\tTối thiểu 60',
].join('\n');

describe('kehoach import --from: a child holding only what differs', () => {
  let project: ReturnType<typeof tempProject>;
  let imp: Imported;
  let child: Record<string, any>;
  beforeAll(() => {
    project = tempProject({ plans: false });
    mkdirSync(path.join(project.root, 'plans/thua-thien-hue/phu-vang'), { recursive: true });
    writeFileSync(path.join(project.root, 'plans/thua-thien-hue/phu-vang/2024-thu.yaml'), PARENT);
    imp = importInto(project.root, 'con.txt', CHILD_TEXT, undefined, 'plans/thua-thien-hue/phu-ho/2024-thu.yaml', 'plans/thua-thien-hue/phu-vang/2024-thu.yaml');
    child = parse(imp.yaml);
  });
  afterAll(() => project.dispose());

  it('names its parent and the parent\'s editor schema, and checks without error', () => {
    expect(imp.renderDiagnostics).toEqual([]);
    expect(imp.check.filter((d) => d.severity === 'error')).toEqual([]);
    expect(child.ke_thua).toBe('../phu-vang/2024-thu.yaml');
    expect(imp.yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schemas/ke-thua/thua-thien-hue/phu-vang/2024-thu.schema.json');
    expect(child).toMatchObject({ don_vi: 'phu-ho', so: 9, ngay: '2024-03-20' });
  });

  it('implements the parent it cites in its "Thực hiện" sentence (thuc_hien.ke_hoach, targets bound)', () => {
    expect(child.thuc_hien).toEqual({ ke_hoach: '../phu-vang/2024-thu.yaml', noi_dung: 'Thực hiện Kế hoạch số 05/KH-UBND ngày 01/3/2024 của UBND huyện Phú Vang' });
    expect(imp.printed).toContain('Thực hiện Kế hoạch số 05/KH-UBND ngày 01/3/2024 của UBND huyện Phú Vang.');
    expect(imp.registry).toBeUndefined();
  });

  it('inherits what reads the same in the child\'s context (title, opening, unchanged items and sections)', () => {
    expect(child.trich_yeu).toBeUndefined();
    expect(child.mo_dau).toBeUndefined();
    expect(child.loi_ket).toBeUndefined();
    const ids = child.noi_dung.map((m: any) => m.id);
    expect(ids).toEqual(['muc-dich']); // "Tổ chức thực hiện" is the parent's, word for word
    expect(child.noi_dung[0].muc.map((m: any) => m.id)).not.toContain('md-mot');
    expect(child.noi_dung[0].muc.map((m: any) => m.id)).not.toContain('md-bon');
  });

  it('keeps the parent\'s id for an edited item, removes a missing one, places a new one', () => {
    const muc = child.noi_dung[0].muc;
    expect(muc).toContainEqual({ id: 'md-hai', noi_dung: 'Nội dung thứ hai đã được cấp xã sửa vài chữ trong câu này.' });
    expect(muc).toContainEqual({ id: 'md-ba', $xoa: true });
    const added = muc.find((m: any) => m.$sau === 'md-hai');
    expect(added.noi_dung).toBe('Nội dung mới của xã về tuyên truyền theo {{van_ban "qd-766-2022-ttg"}}.');
    expect(imp.printed).toMatch(/2\. Nội dung thứ hai đã được cấp xã[^\n]*\n3\. Nội dung mới của xã[^\n]*Quyết định số 766\/QĐ-TTg ngày 23\/6\/2022 của Thủ tướng Chính phủ\.\n4\. Nội dung thứ tư/);
  });

  it('writes a changed target under the parent\'s row and column ids, and the signer and recipients whole', () => {
    expect(child.phu_luc).toEqual([{ id: 'pl-chi-tieu', bang: { dong: [{ id: 'thanh-toan', o: { 'chi-tieu': 'Tối thiểu 60' } }] } }]);
    expect(child.ky).toEqual({ thay_mat: 'ỦY BAN NHÂN DÂN', chuc_vu: 'CHỦ TỊCH', ho_ten: 'Trần Văn Thử' });
    expect(child.noi_nhan).toEqual({ danh_sach: ['TT Đảng ủy xã'] });
  });
});

describe('kehoach import --from (command line): a parent that cannot be read', () => {
  let project: ReturnType<typeof tempProject>;
  beforeAll(() => {
    project = tempProject({ plans: false });
    mkdirSync(path.join(project.root, 'nhap'), { recursive: true });
    writeFileSync(path.join(project.root, 'nhap/con.txt'), CHILD_TEXT);
    mkdirSync(path.join(project.root, 'plans/thua-thien-hue/phu-vang'), { recursive: true });
    writeFileSync(path.join(project.root, 'plans/thua-thien-hue/phu-vang/hong.yaml'), PARENT.replace('don_vi: phu-vang', 'don_vi: khong-co'));
  });
  afterAll(() => project.dispose());

  it('says a missing parent or one with errors in Vietnamese, with exit 1, and writes nothing', async () => {
    const missingParent = await runCli(['import', 'nhap/con.txt', '--from', 'plans/khong-co.yaml'], project.root);
    expect(missingParent.code).toBe(1);
    expect(missingParent.stderr).toContain("không tìm thấy kế hoạch cha 'plans/khong-co.yaml'");
    const broken = await runCli(['import', 'nhap/con.txt', '--from', 'plans/thua-thien-hue/phu-vang/hong.yaml', '--out', 'plans/thua-thien-hue/phu-ho/con.yaml'], project.root);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("kế hoạch cha 'plans/thua-thien-hue/phu-vang/hong.yaml' còn lỗi");
    expect(broken.stdout).toBe('');
    expect(existsSync(path.join(project.root, 'plans/thua-thien-hue/phu-ho/con.yaml'))).toBe(false);
  });
});

const missing = seedsMissing();

describe.skipIf(!!missing)(`kehoach import of Phú Hồ's text --from Huế's plan${missing ? ` (bỏ qua: ${missing})` : ''}`, () => {
  const seed = 'phu-ho-2024-50-kh-ubnd';
  const parentFile = 'plans/thua-thien-hue/hue/2024-dvctt.yaml';
  const handWritten = 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml';
  const out = 'plans/thua-thien-hue/phu-ho/2024-dvctt-nhap.yaml';
  let project: ReturnType<typeof tempProject>;
  let imp: Imported;
  let child: Record<string, any>;
  beforeAll(async () => {
    project = tempProject();
    imp = importInto(project.root, `${seed}.txt`, readSeed(seed), undefined, out, parentFile);
    child = parse(imp.yaml);
    const r = await runCli(['build', out, '--out', 'out', '--format', 'docx', '--quiet'], project.root);
    expect(r.stderr).toBe('');
  }, 120_000);
  afterAll(() => project.dispose());

  it('checks without error and builds to the seed\'s text (seed-fidelity recall >= 0.95)', () => {
    expect(imp.check.filter((d) => d.severity === 'error')).toEqual([]);
    const f = fidelity(seedPath(seed), path.join(project.root, 'out/thua-thien-hue/phu-ho/2024-dvctt-nhap/2024-dvctt-nhap.docx'));
    expect(f.recall, f.report).toBeGreaterThanOrEqual(0.95);
  });

  it('is close in size to the hand-written child: within 1.5x its YAML lines and its characters', () => {
    const hand = readFileSync(path.join(project.root, handWritten), 'utf8');
    const lines = (s: string) => s.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')).length;
    expect(lines(imp.yaml) / lines(hand)).toBeLessThanOrEqual(1.5);
    expect(imp.yaml.length / hand.length).toBeLessThanOrEqual(1.5);
  });

  it('keeps the parent\'s ids and implements the district\'s plan from the registry, as the hand-written child does', () => {
    expect(child.ke_thua).toBe('../hue/2024-dvctt.yaml');
    expect(child.thuc_hien).toEqual({ van_ban: 'kh-82-2024-ubnd-phu-vang', noi_dung: 'Thực hiện {{van_ban "kh-82-2024-ubnd-phu-vang" trich_yeu=true}}' });
    expect(child.can_cu).toEqual([]);
    expect(child.noi_dung.map((m: any) => m.id)).toEqual(['muc-dich-yeu-cau', 'nhiem-vu-trong-tam', 'to-chuc-thuc-hien']);
    expect(child.phu_luc).toContainEqual({ id: 'pl-nhiem-vu', $xoa: true });
    const rows = child.phu_luc.find((p: any) => p.id === 'pl-chi-tieu').bang.dong.find((d: any) => d.id === 'nhom-phuc-vu').dong;
    expect(rows.find((d: any) => d.id === 'thanh-toan-truc-tuyen').o['chi-tieu']).toBe('Tối thiểu 30');
    expect(rows).toContainEqual({ id: 'nguoi-dan-su-dung-dvctt', $xoa: true });
  });
});
