// Issue #11, part 1: a template says in its own data which parts apply at which level (chi_cap,
// {{theo_cap}}), so a child at another level reads as its own; level-words reads every rendered
// text and skips only what the source marks ({{rieng}}, citations and names made by helpers).
import { describe, expect, it } from 'vitest';
import { buildAndCheck } from '../../src/check/index.ts';
import { renderText } from '../../src/write/text/index.ts';
import { makeProject } from '../model/project-fixture.ts';

const UNITS = `
- { id: hue, cap: thanh_pho, ten: Huế }
- { id: hue-thuy-bang, cap: xa, ten: Thủy Bằng, thuoc: hue }
`;

const CITY = `don_vi: hue
loai: ke_hoach
so: 1590
ngay: 2024-02-27
trich_yeu: Kế hoạch năm {{nam}}
noi_dung:
  - id: to-chuc
    tieu_de: Tổ chức thực hiện
    muc:
      - { id: van-phong, tieu_de: Văn phòng, noi_dung: Chủ trì. }
      - { id: phong-vhtt, chi_cap: [cap_huyen], tieu_de: Phòng Văn hóa và Thông tin, noi_dung: Theo dõi. }
      - { id: cong-dong, chi_cap: [xa, phuong], tieu_de: Trách nhiệm của cộng đồng, noi_dung: Tham gia. }
phu_luc:
  - id: pl
    tieu_de: Chỉ tiêu
    bang:
      cot:
        - { id: ten, tieu_de: Tên }
        - { id: thuc-hien, tieu_de: Thực hiện }
        - { id: chi-tieu, tieu_de: Chỉ tiêu, kieu: chi_tieu }
      dong:
        - { id: chung-thuc, o: { ten: 'Chứng thực tại {{theo_cap cap_xa="UBND cấp xã" khac="UBND các phường, xã và Phòng Tư pháp thành phố"}}', thuc-hien: Văn phòng, chi-tieu: "100" } }
        - { id: cap-huyen, chi_cap: [cap_huyen], o: { ten: Hồ sơ cấp huyện, thuc-hien: Văn phòng, chi-tieu: "> 95" } }
        - { id: phong-ban, o: { ten: Đối với các phòng thuộc UBND thành phố, thuc-hien: Văn phòng, chi-tieu: "100" } }
        - { id: ten-rieng, o: { ten: 'Theo {{rieng "Quy chế của UBND thành phố Huế"}}', thuc-hien: Văn phòng, chi-tieu: "100" } }
`;

const CHILD = `ke_thua: ../hue/kh.yaml
don_vi: hue-thuy-bang
so: null
ngay: "2024"
ky: { thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH }
`;

function check(files: Record<string, string>, file: string) {
  const p = makeProject({ 'data/don-vi/units.yaml': UNITS, 'plans/hue/kh.yaml': CITY, ...files });
  const r = p.resolve(file);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const built = buildAndCheck(r.src!, p.project);
  return { text: renderText(built.doc!), diagnostics: built.diagnostics, src: r.src! };
}

describe('chi_cap and theo_cap', () => {
  it('keeps the city’s own parts in the city plan', () => {
    const { text } = check({}, 'plans/hue/kh.yaml');
    expect(text).toContain('2. Phòng Văn hóa và Thông tin');
    expect(text).not.toContain('Trách nhiệm của cộng đồng');
    expect(text).toContain('Chứng thực tại UBND các phường, xã và Phòng Tư pháp thành phố');
    expect(text).toContain('Hồ sơ cấp huyện');
  });

  it('gives a commune its own parts, renumbered, with no edit', () => {
    const { text, src } = check({ 'plans/hue-thuy-bang/kh.yaml': CHILD }, 'plans/hue-thuy-bang/kh.yaml');
    expect(text).not.toContain('Phòng Văn hóa và Thông tin');
    expect(text).toContain('2. Trách nhiệm của cộng đồng');
    expect(text).toContain('Chứng thực tại UBND cấp xã');
    expect(text).not.toContain('Hồ sơ cấp huyện');
    expect(text).toContain('Chứng thực tại UBND cấp xã | Văn phòng | 100\nĐối với các phòng thuộc UBND thành phố | Văn phòng | 100');
    // Origins still point at the lines that wrote each part.
    expect(src.origin(['noi_dung', 0, 'muc', 1, 'tieu_de'])).toMatchObject({ file: 'plans/hue/kh.yaml', line: 12 });
  });

  it('lets a child keep a part of another level by giving its own chi_cap', () => {
    const child = `${CHILD}noi_dung:\n  - id: to-chuc\n    muc:\n      - { id: phong-vhtt, chi_cap: [xa], tieu_de: Phòng Văn hóa và Thông tin thành phố }\n`;
    const { text } = check({ 'plans/hue-thuy-bang/kh.yaml': child }, 'plans/hue-thuy-bang/kh.yaml');
    expect(text).toContain('2. Phòng Văn hóa và Thông tin thành phố');
  });

  it('refuses an unknown level name', () => {
    const p = makeProject({ 'data/don-vi/units.yaml': UNITS, 'plans/hue/kh.yaml': CITY.replace('chi_cap: [cap_huyen], tieu_de: Phòng', 'chi_cap: [quan_huyen], tieu_de: Phòng') });
    expect(p.resolve('plans/hue/kh.yaml').diagnostics.map((d) => [d.line, d.severity])).toEqual([[11, 'error']]);
  });
});

describe('level-words over every rendered text', () => {
  it('flags the city wording in any annex cell, and nothing the source marks or generates', () => {
    const { diagnostics } = check({ 'plans/hue-thuy-bang/kh.yaml': CHILD }, 'plans/hue-thuy-bang/kh.yaml');
    expect(diagnostics.filter((d) => d.rule === 'level-words').map((d) => `${d.file}:${d.line} ${d.message.slice(0, 88)}`)).toEqual([
      'plans/hue/kh.yaml:24 Văn bản kế thừa (phu_luc.bang.dong.o.ten) còn từ ngữ của cấp trên: "UBND thành phố" — kế',
    ]);
  });

  it('flags a signature block inherited from the city', () => {
    const { diagnostics } = check(
      { 'plans/hue/kh.yaml': `${CITY}ky: { thay_mat: ỦY BAN NHÂN DÂN, ky_thay: CHỦ TỊCH, chuc_vu: PHÓ CHỦ TỊCH, ho_ten: Trương Đình Hạnh }\n`, 'plans/hue-thuy-bang/kh.yaml': CHILD.replace(/ky: .*\n/, '') },
      'plans/hue-thuy-bang/kh.yaml',
    );
    expect(diagnostics.filter((d) => d.rule === 'level-words' && d.message.startsWith('Khối chữ ký')).map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      'plans/hue/kh.yaml:26 Khối chữ ký (ky) kế thừa của UBND thành phố Huế (PHÓ CHỦ TỊCH Trương Đình Hạnh); ghi ky: của đơn vị mình trong plans/hue-thuy-bang/kh.yaml',
    ]);
  });
});
