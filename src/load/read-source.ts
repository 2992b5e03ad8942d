// Reading one source file of the project: confined to the project root, decoded strictly as UTF-8,
// every failure turned into a diagnostic (a clerk must never see a stack trace).
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from './diagnostic.ts';
import type { LoadResult } from './types.ts';

/** Files above this size are refused before reading: a plan is tens of kilobytes. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export interface SourceText {
  /** Project-relative path with forward slashes. */
  file: string;
  /** Absolute real path (symlinks resolved). */
  abs: string;
  /** Decoded text without a byte-order mark. */
  text: string;
  /** SHA-1 of the bytes as read: the build record stores this, never a later re-read. */
  hash: string;
}

/** Project-relative form of an absolute path, with '/' separators (diagnostics use it). */
export function relativeToRoot(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/** True when `abs` is `dir` itself or lies beneath it (both already normalised). */
export function isInside(dir: string, abs: string): boolean {
  const rel = path.relative(dir, abs);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return path.resolve(root);
  }
}

function at(file: string, rule: string, message: string, line = 1, col = 1): Diagnostic {
  return { file, line, col, severity: 'error', message, rule };
}

/**
 * Reads `file` (project-relative, or absolute inside the project) under `root`.
 * Refuses anything whose real path leaves the project root.
 */
export function readSource(root: string, file: string): LoadResult<SourceText> {
  const rootAbs = realRoot(root);
  const lexical = path.resolve(rootAbs, file);
  const rel = isInside(rootAbs, lexical) ? relativeToRoot(rootAbs, lexical) : file.split(path.sep).join('/');
  if (!isInside(rootAbs, lexical)) {
    return { diagnostics: [at(rel, 'file-outside-project', `tệp '${file}' nằm ngoài thư mục dự án; chỉ đọc được tệp trong dự án`)] };
  }
  let abs: string;
  try {
    abs = realpathSync(lexical);
  } catch (e) {
    return { diagnostics: [fsError(rel, e)] };
  }
  if (!isInside(rootAbs, abs)) {
    return {
      diagnostics: [at(rel, 'file-outside-project', `tệp '${rel}' là liên kết (symlink) trỏ ra ngoài thư mục dự án; không đọc`)],
    };
  }
  let bytes: Buffer;
  try {
    const st = statSync(abs);
    if (st.isDirectory()) {
      return { diagnostics: [at(rel, 'file-is-directory', `'${rel}' là một thư mục, không phải tệp YAML`)] };
    }
    if (!st.isFile()) return { diagnostics: [notRegular(rel, st)] };
    if (st.size > MAX_SOURCE_BYTES) {
      return { diagnostics: [tooLarge(rel, st.size)] };
    }
    const read = readBounded(abs);
    if (!Buffer.isBuffer(read)) return { diagnostics: [notRegular(rel, read)] };
    bytes = read;
  } catch (e) {
    return { diagnostics: [fsError(rel, e)] };
  }
  if (bytes.length > MAX_SOURCE_BYTES) return { diagnostics: [tooLarge(rel, bytes.length)] };
  const decoded = decodeUtf8(bytes);
  if (typeof decoded !== 'string') {
    return {
      diagnostics: [
        at(
          rel,
          'file-not-utf8',
          `tệp không phải mã UTF-8 (byte 0x${decoded.byte.toString(16).padStart(2, '0').toUpperCase()} không hợp lệ); hãy lưu lại tệp với bảng mã UTF-8`,
          decoded.line,
          decoded.col,
        ),
      ],
    };
  }
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  if (text.trim() === '') {
    return { diagnostics: [at(rel, 'file-empty', `tệp '${rel}' rỗng`)] };
  }
  return { value: { file: rel, abs, text, hash: hashBytes(bytes) }, diagnostics: [] };
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * Reads a regular file, bounded in size. Opened with O_NONBLOCK so that a FIFO swapped in after the
 * stat cannot block open() (a FIFO without a writer blocks there forever, deaf to SIGTERM); the
 * descriptor is checked again with fstat, and anything but a regular file is returned unread.
 * The size is checked again while reading: a file may grow between stat and read.
 */
export function readBounded(abs: string, limit = MAX_SOURCE_BYTES): Buffer | Stats {
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return st;
    const size = Math.min(st.size, limit + 1);
    const buf = Buffer.alloc(size + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0 || total + n >= buf.length) {
        total += n;
        break;
      }
      total += n;
    }
    return buf.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

function notRegular(rel: string, st: Stats): Diagnostic {
  const kind = st.isFIFO()
    ? 'một đường ống (FIFO)'
    : st.isCharacterDevice() || st.isBlockDevice()
      ? 'một tệp thiết bị'
      : st.isSocket()
        ? 'một socket'
        : 'không phải tệp thường';
  return at(rel, 'file-not-regular', `'${rel}' là ${kind}, không phải tệp YAML thường; chỉ đọc được tệp thường — hãy thay bằng tệp .yaml thật`);
}

function tooLarge(rel: string, size: number): Diagnostic {
  const mb = (size / (1024 * 1024)).toFixed(1);
  return at(rel, 'file-too-large', `tệp quá lớn (${mb} MB); giới hạn là ${MAX_SOURCE_BYTES / (1024 * 1024)} MB`);
}

function fsError(rel: string, e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return at(rel, 'file-missing', `không tìm thấy tệp '${rel}'`);
  if (code === 'EISDIR') return at(rel, 'file-is-directory', `'${rel}' là một thư mục, không phải tệp YAML`);
  if (code === 'EACCES' || code === 'EPERM') return at(rel, 'file-unreadable', `không có quyền đọc tệp '${rel}'`);
  if (code === 'ELOOP') return at(rel, 'file-unreadable', `'${rel}' là vòng liên kết (symlink) không đọc được`);
  return at(rel, 'file-unreadable', `không đọc được tệp '${rel}' (${code ?? 'lỗi không rõ'})`);
}

/** Decodes strictly; on failure locates the first invalid byte as a 1-based line:col. */
export function decodeUtf8(bytes: Uint8Array): string | { line: number; col: number; byte: number } {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    // Columns count characters, like the YAML positions do: decode the valid prefix of the line.
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad));
    return { line, col: [...prefix.replace(/^\uFEFF/, '')].length + 1, byte: bytes[bad] ?? 0 };
  }
}

function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let need = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}
