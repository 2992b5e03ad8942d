// `kehoach print FILE`: the resolved plan as plain numbered text (for git textconv and review).
import { parseCommandLine } from './args.ts';
import { UsageError } from './usage-error.ts';
import { findProjectRoot, relativeToRoot } from '../project/root.ts';
import { Compiler } from '../pipeline/compiler.ts';
import { formatDiagnostic } from '../load/diagnostic.ts';
import { renderText } from '../write/text/index.ts';
import { locateForeignPlan } from '../project/foreign-file.ts';

export async function runPrint(args: string[]): Promise<number> {
  const { positionals } = parseCommandLine('print', args);
  if (positionals.length !== 1) throw new UsageError('cần đúng một tệp kế hoạch: kehoach print TỆP');
  const root = findProjectRoot();
  // git textconv hands us a temporary copy of an old blob: map it back into a project snapshot.
  const located = locateForeignPlan(root, positionals[0]);
  try {
    const compiler = new Compiler(located.root);
    const compiled = compiler.compile(relativeToRoot(located.root, located.file));
    const diagnostics = [...compiler.project().diagnostics, ...compiled.diagnostics];
    // Errors only: under git textconv, warnings would be printed for every file of every diff.
    for (const d of diagnostics) if (d.severity === 'error') process.stderr.write(formatDiagnostic(d) + '\n');
    if (!compiled.doc) return 1;
    process.stdout.write(renderText(compiled.doc));
    return 0;
  } finally {
    located.dispose();
  }
}
