// Imports an input in process against a throwaway copy of the project, writes the result where
// a user's import would go, and compiles it with the real compiler (what `kehoach check` runs).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempProject } from '../helpers/cli.ts';
import { Compiler } from '../../src/pipeline/compiler.ts';
import { importPlan, type ImportResult } from '../../src/import/index.ts';
import { renderText } from '../../src/write/text/index.ts';
import type { Diagnostic } from '../../src/load/diagnostic.ts';

export interface Imported {
  result: ImportResult;
  /** The written YAML source. */
  yaml: string;
  /** Diagnostics of compiling the written source (schema, templating, checks). */
  check: Diagnostic[];
  /** The resolved plan as numbered plain text (kehoach print). */
  printed: string;
  file: string;
}

export function importInto(root: string, name: string, bytes: string | Uint8Array, unit?: string, out = `plans/_nhap/${name}.yaml`): Imported {
  const inputFile = path.join(root, 'nhap', name);
  mkdirSync(path.dirname(inputFile), { recursive: true });
  writeFileSync(inputFile, bytes);
  const compiler = new Compiler(root);
  const result = importPlan({ root, input: path.relative(root, inputFile), project: compiler.project().value!, unit });
  if (!result.render) return { result, yaml: '', check: [], printed: '', file: out };
  const yaml = result.render(out);
  mkdirSync(path.dirname(path.join(root, out)), { recursive: true });
  writeFileSync(path.join(root, out), yaml);
  const compiled = compiler.compile(out);
  return { result, yaml, check: compiled.diagnostics, printed: compiled.doc ? renderText(compiled.doc) : '', file: out };
}

export { tempProject };
