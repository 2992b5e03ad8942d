// Property: whatever a clerk does to a plan (keys deleted, types swapped, unknown keys, broken or
// duplicated ids, numbers for text, truncated text, $xoa on random items, corrupted YAML), the
// loader, the model builder and the checks only report — they never throw — and every report is
// a well-formed diagnostic. Runs in-process through Compiler on a temp copy of the project.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { Compiler } from '../../src/pipeline/compiler.ts';
import { hasErrors } from '../../src/load/diagnostic.ts';
import { repoRoot } from '../helpers/cli.ts';

const SEEDS = [
  'plans/thua-thien-hue/hue/2024-dvctt.yaml',
  'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml',
  'plans/thua-thien-hue/hue/2025-chi-so-dvctt.yaml',
  'plans/khanh-hoa/cam-hiep/2025-cai-cach-tthc.yaml',
  'plans/an-giang/my-hoa-hung/2024-kiem-soat-tthc.yaml',
];

const root = mkdtempSync(path.join(tmpdir(), 'kehoach-mutate-'));
cpSync(path.join(repoRoot, 'data'), path.join(root, 'data'), { recursive: true });
cpSync(path.join(repoRoot, 'plans'), path.join(root, 'plans'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const seedTrees = SEEDS.map((f) => parse(readFileSync(path.join(root, f), 'utf8')) as unknown);

type Json = unknown;
type Step = string | number;

/** Every path to a node of the tree (the root excluded), in a stable order. */
function paths(node: Json, at: Step[] = [], out: Step[][] = []): Step[][] {
  if (Array.isArray(node)) node.forEach((v, i) => { out.push([...at, i]); paths(v, [...at, i], out); });
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) { out.push([...at, k]); paths(v, [...at, k], out); }
  return out;
}

function parentOf(tree: Json, p: Step[]): { holder: Record<string | number, Json>; key: Step } {
  let node = tree as Record<string | number, Json>;
  for (const s of p.slice(0, -1)) node = node[s] as Record<string | number, Json>;
  return { holder: node, key: p[p.length - 1] };
}

const KINDS = ['delete', 'swap-type', 'unknown-key', 'break-id', 'dup-id', 'to-number', 'truncate', 'xoa', 'null'] as const;
type Kind = (typeof KINDS)[number];
interface Mutation { kind: Kind; pick: number; n: number }

function mutate(tree: Json, m: Mutation): void {
  const all = paths(tree);
  if (all.length === 0) return;
  const filter: Record<Kind, (p: Step[], v: Json) => boolean> = {
    delete: () => true,
    'swap-type': () => true,
    'unknown-key': (_p, v) => !!v && typeof v === 'object' && !Array.isArray(v),
    'break-id': (p) => p[p.length - 1] === 'id',
    'dup-id': (p) => p[p.length - 1] === 'id',
    'to-number': (_p, v) => typeof v === 'string',
    truncate: (_p, v) => typeof v === 'string',
    xoa: (p, v) => typeof p[p.length - 1] === 'number' && !!v && typeof v === 'object' && !Array.isArray(v),
    null: () => true,
  };
  const candidates = all.filter((p) => filter[m.kind](p, parentOf(tree, p).holder[p[p.length - 1]]));
  if (candidates.length === 0) return;
  const p = candidates[m.pick % candidates.length];
  const { holder, key } = parentOf(tree, p);
  const value = holder[key];
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete holder[key];
      break;
    case 'swap-type': {
      const swaps: Json[] = [m.n, String(m.n), [value], { x: value }, true, 'văn bản', []];
      holder[key] = swaps[m.n % swaps.length];
      break;
    }
    case 'unknown-key':
      (value as Record<string, Json>)[['tieu_dee', 'noi_dungg', 'idd', '$xoaa', '__proto__', 'constructor', 'x'][m.n % 7]] = m.n % 2 ? 'giá trị' : { a: 1 };
      break;
    case 'break-id':
      holder[key] = ['', 'Có Dấu Cách', '../x', m.n, '$xoa', 'id-không-có', '__proto__'][m.n % 7];
      break;
    case 'dup-id': {
      const ids = all.filter((q) => q[q.length - 1] === 'id').map((q) => parentOf(tree, q).holder.id);
      holder[key] = ids[m.n % ids.length];
      break;
    }
    case 'to-number':
      holder[key] = m.n;
      break;
    case 'truncate':
      holder[key] = (value as string).slice(0, m.n % Math.max(1, (value as string).length));
      break;
    case 'xoa':
      (value as Record<string, Json>)[['$xoa', '$thay', '$truoc', '$sau'][m.n % 4]] = m.n % 3 === 0 ? 'khong-co' : true;
      break;
    case 'null':
      holder[key] = null;
      break;
  }
}

/** Text-level damage the tree cannot express: stray YAML syntax, tabs, cut-off files. */
function corruptText(text: string, pick: number, n: number): string {
  const at = pick % Math.max(1, text.length);
  const junk = ['\t', ':', '{', '[', '"', "'", '&a ', '*a', '\n---\n', '- ', '{{', '}}', '\u0000', '\uFEFF', '!!binary ', '<<: *x'][n % 16];
  switch (n % 3) {
    case 0: return text.slice(0, at) + junk + text.slice(at);
    case 1: return text.slice(0, at) + text.slice(at + (n % 40));
    default: return text.slice(0, at);
  }
}

const mutationArb = fc.record({ kind: fc.constantFrom(...KINDS), pick: fc.nat(), n: fc.nat({ max: 1000 }) });
const caseArb = fc.record({
  seed: fc.nat({ max: SEEDS.length - 1 }),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 5 }),
  text: fc.option(fc.record({ pick: fc.nat(), n: fc.nat({ max: 1000 }) }), { freq: 4 }),
});

const compiler = new Compiler(root);
let counter = 0;

describe('mutated seed plans', () => {
  it('loader, model builder and checks never throw, only report', () => {
    let failing = 0;
    fc.assert(
      fc.property(caseArb, ({ seed, mutations, text }) => {
        const tree = structuredClone(seedTrees[seed]);
        for (const m of mutations) mutate(tree, m);
        let source = stringify(tree, { lineWidth: 0 });
        if (text) source = corruptText(source, text.pick, text.n);
        // A fresh file name beside the seed: relative parents still resolve, the compiler's cache
        // of parents stays valid.
        const file = path.posix.join(path.posix.dirname(SEEDS[seed]), `mut-${counter++}.yaml`);
        writeFileSync(path.join(root, file), source);
        const result = compiler.compile(file);
        for (const d of result.diagnostics) {
          expect(typeof d.file).toBe('string');
          expect(Number.isInteger(d.line) && d.line >= 0).toBe(true);
          expect(Number.isInteger(d.col) && d.col >= 0).toBe(true);
          expect(d.severity === 'error' || d.severity === 'warning').toBe(true);
          expect(d.rule).toMatch(/^[a-z][a-z0-9-]*$/);
          expect(d.rule).not.toBe('internal');
          expect(d.message.length).toBeGreaterThan(0);
          expect(d.message).not.toMatch(/\n\s+at /);
        }
        expect(result.ok).toBe(!hasErrors(result.diagnostics) && !!result.doc);
        if (!result.ok) failing++;
      }),
      // KEHOACH_FC_SEED / KEHOACH_FC_RUNS explore further by hand; CI stays at the fixed 200.
      { seed: Number(process.env.KEHOACH_FC_SEED ?? 20240227), numRuns: Number(process.env.KEHOACH_FC_RUNS ?? 200) },
    );
    // The mutations must actually break plans, or the property says nothing.
    expect(failing).toBeGreaterThan(Number(process.env.KEHOACH_FC_RUNS ?? 200) / 2);
  });
});
