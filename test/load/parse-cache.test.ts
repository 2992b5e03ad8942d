// The parse cache may only make parsing faster: a hit gives the same data and the same positions
// as parsing, a corrupt or foreign entry is parsed again, and a parse with diagnostics is never stored.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheStats, useToolHash } from '../../src/load/parse-cache.ts';
import { keyOriginAt, originAt } from '../../src/load/origins.ts';
import { parseYaml } from '../../src/load/yaml-positions.ts';

const F = 'plans/a.yaml';
const TEXT = [
  'tieu_de: Kế hoạch mẫu',
  'muc:',
  '  - id: m1',
  '    noi_dung: "Thực hiện {{nam}}"',
  '  - id: m2',
  '    "__proto__": x',
  'rong:',
  '',
].join('\n');

let dir: string;
const saved = process.env.KEHOACH_CACHE_DIR;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kehoach-parse-cache-'));
  process.env.KEHOACH_CACHE_DIR = dir;
  useToolHash('test-tool');
  Object.assign(cacheStats, { hits: 0, misses: 0, writes: 0 });
});
afterEach(() => {
  useToolHash(undefined);
  process.env.KEHOACH_CACHE_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

const entries = () => readdirSync(path.join(dir, 'parse'));

/** Every position the diagnostics could ask for, as a comparable list. */
function positions(data: unknown, root: { file: string; line: number; col: number }) {
  const paths: (string | number)[][] = [['tieu_de'], ['muc'], ['muc', 0, 'id'], ['muc', 0, 'noi_dung'], ['muc', 1, '__proto__'], ['rong']];
  return paths.map((p) => [originAt(data, p, root), keyOriginAt(data, p, root)]);
}

describe('parse cache', () => {
  it('gives the same data and positions on a hit as the parse did', () => {
    const first = parseYaml(TEXT, F).value!;
    expect(cacheStats).toMatchObject({ hits: 0, writes: 1 });
    const second = parseYaml(TEXT, F).value!;
    expect(cacheStats.hits).toBe(1);
    expect(second.data).not.toBe(first.data);
    expect(second.data).toEqual(first.data);
    expect(Object.getOwnPropertyNames((second.data as { muc: object[] }).muc[1])).toContain('__proto__');
    expect(second.root).toEqual(first.root);
    expect(positions(second.data, second.root)).toEqual(positions(first.data, first.root));
    expect(originAt(second.data, ['muc', 0, 'noi_dung'], second.root)).toEqual({ file: F, line: 4, col: 15 });
  });

  it('keys entries by file name and tool: the same text elsewhere is parsed for its own origins', () => {
    parseYaml(TEXT, F);
    const other = parseYaml(TEXT, 'plans/b.yaml').value!;
    expect(cacheStats.hits).toBe(0);
    expect(originAt(other.data, ['tieu_de'], other.root).file).toBe('plans/b.yaml');
    useToolHash('a-newer-tool');
    parseYaml(TEXT, F);
    expect(cacheStats.hits).toBe(0);
    expect(entries()).toHaveLength(3);
  });

  it('parses again when an entry is corrupt', () => {
    const first = parseYaml(TEXT, F).value!;
    for (const e of entries()) writeFileSync(path.join(dir, 'parse', e), '{"format":1,"data":');
    Object.assign(cacheStats, { hits: 0, misses: 0, writes: 0 });
    const again = parseYaml(TEXT, F).value!;
    expect(cacheStats).toMatchObject({ hits: 0, misses: 1 });
    expect(again.data).toEqual(first.data);
  });

  it('never stores what JSON would change (.nan, .inf, -0): the checks must see them as written', () => {
    const odd = 'a: .nan\nb: [1, -.inf]\nc: -0\n';
    parseYaml(odd, F);
    const again = parseYaml(odd, F).value!.data as { a: number; b: number[]; c: number };
    expect(cacheStats).toMatchObject({ hits: 0, writes: 0 });
    expect([Number.isNaN(again.a), again.b[1], Object.is(again.c, -0)]).toEqual([true, -Infinity, true]);
  });

  it('never stores a parse with diagnostics', () => {
    const bad = 'a: [1, 2\n';
    expect(parseYaml(bad, F).diagnostics.length).toBeGreaterThan(0);
    expect(parseYaml(bad, F).diagnostics.length).toBeGreaterThan(0);
    expect(cacheStats).toMatchObject({ hits: 0, writes: 0 });
  });

  it('is off with KEHOACH_CACHE=0 and without a compiled tool', () => {
    process.env.KEHOACH_CACHE = '0';
    try {
      parseYaml(TEXT, F);
      parseYaml(TEXT, F);
    } finally {
      delete process.env.KEHOACH_CACHE;
    }
    useToolHash(null);
    parseYaml(TEXT, F);
    expect(cacheStats).toMatchObject({ hits: 0, writes: 0 });
  });
});
