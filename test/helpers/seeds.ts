// The five real plans and the seeds (text of the published originals) they are measured against.
// The seeds live in ../shared/seeds beside the repository (CI clones the repo with shared/ next to
// it); tests that need them skip with a message when they are absent.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import path from 'node:path';
import { repoRoot } from './cli.ts';

// KEHOACH_SHARED_DIR points elsewhere, for a work tree that does not sit beside shared/.
const sharedDir = process.env.KEHOACH_SHARED_DIR ?? path.resolve(repoRoot, '../shared');
export const seedsDir = path.join(sharedDir, 'seeds');
export const fidelityTool = path.join(sharedDir, 'tools/seed-fidelity');

export interface SeedPlan {
  seed: string;
  source: string;
}

export const SEED_PLANS: SeedPlan[] = [
  { seed: 'hue-2024-1590-kh-ubnd', source: 'plans/thua-thien-hue/hue/2024-dvctt.yaml' },
  { seed: 'phu-ho-2024-50-kh-ubnd', source: 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml' },
  { seed: 'hue-2025-106-kh-ubnd', source: 'plans/thua-thien-hue/hue/2025-chi-so-dvctt.yaml' },
  { seed: 'cam-hiep-2025-qd-ke-hoach-cctthc', source: 'plans/khanh-hoa/cam-hiep/2025-cai-cach-tthc.yaml' },
  { seed: 'my-hoa-hung-2024-198-kh-ubnd', source: 'plans/an-giang/my-hoa-hung/2024-kiem-soat-tthc.yaml' },
];

export const seedPath = (seed: string) => path.join(seedsDir, `${seed}.txt`);

/** Why the seed tests cannot run here, or undefined when they can. */
export function seedsMissing(): string | undefined {
  if (!SEED_PLANS.every((p) => existsSync(seedPath(p.seed)))) return `không có ${seedsDir} (các văn bản gốc)`;
  if (!existsSync(fidelityTool)) return `không có ${fidelityTool}`;
  for (const cmd of ['python3', 'pdftotext', 'pdfinfo', 'pdffonts']) {
    if (spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0) return `thiếu lệnh ${cmd}`;
  }
  return undefined;
}

export interface BuiltOutput {
  part: 'package' | 'decision' | 'appendix';
  format: 'docx' | 'pdf';
  /** Absolute path. */
  path: string;
}

/** Runs the real CLI in a child process without blocking this one (two builds run side by side). */
function runCliAsync(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/kehoach.js'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function parseBuild(r: { code: number; stdout: string; stderr: string }): Map<string, BuiltOutput[]> {
  if (r.code !== 0) throw new Error(`kehoach build thất bại (${r.code}):\n${r.stderr}\n${r.stdout}`);
  const bySource = new Map<string, BuiltOutput[]>();
  for (const line of r.stdout.split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { source: string; ok: boolean; outputs: BuiltOutput[] };
    if (!o.ok) throw new Error(`${o.source}: không dựng được`);
    bySource.set(o.source, o.outputs.map((x) => ({ ...x, path: path.resolve(repoRoot, x.path) })));
  }
  for (const p of SEED_PLANS) if (!bySource.has(p.source)) throw new Error(`${p.source}: không có trong kết quả --json`);
  return bySource;
}

export interface SeedBuilds {
  /** DOCX and PDF of the five plans. */
  first: Map<string, BuiltOutput[]>;
  /** The same, built again by another process with another browser: for byte-identity. */
  second: Map<string, BuiltOutput[]>;
}

/**
 * The five plans built twice, once per test run, shared by every test file that reads them (the
 * DOCX and PDF seed tests, which used to build them four times between them). The first file to ask
 * builds them, both builds side by side; a file in another worker that asks meanwhile waits for its
 * result. The run's folder comes from vitest.config.ts and is removed by the global setup.
 */
export async function sharedSeedBuilds(formats = 'docx,pdf'): Promise<SeedBuilds> {
  const runDir = process.env.KEHOACH_TEST_RUN_DIR;
  if (!runDir) throw new Error('KEHOACH_TEST_RUN_DIR chưa đặt (vitest.config.ts)');
  const dir = path.join(runDir, `seed-builds-${formats.replace(/\W/g, '-')}`);
  const result = path.join(dir, 'result.json');
  mkdirSync(runDir, { recursive: true });
  let builder = false;
  try {
    mkdirSync(dir);
    builder = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if (builder) {
    const args = (out: string) => ['build', ...SEED_PLANS.map((p) => p.source), '--out', out, '--format', formats, '--json', '--quiet'];
    const [a, b] = await Promise.all([runCliAsync(args(path.join(dir, 'a'))), runCliAsync(args(path.join(dir, 'b')))]);
    let written: unknown;
    try {
      written = { first: [...parseBuild(a)], second: [...parseBuild(b)] };
    } catch (err) {
      written = { error: (err as Error).message };
    }
    writeFileSync(`${result}.tmp`, JSON.stringify(written));
    renameSync(`${result}.tmp`, result);
  }
  // Another worker is building: wait for its result (the suite's hang guard bounds the wait).
  while (!existsSync(result)) await new Promise((r) => setTimeout(r, 200));
  const read = JSON.parse(readFileSync(result, 'utf8')) as { error?: string; first: [string, BuiltOutput[]][]; second: [string, BuiltOutput[]][] };
  if (read.error) throw new Error(read.error);
  return { first: new Map(read.first), second: new Map(read.second) };
}

export interface Fidelity {
  recall: number;
  precision: number;
  report: string;
}

/**
 * The DOCX as the fidelity tool should read it: the tool takes only w:t as text, so a document
 * number's w:noBreakHyphen (a hyphen that never ends a line) becomes w:t "-" in a temporary copy.
 */
function withPlainHyphens(docx: string): string {
  const files = unzipSync(readFileSync(docx));
  const xml = strFromU8(files['word/document.xml']);
  if (!xml.includes('<w:noBreakHyphen/>')) return docx;
  files['word/document.xml'] = strToU8(xml.replace(/<w:noBreakHyphen\/>/g, '<w:t>-</w:t>'));
  const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'kehoach-fidelity-')), path.basename(docx));
  writeFileSync(copy, zipSync(files));
  return copy;
}

/** ../shared/tools/seed-fidelity REFERENCE BUILT: word recall and precision, in order. */
export function fidelity(reference: string, built: string): Fidelity {
  const input = built.endsWith('.docx') ? withPlainHyphens(built) : built;
  const r = spawnSync('python3', [fidelityTool, reference, input, '--show', '5'], { encoding: 'utf8' });
  const m = /recall ([\d.]+) precision ([\d.]+)/.exec(r.stdout);
  if (!m) throw new Error(`seed-fidelity: ${r.stdout}\n${r.stderr}`);
  return { recall: Number(m[1]), precision: Number(m[2]), report: r.stdout };
}

const isHeaderRow = (line: string) => /^stt\t/i.test(line.replace(/<[^>]+>/g, '').trim() + '\t');

/**
 * Mỹ Hòa Hưng's seed is the text of a PDF whose tables repeat their header row after every page
 * break (and carry an artefact "Stt2" column where the original had two numbering columns). The
 * built document states each table's header once; this reference keeps the first header row of each
 * table (a run of tab-separated lines up to the next paragraph), drops its repetitions and the
 * "Stt2" cell. Everything else is the seed, unchanged.
 */
export function withoutRepeatedHeaders(seedText: string): string {
  const out: string[] = [];
  let seenHeaderInTable = false;
  for (const line of seedText.split('\n')) {
    const isTableLine = line.includes('\t');
    if (!isTableLine && line.trim() !== '') seenHeaderInTable = false; // a paragraph ends the table
    if (isTableLine && isHeaderRow(line.split('\t')[0] ?? '')) {
      if (seenHeaderInTable) continue;
      seenHeaderInTable = true;
      out.push(line.split('\t').filter((cell) => cell.replace(/<[^>]+>/g, '').trim().toLowerCase() !== 'stt2').join('\t'));
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** Two builds wrote the same files, byte for byte (the outputs of one format of one plan). */
export function expectSameOutputs(
  expect: (v: unknown, message?: string) => { toEqual(x: unknown): void; toBe(x: unknown): void },
  first: BuiltOutput[],
  second: BuiltOutput[],
): void {
  expect(second.map((o) => path.basename(o.path))).toEqual(first.map((o) => path.basename(o.path)));
  for (const [i, o] of first.entries()) expect(readFileSync(second[i].path).equals(readFileSync(o.path)), o.path).toBe(true);
}

export const readSeed = (seed: string) => readFileSync(seedPath(seed), 'utf8');

export function pdfPageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}
