// What a clerk feels on a single command (issue 15), each command in a fresh process as a user runs
// it (the compiled bin/kehoach.js), against the floors it cannot beat, in one run:
//   node_startup_s   a bare `node -e 0`;
//   check_one_s      `kehoach check` of Phú Hồ's plan;   print_one_s  `kehoach print` of it;
//   cold_build_s     `kehoach build` of it, DOCX + PDF, a new process and browser each time;
//   cold_floor_s     node + puppeteer + browser launch + printing the plan's text as paged HTML + close
//                    (bench/cold-floor.mjs);
//   lo_pdf_ms_per_plan  LibreOffice converting the same plan's DOCX to PDF, ten files in one warm
//                    `soffice` process: the peer path a user could take instead.
// Each figure is the median of `repeat` runs, the commands taking turns so that a busy spell of the
// machine falls on all of them.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchFlags, findBrowser } from '../src/write/pdf/index.ts';

export const PHU_HO = 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml';

export interface StartupFigures {
  node_startup_s: number;
  check_one_s: number;
  print_one_s: number;
  cold_build_s: number;
  cold_floor_s: number;
  lo_pdf_ms_per_plan: number | null;
  check_ratio: number;
  print_ratio: number;
  cold_build_ratio: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Wall time of one process, in seconds; it must succeed. */
function timed(file: string, args: string[], cwd: string): number {
  const t0 = performance.now();
  const r = spawnSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${path.basename(file)} ${args.join(' ')}: mã thoát ${r.status}\n${r.stderr}`);
  return s;
}

/** The plan's text as plain paged HTML: what the floor prints. */
function pagedText(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paras = text.split('\n').map((l) => `<p>${esc(l)}</p>`).join('\n');
  return `<!doctype html><html lang="vi"><meta charset="utf-8"><style>@page { size: A4; margin: 20mm 15mm 20mm 30mm } body { font: 14pt 'Times New Roman', serif } p { margin: 0 0 6pt; text-align: justify }</style><body>${paras}</body></html>`;
}

export function measureStartup(toolRoot: string, repeat = 5): StartupFigures {
  const bin = path.join(toolRoot, 'bin/kehoach.js');
  const node = process.execPath;
  const browser = findBrowser();
  if (!browser) throw new Error('bench: không tìm thấy Chromium');
  const flags = JSON.stringify(launchFlags());
  const work = mkdtempSync(path.join(tmpdir(), 'kehoach-startup-'));
  try {
    const html = path.join(work, 'plan.html');
    writeFileSync(html, pagedText(execFileSync(node, [bin, 'print', PHU_HO], { cwd: toolRoot, encoding: 'utf8' })));
    const runs: Record<'node' | 'check' | 'print' | 'build' | 'floor', number[]> = { node: [], check: [], print: [], build: [], floor: [] };
    for (let i = 0; i < repeat; i++) {
      runs.node.push(timed(node, ['-e', '0'], toolRoot));
      runs.check.push(timed(node, [bin, 'check', PHU_HO], toolRoot));
      runs.print.push(timed(node, [bin, 'print', PHU_HO], toolRoot));
      const out = path.join(work, `out-${i}`);
      runs.build.push(timed(node, [bin, 'build', PHU_HO, '--out', out, '--force', '--quiet'], toolRoot));
      const profile = mkdtempSync(path.join(work, 'profile-'));
      runs.floor.push(timed(node, [path.join(toolRoot, 'bench/cold-floor.mjs'), browser, html, path.join(work, `floor-${i}.pdf`), profile, flags], toolRoot));
    }
    const f = {
      node_startup_s: round(median(runs.node)),
      check_one_s: round(median(runs.check)),
      print_one_s: round(median(runs.print)),
      cold_build_s: round(median(runs.build)),
      cold_floor_s: round(median(runs.floor)),
      lo_pdf_ms_per_plan: libreOfficeMsPerPlan(work, path.join(work, 'out-0')),
    };
    return {
      ...f,
      check_ratio: round(f.check_one_s / f.node_startup_s, 2),
      print_ratio: round(f.print_one_s / f.node_startup_s, 2),
      cold_build_ratio: round(f.cold_build_s / f.cold_floor_s, 2),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Ten copies of the plan's DOCX through one `soffice` after a warm-up; null without LibreOffice. */
function libreOfficeMsPerPlan(work: string, built: string): number | null {
  if (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0) return null;
  const docx = path.join(built, 'thua-thien-hue/phu-ho/2024-dvctt/2024-dvctt.docx');
  const inDir = path.join(work, 'lo-in');
  const outDir = path.join(work, 'lo-out');
  mkdirSync(inDir);
  const files = Array.from({ length: 10 }, (_, i) => path.join(inDir, `ke-hoach-${i}.docx`));
  for (const f of files) copyFileSync(docx, f);
  // Its own profile: two soffice processes sharing one lose work silently (platform facts).
  const profile = `-env:UserInstallation=file://${path.join(work, 'lo-profile')}`;
  const convert = (list: string[]) => timed('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...list], work);
  convert(files.slice(0, 1)); // first start: creates the profile
  return Math.round((convert(files) * 1000) / files.length);
}

// `node --import tsx bench/startup.ts [--repeat N]`: these figures alone, as JSON.
if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--repeat');
  const { toolRoot } = await import('../src/write/html/paths.ts');
  process.stdout.write(JSON.stringify(measureStartup(toolRoot, i >= 0 ? Number(process.argv[i + 1]) : 5)) + '\n');
}
