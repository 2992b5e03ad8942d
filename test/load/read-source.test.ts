import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES, decodeUtf8, readSource } from '../../src/load/read-source.ts';
import { makeProject } from './helpers.ts';
import { expectWithin } from '../helpers/budget.ts';

describe('readSource', () => {
  it('reads a project-relative file and strips a UTF-8 BOM', () => {
    const root = makeProject({ 'plans/a.yaml': '\uFEFFdon_vi: hue\n' });
    const r = readSource(root, 'plans/a.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.text).toBe('don_vi: hue\n');
    expect(r.value?.file).toBe('plans/a.yaml');
  });

  it('reports a missing file', () => {
    const root = makeProject({});
    expect(readSource(root, 'plans/none.yaml').diagnostics).toMatchObject([
      { file: 'plans/none.yaml', line: 1, col: 1, rule: 'file-missing' },
    ]);
  });

  it('reports a directory', () => {
    const root = makeProject({});
    mkdirSync(path.join(root, 'plans/x.yaml'), { recursive: true });
    expect(readSource(root, 'plans/x.yaml').diagnostics[0].rule).toBe('file-is-directory');
  });

  it('refuses a path that climbs out of the project', () => {
    const root = makeProject({});
    expect(readSource(root, '../../etc/passwd').diagnostics[0].rule).toBe('file-outside-project');
  });

  it('refuses a symlink pointing outside the project', () => {
    const outside = makeProject({ 'secret.yaml': 'a: 1\n' });
    const root = makeProject({});
    mkdirSync(path.join(root, 'plans'));
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'plans/link.yaml'));
    const r = readSource(root, 'plans/link.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ file: 'plans/link.yaml', rule: 'file-outside-project' });
  });

  it('reports an empty (or blank) file', () => {
    const root = makeProject({ 'plans/e.yaml': '', 'plans/b.yaml': '\n  \n' });
    expect(readSource(root, 'plans/e.yaml').diagnostics[0].rule).toBe('file-empty');
    expect(readSource(root, 'plans/b.yaml').diagnostics[0].rule).toBe('file-empty');
  });

  it('reports the line and column of the first byte that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('a: 1\ntrich_yeu: Kế h'), Buffer.from([0xe1, 0x28]), Buffer.from('x\n')]);
    const root = makeProject({ 'plans/w.yaml': bytes });
    expect(readSource(root, 'plans/w.yaml').diagnostics).toMatchObject([{ rule: 'file-not-utf8', line: 2, col: 16 }]);
  });

  it('finds a lone Windows-1258 byte in decodeUtf8', () => {
    expect(decodeUtf8(Buffer.from([0x61, 0x0a, 0x62, 0xd2]))).toMatchObject({ line: 2, col: 2, byte: 0xd2 });
    expect(decodeUtf8(Buffer.from('Huế', 'utf8'))).toBe('Huế');
  });

  it('refuses a file over the size limit without reading it all', () => {
    const root = makeProject({ 'plans/big.yaml': Buffer.alloc(MAX_SOURCE_BYTES + 10, 0x61) });
    const t = performance.now();
    expect(readSource(root, 'plans/big.yaml').diagnostics[0].rule).toBe('file-too-large');
    expectWithin(performance.now() - t, 500, 'refusing a big file');
  });

  // As root, chmod 000 does not stop reading, so EACCES can only be seen as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('reports a file without read permission', () => {
    const root = makeProject({ 'plans/p.yaml': 'a: 1\n' });
    chmodSync(path.join(root, 'plans/p.yaml'), 0o000);
    expect(readSource(root, 'plans/p.yaml').diagnostics[0].rule).toBe('file-unreadable');
  });
});
