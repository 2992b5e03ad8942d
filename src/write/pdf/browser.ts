// Locating an installed Chromium-family browser for puppeteer-core (it never downloads one).
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Candidate executables in the order they are tried (environment variables first). */
export function browserCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const list: string[] = [];
  for (const v of [env.PUPPETEER_EXECUTABLE_PATH, env.CHROME_PATH]) if (v) list.push(v);
  if (platform === 'darwin') {
    for (const app of ['Google Chrome', 'Chromium', 'Microsoft Edge']) {
      list.push(`/Applications/${app}.app/Contents/MacOS/${app}`);
    }
  } else if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    for (const root of roots) {
      list.push(path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
      list.push(path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    }
  } else {
    for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge']) {
      list.push(`/usr/bin/${name}`);
    }
    list.push('/snap/bin/chromium');
  }
  return list;
}

/**
 * First existing browser executable, or undefined. A browser the user named (PUPPETEER_EXECUTABLE_PATH,
 * CHROME_PATH) that is not there is an error, never silently replaced by another one.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  for (const name of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const) {
    const named = env[name];
    if (named && !existsSync(named)) {
      throw new NoBrowserError(
        `Trình duyệt mà biến môi trường ${name} chỉ tới không có: '${named}'. ` +
          `Sửa ${name} cho đúng tệp chạy của Chromium/Chrome/Edge, hoặc bỏ biến đó để dùng trình duyệt cài sẵn trên máy. ` +
          'Có thể xuất riêng DOCX bằng `--format docx`.',
      );
    }
  }
  return browserCandidates(env, platform).find((p) => existsSync(p));
}

/** Vietnamese explanation shown when no browser is found. */
export const NO_BROWSER_MESSAGE =
  'Không tìm thấy trình duyệt Chromium/Chrome/Edge để xuất PDF. ' +
  'Cài một trình duyệt (Debian/Ubuntu: `sudo apt-get install chromium`; Windows/macOS: cài Google Chrome hoặc Microsoft Edge) ' +
  'hoặc đặt biến môi trường PUPPETEER_EXECUTABLE_PATH trỏ tới tệp chạy của trình duyệt. ' +
  'Có thể xuất riêng DOCX bằng `--format docx`.';

/** Raised when PDF output is asked for and no browser exists: a user-facing condition, not a bug. */
export class NoBrowserError extends Error {
  constructor(message = NO_BROWSER_MESSAGE) {
    super(message);
    this.name = 'NoBrowserError';
  }
}
