// The lines of the source files that diagnostics point into, read once per check, and the exact
// place of a phrase in them: checks that read rendered text report the column of the words
// themselves, and the accepting comment of a warning is found on its line.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export class SourceFiles {
  private readonly cache = new Map<string, string[]>();
  constructor(private readonly root: string) {}
  lines(file: string): string[] {
    let l = this.cache.get(file);
    if (!l) {
      try {
        l = readFileSync(path.join(this.root, file), 'utf8').split('\n');
      } catch {
        l = [];
      }
      this.cache.set(file, l);
    }
    return l;
  }
}

/** Finds `needle` in the file from (line, col) on: the place to report. */
export function locate(lines: string[], line: number, col: number, needle: string): { line: number; col: number } | undefined {
  for (let l = line; l <= Math.min(lines.length, line + 40); l++) {
    const from = l === line ? col - 1 : 0;
    const i = (lines[l - 1] ?? '').indexOf(needle, from);
    if (i >= 0) return { line: l, col: i + 1 };
  }
  return undefined;
}
