// `kehoach diff [OLD] [NEW] [-- PATHS…]` | `--files A.yaml B.yaml` [--json] [--redline OUT.docx]
// Like git diff: no revision = HEAD vs working tree; one = that revision vs working tree; two = both.
// Exit 0 when nothing differs, 1 when something does, 2 on error.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCommandLine } from './args.ts';
import { UsageError } from './usage-error.ts';
import { findProjectRoot, isInside, relativeToRoot } from '../project/root.ts';
import { discoverPlans } from '../build/discover.ts';
import { Compiler } from '../pipeline/compiler.ts';
import { formatDiagnostic } from '../load/diagnostic.ts';
import { commitRevision, workingTree, snapshotWithFile, RevisionError, type Revision } from '../diff/revisions.ts';
import { diffDocuments, type Change } from '../diff/semantic.ts';
import { colour, plain, formatPlanChanges, type PlanHeading } from '../diff/format.ts';
import { writeFileAtomic } from '../build/atomic-write.ts';
import type { PlanDocument } from '../model/types.ts';
import { isRevisionDate } from '../write/docx/revisions.ts';
import type { CliIo } from './io.ts';

/** diff reports changes, and a side's errors when it cannot be built: warnings would only be noise. */
const DIFF_CHECKS = { warnings: false } as const;

interface Side {
  rev: Revision;
  compiler: Compiler;
}

interface Pair {
  source: string;
  oldDoc?: PlanDocument;
  newDoc?: PlanDocument;
  /** A side failed to compile: its diagnostics were printed, and no change is reported for it. */
  failed: boolean;
  /** The plan's own file is byte-identical at both sides: every change comes from what it inherits. */
  inheritedOnly: boolean;
}

export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const dashes = args.indexOf('--');
  const paths = dashes >= 0 ? args.slice(dashes + 1) : [];
  const { positionals, values } = parseCommandLine('diff', dashes >= 0 ? args.slice(0, dashes) : args);
  if (values.color !== undefined && !['always', 'never', 'auto'].includes(values.color)) {
    throw new UsageError(`--color nhận always, never hoặc auto (không phải '${values.color}')`);
  }
  if (!values.redline && (values['tac-gia'] !== undefined || values.ngay !== undefined)) {
    throw new UsageError('--tac-gia và --ngay chỉ dùng cùng --redline RA.docx');
  }
  if (values.ngay !== undefined && !isRevisionDate(values.ngay)) {
    throw new UsageError(`--ngay cần ngày dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM:SSZ (không phải '${values.ngay}')`);
  }
  const useColour = values.color === 'always' || (values.color !== 'never' && !values.json && !!io.stdout.isTTY && !io.env.NO_COLOR);
  const palette = useColour ? colour : plain;
  const root = findProjectRoot(io.cwd);

  const pairs: Pair[] = [];
  const revisions: Revision[] = [];
  let newRev: Revision | undefined;
  let labels = { old: '', new: '' };
  try {
    if (values.files) {
      if (positionals.length !== 2 || paths.length) throw new UsageError('--files cần đúng hai tệp: kehoach diff --files CŨ.yaml MỚI.yaml');
      const [a, b] = positionals.map((f) => path.resolve(io.cwd, f));
      for (const f of [a, b]) if (!existsSync(f)) throw new RevisionError(`không tìm thấy tệp '${f}'`);
      const sides = [a, b].map((file, k) => placeFile(root, file, k === 0 ? b : a, revisions, io.env));
      let failed = false;
      const [oldDoc, newDoc] = sides.map((s) => compileIn(s.side, s.source, () => (failed = true), io));
      newRev = workingTree(root, io.env);
      labels = { old: relativeToRoot(root, a), new: relativeToRoot(root, b) };
      pairs.push({ source: `${labels.old} → ${labels.new}`, oldDoc, newDoc, failed: failed || !oldDoc || !newDoc, inheritedOnly: false });
    } else {
      if (positionals.length > 2) throw new UsageError('nhiều nhất hai phiên bản: kehoach diff [CŨ] [MỚI] [-- ĐƯỜNG_DẪN…]');
      const oldRev = commitRevision(root, positionals[0] ?? 'HEAD', io.env);
      revisions.push(oldRev);
      newRev = positionals[1] ? commitRevision(root, positionals[1], io.env) : workingTree(root, io.env);
      revisions.push(newRev);
      labels = { old: oldRev.label, new: newRev.label };
      const sides: Side[] = [oldRev, newRev].map((rev) => ({ rev, compiler: new Compiler(rev.root, DIFF_CHECKS) }));
      // Paths are given relative to the current directory, like git's; the sides hold them relative to the project.
      const relPaths = paths.map((p) => relativeToRoot(root, path.resolve(io.cwd, p)));
      for (const [k, p] of relPaths.entries()) {
        if (!sides.some((s) => existsSync(path.join(s.rev.root, p)))) throw new RevisionError(`'${paths[k]}' không có ở ${oldRev.label} lẫn ${newRev.label}`);
      }
      const sources = new Set<string>();
      for (const side of sides) for (const f of discoverPlansIn(side.rev.root, relPaths)) sources.add(f);
      for (const source of [...sources].sort()) {
        let failed = false;
        const [oldDoc, newDoc] = sides.map((side) => compileIn(side, source, () => (failed = true), io));
        const bytes = sides.map((side) => readOrEmpty(path.join(side.rev.root, source)));
        pairs.push({ source, oldDoc, newDoc, failed, inheritedOnly: bytes[0] !== undefined && bytes[1] !== undefined && bytes[0].equals(bytes[1]) });
      }
    }
  } catch (err) {
    revisions.forEach((r) => r.dispose());
    if (err instanceof RevisionError) {
      io.stderr.write(`kehoach diff: ${err.message}\n`);
      return 2;
    }
    throw err;
  }

  let failed = false;
  const report: { source: string; number?: string; inheritedOnly: boolean; changes: Change[] }[] = [];
  const changedPairs: Pair[] = [];
  for (const pair of pairs) {
    if (pair.failed) {
      failed = true;
      continue;
    }
    const changes = diffDocuments(pair.oldDoc, pair.newDoc);
    if (!pair.oldDoc && pair.newDoc) changes.unshift({ kind: 'added', where: 'kế hoạch mới', text: pair.source });
    if (pair.oldDoc && !pair.newDoc) changes.unshift({ kind: 'removed', where: 'kế hoạch', text: pair.source });
    if (changes.length === 0) continue;
    changedPairs.push(pair);
    const heading: PlanHeading = { source: pair.source, number: documentName(pair.newDoc ?? pair.oldDoc!), inheritedOnly: pair.inheritedOnly };
    report.push({ source: pair.source, number: heading.number, inheritedOnly: pair.inheritedOnly, changes });
    if (!values.json) io.stdout.write((report.length > 1 ? '\n' : '') + formatPlanChanges(heading, changes, palette));
  }
  if (values.json) io.stdout.write(JSON.stringify({ old: labels.old, new: labels.new, plans: report }, null, 2) + '\n');

  if (values.redline) {
    // The plan to redline: the one named after `--`, or the only one that changed.
    const candidates = pairs.filter((p) => p.oldDoc && p.newDoc);
    const chosen = paths.length && candidates.length === 1 ? candidates : changedPairs.filter((p) => p.oldDoc && p.newDoc);
    if (chosen.length !== 1) {
      io.stderr.write(`kehoach diff: --redline cần đúng một kế hoạch (đang có ${chosen.length} kế hoạch thay đổi); chọn một bằng: -- ĐƯỜNG_DẪN.yaml\n`);
      failed = true;
    } else {
      const p = chosen[0];
      // Every change is signed with who made it and when, never with the tool or the clock: the
      // newer revision's author and date, the working tree's git user.name and the plan's own date.
      const author = values['tac-gia']?.trim() || newRev!.author;
      if (!author) {
        io.stderr.write('kehoach diff: chưa biết tên người sửa để ghi trên các thay đổi của --redline; ghi --tac-gia "Họ tên" hoặc đặt git config user.name "Họ tên"\n');
        failed = true;
      } else {
        const { renderRedlineDocx } = await import('../diff/redline.ts');
        const bytes = await renderRedlineDocx(p.oldDoc!, p.newDoc!, { author, date: values.ngay ?? newRev!.date ?? p.newDoc!.meta.date });
        writeFileAtomic(path.resolve(io.cwd, values.redline), bytes);
        io.stderr.write(`Đã ghi bản so sánh có theo dõi thay đổi (track changes) của ${p.source}: ${values.redline}\n`);
      }
    }
  }
  revisions.forEach((r) => r.dispose());
  if (failed) return 2;
  return report.length > 0 ? 1 : 0;
}

function readOrEmpty(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** "Kế hoạch hành động số 1590/KH-UBND", or the promulgating decision's number, for the heading of a plan's changes. */
function documentName(doc: PlanDocument): string {
  const named = (kind: string, line?: string) => {
    const number = line?.replace(/^Số:\s*/, '').trim();
    const sentence = kind.charAt(0) + kind.slice(1).toLowerCase();
    return number && !number.startsWith('/') ? `${sentence} số ${number}` : `${sentence}, chưa có số`;
  };
  if (doc.decision) return `${named(doc.decision.kind, doc.decision.header.numberLine)} ban hành ${doc.plan.kind.toLowerCase()}`;
  return named(doc.plan.kind, doc.plan.header.numberLine);
}

function discoverPlansIn(root: string, relPaths: string[]): string[] {
  const inSide = relPaths.map((p) => path.join(root, p)).filter((p) => existsSync(p));
  if (relPaths.length && !inSide.length) return relPaths.filter((p) => /\.ya?ml$/i.test(p));
  try {
    const found = discoverPlans(root, inSide.length ? inSide : [path.join(root, 'plans')], root).files.filter((f) => f.startsWith('plans/'));
    // A file named after `--` that is missing on this side is an addition or a removal.
    return [...found, ...relPaths.filter((p) => /\.ya?ml$/i.test(p) && !existsSync(path.join(root, p)))];
  } catch {
    return [];
  }
}

/**
 * Where to compile a `--files` argument. A file inside a project compiles there; a file outside any
 * project (a draft copy from e-mail) is put into a snapshot of this project at the other file's path,
 * so that its parent (`ke_thua`), units and citations resolve as they would for that plan.
 */
function placeFile(root: string, file: string, other: string, revisions: Revision[], env: NodeJS.ProcessEnv): { side: Side; source: string } {
  const own = findProjectRoot(path.dirname(file));
  if (existsSync(path.join(own, 'data')) && isInside(path.join(own, 'plans'), file)) {
    return { side: { rev: workingTree(own, env), compiler: new Compiler(own, DIFF_CHECKS) }, source: relativeToRoot(own, file) };
  }
  const otherRel = isInside(path.join(root, 'plans'), other) ? relativeToRoot(root, other) : `plans/${path.basename(file)}`;
  const rev = snapshotWithFile(root, otherRel, readFileSync(file), relativeToRoot(root, file));
  revisions.push(rev);
  return { side: { rev, compiler: new Compiler(rev.root, DIFF_CHECKS) }, source: otherRel };
}

function compileIn(side: Side, source: string, onError: () => void, io: CliIo): PlanDocument | undefined {
  const compiled = side.compiler.compile(source);
  if (compiled.ok) return compiled.doc;
  const project = side.compiler.project().diagnostics.filter((d) => d.severity === 'error');
  // A plan absent from this revision is an addition or a removal, not an error.
  if (!project.length && compiled.diagnostics.some((d) => d.rule === 'file-missing' && d.file === source)) return undefined;
  for (const d of [...project, ...compiled.diagnostics]) io.stderr.write(`[${side.rev.label}] ${formatDiagnostic(d)}\n`);
  onError();
  return undefined;
}
