// Output files are written to a temporary sibling and renamed into place, so a crash, a bad input
// or Ctrl-C never leaves a half-written file in out/. Temp files still pending are removed on exit.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
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

/**
 * The same, with the rename off the event loop: a batch writes five files a plan while it feeds the
 * browser, and on ext4 a rename over an existing file waits for the new file's data to reach the
 * disk (auto_da_alloc), about 3 ms a file, which held up the prints queued behind it. The temp file
 * is written synchronously: at Ctrl-C it is complete or it is still pending (and removed), and a
 * rename in flight either lands a complete file or finds the temp file gone.
 */
export async function writeFileAtomicAsync(file: string, data: Uint8Array | string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${sequence++}.tmp`;
  pending.add(tmp);
  try {
    writeFileSync(tmp, data);
    await rename(tmp, file);
  } finally {
    pending.delete(tmp);
    rmSync(tmp, { force: true });
  }
}
