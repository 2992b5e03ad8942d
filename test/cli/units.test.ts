import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

describe('kehoach units', () => {
  it('lists the unit directory with level, name and superior unit', () => {
    const r = runCli(['units', '--json']);
    expect(r.code).toBe(0);
    const units = JSON.parse(r.stdout) as { id: string; cap: string; ten: string; thuoc: string | null }[];
    expect(units).toContainEqual({ id: 'hue', cap: 'thanh_pho', ten: 'thành phố Huế', thuoc: 'thua-thien-hue' });
    expect(units).toContainEqual({ id: 'phu-ho', cap: 'xa', ten: 'xã Phú Hồ', thuoc: 'phu-vang' });
    // The city of Huế and at least ten of its wards and communes (2024 names).
    expect(units.filter((u) => u.thuoc === 'hue').length).toBeGreaterThanOrEqual(10);
  });

  it('prints one line per unit on a terminal-friendly listing', () => {
    const r = runCli(['units']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^hue-phu-hoi\s+phuong\s+phường Phú Hội\s+\(thuộc hue\)$/m);
  });
});
