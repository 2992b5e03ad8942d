// What the importer tells the user: warnings at the place in the input (line of the text, or
// paragraph of the DOCX), in the project's diagnostic format.
import type { Diagnostic } from '../load/diagnostic.ts';
import type { Place } from './blocks.ts';

export class ImportReport {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly file: string) {}

  warn(at: Place, rule: string, message: string): void {
    this.diagnostics.push({ file: this.file, line: at.line, col: at.col, severity: 'warning', rule, message });
  }

  error(at: Place, rule: string, message: string): void {
    this.diagnostics.push({ file: this.file, line: at.line, col: at.col, severity: 'error', rule, message });
  }
}
