// Builds a batch of plans: compile each (parents cached), render DOCX and PDF parts, write them
// atomically under the output root. A failing plan is reported and the batch goes on.
import path from 'node:path';
import { Compiler } from '../pipeline/compiler.ts';
import { plannedOutputs, type OutputFormat, type PlannedOutput } from './outputs.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { PlanOutcome } from './progress.ts';
import type { PlanDocument } from '../model/types.ts';
// The writers (docx, puppeteer) are loaded on first use: a no-op incremental build never needs them,
// and loading them is most of a no-op build's time.
import type { PdfRenderer } from './pdf-renderer.ts';
import { BuildRecord, InputHasher, planInputs } from './incremental.ts';

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
  let pdfStarted: Promise<PdfRenderer> | undefined;
  const pdf = options.formats.includes('pdf')
    ? () => (pdfStarted ??= import('./pdf-renderer.ts').then((m) => new m.PdfRenderer(options.root)))
    : undefined;
  const record = new BuildRecord(options.outDir, new InputHasher(options.root));
  const outRel = path.relative(options.root, options.outDir).split(path.sep).join('/');
  const outcomes: PlanOutcome[] = new Array(options.files.length);
  let next = 0;
  const worker = async () => {
    while (next < options.files.length) {
      const index = next++;
      const source = options.files[index];
      options.onStart?.(source);
      let outcome: PlanOutcome;
      if (!options.force && record.isFresh(source, options.formats)) {
        const outputs = record.outputsOf(source).map((o) => ({ ...o, path: path.posix.join(outRel, o.path) }));
        outcome = { source, ok: true, skipped: true, outputs, diagnostics: [], errors: [] };
      } else {
        const built = await buildOne(compiler, source, options, pdf);
        outcome = built.outcome;
        if (outcome.ok && built.planFiles) record.update(source, built.planFiles, options.formats, built.written);
        else record.forget(source);
      }
      outcomes[index] = outcome;
      options.onFinish?.(outcome);
    }
  };
  try {
    const lanes = Math.max(1, options.concurrency ?? (pdf ? 3 : 1));
    await Promise.all(Array.from({ length: lanes }, worker));
  } finally {
    if (pdfStarted) await (await pdfStarted).close();
    record.save();
  }
  return outcomes;
}

interface Built {
  outcome: PlanOutcome;
  planFiles?: string[];
  /** Outputs written, relative to the output root, for the build record. */
  written: { part: string; format: string; path: string }[];
}

async function buildOne(compiler: Compiler, source: string, options: BatchOptions, pdf?: () => Promise<PdfRenderer>): Promise<Built> {
  const compiled = compiler.compile(source);
  const outcome: PlanOutcome = { source, ok: compiled.ok, outputs: [], diagnostics: compiled.diagnostics, errors: [] };
  const written: Built['written'] = [];
  if (!compiled.ok || !compiled.doc) return { outcome, written };
  const doc = compiled.doc;
  const outRel = path.relative(options.root, options.outDir).split(path.sep).join('/');
  const planned = plannedOutputs(doc, options.formats);
  // PDF parts are started first: Chromium prints them while this thread renders the DOCX files, so
  // the print pool is not left idle while a lane does CPU work. Results are kept in planned order.
  const results = await Promise.all(
    [...planned.filter((o) => o.format === 'pdf'), ...planned.filter((o) => o.format !== 'pdf')].map(async (output) => {
      try {
        const bytes = await render(doc, output, pdf);
        writeFileAtomic(path.join(options.outDir, output.path), bytes);
        return { output };
      } catch (err) {
        // Writer failures come from the browser or the zip library in English: say which file failed.
        return { output, error: `không xuất được ${output.format.toUpperCase()} (${output.part}): ${(err as Error)?.message ?? String(err)}` };
      }
    }),
  );
  for (const output of planned) {
    const r = results.find((x) => x.output === output)!;
    if (r.error === undefined) {
      written.push({ part: output.part, format: output.format, path: output.path });
      outcome.outputs.push({ part: output.part, format: output.format, path: path.posix.join(outRel, output.path) });
    } else {
      outcome.ok = false;
      if (!outcome.errors.includes(r.error)) outcome.errors.push(r.error);
    }
  }
  return { outcome, written, planFiles: compiled.resolved ? planInputs(compiled.resolved) : undefined };
}

// One DOCX renderer per process: a plan is laid out once and its package and part files assembled from it.
let docx: Promise<import('../write/docx/index.ts').DocxRenderer> | undefined;
function docxRenderer() {
  docx ??= import('../write/docx/index.ts').then((m) => new m.DocxRenderer());
  return docx;
}

async function render(doc: PlanDocument, output: PlannedOutput, pdf?: () => Promise<PdfRenderer>): Promise<Uint8Array> {
  if (output.format === 'docx') return (await docxRenderer()).render(doc, output.target);
  if (!pdf) throw new Error('PDF renderer not started');
  return (await pdf()).render(doc, output.target);
}
