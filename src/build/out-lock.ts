// One build at a time per output folder: out/.kehoach/lock holds the pid of the build that writes
// there. Two builds at once would interleave their records and their files. A lock whose process
// is gone (kill -9, a crash) is taken over. Liveness is asked of the kernel by pid rather than
// judged by the lock's age (as proper-lockfile does), because on a loaded machine a live build
// can be slow to refresh a timestamp, and a dead one must not block the next build at all.
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { EnvironmentError, outputDirError } from './environment-error.ts';
import { readBounded } from '../load/read-source.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class OutLock {
  private released = false;
  private readonly onExit = () => this.release();

  private constructor(readonly file: string) {
    process.on('exit', this.onExit);
  }

  /** Takes the lock of `outDir`, creating out/.kehoach; throws EnvironmentError when it cannot. */
  static acquire(outDir: string): OutLock {
    const dir = path.join(outDir, '.kehoach');
    const file = path.join(dir, 'lock');
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw outputDirError(outDir, e);
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      let fd: number;
      try {
        fd = openSync(file, 'wx');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw outputDirError(outDir, e);
        const holder = Number.parseInt(safeRead(file), 10);
        if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
          throw new EnvironmentError(
            `một lần dựng khác (tiến trình ${holder}) đang ghi vào '${outDir}'; chờ nó xong rồi chạy lại, ` +
              `hoặc dựng vào thư mục khác bằng --out THƯ_MỤC`,
          );
        }
        rmSync(file, { force: true }); // left by a build that died
        continue;
      }
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return new OutLock(file);
    }
    throw new EnvironmentError(`không lấy được khoá '${file}'; xoá tệp đó nếu không còn lần dựng nào đang chạy`);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    process.off('exit', this.onExit);
    if (safeRead(this.file).trim() === String(process.pid)) rmSync(this.file, { force: true });
  }
}

function safeRead(file: string): string {
  try {
    const bytes = readBounded(file, 64);
    return Buffer.isBuffer(bytes) ? bytes.toString('utf8').slice(0, 32) : '';
  } catch {
    return '';
  }
}
