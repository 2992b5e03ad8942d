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
import { importPlan } from '../import/index.ts';
import { defaultImportPath } from '../import/output-path.ts';

export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('import', args);
  if (positionals.length !== 1) throw new UsageError('cần đúng một tệp: kehoach import TỆP.docx|TỆP.txt [--unit MÃ] [--from CHA.yaml] [--out ĐƯỜNG_DẪN]');
  const root = findProjectRoot();
  const input = relativeToRoot(root, positionals[0]);
  if (!existsSync(path.resolve(root, input))) {
    process.stderr.write(`kehoach import: không tìm thấy tệp '${positionals[0]}'\n`);
    return 1;
  }
  const compiler = new Compiler(root);
  const project = compiler.project();
  for (const d of project.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  if (!project.value) return 1;
  let parentFile: string | undefined;
  if (values.from) {
    parentFile = relativeToRoot(root, values.from);
    if (!existsSync(path.join(root, parentFile))) {
      process.stderr.write(`kehoach import: không tìm thấy kế hoạch cha '${values.from}'\n`);
      return 1;
    }
  }
  const result = importPlan({
    root,
    input,
    project: project.value,
    unit: values.unit,
    onProgress: (m) => process.stderr.write(`${m}\n`),
  });
  for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  if (!result.render || !result.plan) return 1;
  const target = values.out ? relativeToRoot(root, values.out) : defaultImportPath(result.plan, project.value);
  if (!isInside(root, path.resolve(root, target))) {
    process.stderr.write(`kehoach import: tệp kết quả phải nằm trong dự án ('${target}')\n`);
    return 1;
  }
  if (existsSync(path.join(root, target))) {
    process.stderr.write(`kehoach import: '${target}' đã có, không ghi đè (xóa hoặc chọn --out khác)\n`);
    return 1;
  }
  writeFileAtomic(path.join(root, target), result.render(target));
  process.stdout.write(`${target}\n`);
  const checked = compiler.compile(target);
  for (const d of checked.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  return checked.ok && !hasErrors(checked.diagnostics) ? 0 : 1;
}
