// One compiler per process: loads the shared project data once, resolves each plan (parents are
// cached across plans of a batch) and builds its model. The only place the stages are chained.
import { loadProject, resolvePlan } from '../load/index.ts';
import type { LoadResult, ProjectData, ResolvedSource } from '../load/types.ts';
import { hasErrors, type Diagnostic } from '../load/diagnostic.ts';
import { buildAndCheck, type CheckOptions } from '../check/index.ts';
import { dropAccepted } from '../check/accepted.ts';
import type { PlanDocument } from '../model/types.ts';

export interface Compiled {
  file: string;
  resolved?: ResolvedSource;
  doc?: PlanDocument;
  /** Diagnostics of this plan (and of the parents it inherits from). */
  diagnostics: Diagnostic[];
  ok: boolean;
}

export class Compiler {
  readonly root: string;
  private projectResult?: LoadResult<ProjectData>;
  private readonly cache = new Map<string, LoadResult<ResolvedSource>>();

  private readonly checkOptions: CheckOptions;

  constructor(root: string, checkOptions: CheckOptions = {}) {
    this.root = root;
    this.checkOptions = checkOptions;
  }

  /** Shared data (units, levels, citations) with its own diagnostics, loaded once. */
  project(): LoadResult<ProjectData> {
    if (!this.projectResult) {
      const loaded = loadProject(this.root);
      this.projectResult = { ...loaded, diagnostics: dropAccepted(this.root, loaded.diagnostics) };
    }
    return this.projectResult;
  }

  resolve(file: string): LoadResult<ResolvedSource> {
    const project = this.project().value;
    if (!project) return { diagnostics: [] };
    return resolvePlan(this.root, file, project, this.cache);
  }

  compile(file: string): Compiled {
    const project = this.project().value;
    if (!project) return { file, diagnostics: [], ok: false };
    const resolved = resolvePlan(this.root, file, project, this.cache);
    // Accepted warnings go here for the loader's diagnostics; buildAndCheck drops its own.
    const diagnostics = dropAccepted(this.root, resolved.diagnostics);
    if (!resolved.value || hasErrors(diagnostics)) return { file, resolved: resolved.value, diagnostics, ok: false };
    const built = buildAndCheck(resolved.value, project, this.checkOptions);
    diagnostics.push(...built.diagnostics);
    const ok = !!built.doc && !hasErrors(diagnostics);
    return { file, resolved: resolved.value, doc: ok ? built.doc : undefined, diagnostics: dedupe(diagnostics), ok };
  }
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.line}:${d.col}:${d.rule}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
