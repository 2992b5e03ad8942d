// Outputs that no source produces any more: an appendix removed from a plan, a plan deleted or
// renamed, a plan whose build just failed (its old PDF would look current). Only files the build
// record says a build wrote are removed, and only inside out/ (record-file.ts vets every path).
import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { outputInside, type RecordedOutput } from './record-file.ts';

/** Removes `outputs` (paths relative to `outDir`) that exist as files; returns the ones removed, and drops folders left empty. */
export function removeOutputs(outDir: string, outputs: readonly RecordedOutput[]): string[] {
  const removed: string[] = [];
  for (const o of outputs) {
    const abs = outputInside(outDir, o.path);
    if (!abs) continue;
    try {
      if (!statSync(abs).isFile()) continue;
      rmSync(abs);
      removed.push(o.path);
    } catch {
      continue; // already gone
    }
    removeEmptyParents(outDir, path.dirname(abs));
  }
  return removed;
}

function removeEmptyParents(outDir: string, dir: string): void {
  const root = path.resolve(outDir);
  for (let d = path.resolve(dir); d !== root && d.startsWith(root + path.sep); d = path.dirname(d)) {
    try {
      if (readdirSync(d).length > 0) return;
      rmdirSync(d);
    } catch {
      return;
    }
  }
}

/** A source the record knows that no longer exists as a regular file. */
export function sourceGone(root: string, source: string): boolean {
  try {
    return !statSync(path.join(root, source)).isFile();
  } catch {
    return true;
  }
}
