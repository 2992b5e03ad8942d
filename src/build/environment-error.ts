// Problems of the machine rather than of the sources or of the tool: an out/ that cannot be
// written, a full disk, another build holding out/. They end a command with exit 1 and a
// Vietnamese sentence that says what to do, never with "internal fault" (exit 3).

export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvironmentError';
  }
}

/** Why a file system call on `target` failed, in the clerk's words (with the system's code for support). */
export function describeFsError(target: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why: Record<string, string> = {
    EROFS: 'ổ đĩa chỉ cho đọc (read-only)',
    EACCES: 'không có quyền ghi',
    EPERM: 'không có quyền ghi',
    ENOSPC: 'ổ đĩa đã đầy',
    EDQUOT: 'đã hết hạn mức dung lượng',
    ENOTDIR: 'một phần của đường dẫn là tệp chứ không phải thư mục',
    EEXIST: 'một phần của đường dẫn là tệp chứ không phải thư mục',
    ENOENT: 'thư mục chứa nó không tồn tại hoặc không tạo được',
    EISDIR: 'đã có một thư mục trùng tên',
    EMFILE: 'quá nhiều tệp đang mở',
  };
  return `không ghi được '${target}': ${why[code ?? ''] ?? 'lỗi hệ thống'}${code ? ` (${code})` : ''}`;
}

/** The output folder cannot be written at all: say so and how to choose another. */
export function outputDirError(outDir: string, err: unknown): EnvironmentError {
  return new EnvironmentError(
    `${describeFsError(outDir, err)}. Đây là lỗi của môi trường (thư mục đầu ra), không phải lỗi trong nguồn: ` +
      `cấp quyền ghi cho thư mục này hoặc chọn thư mục khác bằng --out THƯ_MỤC.`,
  );
}
