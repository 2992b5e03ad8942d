// Issue #14: faults found by trying to break the build. Each test is named after its case:
// colliding outputs (1), stale record after an edit during a build (2), a record trusted too much
// (3), inputs the record ignored (4), stale files left in out/ (5), a read-only out/ (12), and the
// previous PDF of a plan whose build failed (15). DOCX only: the PDF side is the same code path.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildBatch } from '../../src/build/batch.ts';
import { BuildRecord, InputHasher } from '../../src/build/incremental.ts';
import { RecordFile } from '../../src/build/record-file.ts';
import { Compiler } from '../../src/pipeline/compiler.ts';
import { repoRoot, runCli, runCliProcess, tempProject } from '../helpers/cli.ts';
import { filesUnder } from '../helpers/files.ts';

const AN_GIANG = 'plans/an-giang/my-hoa-hung/2024-kiem-soat-tthc.yaml';
const AN_GIANG_OUT = 'out/an-giang/my-hoa-hung/2024-kiem-soat-tthc';
const CAM_HIEP = 'plans/khanh-hoa/cam-hiep/2025-cai-cach-tthc.yaml';
const HUE25 = 'plans/thua-thien-hue/hue/2025-chi-so-dvctt.yaml';
const HUE25_OUT = 'out/thua-thien-hue/hue/2025-chi-so-dvctt';
const BAD = path.join(repoRoot, 'test/fixtures/bad');

const disposers: (() => void)[] = [];
afterAll(() => disposers.forEach((d) => d()));

/** A temp project holding only `keep` of the real plans. */
function project(keep: string[]): string {
  const p = tempProject({ plans: false });
  disposers.push(p.dispose);
  for (const f of keep) {
    mkdirSync(path.dirname(path.join(p.root, f)), { recursive: true });
    cpSync(path.join(repoRoot, f), path.join(p.root, f));
  }
  return p.root;
}

const states = (stderr: string) => Object.fromEntries([...stderr.matchAll(/^\[\d+\/\d+\] (\S+(?: \S+)?) (plans\/\S+)$/gm)].map((m) => [m[2], m[1]]));
const noFault = (stderr: string) => expect(stderr).not.toMatch(/lỗi nội bộ|\n\s+at .+:\d+:\d+|TypeError|ENOENT/);

describe('case 1: output names never collide', () => {
  it('quyet-dinh.yaml with a decision, phu-luc.yaml with one appendix, x.yaml beside x.yml: refused before writing, the rest builds', async () => {
    const root = project([AN_GIANG]);
    for (const c of ['output-quyet-dinh', 'output-phu-luc', 'output-yaml-yml']) cpSync(path.join(BAD, c, 'plans'), path.join(root, 'plans', 't'), { recursive: true });
    const r = await runCli(['build', '--format', 'docx', '--json'], root);
    expect(r.code, r.stderr).toBe(1);
    noFault(r.stderr);
    for (const f of ['quyet-dinh.yaml', 'phu-luc.yaml', 'x.yaml', 'x.yml']) {
      expect(r.stderr).toMatch(new RegExp(`^plans/t/${f.replace('.', '\\.')}:1:1: error: .+ \\[output-name-collision\\]$`, 'm'));
    }
    expect(filesUnder(path.join(root, 'out')).filter((f) => !f.startsWith('.kehoach/'))).toEqual([
      'an-giang/my-hoa-hung/2024-kiem-soat-tthc/2024-kiem-soat-tthc.docx',
      'an-giang/my-hoa-hung/2024-kiem-soat-tthc/phu-luc.docx',
    ]);
    // `check` says the same, so the clerk learns it before building.
    const c = await runCli(['check', 'plans/t'], root);
    expect(c.code).toBe(1);
    expect(c.stderr.match(/\[output-name-collision\]/g)).toHaveLength(4);
  });

  it('a plan with a decision and appendices under an ordinary name gives distinct files', async () => {
    const root = project([CAM_HIEP]);
    const outcomes = await buildBatch({ root, files: [CAM_HIEP], outDir: path.join(root, 'out'), formats: ['docx'] });
    const paths = outcomes[0].outputs.map((o) => o.path);
    expect(outcomes[0].ok).toBe(true);
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(paths.length);
    expect(paths.map((p) => path.posix.basename(p)).sort()).toEqual(['2025-cai-cach-tthc.docx', 'phu-luc.docx', 'quyet-dinh.docx']);
  });
});

describe('case 2: the record hashes what was read, when it was read', () => {
  it('a plan edited after it was read is not recorded as built from the new text', () => {
    const root = project([AN_GIANG]);
    const outDir = path.join(root, 'out');
    const compiled = new Compiler(root).compile(AN_GIANG);
    expect(compiled.ok).toBe(true);
    // The clerk saves while the plan prints.
    const file = path.join(root, AN_GIANG);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^so: .*$/m, 'so: 999'));
    mkdirSync(path.join(outDir, 'x'), { recursive: true });
    writeFileSync(path.join(outDir, 'x', 'a.docx'), 'PK');
    const record = new BuildRecord(outDir, new InputHasher(root), ['docx']);
    record.update(AN_GIANG, compiled.resolved!, ['docx'], [{ part: 'package', format: 'docx', path: 'x/a.docx' }]);
    record.save();
    expect(new BuildRecord(outDir, new InputHasher(root), ['docx']).isFresh(AN_GIANG, ['docx'])).toBe(false);
  });
});

interface Damage {
  name: string;
  entry?: Record<string, unknown>;
  entryRaw?: unknown;
  top?: Record<string, unknown>;
  raw?: string;
  journal?: string;
  others: 'unchanged' | 'rebuilt';
  firstUnchanged?: boolean;
}

describe('case 3: a damaged record only means a rebuild', () => {
  const damages = (JSON.parse(readFileSync(path.join(BAD, 'build-records.json'), 'utf8')) as { records: Damage[] }).records;
  const root = project([AN_GIANG, CAM_HIEP]);
  const outDir = path.join(root, 'out');
  const recordFile = path.join(outDir, '.kehoach/build-record.json');
  const outside = path.join(root, 'OUTSIDE');
  const absOutside = path.join(root, 'ABS_OUTSIDE');
  // In process (buildBatch is what `kehoach build` runs): three builds per case through the CLI would take minutes.
  const build = async () => {
    const outcomes = await buildBatch({ root, files: [AN_GIANG, CAM_HIEP], outDir, formats: ['docx'] });
    expect(outcomes.map((o) => [o.source, o.ok, o.errors])).toEqual([[AN_GIANG, true, []], [CAM_HIEP, true, []]]);
    return Object.fromEntries(outcomes.map((o) => [o.source, o.skipped ? 'không đổi' : 'xong']));
  };

  it('the corpus of damaged records is there', () => expect(damages.length).toBeGreaterThanOrEqual(15));

  for (const d of damages) {
    it(`case 3 (${d.name}): the plan rebuilds, the batch goes on, nothing outside out/ is touched`, async () => {
      writeFileSync(outside, 'keep');
      writeFileSync(absOutside, 'keep');
      await build();
      const good = JSON.parse(readFileSync(recordFile, 'utf8'));
      const damaged = structuredClone(good);
      if (d.entry) Object.assign(damaged.entries[AN_GIANG], JSON.parse(JSON.stringify(d.entry).replace('/ABS_OUTSIDE', absOutside)));
      if (d.entryRaw !== undefined) damaged.entries[AN_GIANG] = d.entryRaw;
      if (d.top) Object.assign(damaged, d.top);
      writeFileSync(recordFile, d.raw ?? JSON.stringify(damaged));
      if (d.journal) writeFileSync(path.join(outDir, '.kehoach/build-record.log'), d.journal.replace('FIRST', AN_GIANG));
      const s = await build();
      expect(s[AN_GIANG]).toBe(d.firstUnchanged ? 'không đổi' : 'xong');
      expect(s[CAM_HIEP]).toBe(d.others === 'unchanged' ? 'không đổi' : 'xong');
      expect(readFileSync(outside, 'utf8')).toBe('keep');
      expect(readFileSync(absOutside, 'utf8')).toBe('keep');
      expect(filesUnder(path.join(root, AN_GIANG_OUT))).toEqual(['2024-kiem-soat-tthc.docx', 'phu-luc.docx']);
      // The rebuilt record is whole again: a third build skips both.
      expect(await build()).toEqual({ [AN_GIANG]: 'không đổi', [CAM_HIEP]: 'không đổi' });
    });
  }

  it('case 3 through the CLI: formats null in the record, exit 0 and the plan rebuilt', async () => {
    const r0 = await runCli(['build', '--format', 'docx', AN_GIANG], root);
    expect(r0.code, r0.stderr).toBe(0);
    const rec = JSON.parse(readFileSync(recordFile, 'utf8'));
    rec.entries[AN_GIANG].formats = null;
    writeFileSync(recordFile, JSON.stringify(rec));
    const r = await runCli(['build', '--format', 'docx', AN_GIANG], root);
    expect(r.code, r.stderr).toBe(0);
    noFault(r.stderr);
    expect(states(r.stderr)[AN_GIANG]).toBe('xong');
  });
});

describe('case 3: the record is written as plans finish, and out/ is locked', () => {
  it('after kill -9 the plans that had finished stay built', async () => {
    const root = project([AN_GIANG, CAM_HIEP, HUE25]);
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/kehoach.js'), 'build', '--format', 'docx', AN_GIANG, CAM_HIEP, HUE25], {
      cwd: root, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const finished: string[] = [];
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        for (const m of stderr.matchAll(/^\[\d\/3\] xong (\S+)$/gm)) if (!finished.includes(m[1])) finished.push(m[1]);
        if (finished.length >= 1 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(finished.length).toBeGreaterThanOrEqual(1);
    // The dead build left its lock: the next build takes it over.
    expect(existsSync(path.join(root, 'out/.kehoach/lock'))).toBe(true);
    // The next build is the same compiled tool (a build from src/ is another tool to the record).
    const r = runCliProcess(['build', '--format', 'docx', AN_GIANG, CAM_HIEP, HUE25], root);
    expect(r.code, r.stderr).toBe(0);
    for (const f of finished) expect(states(r.stderr)[f]).toBe('không đổi');
    expect(existsSync(path.join(root, 'out/.kehoach/lock'))).toBe(false);
    expect(existsSync(path.join(root, 'out/.kehoach/build-record.log'))).toBe(false);
  });

  it('a second build while one runs says so and exits 1, writing nothing', async () => {
    const root = project([AN_GIANG]);
    mkdirSync(path.join(root, 'out/.kehoach'), { recursive: true });
    // The build runs in this test's process; its parent is another live process, standing for a running build.
    const other = process.ppid;
    writeFileSync(path.join(root, 'out/.kehoach/lock'), `${other}\n`);
    const r = await runCli(['build', '--format', 'docx'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`một lần dựng khác (tiến trình ${other}) đang ghi vào`);
    noFault(r.stderr);
    expect(filesUnder(path.join(root, 'out'))).toEqual(['.kehoach/lock']);
  });

  it('a lock left by a process that is gone is taken over', async () => {
    const root = project([AN_GIANG]);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    mkdirSync(path.join(root, 'out/.kehoach'), { recursive: true });
    writeFileSync(path.join(root, 'out/.kehoach/lock'), `${dead}\n`);
    const r = await runCli(['build', '--format', 'docx'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(filesUnder(path.join(root, AN_GIANG_OUT))).toEqual(['2024-kiem-soat-tthc.docx', 'phu-luc.docx']);
  });
});

describe('case 4: inputs beyond the sources', () => {
  it('the tool hash covers package-lock.json (a new yaml, handlebars or puppeteer rebuilds)', () => {
    const tool = mkdtempSync(path.join(os.tmpdir(), 'kehoach-tool-'));
    disposers.push(() => rmSync(tool, { recursive: true, force: true }));
    for (const d of ['src', 'templates', 'schemas']) mkdirSync(path.join(tool, d));
    writeFileSync(path.join(tool, 'package.json'), '{}');
    writeFileSync(path.join(tool, 'package-lock.json'), '{"packages":{"node_modules/yaml":{"version":"2.9.1"}}}');
    const before = new InputHasher(tool, tool).tool();
    writeFileSync(path.join(tool, 'package-lock.json'), '{"packages":{"node_modules/yaml":{"version":"2.9.2"}}}');
    expect(new InputHasher(tool, tool).tool()).not.toBe(before);
  });

  it('a PDF build records the font and the browser; another font or browser means a rebuild', () => {
    const root = project([AN_GIANG]);
    const outDir = path.join(root, 'out');
    mkdirSync(path.join(outDir, 'x'), { recursive: true });
    writeFileSync(path.join(outDir, 'x', 'a.pdf'), '%PDF');
    const compiled = new Compiler(root).compile(AN_GIANG);
    const record = new BuildRecord(outDir, new InputHasher(root), ['pdf']);
    record.update(AN_GIANG, compiled.resolved!, ['pdf'], [{ part: 'package', format: 'pdf', path: 'x/a.pdf' }]);
    record.save();
    const entry = JSON.parse(readFileSync(path.join(outDir, '.kehoach/build-record.json'), 'utf8')).entries[AN_GIANG];
    expect(Object.keys(entry.inputs)).toEqual(expect.arrayContaining(['tool:', 'font:', 'browser:', AN_GIANG, 'data/cap.yaml']));
    expect(new BuildRecord(outDir, new InputHasher(root), ['pdf']).isFresh(AN_GIANG, ['pdf'])).toBe(true);
    for (const [key, other] of [['font:', 'system:Times New Roman'], ['browser:', '/usr/lib/chromium/chromium:1:2:3']]) {
      const changed = { ...entry, inputs: { ...entry.inputs, [key]: other } };
      new RecordFile(outDir).save(new Map([[AN_GIANG, changed]]));
      expect(new BuildRecord(outDir, new InputHasher(root), ['pdf']).isFresh(AN_GIANG, ['pdf']), key).toBe(false);
    }
  });
});

describe('case 5: outputs no source produces any more are removed', () => {
  it('an appendix removed, then the whole plan removed: their files go, and the summary says so', async () => {
    const root = project([AN_GIANG, HUE25]);
    const first = await runCli(['build', '--format', 'docx'], root);
    expect(first.code, first.stderr).toBe(0);
    expect(filesUnder(path.join(root, HUE25_OUT))).toEqual(['2025-chi-so-dvctt.docx', 'phu-luc-1.docx', 'phu-luc-2.docx']);
    // Drop the second appendix (the last block of the file): one appendix is then "phu-luc".
    const file = path.join(root, HUE25);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.indexOf('\n  - id: pl-giao-chi-tieu') + 1));
    const second = await runCli(['build', '--format', 'docx'], root);
    expect(second.code, second.stderr).toBe(0);
    expect(filesUnder(path.join(root, HUE25_OUT))).toEqual(['2025-chi-so-dvctt.docx', 'phu-luc.docx']);
    expect(second.stderr).toMatch(/đã xoá 2 tệp cũ .*phu-luc-1\.docx, .*phu-luc-2\.docx/);
    // The plan itself is deleted.
    rmSync(file);
    const third = await runCli(['build', '--format', 'docx'], root);
    expect(third.code, third.stderr).toBe(0);
    expect(existsSync(path.join(root, HUE25_OUT))).toBe(false);
    expect(third.stderr).toContain(`đã xoá 2 tệp cũ không còn nguồn nào dựng ra (${HUE25})`);
    expect(filesUnder(path.join(root, AN_GIANG_OUT))).toEqual(['2024-kiem-soat-tthc.docx', 'phu-luc.docx']);
    const record = JSON.parse(readFileSync(path.join(root, 'out/.kehoach/build-record.json'), 'utf8'));
    expect(Object.keys(record.entries)).toEqual([AN_GIANG]);
  });
});

describe('case 12: an out/ that cannot be written', () => {
  it('is an environment problem: said in Vietnamese, exit 1, never "internal fault"', async () => {
    const root = project([AN_GIANG]);
    writeFileSync(path.join(root, 'a-file'), '');
    const r = await runCli(['build', '--format', 'docx', '--out', 'a-file/out'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/không ghi được '.*a-file\/out': một phần của đường dẫn là tệp chứ không phải thư mục/);
    expect(r.stderr).toContain('--out THƯ_MỤC');
    expect(r.stderr).not.toMatch(/lỗi nội bộ|\n\s+at /);
  });

  it('a read-only file system (EROFS) is named as such', async () => {
    vi.resetModules();
    vi.doMock('node:fs', async (importOriginal) => {
      const fs = await importOriginal<typeof import('node:fs')>();
      const refuse = () => {
        throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      };
      return { ...fs, mkdirSync: refuse, default: { ...fs, mkdirSync: refuse } };
    });
    const { OutLock } = await import('../../src/build/out-lock.ts');
    const { EnvironmentError } = await import('../../src/build/environment-error.ts');
    let err: unknown;
    try {
      OutLock.acquire('/mnt/ro/out');
    } catch (e) {
      err = e;
    }
    vi.doUnmock('node:fs');
    // The modules loaded over the mock stay in the registry: drop them, so that the CLI tests that
    // follow (run in this process) load the real fs again.
    vi.resetModules();
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as Error).message).toMatch(/không ghi được '\/mnt\/ro\/out': ổ đĩa chỉ cho đọc \(read-only\) \(EROFS\)/);
  });
});

describe('case 15: a failed build leaves no previous output looking current', () => {
  it('the previous files of a plan that now fails are removed, and the summary names them', async () => {
    const root = project([AN_GIANG, CAM_HIEP]);
    expect((await runCli(['build', '--format', 'docx'], root)).code).toBe(0);
    const file = path.join(root, AN_GIANG);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^loai: .*$/m, 'loai: ke-hoach-sai'));
    const r = await runCli(['build', '--format', 'docx', '--json'], root);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(root, AN_GIANG_OUT))).toBe(false);
    expect(r.stderr).toMatch(new RegExp(`LỖI ${AN_GIANG}: .*\\n    đã xoá bản dựng cũ của kế hoạch lỗi này .*2024-kiem-soat-tthc\\.docx`));
    const outcome = r.stdout.trim().split('\n').map((l) => JSON.parse(l)).find((o) => o.source === AN_GIANG);
    expect(outcome.removed).toEqual([`${AN_GIANG_OUT}/2024-kiem-soat-tthc.docx`, `${AN_GIANG_OUT}/phu-luc.docx`]);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).find((o) => o.source === CAM_HIEP).skipped).toBe(true);
  });
});

describe('case 11: errors in shared data are reported by build, at their lines, first', () => {
  it('a broken units file fails a build of plans that do not use it, every time until fixed', async () => {
    const root = project([AN_GIANG]);
    cpSync(path.join(BAD, 'data-broken-units/data'), path.join(root, 'data'), { recursive: true });
    for (let run = 1; run <= 2; run++) {
      const r = await runCli(['build', '--format', 'docx', AN_GIANG], root);
      expect(r.code, `run ${run}: ${r.stderr}`).toBe(1);
      const lines = r.stderr.split('\n');
      expect(lines[lines.findIndex((l) => !l.startsWith('Phông chữ'))]).toMatch(/^data\/don-vi\/zz-mau\.yaml:5:8: error: .+ \[yaml-syntax\]$/);
      expect(r.stderr).toContain('Dữ liệu dùng chung (data/) có lỗi');
      // The plan itself is fine and is built, but not recorded: the next build says it all again.
      expect(states(r.stderr)[AN_GIANG]).toBe('xong');
    }
    rmSync(path.join(root, 'data/don-vi/zz-mau.yaml'));
    expect((await runCli(['build', '--format', 'docx', AN_GIANG], root)).code).toBe(0);
    const clean = await runCli(['build', '--format', 'docx', AN_GIANG], root);
    expect(states(clean.stderr)[AN_GIANG]).toBe('không đổi');
  });
});
