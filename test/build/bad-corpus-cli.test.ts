// Every case of test/fixtures/bad/ through the real command line: `kehoach check` and
// `kehoach build --format docx`, in a temp project that also holds one good plan. Each bad plan
// must give its diagnostic (file:line:col, rule) and fail, without a stack trace; out/ must hold
// nothing of it and no *.tmp; the good plan in the same batch must still build.
// To keep it fast, the cases share one project: each is moved under plans/<case>/ (the diagnostic's
// file moves with it; line and column do not), and one CLI call checks or builds them all. Cases
// with files outside plans/ get a project of their own.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, type CliResult } from '../helpers/cli.ts';
import { GENERATORS, makeSpecial, type BadCase } from '../fixtures/bad/generators.ts';

const BAD = path.join(repoRoot, 'test/fixtures/bad');
const GOOD = 'plans/an-giang/my-hoa-hung/2024-kiem-soat-tthc.yaml';
const GOOD_OUT = 'out/an-giang/my-hoa-hung/2024-kiem-soat-tthc';


interface Case {
  name: string;
  exp: BadCase;
  /** Where the case's files sit in its project ('' = at the root, else plans/<case>/). */
  prefix: string;
  project: Project;
  file: string; // expected diagnostic's file, as seen in the project
  entry: string; // the plan given to the CLI
  /** Where a path of the case lands in its project. */
  placed: (rel: string) => string;
}

interface Project {
  root: string;
  cases: Case[];
  check?: CliResult;
  build?: CliResult;
  builtJson?: { source: string; ok: boolean; outputs: unknown[] }[];
  checkJson?: { source: string; ok: boolean }[];
}

const names = readdirSync(BAD).filter((n) => existsSync(path.join(BAD, n, 'expected.json'))).sort();
const projects: Project[] = [];

function newProject(): Project {
  const root = mkdtempSync(path.join(tmpdir(), 'kehoach-badcli-'));
  cpSync(path.join(repoRoot, 'data'), path.join(root, 'data'), { recursive: true });
  mkdirSync(path.join(root, path.dirname(GOOD)), { recursive: true });
  cpSync(path.join(repoRoot, GOOD), path.join(root, GOOD));
  const p: Project = { root, cases: [] };
  projects.push(p);
  return p;
}

const shared = newProject();
const cases: Case[] = names.map((name) => {
  const exp = JSON.parse(readFileSync(path.join(BAD, name, 'expected.json'), 'utf8')) as BadCase;
  // Only a case made of plans/ alone can move under plans/<case>/ without changing its meaning.
  const movable = readdirSync(path.join(BAD, name)).every((f) => f === 'plans' || f === 'expected.json');
  const project = movable ? shared : newProject();
  const prefix = movable ? `plans/${name}/` : '';
  const place = (rel: string) => (movable ? prefix + rel.replace(/^plans\//, '') : rel);
  const c: Case = { name, exp, prefix, project, file: place(exp.file), entry: place(exp.entry ?? exp.file), placed: place };
  project.cases.push(c);
  return c;
});

function install(c: Case): void {
  const src = path.join(BAD, c.name);
  const dest = c.prefix ? path.join(c.project.root, c.prefix) : c.project.root;
  if (existsSync(path.join(src, 'plans'))) {
    cpSync(c.prefix ? path.join(src, 'plans') : src, dest, { recursive: true, filter: (f) => path.basename(f) !== 'expected.json' });
  }
  if (c.exp.special) makeSpecial(c.exp, path.join(c.project.root, c.placed(c.exp.special.file)));
  if (c.exp.generate) {
    mkdirSync(path.dirname(path.join(c.project.root, c.entry)), { recursive: true });
    writeFileSync(path.join(c.project.root, c.entry), GENERATORS[c.exp.generate]());
  }
}

// A valid plan of 10,000 rows (many-rows) is checked but not built: its DOCX alone takes ~15 s.
// A warning case is checked only: it builds like any good plan, and out/ must hold only GOOD's files.
const built = (c: Case) => c.exp.rule !== null && c.exp.severity !== 'warning';

function walkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

beforeAll(async () => {
  for (const p of projects) {
    for (const c of p.cases) install(c);
    const entries = p.cases.map((c) => c.entry);
    p.check = await runCli(['check', '--json', ...entries, GOOD], p.root);
    p.checkJson = JSON.parse(p.check.stdout);
    p.build = await runCli(['build', '--format', 'docx', '--json', ...p.cases.filter(built).map((c) => c.entry), GOOD], p.root);
    p.builtJson = p.build.stdout.trim().split('\n').map((l) => JSON.parse(l));
  }
});

afterAll(() => projects.forEach((p) => rmSync(p.root, { recursive: true, force: true })));

const noStack = (stderr: string) => {
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(stderr).not.toMatch(/lỗi nội bộ|TypeError|RangeError|ReferenceError/);
};

describe('bad-input corpus through the CLI', () => {
  it('covers at least 40 cases, including template errors', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.exp.stage === 'check').length).toBeGreaterThanOrEqual(5);
  });

  it('each CLI call fails (exit 1) without a stack trace; out/ holds only the good plan; no *.tmp', () => {
    for (const p of projects) {
      // A project of warning cases alone (a doubtful value in data/) checks clean: exit 0.
      const failing = p === shared || p.cases.some((c) => c.exp.severity !== 'warning');
      expect(p.check!.code, p.check!.stderr).toBe(failing ? 1 : 0);
      if (failing) expect(p.build!.code, p.build!.stderr).toBe(1);
      noStack(p.check!.stderr);
      noStack(p.build!.stderr);
      const files = walkFiles(p.root).map((f) => path.relative(p.root, f).split(path.sep).join('/'));
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const out = files.filter((f) => f.startsWith('out/') && !f.startsWith('out/.kehoach/'));
      expect(out.sort()).toEqual([`${GOOD_OUT}/2024-kiem-soat-tthc.docx`, `${GOOD_OUT}/phu-luc.docx`]);
      // The good plan's outputs are complete DOCX (zip) files.
      for (const f of out) expect(readFileSync(path.join(p.root, f)).subarray(0, 2).toString()).toBe('PK');
      expect(p.checkJson!.find((r) => r.source === GOOD)?.ok).toBe(true);
      expect(p.builtJson!.find((r) => r.source === GOOD)).toMatchObject({ ok: true });
    }
  });

  for (const c of cases) {
    const { exp } = c;
    it(`${c.name}: ${exp.rule ?? 'valid'} at ${exp.file}:${exp.line}:${exp.col}`, () => {
      const p = c.project;
      const check = p.checkJson!.find((r) => r.source === c.entry);
      if (exp.rule === null) {
        expect(check?.ok, p.check!.stderr).toBe(true);
        return;
      }
      const line = new RegExp(`^${escape(c.file)}:${exp.line}:${exp.col}: ${exp.severity ?? 'error'}: .+ \\[${escape(exp.rule)}\\]$`, 'm');
      expect(p.check!.stderr).toMatch(line);
      if (exp.severity === 'warning') {
        // Reported at its line; a warning alone does not make the plan fail.
        expect(check?.ok, p.check!.stderr).toBe(true);
        return;
      }
      expect(check?.ok).toBe(false);
      expect(p.build!.stderr).toMatch(line);
      const outcome = p.builtJson!.find((r) => r.source === c.entry);
      expect(outcome).toMatchObject({ ok: false, outputs: [] });
    });
  }
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
