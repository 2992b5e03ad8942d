// `kehoach check [FILES|DIRS…]`: validates sources and prints diagnostics to stderr.
import { parseCommandLine } from './args.ts';
import { discoverPlans } from '../build/discover.ts';
import { findProjectRoot } from '../project/root.ts';
import { Compiler } from '../pipeline/compiler.ts';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../load/diagnostic.ts';
import type { CliIo } from './io.ts';

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine('check', args);
  const root = findProjectRoot(io.cwd);
  const compiler = new Compiler(root);
  const found = discoverPlans(root, positionals, io.cwd);
  const all: Diagnostic[] = [...found.diagnostics, ...compiler.project().diagnostics];
  let failed = hasErrors(all);
  const results = [];
  for (const file of found.files) {
    const compiled = compiler.compile(file);
    all.push(...compiled.diagnostics);
    failed ||= !compiled.ok;
    results.push({ source: file, ok: compiled.ok, diagnostics: compiled.diagnostics });
  }
  for (const d of dedupe(all)) io.stderr.write(formatDiagnostic(d) + '\n');
  if (values.json) io.stdout.write(JSON.stringify(results) + '\n');
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  io.stderr.write(
    `${found.files.length} kế hoạch, ${errors} lỗi, ${warnings} cảnh báo${failed ? '' : ' — hợp lệ'}\n`,
  );
  return failed ? 1 : 0;
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => !seen.has(formatDiagnostic(d)) && !!seen.add(formatDiagnostic(d)));
}
