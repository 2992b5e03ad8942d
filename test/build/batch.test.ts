// Batch behaviour of `kehoach build` (issue 7): failure isolation, browser restart, Ctrl-C,
// incremental rebuilds, progress lines and --json output.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzip } from '../write/docx/helpers.ts';
import { PDFDocument } from '@cantoo/pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBatch } from '../../src/build/batch.ts';
import { Progress, type PlanOutcome } from '../../src/build/progress.ts';
import { findBrowser } from '../../src/write/pdf/index.ts';
import { repoRoot, runCli, runCliProcess, tempProject } from '../helpers/cli.ts';
import { filesUnder } from '../helpers/files.ts';

const HUE = 'plans/thua-thien-hue/hue/2024-dvctt.yaml';
const HUE25 = 'plans/thua-thien-hue/hue/2025-chi-so-dvctt.yaml';
const PHU_HO = 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml';
const AN_GIANG = 'plans/an-giang/my-hoa-hung/2024-kiem-soat-tthc.yaml';
const CAM_HIEP = 'plans/khanh-hoa/cam-hiep/2025-cai-cach-tthc.yaml';
const ALL = [AN_GIANG, CAM_HIEP, HUE, HUE25, PHU_HO];

const browser = findBrowser();
const disposers: (() => void)[] = [];
afterAll(() => disposers.forEach((d) => d()));
/** A temp project holding only `keep` of the real plans (fewer plans, faster builds). */
function project(keep: string[] = ALL): string {
  const p = tempProject();
  disposers.push(p.dispose);
  for (const f of ALL) if (!keep.includes(f)) rmSync(path.join(p.root, f));
  return p.root;
}

/** Every output file is complete: a DOCX opens as a zip with its document part, a PDF loads. */
async function expectComplete(outDir: string): Promise<number> {
  let n = 0;
  for (const f of filesUnder(outDir)) {
    const bytes = readFileSync(path.join(outDir, f));
    if (f.endsWith('.docx')) {
      expect((await unzip(bytes)).has('word/document.xml'), f).toBe(true);
      n++;
    } else if (f.endsWith('.pdf')) {
      const pdf = await PDFDocument.load(bytes);
      expect(pdf.getPageCount(), f).toBeGreaterThan(0);
      n++;
    }
  }
  return n;
}

const parseJson = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as PlanOutcome);

/** Processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): { pid: number; cmd: string }[] {
  const out: { pid: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push({ pid: Number(name), cmd: readFileSync(`/proc/${name}/cmdline`, 'utf8') });
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

describe('failure isolation', () => {
  it('a plan whose PDF cannot be rendered is reported, the batch goes on, DOCX is still written, exit 1', async () => {
    const root = project([AN_GIANG, CAM_HIEP, HUE, PHU_HO]);
    // /bin/false exists, so it is taken as the browser; it exits at once: every print fails.
    const r = await runCli(['build', '--json', AN_GIANG, CAM_HIEP, PHU_HO], root, { PUPPETEER_EXECUTABLE_PATH: '/bin/false' });
    expect(r.code, r.stderr).toBe(1);
    const outcomes = parseJson(r.stdout);
    expect(outcomes.map((o) => o.source).sort()).toEqual([AN_GIANG, CAM_HIEP, PHU_HO]);
    for (const o of outcomes) {
      expect(o.ok).toBe(false);
      expect(o.errors.join('\n')).toMatch(/không xuất được PDF/);
      expect(o.outputs.length).toBeGreaterThan(0);
      expect(o.outputs.every((x) => x.format === 'docx')).toBe(true);
    }
    const files = filesUnder(path.join(root, 'out'));
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(2 + 3 + 2);
    expect(files.filter((f) => f.endsWith('.pdf') || f.endsWith('.tmp'))).toEqual([]);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    // The summary names every failure.
    for (const s of [AN_GIANG, CAM_HIEP, PHU_HO]) expect(r.stderr).toContain(`LỖI ${s}:`);
  });

  it('a failed plan is not recorded as built: the next build tries it again', async () => {
    const root = project([AN_GIANG, CAM_HIEP]);
    await runCli(['build', '--format', 'docx', AN_GIANG], root);
    const bad = path.join(root, CAM_HIEP);
    const good = readFileSync(bad, 'utf8');
    writeFileSync(bad, good.replace(/^loai: .*$/m, 'loai: ke-hoach-sai'));
    const r1 = await runCli(['build', '--format', 'docx', '--json', AN_GIANG, CAM_HIEP], root);
    expect(r1.code).toBe(1);
    expect(parseJson(r1.stdout).find((o) => o.source === CAM_HIEP)?.ok).toBe(false);
    writeFileSync(bad, good);
    const r2 = await runCli(['build', '--format', 'docx', AN_GIANG, CAM_HIEP], root);
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stderr).toMatch(/\] không đổi plans\/an-giang/);
    expect(r2.stderr).toMatch(/\] xong plans\/khanh-hoa/);
  });
});

describe.skipIf(!browser)('browser restart', () => {
  it('killing Chromium mid-batch: the browser is restarted and every plan still builds', async () => {
    const plans = [AN_GIANG, CAM_HIEP, PHU_HO];
    const root = project([...plans, HUE]); // Phú Hồ inherits from Huế
    const outDir = path.join(root, 'out');
    const killed: number[] = [];
    const browsers = new Set<number>();
    const chromium = () => childrenOf(process.pid).filter((c) => c.cmd.includes('kehoach-chromium-'));
    const outcomes = await buildBatch({
      root, files: plans, outDir, formats: ['docx', 'pdf'], force: true,
      onFinish: () => {
        for (const c of chromium()) browsers.add(c.pid);
        if (killed.length === 0) {
          for (const c of chromium()) {
            process.kill(c.pid, 'SIGKILL');
            killed.push(c.pid);
          }
        }
      },
    });
    expect(killed.length).toBe(1);
    // A second browser was started after the kill.
    expect([...browsers].filter((p) => !killed.includes(p)).length).toBeGreaterThanOrEqual(1);
    expect(outcomes.map((o) => [o.source, o.ok, o.errors])).toEqual(plans.map((s) => [s, true, []]));
    expect(outcomes.flatMap((o) => o.outputs).filter((o) => o.format === 'pdf')).toHaveLength(7);
    expect(await expectComplete(outDir)).toBe(14);
    // The batch closed its browser.
    expect(chromium()).toEqual([]);
  });
});

describe.skipIf(!browser)('cold build', () => {
  it('Chromium is already running when the first plan is compiled; a no-op build never starts it', async () => {
    const root = project([CAM_HIEP]);
    const outDir = path.join(root, 'out');
    const chromium = () => childrenOf(process.pid).filter((c) => c.cmd.includes('kehoach-chromium-'));
    const trace: string[] = [];
    const running: number[] = [];
    const onTrace = (e: string) => {
      trace.push(e);
      if (e.startsWith('compile ')) running.push(chromium().length);
    };
    const cold = await buildBatch({ root, files: [CAM_HIEP], outDir, formats: ['docx', 'pdf'], trace: onTrace });
    expect(cold.map((o) => o.ok)).toEqual([true]);
    expect(trace).toEqual(['browser-start', `compile ${CAM_HIEP}`]);
    expect(running[0]).toBeGreaterThan(0);
    trace.length = 0;
    const again = await buildBatch({ root, files: [CAM_HIEP], outDir, formats: ['docx', 'pdf'], trace: onTrace });
    expect(again.map((o) => o.skipped)).toEqual([true]);
    expect(trace).toEqual([]);
    expect(chromium()).toEqual([]);
  });
});

describe.skipIf(!browser)('Ctrl-C', () => {
  it('SIGINT after the first plan: exit 130, finished outputs complete, nothing half-written, no temp files', async () => {
    const root = project();
    const tmp = path.join(root, 'tmp');
    mkdirSync(tmp);
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/kehoach.js'), 'build', 'plans'], {
      cwd: root,
      env: { ...process.env, TMPDIR: tmp, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        if (/\[1\/5\]/.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/Đã dừng/);
    expect(stderr).not.toMatch(/\[5\/5\]/); // it really stopped mid-batch
    const outDir = path.join(root, 'out');
    const files = filesUnder(outDir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await expectComplete(outDir)).toBeGreaterThanOrEqual(4); // the first plan's DOCX and PDF at least
    // The printer's working folders and the browser profile are gone (tsx keeps its own cache).
    expect(readdirSync(tmp).filter((n) => n.startsWith('kehoach-'))).toEqual([]);
    // No browser left behind.
    await new Promise((r) => setTimeout(r, 300));
    const ps = spawnSync('pgrep', ['-f', tmp], { encoding: 'utf8' });
    expect(ps.stdout.trim()).toBe('');
  });
});

describe('incremental builds', () => {
  const PLANS = [AN_GIANG, HUE, PHU_HO];
  const root = project(PLANS);
  const build = async (...args: string[]) => {
    const r = await runCli(['build', '--format', 'docx', ...args], root);
    return { ...r, built: [...r.stderr.matchAll(/\] xong (\S+)/g)].map((m) => m[1]).sort(), skipped: [...r.stderr.matchAll(/\] không đổi (\S+)/g)].map((m) => m[1]).sort() };
  };

  it('first build builds all; a second one skips every plan without compiling any', async () => {
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    expect(first.built).toEqual(PLANS);
    const second = await build();
    expect(second.code).toBe(0);
    expect(second.built).toEqual([]);
    expect(second.skipped).toEqual(PLANS);
    expect(second.stderr).toMatch(/Đã dựng 0 kế hoạch, 3 không đổi/);
    // The no-op build's speed, counted rather than timed: it compiles no plan (trace has no 'compile …').
    const events: string[] = [];
    const outcomes = await buildBatch({ root, files: PLANS, outDir: path.join(root, 'out'), formats: ['docx'], trace: (e) => events.push(e) });
    expect(outcomes.map((o) => o.skipped)).toEqual([true, true, true]);
    expect(events).toEqual([]);
  });

  it('changing a parent rebuilds it and its children only', async () => {
    appendFileSync(path.join(root, HUE), '# sửa\n');
    const r = await build();
    expect(r.built).toEqual([HUE, PHU_HO]);
    expect(r.skipped).toEqual([AN_GIANG]);
  });

  it('changing a child rebuilds the child only', async () => {
    appendFileSync(path.join(root, PHU_HO), '# sửa\n');
    expect((await build()).built).toEqual([PHU_HO]);
  });

  it('changing data/cap.yaml rebuilds every plan', async () => {
    appendFileSync(path.join(root, 'data/cap.yaml'), '# sửa\n');
    expect((await build()).built).toEqual(PLANS);
  });

  it('a deleted output rebuilds its plan', async () => {
    const outDir = path.join(root, 'out/an-giang/my-hoa-hung/2024-kiem-soat-tthc');
    const f = readdirSync(outDir)[0];
    writeFileSync(path.join(outDir, f), '');
    expect((await build()).built).toEqual([AN_GIANG]);
  });

  it('a damaged or missing build record means a full rebuild', async () => {
    const record = path.join(root, 'out/.kehoach/build-record.json');
    writeFileSync(record, readFileSync(record, 'utf8').slice(0, 100));
    const r = await build();
    expect(r.code, r.stderr).toBe(0);
    expect(r.built).toEqual(PLANS);
    expect(JSON.parse(readFileSync(record, 'utf8')).entries[HUE]).toBeDefined();
    writeFileSync(record, '{"version": 1, "entries": {"plans/x.yaml": 5, "' + HUE + '": {"inputs": null}}}');
    expect((await build()).built).toEqual(PLANS);
    expect((await build()).built).toEqual([]);
  });

  it('--force rebuilds everything; a new format rebuilds too', async () => {
    expect((await build('--force')).built).toEqual(PLANS);
    expect((await build()).built).toEqual([]);
  });
});

describe('progress and --json', () => {
  const PLANS = [AN_GIANG, CAM_HIEP];
  const root = project(PLANS);
  const bad = 'plans/an-giang/my-hoa-hung/loi.yaml';
  writeFileSync(path.join(root, bad), readFileSync(path.join(root, AN_GIANG), 'utf8').replace(/^so: .*$/m, 'so: một trăm'));

  it('not on a terminal: one plain line per plan, then a summary naming the failure and the output folder', async () => {
    // End to end: the compiled CLI in its own process, its stderr a pipe (a CI log).
    const r = runCliProcess(['build', '--format', 'docx', 'plans'], root);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => /^\[\d+\/3\]/.test(l));
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.split(' ').slice(1).join(' ')).sort()).toEqual(
      [...PLANS.map((s) => `xong ${s}`), `LỖI ${bad}`].sort(),
    );
    expect(r.stderr).not.toMatch(/\r|\x1b\[/); // no live-line control codes in a log
    expect(r.stderr).toMatch(/Đã dựng 2 kế hoạch, 1 lỗi trong [\d.]+ s → out/);
    expect(r.stderr).toMatch(new RegExp(`  LỖI ${bad}: ${bad}:\\d+:\\d+: error: .+ \\[schema-[a-z]+\\]`));
  });

  it('--quiet prints only the failures; a clean quiet build prints nothing', async () => {
    const r = await runCli(['build', '--format', 'docx', '--force', '--quiet', 'plans'], root);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.every((l) => l.includes(bad) || /Đã dựng/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${bad}:`))).toBe(true);
    const clean = await runCli(['build', '--format', 'docx', '--force', '--quiet', ...PLANS], root);
    expect(clean.code).toBe(0);
    expect(clean.stderr).toBe('');
  });

  it('--json prints one object per plan: source, ok, outputs (part, format, path), diagnostics, errors', async () => {
    const r = await runCli(['build', '--format', 'docx', '--force', '--json', 'plans'], root);
    expect(r.code).toBe(1);
    const outcomes = parseJson(r.stdout);
    expect(outcomes).toHaveLength(3);
    for (const o of outcomes) {
      expect(Object.keys(o).sort()).toEqual(['diagnostics', 'errors', 'ok', 'outputs', 'source']);
      for (const out of o.outputs) {
        expect(Object.keys(out).sort()).toEqual(['format', 'part', 'path']);
        expect(['package', 'decision', 'appendix']).toContain(out.part);
        expect(existsSync(path.join(root, out.path))).toBe(true);
        expect(out.path.startsWith('out/')).toBe(true);
      }
      for (const d of o.diagnostics) expect(Object.keys(d).sort()).toEqual(['col', 'file', 'line', 'message', 'rule', 'severity']);
    }
    const cam = outcomes.find((o) => o.source === CAM_HIEP)!;
    expect(cam.outputs.map((x) => x.part).sort()).toEqual(['appendix', 'decision', 'package']);
    const failed = outcomes.find((o) => o.source === bad)!;
    expect(failed).toMatchObject({ ok: false, outputs: [] });
    expect(failed.diagnostics.some((d) => d.severity === 'error' && d.file === bad)).toBe(true);
  });

  it('on a terminal: a live line with done/total, elapsed, estimate and the current plan', () => {
    let written = '';
    const stream = { isTTY: true, columns: 120, write: (s: string) => ((written += s), true) } as unknown as NodeJS.WriteStream;
    const p = new Progress(2, false, stream);
    p.start('plans/a.yaml');
    expect(written).toMatch(/\r\x1b\[2K\[0\/2\] 0\.\d s, còn khoảng 0 s đang dựng plans\/a\.yaml/);
    p.finish({ source: 'plans/a.yaml', ok: true, outputs: [], diagnostics: [], errors: [] });
    p.start('plans/b.yaml');
    expect(written).toMatch(/\[1\/2\] [\d.]+ s, còn khoảng \d+ s đang dựng plans\/b\.yaml/);
    // No per-plan log line on a terminal for a success, only for failures.
    expect(written).not.toMatch(/xong/);
    p.finish({ source: 'plans/b.yaml', ok: false, outputs: [], diagnostics: [], errors: ['hỏng'] });
    expect(written).toContain('plans/b.yaml: error: hỏng\n');
  });
});
