// Files saved by Windows editors: a UTF-8 byte-order mark and CRLF line ends must load unchanged.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.ts';
import { resolvePlan } from '../../src/load/resolve.ts';

const FIX = path.resolve(import.meta.dirname, '../fixtures/load');

describe.each(['bom', 'crlf', 'bom-crlf'])('%s', (name) => {
  it('loads cleanly with the same data and positions as a plain file', () => {
    const root = path.join(FIX, name);
    const r = resolvePlan(root, 'plans/a.yaml', loadProject(root).value!);
    expect(r.diagnostics).toEqual([]);
    const data = r.value!.data;
    expect(data.don_vi).toBe('phu-ho');
    expect(data.trich_yeu).toBe('Thử nghiệm');
    expect(data.noi_dung?.[0].muc?.[0].noi_dung).toBe('Nội dung một');
    expect(r.value!.origin(['don_vi'])).toEqual({ file: 'plans/a.yaml', line: 2, col: 9 });
    expect(r.value!.origin(['noi_dung', 0, 'muc', 0, 'noi_dung'])).toEqual({ file: 'plans/a.yaml', line: 11, col: 19 });
  });
});
