// Builds a batch of plans: compile each (parents cached), render DOCX and PDF parts, write them
// atomically under the output root. A failing plan is reported and the batch goes on.
import path from 'node:path';
// The compiler is loaded once the browser is starting (see buildLocked): loading it is a good part
// of a cold build's first second, and Chromium boots in its own process meanwhile.
import type { Compiler } from '../pipeline/compiler.ts';
import { plannedOutputs, type OutputFormat, type PlannedOutput } from './outputs.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { PlanOutcome } from './progress.ts';
import type { PlanDocument } from '../model/types.ts';
import { hasErrors, type Diagnostic } from '../load/diagnostic.ts';
// The writers (docx, puppeteer) are loaded on first use: a no-op incremental build never needs them,
// and loading them is most of a no-op build's time.
import type { PdfRenderer } from './pdf-renderer.ts';
import { docxRendering, type DocxRendering } from './docx-thread.ts';
import { BuildRecord, InputHasher } from './incremental.ts';
import type { RecordedOutput } from './record-file.ts';
import { OutLock } from './out-lock.ts';
import { describeFsError } from './environment-error.ts';
import { removeOutputs, sourceGone } from './stale-outputs.ts';

export interface BatchOptions {
  root: string;
  files: string[];
  outDir: string; // absolute
  formats: OutputFormat[];
  force?: boolean;
  /** The environment the browser is found from (PUPPETEER_EXECUTABLE_PATH, CHROME_PATH): the CLI's io.env. */
  env?: NodeJS.ProcessEnv;
  onStart?: (source: string) => void;
  onFinish?: (outcome: PlanOutcome) => void;
  /** Diagnostics of the shared data (data/), before any plan: a broken file is reported at its own lines. */
  onProjectDiagnostics?: (diagnostics: Diagnostic[]) => void;
  /** Outputs removed because no source produces them any more (`source` is gone or lost those parts). */
  onRemoved?: (source: string, paths: string[]) => void;
  /** How many plans are in flight at once (PDF printing overlaps DOCX work). */
  concurrency?: number;
  /** Order of the stages that overlap ('browser-start', then 'compile <source>'): for tests. */
  trace?: (event: string) => void;
}

/** Throws EnvironmentError when out/ cannot be written or another build holds it. */
export async function buildBatch(options: BatchOptions): Promise<PlanOutcome[]> {
  const lock = OutLock.acquire(options.outDir);
  try {
    return await buildLocked(options);
  } finally {
    lock.release();
  }
}

async function buildLocked(options: BatchOptions): Promise<PlanOutcome[]> {
  let compilerLoad: Promise<Compiler> | undefined;
  const loadCompiler = () => (compilerLoad ??= import('../pipeline/compiler.ts').then((m) => new m.Compiler(options.root)));
  let pdfStarted: Promise<PdfRenderer> | undefined;
  const pdf = options.formats.includes('pdf')
    ? () => (pdfStarted ??= import('./pdf-renderer.ts').then((m) => new m.PdfRenderer(options.root, undefined, options.env)))
    : undefined;
  let docxStarted: DocxRendering | undefined;
  const docx = options.formats.includes('docx') ? () => (docxStarted ??= docxRendering()) : undefined;
  const record = new BuildRecord(options.outDir, new InputHasher(options.root, undefined, options.env), options.formats);
  const outRel = path.relative(options.root, options.outDir).split(path.sep).join('/');
  const toRoot = (p: string) => path.posix.join(outRel, p);
  const removed = (source: string, outputs: readonly RecordedOutput[]) => {
    const gone = removeOutputs(options.outDir, outputs).map(toRoot);
    if (gone.length > 0) options.onRemoved?.(source, gone);
    return gone;
  };
  // The shared data is loaded (and its diagnostics reported, at its own lines) when the first plan
  // needs compiling: a no-op build never pays for it. With errors in it, nothing is recorded as
  // built, so every later build loads it again and says so again until it is fixed.
  let dataBroken: boolean | undefined;
  const loadData = (compiler: Compiler) => {
    if (dataBroken !== undefined) return;
    const diagnostics = compiler.project().diagnostics;
    dataBroken = hasErrors(diagnostics);
    if (diagnostics.length > 0) options.onProjectDiagnostics?.(diagnostics);
  };
  // Which plan writes which file in this batch: a second plan aiming at a path already claimed is
  // refused before it writes (the check rule output-name-collision catches the usual cases first).
  const claims = new Map<string, string>();
  const outcomes: PlanOutcome[] = new Array(options.files.length);
  let next = 0;
  const worker = async () => {
    while (next < options.files.length) {
      const index = next++;
      const source = options.files[index];
      options.onStart?.(source);
      let outcome: PlanOutcome;
      if (!options.force && record.isFresh(source, options.formats)) {
        const outputs = record.outputsOf(source).map((o) => ({ ...o, path: toRoot(o.path) }));
        for (const o of outputs) claims.set(o.path.toLowerCase(), source);
        outcome = { source, ok: true, skipped: true, outputs, diagnostics: [], errors: [] };
      } else {
        const compiler = await loadCompiler();
        loadData(compiler);
        options.trace?.(`compile ${source}`);
        const before = record.outputsOf(source);
        const built = await buildOne(compiler, source, options, claims, { pdf, docx });
        outcome = built.outcome;
        const written = new Set(built.written.map((o) => o.path));
        // What this plan wrote before and did not write now: parts it no longer has, or, when this
        // build failed, the previous files that would otherwise look current. Formats not asked for
        // this time are left alone (`--format docx` keeps the PDFs).
        const stale = before.filter((o) => !written.has(o.path) && (!outcome.ok || options.formats.includes(o.format)));
        if (!outcome.ok) {
          for (const o of built.failed) if (!before.some((b) => b.path === o.path)) stale.push(o);
        }
        const gone = removed(source, stale);
        if (gone.length > 0) outcome.removed = gone;
        if (outcome.ok && built.resolved && !dataBroken) record.update(source, built.resolved, options.formats, built.written);
        else record.forget(source);
      }
      outcomes[index] = outcome;
      options.onFinish?.(outcome);
    }
  };
  try {
    // A cold build: Chromium takes about a second to boot in its own process. Start it before the
    // first (synchronous) compile, not when the first part is printed, so the two overlap.
    const stale = options.files.some((f) => options.force || !record.isFresh(f, options.formats));
    if (pdf && stale) {
      await (await pdf()).warmUp();
      options.trace?.('browser-start');
    }
    // The DOCX writer's thread loads its modules meanwhile too (docx-thread.ts).
    if (stale) docx?.();
    if (stale) await loadCompiler();
    const lanes = Math.max(1, options.concurrency ?? (pdf ? 3 : 1));
    await Promise.all(Array.from({ length: lanes }, worker));
    // Plans deleted or renamed since they were built: their files go, and the record forgets them.
    for (const [source, outputs] of record.known()) {
      if (!sourceGone(options.root, source)) continue;
      removed(source, outputs);
      record.forget(source);
    }
  } finally {
    if (pdfStarted) await (await pdfStarted).close();
    await docxStarted?.close();
    record.save();
  }
  return outcomes;
}

interface Built {
  outcome: PlanOutcome;
  resolved?: import('../load/types.ts').ResolvedSource;
  /** Outputs written, relative to the output root, for the build record. */
  written: RecordedOutput[];
  /** Outputs planned but not written (their writer failed). */
  failed: RecordedOutput[];
}

const recorded = (o: PlannedOutput): RecordedOutput => ({ part: o.part, format: o.format, path: o.path });

async function buildOne(
  compiler: Compiler,
  source: string,
  options: BatchOptions,
  claims: Map<string, string>,
  writers: Writers,
): Promise<Built> {
  const compiled = compiler.compile(source);
  const outcome: PlanOutcome = { source, ok: compiled.ok, outputs: [], diagnostics: compiled.diagnostics, errors: [] };
  const built: Built = { outcome, written: [], failed: [] };
  if (!compiled.ok || !compiled.doc) return built;
  const doc = compiled.doc;
  const outRel = path.relative(options.root, options.outDir).split(path.sep).join('/');
  const planned = plannedOutputs(doc, options.formats);
  const taken = planned.map((o) => claims.get(path.posix.join(outRel, o.path).toLowerCase())).find((s) => s !== undefined && s !== source);
  if (taken) {
    outcome.ok = false;
    outcome.diagnostics = [...outcome.diagnostics, {
      file: source, line: 1, col: 1, severity: 'error', rule: 'output-name-collision',
      message: `kế hoạch này và '${taken}' cùng dựng vào out/${doc.outputDir}/; hãy đổi tên một trong hai tệp`,
    }];
    return built;
  }
  for (const o of planned) claims.set(path.posix.join(outRel, o.path).toLowerCase(), source);
  // PDF parts are started first: Chromium prints them while this thread renders the DOCX files, so
  // the print pool is not left idle while a lane does CPU work. Results are kept in planned order.
  const results = await Promise.all(
    [...planned.filter((o) => o.format === 'pdf'), ...planned.filter((o) => o.format !== 'pdf')].map(async (output) => {
      let bytes: Uint8Array;
      try {
        bytes = await render(doc, output, writers);
      } catch (err) {
        // Writer failures come from the browser or the zip library in English: say which file failed.
        return { output, error: `không xuất được ${output.format.toUpperCase()} (${output.part}): ${(err as Error)?.message ?? String(err)}` };
      }
      try {
        writeFileAtomic(path.join(options.outDir, output.path), bytes);
      } catch (err) {
        return { output, error: describeFsError(path.posix.join(outRel, output.path), err) };
      }
      return { output };
    }),
  );
  for (const output of planned) {
    const r = results.find((x) => x.output === output)!;
    if (r.error === undefined) {
      built.written.push(recorded(output));
      outcome.outputs.push({ part: output.part, format: output.format, path: path.posix.join(outRel, output.path) });
    } else {
      outcome.ok = false;
      built.failed.push(recorded(output));
      if (!outcome.errors.includes(r.error)) outcome.errors.push(r.error);
    }
  }
  writers.docx?.().forget(doc);
  built.resolved = compiled.resolved;
  return built;
}

/** The writers of a batch, each started on first use. */
interface Writers {
  pdf?: () => Promise<PdfRenderer>;
  docx?: () => DocxRendering;
}

async function render(doc: PlanDocument, output: PlannedOutput, writers: Writers): Promise<Uint8Array> {
  if (output.format === 'docx') {
    if (!writers.docx) throw new Error('DOCX renderer not started');
    return writers.docx().render(doc, output.target);
  }
  if (!writers.pdf) throw new Error('PDF renderer not started');
  return (await writers.pdf()).render(doc, output.target);
}
