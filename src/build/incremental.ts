// Incremental builds: the build record remembers, for each plan, the hash of every input that
// shapes its output (the plan, its parents and binding plans as they were read, the shared data,
// the tool with its locked dependencies, the PDF font and browser) and the files it produced. A plan
// whose inputs are unchanged and whose outputs are all present inside out/ is skipped.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { toolRoot } from '../write/html/paths.ts';
import { compiledSourceHash } from '../installation.ts';
import { chooseFont } from '../write/html/fonts.ts';
import { findBrowser } from '../write/pdf/browser.ts';
import { hashBytes, readBounded } from '../load/read-source.ts';
import type { ResolvedSource } from '../load/types.ts';
import { RecordFile, outputInside, type Entry, type RecordedOutput } from './record-file.ts';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

/** Hash of a regular file as it is now; anything else (absent, FIFO, device) is 'missing'. */
function hashNow(abs: string): string {
  try {
    const bytes = readBounded(abs);
    return Buffer.isBuffer(bytes) ? hashBytes(bytes) : 'missing';
  } catch {
    return 'missing';
  }
}

/**
 * The browser's identity without starting it: the real executable's path, size, mtime and inode.
 * A package upgrade replaces the file (new inode, the new build's mtime) even where the executable
 * is a wrapper script whose text does not change; `--version` would cost a process per batch.
 */
function browserIdentity(env?: NodeJS.ProcessEnv): string {
  try {
    const exe = findBrowser(env);
    if (!exe) return 'none';
    const real = realpathSync(exe);
    const st = statSync(real);
    return `${real}:${st.size}:${Math.trunc(st.mtimeMs)}:${st.ino}`;
  } catch {
    return 'none'; // a named browser that is missing: the PDF step reports it
  }
}

/** Hashes inputs; the shared data is hashed once, when the batch starts, before anything reads it. */
export class InputHasher {
  private readonly memo = new Map<string, string>();
  private toolHash?: string;
  private shared?: Record<string, string>;

  /** `tool` is the kehoach installation whose code is hashed (tests point it at a copy). */
  constructor(
    private readonly root: string,
    private readonly toolDir: string = toolRoot,
    /** Where the browser is found (default: the process's environment). */
    private readonly env?: NodeJS.ProcessEnv,
  ) {}

  file(rel: string): string {
    let h = this.memo.get(rel);
    if (h === undefined) this.memo.set(rel, (h = hashNow(path.join(this.root, rel))));
    return h;
  }

  /** The tool's code, templates, schemas, version and locked dependencies: any change rebuilds everything. */
  tool(): string {
    if (!this.toolHash) {
      const hash = createHash('sha1');
      // The compiled tool is identified by the hash its compile recorded (of src/, schemas/ and the
      // lock file): reading the ~200 sources again cost a cold build time before its browser started.
      const compiled = this.toolDir === toolRoot ? compiledSourceHash() : null;
      const dirs = compiled ? ['templates'] : ['src', 'templates', 'schemas'];
      if (compiled) hash.update(`dist:${compiled}`);
      for (const dir of dirs) {
        for (const f of listFiles(path.join(this.toolDir, dir))) hash.update(f.slice(this.toolDir.length)).update(readFileSync(f));
      }
      for (const f of ['package.json', 'package-lock.json']) hash.update(f).update(hashNow(path.join(this.toolDir, f)));
      this.toolHash = hash.digest('hex');
    }
    return this.toolHash;
  }

  sharedData(): Record<string, string> {
    if (!this.shared) {
      this.shared = {};
      for (const f of listFiles(path.join(this.root, 'data'))) {
        const rel = path.relative(this.root, f).split(path.sep).join('/');
        this.shared[rel] = this.file(rel);
      }
    }
    return this.shared;
  }

  /** What a PDF depends on besides the sources: the face it is set in and the browser that prints it. */
  pdfEnvironment(): Record<string, string> {
    const font = chooseFont();
    return { 'font:': `${font.source}:${font.family}`, 'browser:': browserIdentity(this.env) };
  }
}

/** Every plan file a resolved plan was made from (itself, its parents, the plans that bind it, the edition it replaces, the plans it cites), with the hash of what was read. */
export function planInputs(src: ResolvedSource): Map<string, string | undefined> {
  const files = new Map<string, string | undefined>();
  const visit = (s: ResolvedSource | undefined) => {
    if (!s || files.has(s.file)) return;
    files.set(s.file, s.hash);
    visit(s.parent);
    visit(s.binding);
    visit(s.replaces); // the edition it replaces: its number and date are printed
    for (const cited of s.cites?.values() ?? []) visit(cited); // plans cited through the registry
  };
  visit(src);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export class BuildRecord {
  private readonly entries: Map<string, Entry>;
  private readonly disk: RecordFile;
  private readonly base: Record<string, string>;

  constructor(
    private readonly outDir: string,
    private readonly hasher: InputHasher,
    formats: readonly string[],
  ) {
    this.disk = new RecordFile(outDir);
    this.entries = this.disk.load();
    // Taken now, before any plan is compiled: an input edited later makes the record older than
    // the output, which only means a rebuild next time, never a stale "không đổi".
    this.base = { 'tool:': hasher.tool(), ...hasher.sharedData(), ...(formats.includes('pdf') ? hasher.pdfEnvironment() : {}) };
  }

  /** True when the plan was built before from the same inputs and all its outputs are still in out/. */
  isFresh(source: string, formats: readonly string[]): boolean {
    const entry = this.entries.get(source);
    if (!entry) return false;
    if (!formats.every((f) => entry.formats.includes(f as Entry['formats'][number]) && entry.outputs.some((o) => o.format === f && o.part === 'package'))) return false;
    const now: Record<string, string> = { ...this.base };
    for (const k of Object.keys(entry.inputs)) if (k.startsWith('plans/')) now[k] = this.hasher.file(k);
    // A PDF-only input recorded by a docx+pdf build does not matter to a docx-only build.
    const relevant = (k: string) => k in now || !(k === 'font:' || k === 'browser:');
    const keys = new Set([...Object.keys(now), ...Object.keys(entry.inputs).filter(relevant)]);
    for (const k of keys) if (now[k] !== entry.inputs[k]) return false;
    return entry.outputs.every((o) => {
      const abs = outputInside(this.outDir, o.path);
      if (!abs) return false;
      try {
        const st = statSync(abs);
        return st.isFile() && st.size > 0;
      } catch {
        return false;
      }
    });
  }

  outputsOf(source: string): RecordedOutput[] {
    return this.entries.get(source)?.outputs ?? [];
  }

  /** Sources the record knows, with what they wrote. */
  known(): [string, RecordedOutput[]][] {
    return [...this.entries].map(([s, e]) => [s, e.outputs]);
  }

  /** Records a built plan at once (journal), with the hashes of the files as the build read them. */
  update(source: string, resolved: ResolvedSource, formats: readonly string[], outputs: RecordedOutput[]): void {
    const inputs: Record<string, string> = { ...this.base };
    for (const [file, hash] of planInputs(resolved)) inputs[file] = hash ?? 'missing';
    const entry: Entry = { formats: [...formats] as Entry['formats'], inputs, outputs };
    this.entries.set(source, entry);
    this.disk.append(source, entry);
  }

  forget(source: string): void {
    if (!this.entries.delete(source)) return;
    this.disk.append(source, null);
  }

  save(): void {
    this.disk.save(this.entries);
  }
}
