import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Compiler } from '../src/pipeline/compiler.ts';
import { childPlanSource } from '../src/generate/child-plan.ts';
import { toolRoot } from '../src/write/html/paths.ts';
const N = Number(process.argv[2] ?? 30);
const with4n = false;
const CITY = 'plans/thua-thien-hue/hue/2024-dvctt.yaml';
// --- the temp project: Huế plus N (and 4N) generated commune plans -----------------------------
const root = mkdtempSync(path.join(tmpdir(), 'kehoach-bench-'));
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
console.log(root);
