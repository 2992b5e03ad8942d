// State shared by the builders of one plan: the source, project data, the text renderer and
// the diagnostics collected so far.
import type { Diagnostic, Severity } from '../load/diagnostic.ts';
import type { JsonPath, ProjectData, ResolvedSource } from '../load/types.ts';
import type { TextRenderer } from '../template/render.ts';

export interface BuildContext {
  src: ResolvedSource;
  project: ProjectData;
  text: TextRenderer;
  diagnostics: Diagnostic[];
  /** Report at the origin of `path` in the sources. */
  report(rule: string, severity: Severity, message: string, path: JsonPath): void;
}

export function reportAt(src: ResolvedSource, out: Diagnostic[]) {
  return (rule: string, severity: Severity, message: string, path: JsonPath) => {
    const o = src.origin(path);
    out.push({ file: o.file, line: o.line, col: o.col, severity, message, rule });
  };
}
