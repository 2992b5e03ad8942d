// Locating the project: the folder that holds plans/ (and data/, templates/, schemas/).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Walks up from `start` to the first folder that has a plans/ directory; falls back to `start`.
 * The CLI passes its io.cwd: no default, so nothing finds the project from the process's own cwd.
 */
export function findProjectRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    const plans = path.join(dir, 'plans');
    if (existsSync(plans) && statSync(plans).isDirectory()) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(start);
    dir = up;
  }
}

/** Project-relative POSIX path, the form used in diagnostics and --json output. */
export function relativeToRoot(root: string, file: string): string {
  return path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
}

/** True when `file` (absolute or root-relative) lies inside `dir` (absolute). */
export function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
