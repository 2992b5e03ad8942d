// Output files are written to a temporary sibling and renamed into place, so a crash, a bad input
// or Ctrl-C never leaves a half-written file in out/. Temp files still pending are removed on exit.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const pending = new Set<string>();
let sequence = 0;

export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${sequence++}.tmp`;
  pending.add(tmp);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } finally {
    pending.delete(tmp);
    rmSync(tmp, { force: true });
  }
}

/** Removes temp files of writes still in flight (called on SIGINT/SIGTERM). */
export function removePendingTempFiles(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}
