// `kehoach resolve FILE`: prints the fully resolved plan (inheritance applied) as standalone YAML.
import { stringify } from 'yaml';
import { parseCommandLine } from './args.ts';
import { UsageError } from './usage-error.ts';
import { findProjectRoot, relativeToRoot } from '../project/root.ts';
import { Compiler } from '../pipeline/compiler.ts';
import { formatDiagnostic, hasErrors } from '../load/diagnostic.ts';
import type { CliIo } from './io.ts';

export async function runResolve(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandLine('resolve', args);
  if (positionals.length !== 1) throw new UsageError('cần đúng một tệp kế hoạch: kehoach resolve TỆP');
  const root = findProjectRoot(io.cwd);
  const compiler = new Compiler(root);
  const file = relativeToRoot(root, positionals[0]);
  const project = compiler.project();
  const result = compiler.resolve(file);
  const diagnostics = [...project.diagnostics, ...result.diagnostics];
  for (const d of diagnostics) io.stderr.write(formatDiagnostic(d) + '\n');
  if (!result.value || hasErrors(diagnostics)) return 1;
  io.stdout.write(`# Kế hoạch đã kế thừa đầy đủ từ ${file}\n`);
  io.stdout.write(stringify(result.value.data, { lineWidth: 0 }));
  return 0;
}
