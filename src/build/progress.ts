// Progress of a batch: a live status line on a terminal, one plain line per plan otherwise
// (CI logs, pipes). --quiet prints failures only. All of it goes to stderr; stdout is for --json.
import { formatDiagnostic, type Diagnostic } from '../load/diagnostic.ts';

/** Where progress is written (the CLI's stderr): a terminal gets the live line. */
export interface ProgressStream {
  write(text: string): void;
  isTTY?: boolean;
  columns?: number;
}

export interface PlanOutcome {
  source: string;
  ok: boolean;
  skipped?: boolean; // unchanged since the last build (incremental)
  outputs: { part: string; format: string; path: string }[];
  diagnostics: Diagnostic[];
  /** Failures of a writer (no browser, render error) that are not source diagnostics. */
  errors: string[];
  /** Earlier outputs of this plan that were removed: parts it no longer has, or all of them when it failed. */
  removed?: string[];
}

/** Outputs removed because no source produces them any more, by the source that had made them. */
export interface Removal {
  source: string;
  paths: string[];
}

export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private readonly live: boolean;

  constructor(
    private readonly total: number,
    private readonly quiet: boolean,
    private readonly stream: ProgressStream,
  ) {
    this.live = !!stream.isTTY && !quiet;
  }

  /** The live line names what is under way: a plan being built, or (another `verb`) a stage of a command. */
  start(source: string, verb = 'đang dựng'): void {
    if (this.live) this.status(`${verb} ${source}`.trim());
  }

  finish(outcome: PlanOutcome): void {
    this.done++;
    const lines: string[] = [];
    if (!this.quiet || !outcome.ok) {
      for (const d of outcome.diagnostics) lines.push(formatDiagnostic(d));
      for (const e of outcome.errors) lines.push(`${outcome.source}: error: ${e}`);
    }
    if (!this.live && !this.quiet) {
      const state = outcome.skipped ? 'không đổi' : outcome.ok ? 'xong' : 'LỖI';
      lines.push(`[${this.done}/${this.total}] ${state} ${outcome.source}`);
    }
    if (this.live) this.stream.write('\r\x1b[2K');
    for (const line of lines) this.stream.write(line + '\n');
    if (this.live && this.done < this.total) this.status('');
  }

  private status(current: string): void {
    const elapsed = (Date.now() - this.started) / 1000;
    const eta = this.done > 0 ? (elapsed / this.done) * (this.total - this.done) : 0;
    const text = `[${this.done}/${this.total}] ${elapsed.toFixed(1)} s, còn khoảng ${eta.toFixed(0)} s ${current}`;
    this.stream.write('\r\x1b[2K' + text.slice(0, (this.stream.columns ?? 100) - 1));
  }

  /** Final summary: failures with their first diagnostic, and where the outputs are. */
  summary(outcomes: PlanOutcome[], outDir: string, removals: Removal[] = []): void {
    const failed = outcomes.filter((o) => !o.ok);
    const built = outcomes.filter((o) => o.ok && !o.skipped).length;
    const skipped = outcomes.filter((o) => o.skipped).length;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    // --quiet: a clean build says nothing at all.
    if (this.quiet && failed.length === 0) return;
    this.stream.write(
      `Đã dựng ${built} kế hoạch` + (skipped ? `, ${skipped} không đổi` : '') +
        (failed.length ? `, ${failed.length} lỗi` : '') + ` trong ${seconds} s → ${outDir}\n`,
    );
    for (const o of failed) {
      const first = o.diagnostics.find((d) => d.severity === 'error');
      this.stream.write(`  LỖI ${o.source}: ${first ? formatDiagnostic(first) : o.errors[0] ?? ''}\n`);
      if (o.removed?.length) this.stream.write(`    đã xoá bản dựng cũ của kế hoạch lỗi này (không còn đúng với nguồn): ${o.removed.join(', ')}\n`);
    }
    const failedSources = new Set(failed.map((o) => o.source));
    for (const r of removals) {
      if (failedSources.has(r.source)) continue;
      this.stream.write(`  đã xoá ${r.paths.length} tệp cũ không còn nguồn nào dựng ra (${r.source}): ${r.paths.join(', ')}\n`);
    }
  }
}
