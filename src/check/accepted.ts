// A warning that is right to ignore is accepted at its line: the source line where it is reported
// ends with "# kehoach-bo-qua: RULE" (several rules separated by commas or spaces), or that
// comment stands alone on the line just above (for a line too long to carry it). The comment stays
// visible in the plan, so a reader sees what was accepted and why the check is silent. Errors are
// never accepted. Applied once, to every diagnostic of a plan and of data/ (the compiler), so
// every rule honours it alike. "# kehoach: chap-nhan RULE" is read the same way.
import type { Diagnostic } from '../load/diagnostic.ts';
import { SourceFiles } from './source-lines.ts';

export const ACCEPT_COMMENT = 'kehoach-bo-qua';

/** The rules a source line accepts ("# kehoach-bo-qua: chinh-ta, collective-signature"). */
export function acceptedRules(line: string): string[] {
  const m = /#\s*(?:kehoach-bo-qua:|kehoach:\s*chap-nhan)\s*([\w-]+(?:[\s,]+[\w-]+)*)/.exec(line);
  return m ? m[1].split(/[\s,]+/).filter(Boolean) : [];
}

export function dropAccepted(root: string, diagnostics: Diagnostic[], files = new SourceFiles(root)): Diagnostic[] {
  return diagnostics.filter((d) => {
    if (d.severity !== 'warning') return true;
    const lines = files.lines(d.file);
    const above = lines[d.line - 2] ?? '';
    const rules = [...acceptedRules(lines[d.line - 1] ?? ''), ...(/^\s*#/.test(above) ? acceptedRules(above) : [])];
    return !rules.includes(d.rule);
  });
}
