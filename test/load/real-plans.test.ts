// The project's own plans (plans/**): they resolve without throwing, every diagnostic points at a
// real line of a real file, and a warm batch stays well under a second.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.ts';
import { resolvePlan } from '../../src/load/resolve.ts';
import { expectWithin } from '../helpers/budget.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function plansUnder(dir: string): string[] {
  let out: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const n of names) {
    const abs = path.join(dir, n);
    if (statSync(abs).isDirectory()) out = out.concat(plansUnder(abs));
    else if (/\.ya?ml$/.test(n)) out.push(path.relative(ROOT, abs).split(path.sep).join('/'));
  }
  return out;
}

const files = plansUnder(path.join(ROOT, 'plans'));

describe.skipIf(files.length === 0)('real plans', () => {
  const batch = () => {
    const project = loadProject(ROOT);
    const cache = new Map();
    return { project, results: files.map((f) => resolvePlan(ROOT, f, project.value!, cache)) };
  };

  it('resolve with diagnostics that point into existing lines', () => {
    const { project, results } = batch();
    for (const d of [...project.diagnostics, ...results.flatMap((r) => r.diagnostics)]) {
      const lines = readFileSync(path.join(ROOT, d.file), 'utf8').split('\n');
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.line).toBeLessThanOrEqual(lines.length);
      expect(d.col).toBeGreaterThanOrEqual(1);
    }
    for (const r of results) if (r.value) expect(r.value.origin([]).file).toBe(r.value.file);
  });

  it('load and resolve as a warm batch in well under a second', () => {
    batch(); // compile the schemas, warm the JIT
    const t = performance.now();
    batch();
    // About 0.1 s on an idle machine; the margin absorbs a loaded CI box.
    expectWithin(performance.now() - t, 2000, 'warm batch');
  });
});
