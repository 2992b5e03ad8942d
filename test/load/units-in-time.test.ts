// Units in time: the real directory resolves Huế in 2024, in the first half of 2025 and after the
// 2-level reform of 01/07/2025; the unit file's dates and superiors are checked at their lines.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.ts';
import { dateKey, levelsOn, projectOn } from '../../src/load/units-in-time.ts';
import { unitNames, levelWords } from '../../src/template/unit-names.ts';
import { repoRoot } from '../helpers/cli.ts';

const real = loadProject(repoRoot);

function projectWith(units: string): ReturnType<typeof loadProject> {
  const root = mkdtempSync(path.join(tmpdir(), 'kehoach-units-'));
  mkdirSync(path.join(root, 'data/don-vi'), { recursive: true });
  writeFileSync(path.join(root, 'data/don-vi/a.yaml'), units);
  return loadProject(root);
}
const brief = (r: ReturnType<typeof loadProject>) => r.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.rule}`);

describe('dateKey', () => {
  it('takes a full date as is and a draft date at the end of its period', () => {
    expect(dateKey('2024-02-27')).toBe('2024-02-27');
    expect(dateKey('2025-08')).toBe('2025-08-31');
    expect(dateKey('2024-02')).toBe('2024-02-29');
    expect(dateKey('2025')).toBe('2025-12-31');
    expect(dateKey(undefined)).toBe('9999-12-31');
  });
});

describe('the real unit directory', () => {
  it('loads without diagnostics', () => {
    expect(real.diagnostics).toEqual([]);
  });

  it('resolves Huế as a city of Thừa Thiên Huế in 2024 and a city under the centre from 2025', () => {
    const p = real.value!;
    const in2024 = projectOn(p, '2024-02-27').units.get('hue')!;
    expect([in2024.cap, in2024.thuoc, in2024.ma]).toEqual(['thanh_pho', 'thua-thien-hue', '474']);
    const in2026 = projectOn(p, '2026-03-01').units.get('hue')!;
    expect([in2026.cap, in2026.thuoc, in2026.ma]).toEqual(['thanh_pho_tw', undefined, '46']);
    expect(projectOn(p, '2026-03-01').units.has('thua-thien-hue')).toBe(false);
    expect(in2026.lanh_dao?.[0].ho_ten).toBe('Nguyễn Thanh Bình');
  });

  it('puts the wards of Huế under its two districts in the first half of 2025, and under the city after', () => {
    const p = real.value!;
    expect(projectOn(p, '2025-03-04').units.get('hue-kim-long')!.thuoc).toBe('hue-quan-phu-xuan');
    expect(projectOn(p, '2025-07-01').units.get('hue-kim-long')!.thuoc).toBe('hue');
    expect(projectOn(p, '2025-07-01').units.has('hue-quan-phu-xuan')).toBe(false);
    expect(projectOn(p, '2025-07-01').units.has('hue-an-dong')).toBe(false); // merged into An Cựu
  });

  it('lists the 40 wards and communes of Huế from 01/07/2025 with their official codes', () => {
    const units = [...projectOn(real.value!, '2026-01-01').units.values()].filter((u) => u.thuoc === 'hue');
    expect(units).toHaveLength(40);
    expect(units.filter((u) => u.cap === 'phuong')).toHaveLength(21);
    expect(units.every((u) => /^\d{5}$/.test(u.ma ?? ''))).toBe(true);
    const phuHo = units.find((u) => u.id === 'phu-ho')!;
    expect([phuHo.ten, phuHo.ma, phuHo.cap]).toEqual(['Phú Hồ', '19918', 'xa']);
  });

  it('has the merged provinces of Khánh Hòa (65 units) and An Giang (102 units) after 01/07/2025', () => {
    const units = [...projectOn(real.value!, '2025-08-01').units.values()];
    expect(units.filter((u) => u.thuoc === 'khanh-hoa')).toHaveLength(65);
    expect(units.filter((u) => u.thuoc === 'an-giang')).toHaveLength(102);
    expect(units.find((u) => u.id === 'truong-sa')?.cap).toBe('dac_khu');
    expect(projectOn(real.value!, '2024-02-24').units.get('my-hoa-hung')!.thuoc).toBe('long-xuyen');
    expect(projectOn(real.value!, '2025-08-01').units.get('my-hoa-hung')!.thuoc).toBe('an-giang');
  });

  it('gives 2-level wording from 01/07/2025 and 3-level wording before', () => {
    const p = real.value!;
    const before = projectOn(p, '2025-06-30');
    const after = projectOn(p, '2025-07-01');
    expect(levelWords(before.units.get('khanh-hoa')!, before.levels, before.units).co_quan_thuc_hien).toBe(
      'Các sở, ban, ngành thuộc UBND tỉnh; UBND các huyện, thị xã, thành phố',
    );
    expect(levelWords(after.units.get('khanh-hoa')!, after.levels, after.units).co_quan_thuc_hien).toBe(
      'Các sở, ban, ngành thuộc UBND tỉnh; UBND các xã, phường, đặc khu',
    );
    const commune = levelWords(after.units.get('cam-hiep')!, after.levels, after.units);
    expect([commune.ubnd_cap_tren, commune.van_phong, commune.co_quan_chuyen_mon]).toEqual([
      'UBND tỉnh',
      'Văn phòng HĐND và UBND xã',
      'Các phòng chuyên môn thuộc UBND xã',
    ]);
    expect(unitNames(after.units.get('truong-sa')!, after.levels).ubnd).toBe('UBND đặc khu Trường Sa');
    // Keys the profile does not name keep the level's words.
    expect(levelsOn(p.rawLevels, '2025-07-01').xa.ten).toBe('xã');
  });
});

describe('unit file checks', () => {
  it('refuses a self-superior, a dangling superior and a cycle at the line of `thuoc`', () => {
    const r = projectWith(
      [
        '- { id: a, cap: xa, ten: A, thuoc: a }',
        '- { id: b, cap: xa, ten: B, thuoc: khong-co }',
        '- id: c',
        '  cap: huyen',
        '  ten: C',
        '  thuoc: d',
        '- id: d',
        '  cap: tinh',
        '  ten: D',
        '  thuoc: c',
        '',
      ].join('\n'),
    );
    expect(brief(r)).toEqual([
      'data/don-vi/a.yaml:1:36 error unit-self-superior',
      'data/don-vi/a.yaml:2:36 error unit-unknown-superior',
      'data/don-vi/a.yaml:6:10 error unit-cycle',
      'data/don-vi/a.yaml:10:10 error unit-cycle',
    ]);
    expect(r.diagnostics[2].message).toContain('c → d → c');
  });

  it('refuses a date that does not exist and a history out of order', () => {
    const r = projectWith(
      [
        '- id: a',
        '  cap: xa',
        '  ten: A',
        '  tu_ngay: 2025-02-30',
        '- id: b',
        '  cap: xa',
        '  ten: B',
        '  thay_doi:',
        '    - { tu_ngay: 2025-07-01, ten: B2 }',
        '    - { tu_ngay: 2025-01-01, ten: B1 }',
        '',
      ].join('\n'),
    );
    expect(brief(r)).toEqual(['data/don-vi/a.yaml:4:12 error invalid-date', 'data/don-vi/a.yaml:10:18 error unit-history']);
    expect(r.diagnostics[0].message).toContain('ngày 30/02/2025 không có thật: tháng 2 năm 2025 có 28 ngày');
  });

  it('refuses a superior that no longer exists on the day and a merger into nothing', () => {
    const r = projectWith(
      [
        '- { id: h, cap: huyen, ten: H, den_ngay: 2025-06-30 }',
        '- { id: x, cap: xa, ten: X, thuoc: h }',
        '- { id: y, cap: xa, ten: Y, den_ngay: 2025-06-30, tro_thanh: [z] }',
        '',
      ].join('\n'),
    );
    expect(brief(r)).toEqual(['data/don-vi/a.yaml:3:63 error unit-unknown', 'data/don-vi/a.yaml:2:36 error unit-superior-not-in-effect']);
    expect(r.diagnostics[1].message).toContain('ngày 2025-07-01');
  });
});
