// A progress line on a large input: its stages reach the caller in order (a small one says
// nothing), the command line shows them on build's live line on a terminal and never in a log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Progress } from '../../src/build/progress.ts';
import { Compiler } from '../../src/pipeline/compiler.ts';
import { importPlan, LARGE_INPUT } from '../../src/import/index.ts';
import { runCli } from '../helpers/cli.ts';
import { tempProject } from './helpers.ts';

/** An invented plan of Phú Hồ with `bullets` bullet paragraphs (not a real document). */
function plan(bullets: number): string {
  return [
    'Số: 11 /KH-UBND Phú Hồ, ngày 07 tháng 3 năm 2024', '', '## KẾ HOẠCH', '', '**Thử nghiệm tệp lớn trên địa bàn xã Phú Hồ năm 2024**', '',
    '**I. NHIỆM VỤ**', '', '1. Các việc cụ thể', '',
    ...Array.from({ length: bullets }, (_, i) => [`- Việc thứ ${i + 1} của kế hoạch thử nghiệm.`, '']).flat(),
    'Trong quá trình thực hiện, nếu có vướng mắc báo cáo UBND xã./.', '', '**Nơi nhận:**', '- Lưu: VT.', '', '**TM. ỦY BAN NHÂN DÂN**', '**CHỦ TỊCH**', '', 'Đào Hữu Bích',
  ].join('\n');
}

describe('import progress', () => {
  let project: ReturnType<typeof tempProject>;
  beforeAll(() => {
    project = tempProject();
    mkdirSync(path.join(project.root, 'nhap'), { recursive: true });
    writeFileSync(path.join(project.root, 'nhap/lon.txt'), plan(LARGE_INPUT.blocks));
    writeFileSync(path.join(project.root, 'nhap/nho.txt'), plan(3));
  });
  afterAll(() => project.dispose());

  const run = (file: string, parentFile?: string) => {
    const stages: string[] = [];
    const compiler = new Compiler(project.root);
    const r = importPlan({ root: project.root, input: file, project: compiler.project().value!, parentFile, onProgress: (s) => stages.push(s) });
    r.render?.(`plans/thua-thien-hue/phu-ho/${path.basename(file, '.txt')}-${parentFile ? 'con' : 'rieng'}.yaml`);
    return { stages, large: r.large };
  };

  it('reports the stages of a large input in order, and none of a small one', () => {
    const big = run('nhap/lon.txt', 'plans/thua-thien-hue/hue/2024-dvctt.yaml');
    expect(big.large).toBe(true);
    expect(big.stages).toEqual([expect.stringMatching(/^nhận dạng cấu trúc \(\d{3} đoạn và bảng\)$/), 'so sánh với kế hoạch cha plans/thua-thien-hue/hue/2024-dvctt.yaml']);
    expect(run('nhap/nho.txt')).toEqual({ stages: [], large: false });
  });

  it('shows a stage on a terminal as build\'s live line, numbered, naming the stage', () => {
    let written = '';
    const stream = { isTTY: true, columns: 200, write: (s: string) => ((written += s), true) } as unknown as NodeJS.WriteStream;
    const p = new Progress(2, false, stream);
    p.start('nhap/lon.txt: nhận dạng cấu trúc (301 đoạn và bảng)', '');
    expect(written).toMatch(/\r\x1b\[2K\[0\/2\] \d+\.\d s, còn khoảng 0 s nhap\/lon\.txt: nhận dạng cấu trúc/);
    expect(written).not.toContain('đang dựng');
  });

  it('writes no live line into a log (stderr not a terminal)', async () => {
    const r = await runCli(['import', 'nhap/lon.txt', '--out', 'plans/thua-thien-hue/phu-ho/2024-lon.yaml'], project.root);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('\x1b[2K');
    expect(r.stderr).not.toContain('nhận dạng cấu trúc');
  });
});
