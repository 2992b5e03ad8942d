// Province-scale benchmark (issue 7): `npm run bench -- [--n N] [--json] [--no-4n] [--startup-only]`.
// Generates N commune plans from the Huế city plan in a temp project (synthetic units in
// data/don-vi/bench.yaml, sources written by the same code as `kehoach new`) and reports, in one run:
// DOCX and PDF ms per plan, plans per second of the whole batch (docx+pdf, buildBatch), the bare
// Chromium print floor at the same concurrency and our ratio to it, the no-op incremental rebuild,
// peak RSS of the batch build (run in a process of its own, bench/batch-child.mjs, compiled), the time at 4N
// over the time at N, and `check` over the real plans/ (cold and warm). First, the single-command
// figures of bench/startup.ts (issue 15); `--startup-only` measures only those.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { Compiler } from '../src/pipeline/compiler.ts';
import { childPlanSource } from '../src/generate/child-plan.ts';
import { plannedOutputs } from '../src/build/outputs.ts';
import { discoverPlans } from '../src/build/discover.ts';
import { PdfRenderer, printHtml } from '../src/build/pdf-renderer.ts';
import { DocxRenderer } from '../src/write/docx/index.ts';
import { launchFlags, findBrowser, printFonts } from '../src/write/pdf/index.ts';
import { toolRoot } from '../src/write/html/paths.ts';
import { measureStartup, type StartupFigures } from './startup.ts';
import type { PlanDocument } from '../src/model/types.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const nArg = args.indexOf('--n');
const N = nArg >= 0 ? Number(args[nArg + 1]) : 200;
if (!Number.isInteger(N) || N < 1) {
  process.stderr.write('bench: --n cần một số nguyên dương\n');
  process.exit(2);
}
const json = flag('--json');
const with4n = !flag('--no-4n');
const log = (s: string) => process.stderr.write(s + '\n');

const CITY = 'plans/thua-thien-hue/hue/2024-dvctt.yaml';
// The printer's own launch flags, so the floor is a like-for-like browser.
const LAUNCH_ARGS = launchFlags();
const PAGES = 2; // PdfPrinter's default pool
const LANES = 3; // buildBatch's default lanes with PDF

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// --- single commands in fresh processes, against node's and Chromium's floors ------------------
const startup = measureStartup(toolRoot);
log(`Khởi động: node ${startup.node_startup_s} s; check ${startup.check_one_s} s (${startup.check_ratio}×), print ${startup.print_one_s} s (${startup.print_ratio}×); dựng lạnh ${startup.cold_build_s} s / sàn ${startup.cold_floor_s} s (${startup.cold_build_ratio}×); LibreOffice ${startup.lo_pdf_ms_per_plan} ms/kế hoạch`);

function startupLines(f: StartupFigures): [string, string, boolean][] {
  return [
    ['check một kế hoạch', `${f.check_one_s} s = ${f.check_ratio}× node -e 0 (${f.node_startup_s} s; mục tiêu ≤ 4×)`, f.check_ratio <= 4],
    ['print một kế hoạch', `${f.print_one_s} s = ${f.print_ratio}× node -e 0 (mục tiêu ≤ 4×)`, f.print_ratio <= 4],
    ['build lạnh một kế hoạch', `${f.cold_build_s} s = ${f.cold_build_ratio}× sàn lạnh Chromium (${f.cold_floor_s} s; mục tiêu ≤ 1.3×)`, f.cold_build_ratio <= 1.3],
    ['LibreOffice DOCX→PDF', `${f.lo_pdf_ms_per_plan ?? '—'} ms/kế hoạch (10 tệp, một tiến trình)`, true],
  ];
}
if (flag('--startup-only')) {
  if (json) process.stdout.write(JSON.stringify({ ...startup, date: new Date().toISOString().slice(0, 10) }) + '\n');
  else for (const [k, v, ok] of startupLines(startup)) process.stdout.write(`${ok ? ' ' : '!'} ${k.padEnd(26)} ${v}\n`);
  process.exit(0);
}

// --- check over the real plans/, cold (first compile in the process) then warm ---------------
function timeCheck(): number {
  const t0 = performance.now();
  const compiler = new Compiler(toolRoot);
  compiler.project();
  for (const f of discoverPlans(toolRoot, [path.join(toolRoot, 'plans')], toolRoot).files) compiler.compile(f);
  return performance.now() - t0;
}
const checkColdMs = timeCheck();
const checkWarmMs = Math.min(timeCheck(), timeCheck(), timeCheck());

// --- the temp project: Huế plus N (and 4N) generated commune plans -----------------------------
const root = mkdtempSync(path.join(tmpdir(), 'kehoach-bench-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));
// puppeteer's own SIGTERM/SIGINT handlers would keep the process alive: stop, and clean up on exit.
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));
cpSync(path.join(toolRoot, 'data'), path.join(root, 'data'), { recursive: true });
mkdirSync(path.join(root, path.dirname(CITY)), { recursive: true });
cpSync(path.join(toolRoot, CITY), path.join(root, CITY));
const total = with4n ? 4 * N : N;
const unitIds = Array.from({ length: total }, (_, i) => `bench-xa-${i}`);
writeFileSync(
  path.join(root, 'data/don-vi/bench.yaml'),
  unitIds.map((id, i) => `- { id: ${id}, cap: xa, ten: Thử ${i}, thuoc: hue, lanh_dao: [{ chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn ${i} }] }`).join('\n') + '\n',
);
const gen = new Compiler(root);
const project = gen.project().value!;
const city = gen.compile(CITY);
if (!city.ok || !city.doc || !city.resolved) throw new Error(`kế hoạch thành phố có lỗi: ${city.diagnostics.map((d) => d.message).join('; ')}`);
const files = unitIds.map((id) => {
  const target = `plans/thua-thien-hue/${id}/2024-dvctt.yaml`;
  const text = childPlanSource({ root, parentFile: CITY, target, parent: city.resolved!, parentDoc: city.doc!, unit: project.units.get(id)!, project });
  mkdirSync(path.join(root, path.dirname(target)), { recursive: true });
  writeFileSync(path.join(root, target), text);
  return target;
});
const filesN = files.slice(0, N);
log(`bench: ${N} kế hoạch xã từ ${CITY} trong ${root}`);

// --- DOCX render only, in-process ----------------------------------------------------------------
const compiler = new Compiler(root);
const docs: PlanDocument[] = filesN.map((f) => {
  const c = compiler.compile(f);
  if (!c.ok || !c.doc) throw new Error(`${f}: ${c.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('; ')}`);
  return c.doc;
});
const docxRenderer = new DocxRenderer(); // as the batch renders: one layout per plan, every file assembled from it
await new DocxRenderer().render(docs[0], { kind: 'package' }); // warm-up
let t0 = performance.now();
for (const doc of docs) for (const o of plannedOutputs(doc, ['docx'])) await docxRenderer.render(doc, o.target);
const docxMs = (performance.now() - t0) / N;
log(`DOCX: ${docxMs.toFixed(1)} ms/kế hoạch`);

// --- PDF only, through the batch's renderer and lanes ---------------------------------------------
const renderer = new PdfRenderer(root);
await renderer.render(docs[0], { kind: 'package' }); // browser start and warm-up
t0 = performance.now();
{
  let next = 0;
  await Promise.all(Array.from({ length: LANES }, async () => {
    while (next < docs.length) {
      const doc = docs[next++];
      for (const o of plannedOutputs(doc, ['pdf'])) await renderer.render(doc, o.target);
    }
  }));
}
const pdfMs = (performance.now() - t0) / N;
await renderer.close();
log(`PDF: ${pdfMs.toFixed(1)} ms/kế hoạch`);

// --- the Chromium print floor: the same HTML, bare puppeteer, same pages in flight -----------
const htmlDir = mkdtempSync(path.join(root, 'html-'));
const htmlFiles: string[] = [];
// The fonts as the printer gives them to its browser (fontconfig on Linux, else a web font).
const floorFonts = printFonts(htmlDir);
for (const [i, doc] of docs.entries()) {
  // One print per plan, as the build prints: the whole package on its named pages.
  const f = path.join(htmlDir, `${i}.html`);
  writeFileSync(f, await printHtml(doc, { kind: 'package' }, floorFonts.css));
  htmlFiles.push(f);
}
const profile = mkdtempSync(path.join(root, 'profile-'));
const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, pipe: true, args: LAUNCH_ARGS, userDataDir: profile, env: { ...process.env, ...floorFonts.env } });
const floorPages = await Promise.all(Array.from({ length: PAGES }, () => browser.newPage()));
for (const p of floorPages) await p.setJavaScriptEnabled(false);
const printFloor = async (list: string[]) => {
  let next = 0;
  await Promise.all(floorPages.map(async (page) => {
    while (next < list.length) {
      const f = list[next++];
      await page.goto(pathToFileURL(f).href, { waitUntil: 'load' });
      await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false });
    }
  }));
};
await printFloor(htmlFiles.slice(0, PAGES)); // warm-up
t0 = performance.now();
await printFloor(htmlFiles);
const floorS = seconds(t0);
await browser.close();
rmSync(htmlDir, { recursive: true, force: true });
log(`Sàn in Chromium: ${floorS.toFixed(1)} s cho ${htmlFiles.length} bản in`);

// --- the whole batch (docx+pdf), the no-op rebuild, and 4N --------------------------------------
interface BatchRun {
  seconds: number;
  peakRssMb: number;
}
/** A batch build (buildBatch, as `kehoach build`) in a child process, for its own time and peak RSS. */
function batch(list: string[], outName: string, force: boolean): BatchRun {
  const child = path.join(toolRoot, 'bench/batch-child.mjs');
  const job = JSON.stringify({ root, files: list, outName, force });
  const out = execFileSync(process.execPath, [child, job], { cwd: toolRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  const r = JSON.parse(out.trim().split('\n').pop()!) as BatchRun & { failed: number; firstFailure?: string };
  if (r.failed) throw new Error(`${r.failed} kế hoạch lỗi, ví dụ ${r.firstFailure}`);
  return r;
}
const runN = batch(filesN, 'out-n', true);
const batchS = runN.seconds;
log(`Lô ${N}: ${batchS.toFixed(1)} s (${(N / batchS).toFixed(2)} kế hoạch/s, ${(batchS / floorS).toFixed(2)}× sàn in), RSS đỉnh ${Math.round(runN.peakRssMb)} MB`);
const noopS = batch(filesN, 'out-n', false).seconds;
log(`Dựng lại không đổi: ${noopS.toFixed(2)} s`);
let run4N: BatchRun | undefined;
if (with4n) {
  rmSync(path.join(root, 'out-n'), { recursive: true, force: true });
  run4N = batch(files, 'out-4n', true);
  log(`Lô ${4 * N}: ${run4N.seconds.toFixed(1)} s (${(run4N.seconds / batchS).toFixed(2)}× lô ${N}), RSS đỉnh ${Math.round(run4N.peakRssMb)} MB`);
}
const batch4S = run4N?.seconds;
// The build's peak: the largest batch's process (4N when measured).
const peakRssMb = (run4N ?? runN).peakRssMb;
const peakRssPlans = run4N ? 4 * N : N;

const result = {
  n: N,
  docx_ms_per_plan: round(docxMs, 1),
  pdf_ms_per_plan: round(pdfMs, 1),
  plans_per_s: round(N / batchS),
  floor_s: round(floorS),
  batch_s: round(batchS),
  floor_ratio: round(batchS / floorS),
  noop_rebuild_s: round(noopS),
  peak_rss_mb: Math.round(peakRssMb),
  peak_rss_plans: peakRssPlans,
  rss_at_n_mb: Math.round(runN.peakRssMb),
  growth_4n: batch4S === undefined ? null : round(batch4S / batchS),
  ...startup,
  check_ms: { cold: Math.round(checkColdMs), warm: Math.round(checkWarmMs), plans: readdirSync(path.join(toolRoot, 'plans'), { recursive: true }).filter((f) => String(f).endsWith('.yaml')).length },
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
  date: new Date().toISOString().slice(0, 10),
};
if (json) process.stdout.write(JSON.stringify(result) + '\n');
else {
  const targets: [string, string, boolean][] = [
    ['DOCX ms/kế hoạch', `${result.docx_ms_per_plan} (mục tiêu < 30)`, docxMs < 30],
    ['PDF ms/kế hoạch', `${result.pdf_ms_per_plan}`, true],
    ['kế hoạch/s (docx+pdf)', `${result.plans_per_s}`, true],
    ['lô / sàn in Chromium', `${result.floor_ratio} (${result.batch_s} s / ${result.floor_s} s; mục tiêu ≤ 1.25)`, result.floor_ratio <= 1.25],
    ['dựng lại không đổi', `${result.noop_rebuild_s} s (mục tiêu < 2 s với 200)`, noopS < 2],
    ['RSS đỉnh của lô (node)', `${result.peak_rss_mb} MB với ${peakRssPlans} kế hoạch (mục tiêu < 800 MB với 1000)`, peakRssMb < 800],
    [`thời gian ${4 * N} / ${N}`, `${result.growth_4n ?? '—'} (mục tiêu ≤ 4.4)`, result.growth_4n === null || result.growth_4n <= 4.4],
    ['check plans/ (lạnh / ấm)', `${result.check_ms.cold} ms / ${result.check_ms.warm} ms`, checkWarmMs < 1000],
  ];
  targets.push(...startupLines(startup));
  for (const [k, v, ok] of targets) process.stdout.write(`${ok ? ' ' : '!'} ${k.padEnd(26)} ${v}\n`);
  process.stdout.write(`  ${result.machine}, ${result.date}\n`);
}
