// Listing what a build left on disk, for tests that assert on out/.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Every regular file under `dir`, relative to it with '/' separators, sorted. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
