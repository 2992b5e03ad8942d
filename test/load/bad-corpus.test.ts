// Every case of test/fixtures/bad/<case>/ goes through resolvePlan; expected.json names the
// diagnostic it must produce: {rule, file, line, col}, the plan to resolve (`entry`, default `file`),
// and for inputs too big to commit, a `generate` recipe run into a temporary copy of the case.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.ts';
import { resolvePlan } from '../../src/load/resolve.ts';
import { formatDiagnostic } from '../../src/load/diagnostic.ts';
import { GENERATORS, makeSpecial, type BadCase } from '../fixtures/bad/generators.ts';
import { expectWithin } from '../helpers/budget.ts';

const BAD = path.resolve(import.meta.dirname, '../fixtures/bad');


const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function prepare(name: string, exp: BadCase): string {
  const dir = path.join(BAD, name);
  if (!exp.generate && !exp.special) return dir;
  const tmp = mkdtempSync(path.join(tmpdir(), `kehoach-bad-${name}-`));
  temps.push(tmp);
  cpSync(dir, tmp, { recursive: true });
  if (exp.special) makeSpecial(exp, path.join(tmp, exp.special.file));
  if (!exp.generate) return tmp;
  const gen = GENERATORS[exp.generate];
  if (!gen) throw new Error(`unknown generator ${exp.generate}`);
  const target = path.join(tmp, exp.entry ?? exp.file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, gen());
  return tmp;
}

// Cases with "stage": "check" (template errors) only fail after resolution: test/build/bad-corpus-cli.test.ts runs them.
const cases = readdirSync(BAD)
  .filter((n) => existsSync(path.join(BAD, n, 'expected.json')))
  .filter((n) => JSON.parse(readFileSync(path.join(BAD, n, 'expected.json'), 'utf8')).stage !== 'check')
  .sort();

describe('bad-input corpus', () => {
  it('has at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of cases) {
    const exp = JSON.parse(readFileSync(path.join(BAD, name, 'expected.json'), 'utf8')) as BadCase;
    it(`${name}: ${exp.rule ?? 'no error'} at ${exp.file}:${exp.line}:${exp.col}`, () => {
      const root = prepare(name, exp);
      const t = performance.now();
      let result: ReturnType<typeof resolvePlan> | undefined;
      expect(() => {
        result = resolvePlan(root, exp.entry ?? exp.file, loadProject(root).value!);
      }).not.toThrow();
      const ms = performance.now() - t;
      const ds = result!.diagnostics;
      if (exp.rule === null) {
        expect(ds.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
        expect(result!.value).toBeDefined();
      } else {
        expect(result!.value).toBeUndefined();
        expect(ds.map((d) => `${d.file}:${d.line}:${d.col} ${d.rule}`)).toContain(`${exp.file}:${exp.line}:${exp.col} ${exp.rule}`);
        // Messages are for clerks: Vietnamese, no stack traces.
        for (const d of ds) expect(d.message).not.toMatch(/\n\s+at /);
      }
      expectWithin(ms, exp.maxMs ?? 5000, name);
    });
  }
});
