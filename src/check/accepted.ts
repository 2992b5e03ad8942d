// Accepting a warning at its line. A warning that is right to ignore (a quotation that must keep
// an old name, a number that looks like a superior's target but is not) is accepted where it was
// written, with a YAML comment on its line or alone on the line above:
//   noi_dung: Phối hợp với UBND huyện Cam Lâm (cũ) …   # kehoach: chap-nhan district-level-words
// Several rules are separated by commas; only warnings can be accepted, never errors. Implemented
// once, on every diagnostic of a plan and of data/, so every rule honours it the same way.
import type { Diagnostic } from '../load/diagnostic.ts';
import { SourceFiles } from './source-lines.ts';

const ACCEPT = /#\s*kehoach:\s*chap-nhan\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

/** Rules accepted by the comment of `line`, if any. */
function acceptedOn(line: string | undefined): string[] {
  const m = line === undefined ? null : ACCEPT.exec(line);
  return m ? m[1].split(',').map((r) => r.trim()) : [];
}

export function dropAccepted(diagnostics: Diagnostic[], root: string, files = new SourceFiles(root)): Diagnostic[] {
  return diagnostics.filter((d) => {
    if (d.severity !== 'warning') return true;
    const lines = files.lines(d.file);
    const own = acceptedOn(lines[d.line - 1]);
    const above = /^\s*#/.test(lines[d.line - 2] ?? '') ? acceptedOn(lines[d.line - 2]) : [];
    return !own.includes(d.rule) && !above.includes(d.rule);
  });
}
