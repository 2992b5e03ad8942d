// Turns the command line's FILES|DIRS into the list of plan sources to process.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../load/diagnostic.ts';
import { isInside, relativeToRoot } from '../project/root.ts';

export interface Discovery {
  /** Project-relative paths of plan sources, sorted. */
  files: string[];
  diagnostics: Diagnostic[];
}

const isPlanFile = (name: string) => /\.ya?ml$/i.test(name) && !name.startsWith('.');

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    // A directory named like a plan (a.yaml/) is kept as a source so the loader reports it
    // (file-is-directory) instead of it vanishing from the batch.
    if (entry.isDirectory() && !isPlanFile(entry.name)) walk(full, out);
    else if (isPlanFile(entry.name)) out.push(full);
  }
}

/**
 * Expands `args` (default: plans/) to plan files; a directory is searched recursively for *.yaml.
 * A relative argument is taken from `cwd`, the directory the command was run in.
 */
export function discoverPlans(root: string, args: readonly string[], cwd: string): Discovery {
  const targets = args.length > 0 ? args : ['plans'];
  const found: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const arg of targets) {
    const abs = path.resolve(cwd, arg);
    const rel = relativeToRoot(root, abs);
    if (!isInside(root, abs)) {
      diagnostics.push({ file: arg, line: 1, col: 1, severity: 'error', rule: 'path-outside-project',
        message: `'${arg}' nằm ngoài thư mục dự án (${root})` });
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      // A missing file is reported by the loader with its own rule, so keep it in the list.
      found.push(abs);
      continue;
    }
    if (isDir && !rel.startsWith('plans') && rel !== '') {
      // A directory outside plans/ is searched too, but only plans/ is the default.
    }
    if (isDir && !isPlanFile(path.basename(abs))) walk(abs, found);
    else found.push(abs);
  }
  const files = [...new Set(found.map((f) => relativeToRoot(root, f)))].sort();
  return { files, diagnostics };
}
