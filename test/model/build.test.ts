import { describe, expect, it } from 'vitest';
import { makeProject, plan } from './project-fixture.ts';
import { buildDocument } from '../../src/model/build.ts';
import { runsText } from '../../src/text/case.ts';
import type { Block, TextBlock } from '../../src/model/types.ts';

function buildFiles(files: Record<string, string>, file: string) {
  const f = makeProject(files);
  const r = f.resolve(file);
  expect(r.diagnostics).toEqual([]);
  const res = buildDocument(r.src!, f.project);
  expect(res.diagnostics).toEqual([]);
  return res.doc!;
}
const build = (yaml: string) => buildFiles({ 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml': yaml }, 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml');
const text = (b: Block) => runsText((b as TextBlock).runs);
const lines = (blocks: Block[]) => blocks.map((b) => `${(b as TextBlock).label ?? ''}|${text(b)}`);

const BODY = `noi_dung:
  - id: muc-dich
    tieu_de: Mục đích, yêu cầu
    muc:
      - id: md-1
        noi_dung: Đẩy mạnh cải cách.
      - id: md-2
        tieu_de: Yêu cầu
        noi_dung: [Đoạn một, Đoạn hai]
        muc:
          - { id: a1, noi_dung: Điểm một }
          - { id: a2, tieu_de: Điểm hai }
          - { id: a3, noi_dung: Điểm ba, muc: [{ id: s1, noi_dung: Sâu hơn }] }
          - { id: a4, noi_dung: x }
          - { id: a5, noi_dung: y }
        gach:
          - Ý một
          - id: g2
            noi_dung: Ý hai
            gach: [Ý con]
        ket: (Chi tiết tại {{phu_luc "pl-a"}} kèm theo)
  - id: kinh-phi
    tieu_de: Kinh phí thực hiện
    noi_dung: Ngân sách nhà nước.
phu_luc:
  - id: pl-a
    tieu_de: Giao chỉ tiêu năm {{nam}}
`;

describe('buildDocument: plan issued directly', () => {
  const doc = build(plan(BODY + 'ky: { chuc_vu: phó chủ tịch, ky_thay: chủ tịch, thay_mat: ỦY BAN NHÂN DÂN, ho_ten: Đào Hữu Bích }\nnoi_nhan: { danh_sach: [\"CT, PCT UBND xã;\", Các bộ phận.], luu: [VT, VP] }\n'));

  it('fills the header grid, kind line and title', () => {
    expect(doc.plan.header).toEqual({
      supervisingAgency: [],
      issuingAgency: ['ỦY BAN NHÂN DÂN', 'XÃ PHÚ HỒ'],
      numberLine: 'Số: 50/KH-UBND',
      placeDateLine: 'Phú Hồ, ngày 18 tháng 3 năm 2024',
    });
    expect(doc.plan.kind).toBe('KẾ HOẠCH');
    expect(doc.plan.title).toEqual([{ text: 'Nâng cao chất lượng năm 2024' }]);
    expect(doc.plan.attachedNote).toBeUndefined();
    expect(doc.decision).toBeUndefined();
  });

  it('numbers the body I. → 1. → a) → -, upper-cases level-1 titles, ends with ./.', () => {
    expect(lines(doc.plan.body)).toEqual([
      'I.|MỤC ĐÍCH, YÊU CẦU',
      '1.|Đẩy mạnh cải cách.',
      '2.|Yêu cầu',
      '|Đoạn một',
      '|Đoạn hai',
      'a)|Điểm một',
      'b)|Điểm hai',
      'c)|Điểm ba',
      '-|Sâu hơn',
      'd)|x',
      'đ)|y',
      '-|Ý một',
      '-|Ý hai',
      '+|Ý con',
      '|(Chi tiết tại Phụ lục kèm theo)',
      'II.|KINH PHÍ THỰC HIỆN',
      '|Ngân sách nhà nước./.',
    ]);
    const roles = doc.plan.body.map((b) => (b as TextBlock).role);
    expect(roles.slice(0, 7)).toEqual(['section', 'paragraph', 'item-title', 'paragraph', 'paragraph', 'paragraph', 'point-title']);
    expect(roles[14]).toBe('note');
  });

  it('gives each block a stable ref', () => {
    expect(doc.plan.body.slice(0, 4).map((b) => b.ref)).toEqual([
      'noi-dung/muc-dich',
      'noi-dung/muc-dich/md-1',
      'noi-dung/muc-dich/md-2',
      'noi-dung/muc-dich/md-2/noi-dung/0',
    ]);
    expect(doc.plan.body[12].ref).toBe('noi-dung/muc-dich/md-2/gach/g2');
    expect(new Set(doc.plan.body.map((b) => b.ref)).size).toBe(doc.plan.body.length);
  });

  it('orders signature lines TM. → KT. → position and punctuates recipients', () => {
    expect(doc.plan.signature).toEqual({ lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Đào Hữu Bích' });
    expect(doc.plan.recipients!.lines).toEqual(['- CT, PCT UBND xã;', '- Các bộ phận;', '- Lưu: VT, VP.']);
  });

  it('labels annexes and notes the plan they come with', () => {
    expect(doc.annexes).toHaveLength(1);
    expect(doc.annexes[0]).toMatchObject({
      id: 'pl-a',
      label: 'Phụ lục',
      fileStem: 'phu-luc',
      title: 'GIAO CHỈ TIÊU NĂM 2024',
      attachedNote: '(Kèm theo Kế hoạch số 50/KH-UBND ngày 18 tháng 3 năm 2024 của UBND xã Phú Hồ)',
      orientation: 'landscape',
    });
  });

  it('fills meta and output paths', () => {
    expect(doc.source).toBe('plans/thua-thien-hue/phu-ho/2024-dvctt.yaml');
    expect(doc.outputDir).toBe('thua-thien-hue/phu-ho/2024-dvctt');
    expect(doc.name).toBe('2024-dvctt');
    expect(doc.meta).toEqual({
      title: 'Kế hoạch nâng cao chất lượng năm 2024',
      subject: 'Nâng cao chất lượng năm 2024',
      author: 'Ủy ban nhân dân xã Phú Hồ',
      keywords: ['Kế hoạch', 'xã Phú Hồ', '2024', '50/KH-UBND'],
      language: 'vi-VN',
      date: '2024-03-18',
      year: 2024,
    });
  });
});

describe('preamble', () => {
  it('punctuates căn cứ and the thực hiện sentence from a registry document', () => {
    const doc = build(plan('can_cu:\n  - Căn cứ {{van_ban "nq-01-2024-cp"}}.\n  - "Căn cứ Luật ABC;"\nthuc_hien: { van_ban: qd-766-2022-ttg }\nmo_dau: \"Ủy ban ban hành như sau:\"\n'));
    expect(doc.plan.preamble.map((b) => [b.role, text(b)])).toEqual([
      ['basis', 'Căn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ;'],
      ['basis', 'Căn cứ Luật ABC;'],
      ['basis', 'Thực hiện Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ về phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp.'],
      ['paragraph', 'Ủy ban ban hành như sau:'],
    ]);
  });

  it('ends the last căn cứ with "." when nothing follows, and hides the sentence on hien_thi: false', () => {
    const doc = build(plan('can_cu: [Căn cứ A, Căn cứ B;]\nthuc_hien: { van_ban: qd-766-2022-ttg, hien_thi: false }\n'));
    expect(doc.plan.preamble.map(text)).toEqual(['Căn cứ A;', 'Căn cứ B.']);
  });

  it('uses a custom sentence with {{thuc_hien}}', () => {
    const doc = build(plan('thuc_hien: { van_ban: qd-766-2022-ttg, noi_dung: "Triển khai {{thuc_hien}};" }\n'));
    expect(doc.plan.preamble.map(text)).toEqual(['Triển khai Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ.']);
  });

  it('cites the parent plan with its own number, date, unit and trích yếu rendered in its context', () => {
    const parent = 'don_vi: hue\nloai: ke_hoach\nso: 1590\nngay: 2024-02-27\ntrich_yeu: Nâng cao chất lượng trên địa bàn {{don_vi.ten_day_du}}\nnoi_dung:\n  - { id: a, tieu_de: Mục đích }\n';
    const child = 'ke_thua: ../hue/2024.yaml\ndon_vi: phu-ho\nso: 5\nngay: 2024-03-18\n';
    const doc = buildFiles({ 'plans/t/hue/2024.yaml': parent, 'plans/t/phu-ho/2024.yaml': child }, 'plans/t/phu-ho/2024.yaml');
    expect(doc.plan.preamble.map(text)).toEqual(['Thực hiện Kế hoạch số 1590/KH-UBND ngày 27/02/2024 của UBND thành phố Huế về nâng cao chất lượng trên địa bàn thành phố Huế.']);
    expect(runsText(doc.plan.title)).toBe('Nâng cao chất lượng trên địa bàn xã Phú Hồ');
    expect(doc.plan.header.numberLine).toBe('Số: 05/KH-UBND');
  });

  it('prints nothing when the plan implements nothing', () => {
    expect(build(plan('')).plan.preamble).toEqual([]);
  });
});

describe('closing', () => {
  it('appends ./. to loi_ket after stripping a typed full stop', () => {
    const doc = build(plan('noi_dung: [{ id: a, tieu_de: A, noi_dung: Đoạn. }]\nloi_ket: Trong quá trình thực hiện báo cáo theo quy định.\n'));
    expect(text(doc.plan.body[doc.plan.body.length - 1])).toBe('Trong quá trình thực hiện báo cáo theo quy định./.');
    expect(text(doc.plan.body[1])).toBe('Đoạn.');
  });
});

describe('decision promulgating the plan', () => {
  const doc = build(
    plan(
      `so: null\nquyet_dinh:\n  so: null\n  can_cu: ['Căn cứ {{van_ban "luat-tccqdp-2025"}}', Căn cứ B.]\n  de_nghi: Trưởng Phòng Văn hóa - Xã hội\n  dieu: [Ban hành kèm theo Quyết định này Kế hoạch., Quyết định này có hiệu lực kể từ ngày ký, Các cơ quan chịu trách nhiệm thi hành.]\n  noi_nhan: { danh_sach: [Như Điều 3], luu: [VT, PVHXH] }\n  ky: { thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Bùi Quang Nam }\nphu_luc: [{ id: p1, tieu_de: A }, { id: p2, tieu_de: B, huong: doc }]\n`,
      'don_vi: cam-hiep\nloai: ke_hoach\nngay: 2025-08\ntrich_yeu: Cải cách thủ tục hành chính năm {{nam}}\n',
    ),
  );

  it('builds the decision with its own number line, italic bases and articles', () => {
    const qd = doc.decision!;
    expect(qd.header.numberLine).toBe('Số:      /QĐ-UBND');
    expect(qd.header.placeDateLine).toBe('Cam Hiệp, ngày      tháng 8 năm 2025');
    expect(qd.kind).toBe('QUYẾT ĐỊNH');
    expect(runsText(qd.title)).toBe('Ban hành Kế hoạch cải cách thủ tục hành chính năm 2025');
    expect(qd.authority).toBe('ỦY BAN NHÂN DÂN XÃ CAM HIỆP');
    expect(qd.bases.map(text)).toEqual(['Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;', 'Căn cứ B;', 'Theo đề nghị của Trưởng Phòng Văn hóa - Xã hội.']);
    expect(qd.bases.every((b) => b.italic)).toBe(true);
    expect(qd.articles.map((a) => `${a.label} ${text(a)}`)).toEqual([
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký',
      'Điều 3. Các cơ quan chịu trách nhiệm thi hành./.',
    ]);
    expect(qd.signature).toEqual({ lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Bùi Quang Nam' });
    expect(qd.recipients.lines).toEqual(['- Như Điều 3;', '- Lưu: VT, PVHXH.']);
  });

  it('heads the plan with the decision note instead of a number and date', () => {
    expect(doc.plan.header.numberLine).toBeUndefined();
    expect(doc.plan.header.placeDateLine).toBeUndefined();
    expect(doc.plan.attachedNote).toBe('(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày      tháng 8 năm 2025 của UBND xã Cam Hiệp)');
    expect(doc.annexes.map((a) => [a.label, a.fileStem, a.orientation, a.attachedNote])).toEqual([
      ['Phụ lục I', 'phu-luc-1', 'landscape', doc.plan.attachedNote],
      ['Phụ lục II', 'phu-luc-2', 'portrait', doc.plan.attachedNote],
    ]);
    expect(doc.meta.date).toBe('2025-08-01');
  });
});
