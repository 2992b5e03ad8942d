// Where inside a source file an expression of a text field starts. The loader gives the
// position of the value; for a one-line scalar we add the offset of the expression (after an
// opening quote). Read only when a problem is reported, so the usual path never touches files.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Origin } from '../model/types.ts';

const lines = new Map<string, string[] | null>();

/** The file's identity now: an edited file (a preview's save, a test's rewrite) is read anew. */
function version(file: string): string {
  try {
    const st = statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function fileLines(root: string, file: string): string[] | null {
  const path = join(root, file);
  const key = `${path}\0${version(path)}`;
  let l = lines.get(key);
  if (l === undefined) {
    try {
      l = readFileSync(path, 'utf8').split(/\r?\n/);
    } catch {
      l = null;
    }
    if (lines.size > 200) lines.clear();
    lines.set(key, l);
  }
  return l;
}

export function positionInValue(root: string, origin: Origin, raw: string, offset: number): Origin {
  if (raw.includes('\n') || offset === 0) return origin;
  const text = fileLines(root, origin.file)?.[origin.line - 1];
  if (text === undefined) return { ...origin, col: origin.col + offset };
  const first = text[origin.col - 1];
  if (first === '"' || first === "'") return { ...origin, col: origin.col + 1 + offset };
  if (first === '|' || first === '>') {
    const next = fileLines(root, origin.file)?.[origin.line];
    if (next === undefined) return origin;
    const indent = next.length - next.trimStart().length;
    return { file: origin.file, line: origin.line + 1, col: indent + 1 + offset };
  }
  return { ...origin, col: origin.col + offset };
}
