// Builds a batch of plans: compile each (parents cached), render DOCX and PDF parts, write them
// atomically under the output root. A failing plan is reported and the batch goes on.
import path from 'node:path';
import { Compiler } from '../pipeline/compiler.ts';
import { plannedOutputs, type OutputFormat, type PlannedOutput } from './outputs.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { PlanOutcome } from './progress.ts';
import type { PlanDocument } from '../model/types.ts';
import { renderDocx } from '../write/docx/index.ts';
import { PdfRenderer } from './pdf-renderer.ts';

export interface BatchOptions {
  root: string;
  files: string[];
  outDir: string; // absolute
  formats: OutputFormat[];
  force?: boolean;
  onStart?: (source: string) => void;
  onFinish?: (outcome: PlanOutcome) => void;
  /** How many plans are in flight at once (PDF printing overlaps DOCX work). */
  concurrency?: number;
}

export async function buildBatch(options: BatchOptions): Promise<PlanOutcome[]> {
  const compiler = new Compiler(options.root);
  const pdf = options.formats.includes('pdf') ? new PdfRenderer(options.root) : undefined;
  const outcomes: PlanOutcome[] = new Array(options.files.length);
  let next = 0;
  const worker = async () => {
    while (next < options.files.length) {
      const index = next++;
      const source = options.files[index];
      options.onStart?.(source);
      const outcome = await buildOne(compiler, source, options, pdf);
      outcomes[index] = outcome;
      options.onFinish?.(outcome);
    }
  };
  try {
    const lanes = Math.max(1, options.concurrency ?? (pdf ? 3 : 1));
    await Promise.all(Array.from({ length: lanes }, worker));
  } finally {
    await pdf?.close();
  }
  return outcomes;
}

async function buildOne(compiler: Compiler, source: string, options: BatchOptions, pdf?: PdfRenderer): Promise<PlanOutcome> {
  const compiled = compiler.compile(source);
  const outcome: PlanOutcome = { source, ok: compiled.ok, outputs: [], diagnostics: compiled.diagnostics, errors: [] };
  if (!compiled.ok || !compiled.doc) return outcome;
  const doc = compiled.doc;
  for (const output of plannedOutputs(doc, options.formats)) {
    try {
      const bytes = await render(doc, output, pdf);
      writeFileAtomic(path.join(options.outDir, output.path), bytes);
      outcome.outputs.push({ part: output.part, format: output.format, path: path.posix.join(path.relative(options.root, options.outDir).split(path.sep).join('/'), output.path) });
    } catch (err) {
      outcome.ok = false;
      const message = (err as Error)?.message ?? String(err);
      if (!outcome.errors.includes(message)) outcome.errors.push(message);
    }
  }
  return outcome;
}

async function render(doc: PlanDocument, output: PlannedOutput, pdf?: PdfRenderer): Promise<Uint8Array> {
  if (output.format === 'docx') return renderDocx(doc, output.target);
  if (!pdf) throw new Error('PDF renderer not started');
  return pdf.render(doc, output.target);
}
