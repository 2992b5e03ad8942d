// Where a build renders its DOCX files. Run compiled, on a worker thread of its own: a cold build's
// longest step is Chromium's (boot, page set-up, print), and every message between puppeteer and
// the browser waits while this thread is busy, so the DOCX writer's half second on this thread
// (loading it, laying the plan out, zipping) delayed the PDF by as much. On the worker it runs
// beside the print, as issue 15 asks ("write DOCX while PDF prints"), and in a batch beside the
// next plan's compile. Run from the sources (tests, tsx) there is no bundled worker file, and the
// writer runs on this thread; the output is the same either way (the model is cloned, not shared).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { compiledDir } from '../installation.ts';
import type { PlanDocument } from '../model/types.ts';
import type { DocumentPart } from '../model/part-meta.ts';

export interface DocxRendering {
  render(doc: PlanDocument, part: DocumentPart): Promise<Uint8Array>;
  /** The plan's files are all written: its laid-out sections may go. */
  forget(doc: PlanDocument): void;
  close(): Promise<void>;
}

/** The messages of the worker protocol (src/build/docx-worker.ts). */
export type DocxRequest =
  | { call: number; docId: number; doc?: PlanDocument; part: DocumentPart }
  | { forget: number };
export type DocxReply = { call: number; bytes: Uint8Array } | { call: number; error: string };

/** The bundled worker, when this code runs compiled (scripts/compile.mjs writes it). */
export function docxWorkerFile(): string | undefined {
  if (!compiledDir) return undefined;
  const file = path.join(compiledDir, 'bundle', 'docx-worker.js');
  return existsSync(file) ? file : undefined;
}

export function docxRendering(): DocxRendering {
  const file = docxWorkerFile();
  return file ? new WorkerRendering(file) : new InThreadRendering();
}

class InThreadRendering implements DocxRendering {
  private renderer?: Promise<import('../write/docx/index.ts').DocxRenderer>;

  async render(doc: PlanDocument, part: DocumentPart): Promise<Uint8Array> {
    this.renderer ??= import('../write/docx/index.ts').then((m) => new m.DocxRenderer());
    return (await this.renderer).render(doc, part);
  }

  forget(): void {
    // The renderer's cache is keyed weakly by the model: nothing to release.
  }

  async close(): Promise<void> {}
}

/**
 * The worker, with the process's node options (--cpu-prof, --enable-source-maps …) but not
 * --input-type (of an inline script), which a worker started from a file refuses. Some options are
 * the process's alone (heap and GC sizes such as --max-semi-space-size): node then refuses them all
 * (ERR_WORKER_INVALID_EXEC_ARGV), and the worker starts without any rather than failing the build.
 */
function startWorker(file: string): Worker {
  try {
    return new Worker(file, { execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
    return new Worker(file, { execArgv: [] });
  }
}

class WorkerRendering implements DocxRendering {
  private readonly worker: Worker;
  private readonly ids = new WeakMap<PlanDocument, number>();
  private readonly pending = new Map<number, { resolve(b: Uint8Array): void; reject(e: Error): void }>();
  private lastDoc = 0;
  private lastCall = 0;
  private failure?: Error;

  constructor(file: string) {
    this.worker = startWorker(file);
    // Alive only while a file is being rendered: an idle worker never holds the process open.
    this.worker.unref();
    this.worker.on('message', (reply: DocxReply) => {
      const waiting = this.pending.get(reply.call);
      if (!waiting) return;
      this.settled(reply.call);
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.bytes);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`luồng dựng DOCX dừng (mã ${code})`)));
  }

  render(doc: PlanDocument, part: DocumentPart): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    let docId = this.ids.get(doc);
    const request: DocxRequest = { call: ++this.lastCall, docId: docId ?? ++this.lastDoc, part };
    if (docId === undefined) {
      this.ids.set(doc, request.docId);
      request.doc = doc; // sent (cloned) once; the plan's other parts name it by its id
    }
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(request.call, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  forget(doc: PlanDocument): void {
    const docId = this.ids.get(doc);
    if (docId === undefined || this.failure) return;
    this.ids.delete(doc);
    this.worker.postMessage({ forget: docId } satisfies DocxRequest);
  }

  async close(): Promise<void> {
    this.failure ??= new Error('luồng dựng DOCX đã đóng');
    await this.worker.terminate();
  }

  private settled(call: number): void {
    this.pending.delete(call);
    if (this.pending.size === 0) this.worker.unref();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const [call, waiting] of [...this.pending]) {
      this.settled(call);
      waiting.reject(err);
    }
  }
}
