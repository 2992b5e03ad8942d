// A problem found in a source, reported as `file:line:col: error|warning: message [rule]`.
// Messages are Vietnamese (the user's language); rule ids are stable English-ish slugs.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Project-relative path of the file where the offending value was written. */
  file: string;
  line: number;
  col: number;
  severity: Severity;
  message: string;
  rule: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message} [${d.rule}]`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
