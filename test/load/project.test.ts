import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.ts';
import { brief, makeProject } from './helpers.ts';

const ROOT = path.resolve(import.meta.dirname, '../fixtures/load/merge');

describe('loadProject', () => {
  it('merges every units file, reporting an id defined twice at the second place', () => {
    const r = loadProject(ROOT);
    expect(brief(r.diagnostics)).toEqual(['data/don-vi/b.yaml:2:9 duplicate-id']);
    const p = r.value!;
    expect([...p.units.keys()]).toEqual(['tinh-a', 'xa-b', 'thon-c']);
    expect(p.units.get('xa-b')?.ten).toBe('B');
    expect(p.originOfUnit('thon-c')).toEqual({ file: 'data/don-vi/b.yaml', line: 1, col: 9 });
    expect(p.citations.get('qd-1')?.so_ky_hieu).toBe('1/QĐ-TTg');
    expect(p.originOfCitation('qd-1')).toEqual({ file: 'data/van-ban/a.yaml', line: 1, col: 9 });
    expect(p.levels.xa?.chu_tich).toBe('Chủ tịch UBND xã');
    expect(p.originOfLevel?.('xa')).toEqual({ file: 'data/cap.yaml', line: 2, col: 1 });
  });

  it('gives empty data when there is no data folder', () => {
    const r = loadProject(makeProject({}));
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.units.size).toBe(0);
    expect(r.value?.citations.size).toBe(0);
    expect(r.value?.levels).toEqual({});
  });

  it('validates data files against their schemas, with positions', () => {
    const root = makeProject({
      'data/don-vi/a.yaml': '- id: phu-ho\n  cap: xa\n  ten: Phú Hồ\n  thuoc_ve: hue\n',
      'data/van-ban/a.yaml': '- { id: qd-1 }\n',
      'data/cap.yaml': 'xa: { ten: 5 }\n',
    });
    expect(brief(loadProject(root).diagnostics)).toEqual([
      'data/don-vi/a.yaml:4:3 schema-unknown-key',
      'data/van-ban/a.yaml:1:3 schema-required',
      'data/cap.yaml:1:12 schema-type',
    ]);
  });

  it('reports broken YAML in a data file without failing the rest', () => {
    const root = makeProject({ 'data/don-vi/a.yaml': '- id: [x\n', 'data/don-vi/b.yaml': '- { id: b, cap: xa, ten: B }\n' });
    const r = loadProject(root);
    expect(r.diagnostics[0]).toMatchObject({ file: 'data/don-vi/a.yaml', rule: 'yaml-syntax' });
    expect([...r.value!.units.keys()]).toEqual(['b']);
  });
});
