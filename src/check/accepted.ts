// A warning that is right to ignore is accepted at its line: the source line where it is reported
// ends with "# kehoach-bo-qua: RULE" (several rules separated by commas or spaces). The comment
// stays visible in the plan, so a reader sees what was accepted and why the check is silent.
// Errors are never accepted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../load/diagnostic.ts';

export const ACCEPT_COMMENT = 'kehoach-bo-qua';

/** The rules a source line accepts ("# kehoach-bo-qua: chinh-ta, collective-signature"). */
export function acceptedRules(line: string): string[] {
  const m = /#\s*kehoach-bo-qua:\s*([\w-]+(?:[\s,]+[\w-]+)*)/.exec(line);
  return m ? m[1].split(/[\s,]+/).filter(Boolean) : [];
}

export function dropAccepted(root: string, diagnostics: Diagnostic[]): Diagnostic[] {
  const files = new Map<string, string[]>();
  const lines = (file: string): string[] => {
    let l = files.get(file);
    if (!l) {
      try {
        l = readFileSync(path.join(root, file), 'utf8').split('\n');
      } catch {
        l = [];
      }
      files.set(file, l);
    }
    return l;
  };
  return diagnostics.filter((d) => d.severity !== 'warning' || !acceptedRules(lines(d.file)[d.line - 1] ?? '').includes(d.rule ?? ''));
}
