// The two YAML traps of Vietnamese plan text: an unquoted value starting with "{{" and one holding
// "…: " or ending in ":". Each is reported at the value with the quoting fix, line shown quoted.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml-positions.ts';

const diag = (text: string) => parseYaml(text, 'a.yaml').diagnostics.map((d) => `${d.line}:${d.col} ${d.rule}: ${d.message}`);

describe('YAML quoting traps', () => {
  it('a value ending in "như sau:" says to quote it and shows the quoted line', () => {
    expect(diag('loai: ke_hoach\nmo_dau: Ủy ban nhân dân ban hành kế hoạch như sau:\nngay: 2024\n')).toEqual([
      '2:9 yaml-quote-needed: giá trị có dấu hai chấm (":") phải đặt trong dấu nháy (không có nháy, YAML hiểu phần trước dấu ":" là một khóa mới): viết mo_dau: "Ủy ban nhân dân ban hành kế hoạch như sau:"',
    ]);
    expect(diag('noi_dung:\n  - id: a\n    noi_dung: Căn cứ: Luật\n')[0]).toMatch(/^3:15 yaml-quote-needed: .*viết noi_dung: "Căn cứ: Luật"$/);
  });

  it('a value starting with "{{" is refused even where YAML finds no syntax error', () => {
    expect(diag('trich_yeu: {{nam}}\n')).toEqual([
      '1:12 yaml-quote-needed: giá trị bắt đầu bằng "{{" phải đặt trong dấu nháy (không có nháy, YAML hiểu "{" là mở một bảng): viết trich_yeu: "{{nam}}"',
    ]);
    expect(diag('gach:\n  - {{don_vi.ten}} và\n')[0]).toMatch(/^2:5 yaml-quote-needed: .*viết - "\{\{don_vi.ten\}\} và"$/);
    expect(diag('trich_yeu: {{van_ban "qd"}} về\n')[0]).toMatch(/viết trich_yeu: '\{\{van_ban "qd"\}\} về'$/);
  });

  it('leaves quoted values, flow maps and block text alone', () => {
    expect(diag('trich_yeu: "{{nam}}"\nky: { thay_mat: A, chuc_vu: B }\nmo_dau: "như sau:"\nnoi_dung: |\n  {{x}} y\n')).toEqual([]);
  });
});
