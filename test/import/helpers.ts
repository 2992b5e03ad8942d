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
  /** Diagnostics of writing the source (a parent that could not be read). */
  renderDiagnostics?: Diagnostic[];
  registry?: { file: string; ids: string[] };
  /** The written YAML source. */
  yaml: string;
  /** Diagnostics of compiling the written source (schema, templating, checks). */
  check: Diagnostic[];
  /** The resolved plan as numbered plain text (kehoach print). */
  printed: string;
  file: string;
}

export function importInto(root: string, name: string, bytes: string | Uint8Array, unit?: string, out = `plans/_nhap/${name}.yaml`, parentFile?: string): Imported {
  const inputFile = path.join(root, 'nhap', name);
  mkdirSync(path.dirname(inputFile), { recursive: true });
  writeFileSync(inputFile, bytes);
  const compiler = new Compiler(root);
  const result = importPlan({ root, input: path.relative(root, inputFile), project: compiler.project().value!, unit, parentFile });
  if (!result.render) return { result, yaml: '', check: [], printed: '', file: out };
  const rendered = result.render(out);
  const yaml = rendered.text ?? '';
  mkdirSync(path.dirname(path.join(root, out)), { recursive: true });
  writeFileSync(path.join(root, out), yaml);
  // Documents the import adds to the registry: in memory for the check, then written (the CLI's order).
  for (const e of rendered.registry?.entries ?? []) compiler.project().value!.citations.set(e.id, e);
  const compiled = compiler.compile(out);
  if (rendered.registry && compiled.ok) writeFileSync(path.join(root, rendered.registry.file), rendered.registry.text);
  return { result, yaml, check: compiled.diagnostics, printed: compiled.doc ? renderText(compiled.doc) : '', file: out, renderDiagnostics: rendered.diagnostics, registry: rendered.registry && { file: rendered.registry.file, ids: rendered.registry.entries.map((e) => e.id) } };
}

export { tempProject };
