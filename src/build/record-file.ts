// The build record on disk: out/.kehoach/build-record.json (compacted at the end of a batch) plus
// out/.kehoach/build-record.log, one JSON line appended as each plan finishes, so a build killed
// with -9 keeps what it finished. Nothing in either file is trusted: every entry is checked against
// a schema and every output path must stay inside out/. Anything else only means a rebuild.
import Ajv from 'ajv';
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { readBounded } from '../load/read-source.ts';

/** A record of 1000 plans is about 2 MB; anything far larger is not ours. */
const MAX_RECORD_BYTES = 256 * 1024 * 1024;

/** Version 1 records had no schema, no journal and no browser, font or lock-file inputs. */
export const RECORD_VERSION = 2;

export interface RecordedOutput {
  part: 'package' | 'decision' | 'appendix';
  format: 'docx' | 'pdf';
  /** Relative to the output root, POSIX separators. */
  path: string;
}

export interface Entry {
  formats: ('docx' | 'pdf')[];
  inputs: Record<string, string>; // project-relative path (or tool:, font:, browser:) → hash
  outputs: RecordedOutput[];
}

const ENTRY_SCHEMA = {
  type: 'object',
  required: ['formats', 'inputs', 'outputs'],
  additionalProperties: false,
  properties: {
    formats: { type: 'array', minItems: 1, items: { enum: ['docx', 'pdf'] } },
    inputs: { type: 'object', minProperties: 1, additionalProperties: { type: 'string', minLength: 1 } },
    outputs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['part', 'format', 'path'],
        additionalProperties: false,
        properties: {
          part: { enum: ['package', 'decision', 'appendix'] },
          format: { enum: ['docx', 'pdf'] },
          path: { type: 'string', minLength: 1 },
        },
      },
    },
  },
} as const;

let validator: ((v: unknown) => boolean) | undefined;
function validEntryShape(v: unknown): v is Entry {
  // ajv is CommonJS: under Node's ESM loader its class is the default export's `default`.
  const Ctor = ((Ajv as unknown as { default?: typeof Ajv.default }).default ?? Ajv) as typeof Ajv.default;
  validator ??= new Ctor({ strict: true }).compile(ENTRY_SCHEMA);
  return validator(v);
}

/**
 * `rel` as a path inside `outDir`, or undefined: absolute paths, `..`, backslashes and the record's
 * own folder are refused, so a damaged record can neither vouch for nor delete anything else.
 */
export function outputInside(outDir: string, rel: string): string | undefined {
  if (rel.includes('\\') || rel.includes('\0') || path.posix.isAbsolute(rel) || path.win32.isAbsolute(rel)) return undefined;
  const norm = path.posix.normalize(rel);
  if (norm !== rel || norm.startsWith('../') || norm === '..' || norm === '.' || norm.startsWith('.kehoach/')) return undefined;
  const abs = path.resolve(outDir, norm);
  const back = path.relative(outDir, abs);
  return back && !back.startsWith('..') && !path.isAbsolute(back) ? abs : undefined;
}

/** An entry that passes the schema and whose outputs all lie inside `outDir`. */
export function validEntry(outDir: string, v: unknown): v is Entry {
  return validEntryShape(v) && v.outputs.every((o) => outputInside(outDir, o.path) !== undefined);
}

export class RecordFile {
  readonly file: string;
  readonly journal: string;

  constructor(private readonly outDir: string) {
    this.file = path.join(outDir, '.kehoach', 'build-record.json');
    this.journal = path.join(outDir, '.kehoach', 'build-record.log');
  }

  /** The valid entries of the record and of the journal (later lines win); damage drops only itself. */
  load(): Map<string, Entry> {
    const entries = new Map<string, Entry>();
    const parsed = readJson(this.file);
    if (isObject(parsed) && parsed.version === RECORD_VERSION && isObject(parsed.entries)) {
      for (const [source, entry] of Object.entries(parsed.entries)) if (validEntry(this.outDir, entry)) entries.set(source, entry);
    }
    // No journal: the last batch finished (or none ran).
    const lines = (readRegular(this.journal) ?? '').split('\n');
    for (const line of lines) {
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch {
        continue; // a torn last line after kill -9
      }
      if (!isObject(v) || v.version !== RECORD_VERSION || typeof v.source !== 'string') continue;
      if (v.entry === null) entries.delete(v.source);
      else if (validEntry(this.outDir, v.entry)) entries.set(v.source, v.entry);
    }
    return entries;
  }

  /** Appends one finished plan (or its removal, `null`) to the journal. */
  append(source: string, entry: Entry | null): void {
    // One write of one line with O_APPEND: a crash leaves at worst a torn last line, which load() skips.
    mkdirSync(path.dirname(this.journal), { recursive: true });
    appendFileSync(this.journal, JSON.stringify({ version: RECORD_VERSION, source, entry }) + '\n');
  }

  /** Writes the whole record atomically, then drops the journal it now contains. */
  save(entries: Map<string, Entry>): void {
    const sorted: Record<string, Entry> = {};
    for (const k of [...entries.keys()].sort()) sorted[k] = entries.get(k)!;
    writeFileAtomic(this.file, JSON.stringify({ version: RECORD_VERSION, entries: sorted }, null, 1) + '\n');
    rmSync(this.journal, { force: true });
  }
}

/** Text of a regular file, or undefined (absent, unreadable, a FIFO or device, too large). */
function readRegular(file: string): string | undefined {
  try {
    const bytes = readBounded(file, MAX_RECORD_BYTES);
    return Buffer.isBuffer(bytes) && bytes.length <= MAX_RECORD_BYTES ? bytes.toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readRegular(file) ?? '');
  } catch {
    return undefined; // absent or damaged: everything is rebuilt
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
