// Where the running kehoach is installed, and whether it runs compiled. Found by walking up from
// this module to the folder holding the package.json, not by a fixed number of '..': the same
// module runs from src/ (tsx, vitest), from tsc's dist/ tree and from the bundle in dist/bundle/,
// each at its own depth.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function packageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, '..'); // not installed as a package
  }
}

/** Root of the kehoach installation (package.json, templates/, schemas/, node_modules/). */
export const toolRoot: string = packageRoot(here);

/** The compiled tool's folder (dist/) when this code runs from it; null when run from src/. */
export const compiledDir: string | null = (() => {
  const dist = path.join(toolRoot, 'dist');
  const rel = path.relative(dist, here);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)) ? dist : null;
})();

let sourceHash: string | null | undefined;

/**
 * The hash scripts/compile.mjs recorded of what the running compiled tool was made from
 * (dist/.source-hash): its identity for the parse cache and the build record. Null when run from
 * src/, or when the file cannot be read.
 */
export function compiledSourceHash(): string | null {
  if (sourceHash === undefined) {
    try {
      sourceHash = compiledDir ? readFileSync(path.join(compiledDir, '.source-hash'), 'utf8').trim() || null : null;
    } catch {
      sourceHash = null;
    }
  }
  return sourceHash;
}
