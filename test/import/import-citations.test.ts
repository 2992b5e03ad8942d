// kehoach import: cited documents matched to the registry (data/van-ban) and written as
// {{van_ban}} references; new documents appended to the province's registry file once the plan
// checks; one number with two dates warned at the input line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.ts';
import { CitationMatcher, findMentions } from '../../src/import/citations.ts';
import { importInto, tempProject, type Imported } from './helpers.ts';

// An invented sample, not a real document: 45/UBND-VP and 12/KH-UBND of Phú Vang do not exist.
const SAMPLE = [
  'Số: 08 /KH-UBND Phú Hồ, ngày 06 tháng 3 năm 2024',
  '',
  '## KẾ HOẠCH',
  '',
  '**Thử nghiệm trích dẫn trên địa bàn xã Phú Hồ năm 2024**',
  '',
  'Căn cứ Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ về phê duyệt bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử;',
  '',
  'Căn cứ Nghị quyết số 02/NQ-CP ngày 05 tháng 01 năm 2024 của Chính phủ;',
  '',
  'Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND huyện Phú Vang về thử nghiệm;',
  '',
  'Ủy ban nhân dân xã ban hành kế hoạch như sau:',
  '',
  '**I. NHIỆM VỤ**',
  '',
  '1. Công khai kết quả theo Quyết định số 766/QĐ-TTg ngày 22/6/2022 của Thủ tướng Chính phủ.',
  '',
  '2. Thực hiện Công văn số 45/UBND-VP ngày 10/01/2024 của UBND huyện Phú Vang.',
  '',
  '3. Báo cáo theo Công văn số 45/UBND-VP ngày 12/01/2024 của UBND huyện Phú Vang.',
  '',
  'Trong quá trình thực hiện, nếu có vướng mắc báo cáo UBND xã./.',
  '',
  '**Nơi nhận:**',
  '- Lưu: VT.',
  '',
  '**TM. ỦY BAN NHÂN DÂN**',
  '**CHỦ TỊCH**',
  '',
  'Đào Hữu Bích',
].join('\n');

describe('kehoach import: citations and the registry', () => {
  let project: ReturnType<typeof tempProject>;
  let imp: Imported;
  let plan: Record<string, any>;
  const registryFile = 'data/van-ban/thua-thien-hue-2024.yaml';
  let registryBefore: string;
  beforeAll(() => {
    project = tempProject({ plans: false });
    registryBefore = readFileSync(path.join(project.root, registryFile), 'utf8');
    imp = importInto(project.root, 'trich-dan.txt', SAMPLE);
    plan = parse(imp.yaml);
  });
  afterAll(() => project.dispose());

  it('writes a citation the registry holds as {{van_ban}} with the options that give the typed words', () => {
    expect(plan.can_cu[0]).toBe('Căn cứ {{van_ban "qd-766-2022-ttg" trich_yeu=true}}');
    expect(plan.can_cu[1]).toBe('Căn cứ {{van_ban "nq-02-2024-cp" ngay="chu"}}');
    expect(imp.check.filter((d) => d.severity === 'error')).toEqual([]);
    expect(imp.printed).toContain('Căn cứ Nghị quyết số 02/NQ-CP ngày 05 tháng 01 năm 2024 của Chính phủ;');
  });

  it('adds a document the registry lacks to the province\'s registry file, and cites it by its new id', () => {
    expect(plan.can_cu[2]).toBe('Căn cứ {{van_ban "kh-12-2024-ubnd-phu-vang"}} về thử nghiệm');
    expect(imp.registry).toEqual({ file: registryFile, ids: ['kh-12-2024-ubnd-phu-vang'] });
    const after = readFileSync(path.join(project.root, registryFile), 'utf8');
    expect(after.startsWith(registryBefore.trimEnd())).toBe(true);
    const entries = parse(after) as Record<string, unknown>[];
    expect(entries).toContainEqual({ id: 'kh-12-2024-ubnd-phu-vang', loai: 'Kế hoạch', so_ky_hieu: '12/KH-UBND', ngay: '2024-01-05', co_quan: 'UBND huyện Phú Vang' });
    expect(imp.printed).toContain('Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2024 của UBND huyện Phú Vang về thử nghiệm.');
    expect(imp.yaml).toContain(`thêm vào ${registryFile}: kh-12-2024-ubnd-phu-vang`);
  });

  it('warns at the input line where a number carries another date than the registry\'s, and keeps the typed words', () => {
    const w = imp.result.diagnostics.filter((d) => d.rule === 'citation-conflict');
    expect(w.find((d) => d.line === 17)?.message).toMatch(/766\/QĐ-TTg được ghi ngày 22\/6\/2022, nhưng danh mục data\/van-ban \(mã qd-766-2022-ttg\) ghi ngày 23\/6\/2022/);
    expect(plan.noi_dung[0].muc[0].noi_dung).toContain('Quyết định số 766/QĐ-TTg ngày 22/6/2022');
  });

  it('warns where the input cites one number with two dates, and neither is referenced nor added', () => {
    const w = imp.result.diagnostics.filter((d) => d.rule === 'citation-conflict' && d.line === 21);
    expect(w).toHaveLength(1);
    expect(w[0].message).toMatch(/45\/UBND-VP được ghi ngày 12\/01\/2024, nhưng ở dòng 19 ghi ngày 10\/01\/2024/);
    expect(plan.noi_dung[0].muc[1].noi_dung).toBe('Thực hiện Công văn số 45/UBND-VP ngày 10/01/2024 của UBND huyện Phú Vang.');
    expect(readFileSync(path.join(project.root, registryFile), 'utf8')).not.toContain('45/UBND-VP');
  });
});

describe('citation mentions', () => {
  it('reads the kind, the number, both date styles, "số" or not, and the issuer up to the subject', () => {
    const [a, b] = findMentions('theo Quyết định 766/QĐ-TTg ngày 23 tháng 6 năm 2022 của Thủ tướng Chính phủ về Bộ chỉ số; Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ.');
    expect(a).toMatchObject({ kind: 'Quyết định', hasSo: false, number: '766/QĐ-TTg', date: '2022-06-23', longDate: true, issuer: 'Thủ tướng Chính phủ' });
    expect(b).toMatchObject({ kind: 'Nghị định', hasSo: true, number: '61/2018/NĐ-CP', date: '2018-04-23', longDate: false, issuer: 'Chính phủ' });
  });

  it('references a registry entry only where its rendering is the typed text', () => {
    const m = new CitationMatcher(new Map([['qd-766-2022-ttg', { id: 'qd-766-2022-ttg', loai: 'Quyết định', so_ky_hieu: '766/QĐ-TTg', ngay: '2022-06-23', co_quan: 'Thủ tướng Chính phủ' }]]));
    expect(m.replace('theo Quyết định 766/QĐ-TTg ngày 23 tháng 6 năm 2022 của Thủ tướng').text).toBe('theo {{van_ban "qd-766-2022-ttg" ngay="chu" so=false co_quan=false}} của Thủ tướng');
    expect(m.replace('Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ.').text).toBe('{{van_ban "qd-766-2022-ttg"}}.');
  });
});

describe('kehoach import (command line): the registry is written only when the plan checks', () => {
  let project: ReturnType<typeof tempProject>;
  beforeAll(() => {
    project = tempProject({ plans: false });
    mkdirSync(path.join(project.root, 'nhap'), { recursive: true });
    writeFileSync(path.join(project.root, 'nhap/tot.txt'), SAMPLE);
    // The same plan with a target below its parent's: an error, so nothing goes to the registry.
    mkdirSync(path.join(project.root, 'plans/thua-thien-hue/phu-vang'), { recursive: true });
    writeFileSync(
      path.join(project.root, 'plans/thua-thien-hue/phu-vang/2024-thu.yaml'),
      [
        'don_vi: phu-vang', 'loai: ke_hoach', 'so: 5', 'ngay: 2024-03-01', 'trich_yeu: Thử nghiệm', 'noi_dung: [{ id: a, tieu_de: Nhiệm vụ, noi_dung: Một việc. }]',
        'ky: { thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn Mẫu }', 'noi_nhan: { danh_sach: [TT Huyện ủy], luu: [VT] }',
        'phu_luc:', '  - id: pl', '    tieu_de: Chỉ tiêu', '    bang:',
        '      cot: [{ id: stt, tieu_de: STT, kieu: stt }, { id: ten, tieu_de: Tên chỉ tiêu }, { id: chi-tieu, tieu_de: Giao chỉ tiêu, kieu: chi_tieu }]',
        '      dong: [{ id: tt, o: { ten: Tỷ lệ thanh toán trực tuyến, chi-tieu: Tối thiểu 40 } }]', '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(project.root, 'nhap/thap.txt'),
      SAMPLE.replace('12/KH-UBND', '13/KH-UBND').concat('\n\n**PHỤ LỤC**\n\n**CHỈ TIÊU**\n\nSTT\tTên chỉ tiêu\tGiao chỉ tiêu\n1.\tTỷ lệ thanh toán trực tuyến\tTối thiểu 30\n'),
    );
  });
  afterAll(() => project.dispose());

  it('writes the plan, then the new registry entries, and names both', async () => {
    const r = await runCli(['import', 'nhap/tot.txt', '--out', 'plans/thua-thien-hue/phu-ho/2024-tot.yaml'], project.root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['plans/thua-thien-hue/phu-ho/2024-tot.yaml', 'data/van-ban/thua-thien-hue-2024.yaml']);
    expect(readFileSync(path.join(project.root, 'data/van-ban/thua-thien-hue-2024.yaml'), 'utf8')).toContain('id: kh-12-2024-ubnd-phu-vang');
    expect(r.stderr).toMatch(/nhap\/tot\.txt:21:1: warning: .*45\/UBND-VP.*\[citation-conflict\]/);
  });

  it('leaves the registry alone when the written plan has errors, and says so', async () => {
    const before = readFileSync(path.join(project.root, 'data/van-ban/thua-thien-hue-2024.yaml'), 'utf8');
    const out = 'plans/thua-thien-hue/phu-ho/2024-thap.yaml';
    const r = await runCli(['import', 'nhap/thap.txt', '--from', 'plans/thua-thien-hue/phu-vang/2024-thu.yaml', '--out', out], project.root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[target-below-parent\]/);
    expect(r.stderr).toMatch(/chưa ghi 1 văn bản mới \(kh-13-2024-ubnd-phu-vang\) vào data\/van-ban\/thua-thien-hue-2024\.yaml/);
    expect(readFileSync(path.join(project.root, 'data/van-ban/thua-thien-hue-2024.yaml'), 'utf8')).toBe(before);
    expect(existsSync(path.join(project.root, out))).toBe(true);
  });
});
