import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.ts';

type Row = { id: string; ma: string | null; cap: string; ten: string; thuoc: string | null };

describe('kehoach units', () => {
  it('lists the directory as it stood on a day: Huế a city of its province in 2024', async () => {
    const r = await runCli(['units', '--json', '--ngay', '2024-03-18']);
    expect(r.code).toBe(0);
    const units = JSON.parse(r.stdout) as Row[];
    expect(units).toContainEqual({ id: 'hue', ma: '474', cap: 'thanh_pho', ten: 'thành phố Huế', thuoc: 'thua-thien-hue' });
    expect(units).toContainEqual({ id: 'phu-ho', ma: '19933', cap: 'xa', ten: 'xã Phú Hồ', thuoc: 'phu-vang' });
    expect(units.filter((u) => u.thuoc === 'hue').length).toBeGreaterThanOrEqual(10);
  });

  it('--ngay 2026-01-01 lists the 40 wards and communes of Huế after the 2025 reform', async () => {
    const r = await runCli(['units', '--ngay', '2026-01-01']);
    expect(r.code).toBe(0);
    const underHue = r.stdout.split('\n').filter((l) => l.endsWith('(thuộc hue)'));
    expect(underHue).toHaveLength(40);
    expect(r.stdout).toMatch(/^hue-phu-xuan\s+phuong\s+phường Phú Xuân\s+\(thuộc hue\)$/m);
    expect(r.stdout).toMatch(/^hue\s+thanh_pho_tw\s+thành phố Huế$/m);
    expect(r.stdout).not.toMatch(/^phu-vang\s/m); // no districts any more
  });

  it('shows a unit’s history', async () => {
    const r = await runCli(['units', 'hue-an-dong']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'hue-an-dong',
        '  ban đầu         phường An Đông  (mã 19815; thuộc hue)',
        '  từ 01/01/2025   phường An Đông  (mã 19815; thuộc hue-quan-thuan-hoa; Nghị quyết 1314/NQ-UBTVQH15)',
        '  đến 30/06/2025, từ 01/07/2025 sắp xếp vào hue-an-cuu',
        '',
      ].join('\n'),
    );
  });

  it('refuses a day that does not exist (exit 2)', async () => {
    const r = await runCli(['units', '--ngay', '2024-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ngày 30/02/2024 không có thật');
  });
});

describe('kehoach new and units in time', () => {
  it('refuses a unit that is not under the template’s unit and writes nothing', async () => {
    const p = tempProject();
    try {
      const before = readdirSync(path.join(p.root, 'plans/thua-thien-hue'));
      const r = await runCli(['new', '--from', 'plans/thua-thien-hue/hue/2024-dvctt.yaml', '--unit', 'my-hoa-hung'], p.root);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain("đơn vị 'my-hoa-hung' (xã Mỹ Hòa Hưng) không thuộc thành phố Huế ('hue')");
      expect(readdirSync(path.join(p.root, 'plans/thua-thien-hue'))).toEqual(before);
      expect(existsSync(path.join(p.root, 'plans/thua-thien-hue/my-hoa-hung'))).toBe(false);
    } finally {
      p.dispose();
    }
  });

  it('warns when the directory has no signer name for the unit', async () => {
    const p = tempProject();
    try {
      const r = await runCli(['new', '--from', 'plans/thua-thien-hue/hue/2024-dvctt.yaml', '--unit', 'hue-kim-long'], p.root);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('cảnh báo: danh mục không có họ tên người ký của phường Kim Long');
    } finally {
      p.dispose();
    }
  });

  it('a plan dated after a unit ended is an error at don_vi that names what the unit became', async () => {
    const p = tempProject();
    try {
      const r = await runCli(['new', '--from', 'plans/thua-thien-hue/hue/2024-dvctt.yaml', '--unit', 'hue-an-dong'], p.root);
      expect(r.code).toBe(0);
      const file = r.stdout.trim();
      const text = readFileSync(path.join(p.root, file), 'utf8').replace(/^ngay: .*$/m, 'ngay: 2025-09-01');
      writeFileSync(path.join(p.root, file), text);
      const line = text.split('\n').findIndex((l: string) => l.startsWith('don_vi:')) + 1;
      const c = await runCli(['check', file], p.root);
      expect(c.code).toBe(1);
      expect(c.stdout + c.stderr).toContain(`${file}:${line}:9: error: Đơn vị "hue-an-dong" (An Đông) chỉ tồn tại đến ngày 30/06/2025`);
      expect(c.stdout + c.stderr).toContain('ghi don_vi: hue-an-cuu [unit-not-in-effect]');
    } finally {
      p.dispose();
    }
  });
});
