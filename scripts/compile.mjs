#!/usr/bin/env node
// Compiles src/ into dist/ (git-ignored), which bin/kehoach.js runs: starting through tsx cost
// about 0.9 s per command. Then writes the JSON Schema validators as ajv standalone code
// (dist/load/validators.cjs, see src/load/schema-validators.ts): compiling them at start cost
// about 0.3 s more; and Tinos's advance widths (dist/write/tinos-advances.json, see
// src/write/text-width.ts). dist/.source-hash records a hash of every input, so a compile is
// skipped when nothing changed and a stale dist/ is found without trusting file times (a git
// checkout sets them all). Run by npm's `prepare` (npm ci), `npm test`, `npm run build` and the
// vitest global setup.
//   node scripts/compile.mjs           compile if stale
//   node scripts/compile.mjs --check   exit 1 with a message if stale, compile nothing
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = path.join(root, 'dist');
const stampFile = path.join(distDir, '.source-hash');

/** Everything the compiled output depends on, in a fixed order. */
function inputs() {
  const files = ['tsconfig.json', 'tsconfig.build.json', 'scripts/compile.mjs', 'package-lock.json'];
  const walk = (rel) => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') || e.name.endsWith('.schema.json')) files.push(p);
    }
  };
  walk('src');
  walk('schemas');
  return files;
}

export function sourceHash() {
  const hash = createHash('sha256');
  for (const f of inputs()) hash.update(`${f}\0`).update(readFileSync(path.join(root, f))).update('\0');
  return hash.digest('hex');
}

export function isFresh(hash = sourceHash()) {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash;
}

export const STALE_MESSAGE = 'dist/ (bản biên dịch của kehoach) đã cũ hoặc chưa có: chạy npm run compile';

/** Compiles when stale. Returns true when it compiled; throws with tsc's output when tsc fails. */
export function compile({ quiet = false } = {}) {
  const hash = sourceHash();
  if (isFresh(hash)) return false;
  if (!quiet) process.stderr.write('kehoach: biên dịch src/ → dist/ …\n');
  // A clean folder, so a deleted or renamed source leaves no module behind.
  rmSync(distDir, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(distDir, { recursive: true, force: true });
    throw new Error(`tsc không biên dịch được src/ (sửa lỗi rồi chạy lại npm run compile):\n${r.stdout}${r.stderr}`);
  }
  // Generated from the compiled modules, in child processes (they need the modules just written):
  // ajv's standalone validators, and Tinos's advance widths, so that measuring a title never opens
  // the fonts (src/write/text-width.ts).
  generate('load/schema-validators.js', 'standaloneModule', 'load/validators.cjs', 'không tạo được bộ kiểm tra lược đồ (schemas/) cho dist/');
  generate('write/text-width.js', 'advanceTableJson', 'write/tinos-advances.json', 'không đọc được số đo phông Tinos cho dist/');
  bundle();
  writeFileSync(stampFile, `${hash}\n`);
  return true;
}

/** Writes dist/OUT from what the compiled dist/MODULE's FN returns; on failure, no dist/ at all. */
function generate(module, fn, out, failure) {
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `const m = await import('./dist/${module}'); process.stdout.write(m.${fn}());`],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) {
    rmSync(distDir, { recursive: true, force: true });
    throw new Error(`${failure}:\n${r.stderr}`);
  }
  writeFileSync(path.join(distDir, out), r.stdout);
}

/**
 * The command line as one bundle (dist/bundle/main.js, which bin/kehoach.js runs), each command and
 * each lazily loaded writer a chunk of its own. Node 20 loads about 200 separate ES modules for a
 * `check` (micromark alone is some 40 files), and resolving, reading and linking them was about
 * half of its start-up; Node 22's module compile cache is not available on Node 20.
 * Packages loaded through createRequire at run time (yaml, ajv's validators, nspell, fontkit) stay
 * in node_modules: they are the lazy loads. exceljs (`units import` only) stays too: it is large and
 * reads files of its own.
 */
function bundle() {
  const esbuild = createRequire(import.meta.url)('esbuild');
  esbuild.buildSync({
    // The DOCX writer's worker thread (src/build/docx-thread.ts) is an entry of its own.
    entryPoints: [path.join(root, 'src/cli/main.ts'), path.join(root, 'src/build/docx-worker.ts')],
    outdir: path.join(distDir, 'bundle'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['exceljs'],
    // Deterministic file names and bytes: no build time, no absolute paths in the output.
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    legalComments: 'none',
    logLevel: 'error',
    // Bundled CommonJS packages (handlebars) call require for node's built-ins.
    banner: { js: "import { createRequire as __kehoachRequire } from 'node:module'; const require = __kehoachRequire(import.meta.url);" },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    if (!isFresh()) {
      process.stderr.write(`${STALE_MESSAGE}\n`);
      process.exit(1);
    }
  } else {
    try {
      compile();
    } catch (err) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
  }
}
