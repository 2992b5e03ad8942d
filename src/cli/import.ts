// `kehoach import FILE.docx|FILE.txt [--unit ID] [--from PARENT.yaml] [--out PATH]`: writes a plan
// source from a Word file or portal text, then checks it like `kehoach check` does. Never
// overwrites a file. Exit 0 when the written plan has no error, 1 otherwise (or nothing written).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCommandLine } from './args.ts';
import { UsageError } from './usage-error.ts';
import { findProjectRoot, isInside, relativeToRoot } from '../project/root.ts';
import { Compiler } from '../pipeline/compiler.ts';
import { formatDiagnostic, hasErrors } from '../load/diagnostic.ts';
import { writeFileAtomic } from '../build/atomic-write.ts';
import { Progress } from '../build/progress.ts';
import { importPlan } from '../import/index.ts';
import { defaultImportPath } from '../import/output-path.ts';
import { parentIdsSchema, parentSchemaPath } from '../generate/parent-ids-schema.ts';
import type { CliIo } from './io.ts';

export async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine('import', args);
  if (positionals.length !== 1) throw new UsageError('cần đúng một tệp: kehoach import TỆP.docx|TỆP.txt [--unit MÃ] [--from CHA.yaml] [--out ĐƯỜNG_DẪN]');
  const root = findProjectRoot(io.cwd);
  const input = relativeToRoot(root, positionals[0]);
  if (!existsSync(path.resolve(root, input))) {
    io.stderr.write(`kehoach import: không tìm thấy tệp '${positionals[0]}'\n`);
    return 1;
  }
  const compiler = new Compiler(root);
  const project = compiler.project();
  for (const d of project.diagnostics) io.stderr.write(formatDiagnostic(d) + '\n');
  if (!project.value) return 1;
  let parentFile: string | undefined;
  if (values.from) {
    parentFile = relativeToRoot(root, values.from);
    if (!existsSync(path.join(root, parentFile))) {
      io.stderr.write(`kehoach import: không tìm thấy kế hoạch cha '${values.from}'\n`);
      return 1;
    }
  }
  // A large input shows its stages on build's live line (a terminal only; logs get the diagnostics).
  const progress = new Progress(parentFile ? 3 : 2, !io.stderr.isTTY, io.stderr);
  let active = false;
  const stageDone = { source: input, ok: true, outputs: [], diagnostics: [], errors: [] };
  const endStages = () => {
    if (!active) return;
    progress.finish(stageDone);
    // finish() redraws the line for the next stage; the next write is a message or the end.
    if (io.stderr.isTTY) io.stderr.write('\r\x1b[2K');
    active = false;
  };
  const stage = (label: string) => {
    endStages();
    progress.start(`${input}: ${label}`, '');
    active = true;
  };
  /** Messages clear the live line first. */
  const say = (text: string) => {
    endStages();
    io.stderr.write(text);
  };
  try {
    const result = importPlan({
      root,
      input,
      project: project.value,
      unit: values.unit,
      parentFile,
      onProgress: stage,
    });
    for (const d of result.diagnostics) say(formatDiagnostic(d) + '\n');
    if (!result.render || !result.plan) return 1;
    const target = values.out ? relativeToRoot(root, values.out) : parentFile ? childPath(parentFile, result.plan) : defaultImportPath(result.plan, project.value);
    if (!isInside(root, path.resolve(root, target))) {
      say(`kehoach import: tệp kết quả phải nằm trong dự án ('${target}')\n`);
      return 1;
    }
    if (parentFile && !target.startsWith('plans/')) {
      say(`kehoach import: kế hoạch con phải nằm trong plans/ ('${target}')\n`);
      return 1;
    }
    if (existsSync(path.join(root, target))) {
      say(`kehoach import: '${target}' đã có, không ghi đè (xóa hoặc chọn --out khác)\n`);
      return 1;
    }
    if (parentFile) {
      const parent = compiler.compile(parentFile);
      if (!parent.ok || !parent.resolved) {
        for (const d of parent.diagnostics) say(formatDiagnostic(d) + '\n');
        say(`kehoach import: kế hoạch cha '${parentFile}' còn lỗi, sửa trước khi nhập kế hoạch con\n`);
        return 1;
      }
    }
    const rendered = result.render(target);
    for (const d of rendered.diagnostics) say(formatDiagnostic(d) + '\n');
    if (rendered.text === undefined) return 1;
    writeFileAtomic(path.join(root, target), rendered.text);
    endStages();
    io.stdout.write(`${target}\n`);
    if (parentFile) {
      // The schema the child names in its modeline, from the parent as it stands now (as kehoach new).
      const parent = compiler.compile(parentFile);
      if (parent.resolved) writeFileAtomic(path.join(root, parentSchemaPath(parentFile)), parentIdsSchema(parentFile, parent.resolved.data));
    }
    // New registry documents: known to this check in memory, written only once the plan checks.
    const added = rendered.registry;
    for (const e of added?.entries ?? []) project.value.citations.set(e.id, e);
    if (result.large) stage('kiểm tra kế hoạch đã ghi');
    const checked = compiler.compile(target);
    endStages();
    for (const d of checked.diagnostics) say(formatDiagnostic(d) + '\n');
    const ok = checked.ok && !hasErrors(checked.diagnostics);
    if (added) {
      if (ok) {
        writeFileAtomic(path.join(root, added.file), added.text);
        io.stdout.write(`${added.file}\n`);
      } else {
        say(`kehoach import: kế hoạch còn lỗi nên chưa ghi ${added.entries.length} văn bản mới (${added.entries.map((e) => e.id).join(', ')}) vào ${added.file}; sửa lỗi rồi nhập lại\n`);
      }
    }
    return ok ? 0 : 1;
  } finally {
    endStages();
  }
}

/** A child's default place: beside its unit's other plans, named after the parent (as kehoach new). */
function childPath(parentFile: string, plan: { don_vi?: string }): string {
  const province = parentFile.split('/')[1] ?? '';
  return `plans/${province}/${plan.don_vi ?? 'don-vi'}/${path.posix.basename(parentFile)}`;
}
