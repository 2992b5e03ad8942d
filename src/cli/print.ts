// `kehoach print FILE [--textconv]`: the resolved plan as plain numbered text (for review and git
// textconv). With --textconv (the git driver), a plan that builds on another plan prints only what
// it states itself: git cannot tell textconv which revision a blob is from (issue #14, case 14).
import { parseCommandLine } from './args.ts';
import { UsageError } from './usage-error.ts';
import { findProjectRoot, relativeToRoot } from '../project/root.ts';
import { Compiler } from '../pipeline/compiler.ts';
import { formatDiagnostic } from '../load/diagnostic.ts';
import { readSource } from '../load/read-source.ts';
import { parseYaml } from '../load/yaml-positions.ts';
import { renderText } from '../write/text/index.ts';
import { dependsOn, renderOwnStatements } from '../write/text/own-statements.ts';
import { locateForeignPlan } from '../project/foreign-file.ts';
import type { CliIo } from './io.ts';

export async function runPrint(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandLine('print', args);
  if (positionals.length !== 1) throw new UsageError('cần đúng một tệp kế hoạch: kehoach print TỆP [--textconv]');
  const root = findProjectRoot(io.cwd);
  // git textconv hands us a temporary copy of an old blob: map it back into a project snapshot.
  const located = locateForeignPlan(root, positionals[0], io.cwd, io.env);
  try {
    const file = relativeToRoot(located.root, located.file);
    if (values.textconv) {
      const own = ownLayer(located.root, file);
      if (own !== undefined) {
        io.stdout.write(own);
        return 0;
      }
    }
    // Errors alone are shown (below), so the warning-only rules are not run.
    const compiler = new Compiler(located.root, { warnings: false });
    const compiled = compiler.compile(file);
    const diagnostics = [...compiler.project().diagnostics, ...compiled.diagnostics];
    // Errors only: under git textconv, warnings would be printed for every file of every diff.
    for (const d of diagnostics) if (d.severity === 'error') io.stderr.write(formatDiagnostic(d) + '\n');
    if (!compiled.doc) return 1;
    io.stdout.write(renderText(compiled.doc));
    return 0;
  } finally {
    located.dispose();
  }
}

/** The plan's own statements when it builds on another plan; undefined for a standalone plan or unreadable text. */
function ownLayer(root: string, file: string): string | undefined {
  const src = readSource(root, file);
  if (!src.value) return undefined;
  const parsed = parseYaml(src.value.text, src.value.file);
  if (!parsed.value || !dependsOn(parsed.value.data)) return undefined;
  return renderOwnStatements(parsed.value.data);
}
