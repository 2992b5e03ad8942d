// district-level-words (a plan dated on or after 01/7/2025 naming the district level) and the one
// way of accepting any warning at its line (# kehoach-bo-qua: <rule>).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempProject } from '../helpers/cli.ts';
import { Compiler } from '../../src/pipeline/compiler.ts';
import { formatDiagnostic } from '../../src/load/diagnostic.ts';

let project: ReturnType<typeof tempProject>;
beforeAll(() => {
  project = tempProject({ plans: false });
  mkdirSync(path.join(project.root, 'plans/t'), { recursive: true });
});
afterAll(() => project.dispose());

function plan(ngay: string, items: string[], extra = ''): string {
  return [
    'don_vi: cam-hiep',
    'loai: ke_hoach',
    `ngay: ${ngay}`,
    'trich_yeu: Thử nghiệm',
    extra,
    'noi_dung:',
    '  - id: a',
    '    tieu_de: Mục đích',
    '    muc:',
    ...items.map((t, i) => `      - { id: m${i}, noi_dung: '${t}' }`),
    '',
  ].filter((l) => l !== '').join('\n') + '\n';
}

let n = 0;
function check(text: string): string[] {
  const file = `plans/t/p${n++}.yaml`;
  writeFileSync(path.join(project.root, file), text);
  return new Compiler(project.root).compile(file).diagnostics.map((d) => formatDiagnostic(d).replace(file, 'P'));
}
const rules = (ds: string[]) => ds.map((d) => d.replace(/^(P:\d+:\d+): (\w+): .* \[(.+)\]$/, '$1 $2 $3'));

describe('district-level-words', () => {
  it('warns at the words themselves in a plan dated after 01/7/2025', () => {
    const ds = check(plan('2025-08-04', ['Giao UBND các huyện, thị xã, thành phố triển khai', 'Tăng cường kiểm tra ở cấp huyện và cấp xã']));
    expect(rules(ds)).toEqual(['P:9:35 warning district-level-words', 'P:10:52 warning district-level-words']);
    expect(ds[0]).toContain('"UBND các huyện, thị xã, thành phố": từ ngày 01/7/2025 không còn cấp huyện');
  });

  it('a draft dated "2025" counts as issued by its end; a plan of 2024 or early 2025 is not read', () => {
    expect(rules(check(plan('"2025"', ['Giao UBND huyện triển khai'])))).toEqual(['P:9:35 warning district-level-words']);
    const before = (ngay: string) => plan(ngay, ['Giao UBND các huyện triển khai']).replace('don_vi: cam-hiep', 'don_vi: phu-ho');
    expect(check(before('2024-03-18'))).toEqual([]);
    expect(check(before('2025-06-30'))).toEqual([]);
  });

  it('leaves cited documents alone: căn cứ lines, a numbered document named in the clause', () => {
    const ds = check(
      plan('2025-08-04', ['Thực hiện Kế hoạch số 12/KH-UBND ngày 05/3/2024 của UBND huyện Cam Lâm'], 'can_cu: [Căn cứ Quyết định số 5/QĐ-UBND của UBND huyện Cam Lâm]'),
    );
    expect(ds).toEqual([]);
  });
});

describe('accepting a warning at its line', () => {
  const item = 'Giao UBND các huyện triển khai';
  it('a comment on the line accepts that rule there', () => {
    const text = plan('2025-08-04', [item]).replace(`'${item}' }`, `'${item}' }  # kehoach-bo-qua: district-level-words`);
    expect(check(text)).toEqual([]);
  });

  it('a comment alone on the line above accepts it too; several rules by commas', () => {
    const text = plan('2025-08-04', [item]).replace('      - { id: m0', '      # kehoach-bo-qua: chinh-ta, district-level-words\n      - { id: m0');
    expect(check(text)).toEqual([]);
  });

  it('the spelling "# kehoach: chap-nhan <rule>" is read the same way', () => {
    const text = plan('2025-08-04', [item]).replace(`'${item}' }`, `'${item}' }  # kehoach: chap-nhan district-level-words`);
    expect(check(text)).toEqual([]);
  });

  it('another rule named, or the comment two lines up, accepts nothing', () => {
    const other = plan('2025-08-04', [item]).replace(`'${item}' }`, `'${item}' }  # kehoach-bo-qua: level-words`);
    expect(rules(check(other))).toEqual(['P:9:35 warning district-level-words']);
    const far = plan('2025-08-04', [item]).replace('    muc:', '    # kehoach-bo-qua: district-level-words\n    muc:');
    expect(rules(check(far))).toEqual(['P:10:35 warning district-level-words']);
  });

  it('never accepts an error', () => {
    const text = plan('2025-02-30', [item]).replace('ngay: 2025-02-30', 'ngay: 2025-02-30  # kehoach-bo-qua: invalid-date');
    expect(rules(check(text))).toContain('P:3:7 error invalid-date');
  });
});
