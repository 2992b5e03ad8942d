// Incremental builds: out/.kehoach/build-record.json remembers, for each plan, the content hash
// of every input (the plan, its parents and binding plans, the shared data, the templates, the
// tool itself) and the files it produced. A plan whose inputs are unchanged and whose outputs are
// all present is skipped. A missing or damaged record only means a full rebuild.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { toolRoot } from '../write/html/paths.ts';
import type { ResolvedSource } from '../load/types.ts';

const RECORD_VERSION = 1;

interface Entry {
  formats: string[];
  inputs: Record<string, string>; // project-relative path (or tool:…) → hash
  outputs: { part: string; format: string; path: string }[]; // paths relative to the output root
}

interface RecordFile {
  version: number;
  entries: Record<string, Entry>;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out.sort();
}

/** Hashes files once per process; shared inputs (data, templates, parents) are read once per batch. */
export class InputHasher {
  private readonly memo = new Map<string, string>();
  private toolHash?: string;

  constructor(private readonly root: string) {}

  file(rel: string): string {
    let h = this.memo.get(rel);
    if (h === undefined) {
      try {
        h = createHash('sha1').update(readFileSync(path.join(this.root, rel))).digest('hex');
      } catch {
        h = 'missing';
      }
      this.memo.set(rel, h);
    }
    return h;
  }

  /** The tool's own code, templates, schemas and version: any change rebuilds everything. */
  tool(): string {
    if (!this.toolHash) {
      const hash = createHash('sha1');
      for (const dir of ['src', 'templates', 'schemas']) {
        for (const f of listFiles(path.join(toolRoot, dir))) hash.update(f.slice(toolRoot.length)).update(readFileSync(f));
      }
      hash.update(readFileSync(path.join(toolRoot, 'package.json')));
      this.toolHash = hash.digest('hex');
    }
    return this.toolHash;
  }

  sharedData(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of listFiles(path.join(this.root, 'data'))) {
      const rel = path.relative(this.root, f).split(path.sep).join('/');
      out[rel] = this.file(rel);
    }
    return out;
  }
}

/** Every plan file a resolved plan was made from: itself, its parents, the plans that bind it. */
export function planInputs(src: ResolvedSource): string[] {
  const files = new Set<string>();
  const visit = (s: ResolvedSource | undefined) => {
    if (!s || files.has(s.file)) return;
    files.add(s.file);
    visit(s.parent);
    visit(s.binding);
  };
  visit(src);
  return [...files].sort();
}

export class BuildRecord {
  private entries: Record<string, Entry> = {};
  private readonly file: string;

  constructor(private readonly outDir: string, private readonly hasher: InputHasher) {
    this.file = path.join(outDir, '.kehoach', 'build-record.json');
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as RecordFile;
      if (parsed?.version === RECORD_VERSION && parsed.entries && typeof parsed.entries === 'object') this.entries = parsed.entries;
    } catch {
      // absent or damaged: everything is rebuilt
    }
  }

  private currentInputs(planFiles: string[]): Record<string, string> {
    const inputs: Record<string, string> = { 'tool:': this.hasher.tool(), ...this.hasher.sharedData() };
    for (const f of planFiles) inputs[f] = this.hasher.file(f);
    return inputs;
  }

  /** True when the plan was built before from the same inputs and all its outputs still exist. */
  isFresh(source: string, formats: readonly string[]): boolean {
    const entry = this.entries[source];
    if (!entry || !Array.isArray(entry.outputs) || !entry.inputs) return false;
    if (!formats.every((f) => entry.formats.includes(f))) return false;
    const planFiles = Object.keys(entry.inputs).filter((k) => k.startsWith('plans/'));
    const now = this.currentInputs(planFiles);
    const keys = new Set([...Object.keys(now), ...Object.keys(entry.inputs)]);
    for (const k of keys) if (now[k] !== entry.inputs[k]) return false;
    return entry.outputs.every((o) => existsSync(path.join(this.outDir, o.path)) && statSync(path.join(this.outDir, o.path)).size > 0);
  }

  outputsOf(source: string): Entry['outputs'] {
    return this.entries[source]?.outputs ?? [];
  }

  update(source: string, planFiles: string[], formats: readonly string[], outputs: Entry['outputs']): void {
    this.entries[source] = { formats: [...formats], inputs: this.currentInputs(planFiles), outputs };
  }

  forget(source: string): void {
    delete this.entries[source];
  }

  save(): void {
    const sorted: Record<string, Entry> = {};
    for (const k of Object.keys(this.entries).sort()) sorted[k] = this.entries[k];
    writeFileAtomic(this.file, JSON.stringify({ version: RECORD_VERSION, entries: sorted }, null, 1) + '\n');
  }
}
