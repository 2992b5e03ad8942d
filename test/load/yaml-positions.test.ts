import { describe, expect, it } from 'vitest';
import { keyOriginAt, originAt } from '../../src/load/origins.ts';
import { MAX_DEPTH, parseYaml } from '../../src/load/yaml-positions.ts';
import { expectWithin } from '../helpers/budget.ts';

const F = 'plans/a.yaml';

function parsed(text: string) {
  const r = parseYaml(text, F);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.value!;
}

describe('parseYaml positions', () => {
  const text = ['# comment', 'don_vi: hue', 'noi_dung:', '  - id: a', '    muc:', '      - { id: b, noi_dung: "x" }', '      - id: c', '        gach: [g1, g2]', 'so:', ''].join('\n');

  it('maps value and key paths to 1-based line:col', () => {
    const { data, root } = parsed(text);
    expect(originAt(data, ['don_vi'], root)).toEqual({ file: F, line: 2, col: 9 });
    expect(keyOriginAt(data, ['don_vi'], root)).toEqual({ file: F, line: 2, col: 1 });
    expect(originAt(data, ['noi_dung', 0], root)).toMatchObject({ line: 4, col: 5 });
    expect(originAt(data, ['noi_dung', 0, 'muc', 0, 'noi_dung'], root)).toMatchObject({ line: 6, col: 28 });
    expect(originAt(data, ['noi_dung', 0, 'muc', 1, 'gach', 1], root)).toMatchObject({ line: 8, col: 20 });
  });

  it('places an empty value at its key and an unknown path at the nearest ancestor', () => {
    const { data, root } = parsed(text);
    expect(originAt(data, ['so'], root)).toMatchObject({ line: 9, col: 1 });
    expect(originAt(data, ['noi_dung', 0, 'muc', 1, 'nope', 3], root)).toMatchObject({ line: 7, col: 9 });
  });

  it('gives the same positions with CRLF line ends', () => {
    const { data, root } = parsed(text.replace(/\n/g, '\r\n'));
    expect(originAt(data, ['noi_dung', 0, 'muc', 1, 'gach', 1], root)).toMatchObject({ line: 8, col: 20 });
    expect(data).toMatchObject({ don_vi: 'hue', noi_dung: [{ muc: [{ noi_dung: 'x' }, { gach: ['g1', 'g2'] }] }] });
  });

  it('keeps dates as strings and a key named __proto__ as an own property', () => {
    const { data } = parsed('ngay: 2024-02-27\n__proto__: { x: 1 }\n');
    expect((data as Record<string, unknown>).ngay).toBe('2024-02-27');
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data as object)).toEqual(['ngay', '__proto__']);
  });

  it('expands aliases, with positions of the anchored node', () => {
    const { data, root } = parsed('a: &x { k: 1 }\nb: *x\n');
    expect(data).toEqual({ a: { k: 1 }, b: { k: 1 } });
    expect(originAt(data, ['b', 'k'], root)).toMatchObject({ line: 1, col: 12 });
  });
});

describe('parseYaml errors', () => {
  const first = (text: string) => {
    const r = parseYaml(text, F);
    expect(r.value).toBeUndefined();
    const d = r.diagnostics[0];
    return `${d.line}:${d.col} ${d.rule}`;
  };

  it('reports a duplicate key at the second occurrence', () => {
    expect(first('don_vi: a\nloai: ke_hoach\ndon_vi: b\n')).toBe('3:1 yaml-duplicate-key');
    expect(parseYaml('ky:\n  chuc_vu: A\n  chuc_vu: B\n', F).diagnostics[0].message).toContain("'chuc_vu'");
  });

  it('reports tab indentation with a hint in Vietnamese', () => {
    expect(first('ky:\n\tchuc_vu: A\n')).toBe('2:1 yaml-tab');
    expect(first('ky:\n  chuc_vu: A\n  \tho_ten: B\n')).toBe('3:3 yaml-tab');
    expect(parseYaml('ky:\n\tchuc_vu: A\n', F).diagnostics[0].message).toMatch(/Tab.*dấu cách/);
  });

  it('reports malformed YAML at its line', () => {
    expect(first('can_cu: [a, b\nloai: x\n')).toMatch(/^\d+:\d+ yaml-syntax$/);
    // A value holding ": " unquoted is the quoting trap: told as such, with the quoted line.
    expect(first('trich_yeu: a: b\n')).toBe('1:12 yaml-quote-needed');
    expect(first('noi_dung:\n  - id: a\n   tieu_de: x\n')).toBe('3:1 yaml-syntax');
    expect(first('a: 1\n---\nb: 2\n')).toMatch(/yaml-syntax/);
    expect(first('a: *nothing\n')).toMatch(/yaml-syntax/);
  });

  it('stops an alias bomb quickly', () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i <= 9; i++) text += `l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]\n`;
    const t = performance.now();
    const r = parseYaml(text, F);
    expectWithin(performance.now() - t, 2000, 'alias bomb');
    expect(r.diagnostics[0]).toMatchObject({ rule: 'yaml-alias-bomb' });
  });

  it('refuses an alias to its own container', () => {
    expect(first('a: &a [1, *a]\n')).toBe('1:11 yaml-alias-bomb');
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    const deep = 'x: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
    const r = parseYaml(deep, F);
    expect(r.diagnostics[0].rule).toBe('yaml-too-deep');
    const ok = 'x: ' + '['.repeat(MAX_DEPTH - 1) + ']'.repeat(MAX_DEPTH - 1) + '\n';
    expect(parseYaml(ok, F).value).toBeDefined();
  });
});
