// `kehoach diff [OLD] [NEW] [-- PATHS…]` | `--files A.yaml B.yaml` [--json] [--redline OUT.docx]
// Like git diff: no revision = HEAD vs working tree; one = that revision vs working tree; two = both.
// Exit 0 when nothing differs, 1 when something does, 2 on error.
import path from 'node:path';
import { parseCommandLine } from './args.ts';
import { UsageError } from './usage-error.ts';
import { findProjectRoot, relativeToRoot } from '../project/root.ts';
import { discoverPlans } from '../build/discover.ts';
import { Compiler } from '../pipeline/compiler.ts';
import { formatDiagnostic } from '../load/diagnostic.ts';
import { commitRevision, workingTree, RevisionError, type Revision } from '../diff/revisions.ts';
import { diffDocuments, type Change } from '../diff/semantic.ts';
import { colour, plain, formatPlanChanges } from '../diff/format.ts';
import { writeFileAtomic } from '../build/atomic-write.ts';
import type { PlanDocument } from '../model/types.ts';

interface Side {
  rev: Revision;
  compiler: Compiler;
}

export async function runDiff(args: string[]): Promise<number> {
  const dashes = args.indexOf('--');
  const paths = dashes >= 0 ? args.slice(dashes + 1) : [];
  const { positionals, values } = parseCommandLine(dashes >= 0 ? args.slice(0, dashes) : args, {
    files: { type: 'boolean' },
    json: { type: 'boolean' },
    redline: { type: 'string' },
    color: { type: 'string' },
  });
  const root = findProjectRoot();
  const palette = values.color === 'always' || (values.color !== 'never' && process.stdout.isTTY && !values.json) ? colour : plain;

  let pairs: { source: string; oldDoc?: PlanDocument; newDoc?: PlanDocument; newRev: Revision }[] = [];
  const revisions: Revision[] = [];
  let failed = false;
  try {
    if (values.files) {
      if (positionals.length !== 2) throw new UsageError('--files cần đúng hai tệp: kehoach diff --files A.yaml B.yaml');
      const [a, b] = positionals.map((f) => path.resolve(f));
      const oldDoc = compileOne(findProjectRoot(path.dirname(a)), a);
      const newDoc = compileOne(findProjectRoot(path.dirname(b)), b);
      failed = !oldDoc || !newDoc;
      pairs = [{ source: `${relativeToRoot(root, a)} → ${relativeToRoot(root, b)}`, oldDoc, newDoc, newRev: workingTree(root) }];
    } else {
      if (positionals.length > 2) throw new UsageError('nhiều nhất hai phiên bản: kehoach diff [CŨ] [MỚI] [-- ĐƯỜNG_DẪN…]');
      const oldRev = commitRevision(root, positionals[0] ?? 'HEAD');
      revisions.push(oldRev);
      const newRev = positionals[1] ? commitRevision(root, positionals[1]) : workingTree(root);
      revisions.push(newRev);
      const sides: Side[] = [oldRev, newRev].map((rev) => ({ rev, compiler: new Compiler(rev.root) }));
      const sources = new Set<string>();
      for (const side of sides) {
        const inSide = paths.length ? paths.map((p) => path.join(side.rev.root, relativeToRoot(root, p))) : [];
        for (const f of discoverPlansIn(side.rev.root, inSide)) sources.add(f);
      }
      for (const source of [...sources].sort()) {
        const [oldDoc, newDoc] = sides.map((side) => compileIn(side, source, () => (failed = true)));
        pairs.push({ source, oldDoc, newDoc, newRev });
      }
    }
  } catch (err) {
    if (err instanceof RevisionError) {
      process.stderr.write(`kehoach diff: ${err.message}\n`);
      revisions.forEach((r) => r.dispose());
      return 2;
    }
    throw err;
  }

  let differs = false;
  const report: { source: string; changes: Change[] }[] = [];
  for (const pair of pairs) {
    const changes = diffDocuments(pair.oldDoc, pair.newDoc);
    if (!pair.oldDoc && pair.newDoc) changes.unshift({ kind: 'added', where: 'kế hoạch mới', text: pair.source });
    if (pair.oldDoc && !pair.newDoc) changes.unshift({ kind: 'removed', where: 'kế hoạch', text: pair.source });
    if (changes.length === 0) continue;
    differs = true;
    report.push({ source: pair.source, changes });
    if (!values.json) process.stdout.write(formatPlanChanges(pair.source, changes, palette));
  }
  if (values.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');

  if (values.redline) {
    const changed = pairs.filter((p) => p.oldDoc && p.newDoc);
    if (changed.length !== 1) {
      process.stderr.write(`kehoach diff: --redline cần đúng một kế hoạch (đang có ${changed.length}); giới hạn bằng -- ĐƯỜNG_DẪN\n`);
      failed = true;
    } else {
      const { renderRedlineDocx } = await import('../diff/redline.ts');
      const p = changed[0];
      const bytes = await renderRedlineDocx(p.oldDoc!, p.newDoc!, { author: p.newRev.author, date: p.newRev.date });
      writeFileAtomic(path.resolve(values.redline), bytes);
      process.stderr.write(`Đã ghi bản so sánh (track changes): ${values.redline}\n`);
    }
  }
  revisions.forEach((r) => r.dispose());
  if (failed) return 2;
  return differs ? 1 : 0;
}

function discoverPlansIn(root: string, args: string[]): string[] {
  try {
    return discoverPlans(root, args.length ? args : [path.join(root, 'plans')]).files.filter((f) => f.startsWith('plans/'));
  } catch {
    return [];
  }
}

function compileIn(side: Side, source: string, onError: () => void): PlanDocument | undefined {
  const compiled = side.compiler.compile(source);
  if (compiled.ok) return compiled.doc;
  // A plan absent from this revision is an addition or a removal, not an error.
  if (compiled.diagnostics.some((d) => d.rule === 'file-missing' && d.file === source)) return undefined;
  for (const d of compiled.diagnostics) process.stderr.write(`[${side.rev.label}] ${formatDiagnostic(d)}\n`);
  onError();
  return undefined;
}

function compileOne(root: string, file: string): PlanDocument | undefined {
  const compiler = new Compiler(root);
  const compiled = compiler.compile(relativeToRoot(root, file));
  for (const d of compiled.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  return compiled.doc;
}
