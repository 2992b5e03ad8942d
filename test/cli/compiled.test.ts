// bin/kehoach.js runs the compiled dist/; scripts/compile.mjs tells a stale dist/ from a fresh one.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, runCliProcess } from '../helpers/cli.ts';
import { textWidthMm } from '../../src/write/text-width.ts';

function node(args: string[], cwd: string) {
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
}

/** Lines for a probe script: `has(p)` tells whether a module whose path contains p was loaded through require. */
const LOADED_PROBE = [
  "const { createRequire } = await import('node:module');",
  'const has = (p) => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes(p));',
];

/** Writes the stamp a compile of this copy would write, without running tsc. */
function stampAsCompiled(dir: string): void {
  const hash = node(['--input-type=module', '-e', "process.stdout.write((await import('./scripts/compile.mjs')).sourceHash())"], dir);
  writeFileSync(path.join(dir, 'dist/.source-hash'), `${hash.stdout}\n`);
}

describe('the compiled command line', () => {
  it('runs from a dist/ that matches the sources', () => {
    const check = node(['scripts/compile.mjs', '--check'], repoRoot);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const r = runCliProcess(['--version']);
    expect(r.stdout).toBe(`kehoach ${JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version}\n`);
  });

  it('validates with the standalone validators npm run compile wrote, without loading ajv', () => {
    const script = [
      "const m = await import('./dist/load/schema-validators.js');",
      "const ok = m.schemaValidator('plan')({ khoa_la: 1 });",
      ...LOADED_PROBE,
      "process.stdout.write(JSON.stringify({ ok, ajv: has('/ajv/dist/core.js') }));",
    ].join('\n');
    const r = node(['--input-type=module', '-e', script], repoRoot);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ ok: false, ajv: false });
  });

  it('measures text with the advance table npm run compile wrote, as the fonts themselves measure it, without fontkit', () => {
    const texts = ['KẾ HOẠCH', 'Nâng cao chất lượng phục vụ trong thực hiện thủ tục hành chính', 'ỦY BAN NHÂN DÂN XÃ PHÚ HỒ'];
    const styles = [{ bold: true }, {}, { italic: true }, { bold: true, italic: true }];
    const script = [
      "const m = await import('./dist/write/text-width.js');",
      `const texts = ${JSON.stringify(texts)}; const styles = ${JSON.stringify(styles)};`,
      'const widths = texts.flatMap((t) => styles.map((s) => m.textWidthMm(t, 14, s)));',
      ...LOADED_PROBE,
      "process.stdout.write(JSON.stringify({ widths, fontkit: has('/node_modules/fontkit/') }));",
    ].join('\n');
    const r = node(['--input-type=module', '-e', script], repoRoot);
    expect(r.stderr).toBe('');
    // Run from the sources (this test), the widths come from the TrueType files through fontkit.
    expect(JSON.parse(r.stdout)).toEqual({ widths: texts.flatMap((t) => styles.map((s) => textWidthMm(t, 14, s))), fontkit: false });
  });

  it('renders DOCX on its worker thread byte for byte as on the build thread, and reports a writer error', () => {
    const script = [
      "const { Compiler } = await import('./dist/pipeline/compiler.js');",
      "const { docxRendering, docxWorkerFile } = await import('./dist/build/docx-thread.js');",
      "const { renderDocx } = await import('./dist/write/docx/index.js');",
      "const doc = new Compiler('.').compile('plans/thua-thien-hue/phu-ho/2024-dvctt.yaml').doc;",
      'const worker = docxRendering();',
      "const parts = [{ kind: 'package' }, { kind: 'annex', id: doc.annexes[0].id }];",
      'const same = [];',
      'for (const part of parts) same.push(Buffer.from(await worker.render(doc, part)).equals(await renderDocx(doc, part)));',
      "const error = await worker.render(doc, { kind: 'annex', id: 'khong-co' }).then(() => '', (e) => e.message);",
      'await worker.close();',
      "process.stdout.write(JSON.stringify({ onWorker: !!docxWorkerFile(), same, error: error !== '' }));",
    ].join('\n');
    const r = node(['--input-type=module', '-e', script], repoRoot);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ onWorker: true, same: [true, true], error: true });
    // A node option a worker may not take (a heap size of the process's own) made new Worker throw
    // ERR_WORKER_INVALID_EXEC_ARGV, and the build with it: the worker now starts without options.
    const tuned = node(['--max-semi-space-size=16', '--input-type=module', '-e', script], repoRoot);
    expect(tuned.stderr).toBe('');
    expect(JSON.parse(tuned.stdout)).toEqual({ onWorker: true, same: [true, true], error: true });
  });

  it('print with its sources in the parse cache loads neither the YAML parser nor the speller', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'kehoach-cache-'));
    try {
      const plan = 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml';
      const env = { ...process.env, KEHOACH_CACHE_DIR: cache };
      expect(spawnSync(process.execPath, ['bin/kehoach.js', 'print', plan], { cwd: repoRoot, env }).status).toBe(0);
      const script = [
        "const { main } = await import('./dist/bundle/main.js');", // what bin/kehoach.js runs
        `const code = await main(['print', '${plan}']);`,
        ...LOADED_PROBE,
        "process.stderr.write(JSON.stringify({ code, yaml: has('/node_modules/yaml/'), nspell: has('/node_modules/nspell/') }));",
      ].join('\n');
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, env, encoding: 'utf8' });
      expect(r.stdout).toContain('KẾ HOẠCH');
      expect(JSON.parse(r.stderr)).toEqual({ code: 0, yaml: false, nspell: false });
      // Without the cache the same command parses, so the probe can see the parser loaded.
      const cold = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, env: { ...env, KEHOACH_CACHE: '0' }, encoding: 'utf8' });
      expect(JSON.parse(cold.stderr)).toMatchObject({ code: 0, yaml: true });
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('finds a dist/ stale when a source changes', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'kehoach-compile-'));
    try {
      for (const f of ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json']) copyFileSync(path.join(repoRoot, f), path.join(tmp, f));
      cpSync(path.join(repoRoot, 'scripts'), path.join(tmp, 'scripts'), { recursive: true });
      for (const d of ['src', 'schemas']) cpSync(path.join(repoRoot, d), path.join(tmp, d), { recursive: true });
      const missing = node(['scripts/compile.mjs', '--check'], tmp);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('chạy npm run compile');
      mkdirSync(path.join(tmp, 'dist'));
      stampAsCompiled(tmp);
      expect(node(['scripts/compile.mjs', '--check'], tmp).status).toBe(0);
      appendFileSync(path.join(tmp, 'src/cli/main.ts'), '\n// edited\n');
      const stale = node(['scripts/compile.mjs', '--check'], tmp);
      expect(stale.status).toBe(1);
      expect(stale.stderr).toContain('đã cũ');
      // A schema change makes the standalone validators stale too.
      stampAsCompiled(tmp);
      expect(node(['scripts/compile.mjs', '--check'], tmp).status).toBe(0);
      appendFileSync(path.join(tmp, 'schemas/cap.schema.json'), '\n');
      expect(node(['scripts/compile.mjs', '--check'], tmp).status).toBe(1);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('says how to compile when dist/ is missing, without a stack trace', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'kehoach-bin-'));
    try {
      cpSync(path.join(repoRoot, 'bin'), path.join(tmp, 'bin'), { recursive: true });
      copyFileSync(path.join(repoRoot, 'package.json'), path.join(tmp, 'package.json'));
      const r = node([path.join(tmp, 'bin/kehoach.js'), 'check'], tmp);
      expect(r.status).toBe(3);
      expect(r.stderr).toBe('kehoach: chưa có bản biên dịch (dist/): chạy npm run compile (hoặc npm ci) trong thư mục của kehoach\n');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
