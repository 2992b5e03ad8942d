// `kehoach report PARENT.yaml [--out DIR] [--json]`: targets of every child plan that implements PARENT.
import path from 'node:path';
import { parseCommandLine } from './args.ts';
import { UsageError } from './usage-error.ts';
import { findProjectRoot, relativeToRoot } from '../project/root.ts';
import { Compiler } from '../pipeline/compiler.ts';
import { discoverPlans } from '../build/discover.ts';
import { formatDiagnostic, hasErrors } from '../load/diagnostic.ts';
import { writeFileAtomic } from '../build/atomic-write.ts';
import { rollup, rollupCsv } from '../report/rollup.ts';
import { rollupDocument, ROLLUP_ANNEX_ID } from '../report/rollup-document.ts';
import { renderDocx } from '../write/docx/index.ts';
import type { ResolvedSource } from '../load/types.ts';
import type { CliIo } from './io.ts';

export async function runReport(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine('report', args);
  if (positionals.length !== 1) throw new UsageError('cần đúng một kế hoạch cấp trên: kehoach report CHA.yaml');
  const root = findProjectRoot(io.cwd);
  const compiler = new Compiler(root);
  const parentFile = relativeToRoot(root, positionals[0]);
  const parent = compiler.compile(parentFile);
  for (const d of [...compiler.project().diagnostics, ...parent.diagnostics]) io.stderr.write(formatDiagnostic(d) + '\n');
  if (!parent.ok || !parent.resolved || !parent.doc || !compiler.project().value) return 1;

  const children: ResolvedSource[] = [];
  for (const file of discoverPlans(root, [path.join(root, 'plans')], root).files) {
    if (file === parentFile) continue;
    const resolved = compiler.resolve(file);
    if (!resolved.value || hasErrors(resolved.diagnostics)) {
      // A broken plan cannot be counted; say so rather than silently leaving its unit out.
      if (resolved.value?.binding?.file === parentFile || !resolved.value) {
        io.stderr.write(`kehoach report: bỏ qua ${file} vì còn lỗi (chạy kehoach check)\n`);
      }
      continue;
    }
    if (resolved.value.binding?.file === parentFile) children.push(resolved.value);
  }
  const r = rollup(parent.resolved, children, compiler.project().value!);
  const outDir = path.resolve(io.cwd, values.out ?? path.join(root, 'out', parent.doc.outputDir, 'bao-cao'));
  const doc = rollupDocument(parent.doc, r);
  const docx = path.join(outDir, 'tong-hop-chi-tieu.docx');
  const csv = path.join(outDir, 'tong-hop-chi-tieu.csv');
  writeFileAtomic(docx, await renderDocx(doc, { kind: 'annex', id: ROLLUP_ANNEX_ID }));
  writeFileAtomic(csv, rollupCsv(r, parent.doc.plan.header.issuingAgency.join(' ')));
  if (values.json) io.stdout.write(JSON.stringify({ ...r, outputs: [relativeToRoot(root, docx), relativeToRoot(root, csv)] }, null, 2) + '\n');
  const short = r.rows.filter((row) => row.cells.some((c) => c.short));
  io.stderr.write(
    `${r.rows.length} kế hoạch cấp dưới, ${short.length} có chỉ tiêu thấp hơn mức tối thiểu, ${r.withoutPlan.length} đơn vị chưa có kế hoạch → ${relativeToRoot(root, outDir)}\n`,
  );
  for (const row of short) io.stderr.write(`  thấp hơn mức tối thiểu: ${row.name} (${row.source})\n`);
  return 0;
}
