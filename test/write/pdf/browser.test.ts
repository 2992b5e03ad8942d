import { describe, expect, it } from 'vitest';
import { NO_BROWSER_MESSAGE, NoBrowserError, browserCandidates, findBrowser } from '../../../src/write/pdf/browser.ts';
import { PdfPrinter } from '../../../src/write/pdf/printer.ts';

describe('findBrowser', () => {
  it('prefers PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH', () => {
    expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: process.execPath }, 'darwin')).toBe(process.execPath);
    expect(findBrowser({ CHROME_PATH: process.execPath }, 'darwin')).toBe(process.execPath);
  });

  it('returns undefined when nothing exists', () => {
    expect(findBrowser({}, 'darwin')).toBeUndefined();
  });

  // Issue #14, case 13: a browser the user named is never silently replaced by the system one.
  it('case 13: a PUPPETEER_EXECUTABLE_PATH or CHROME_PATH that does not exist is an error naming it', () => {
    expect(() => findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/khong/co/chrome' }, 'linux')).toThrow(NoBrowserError);
    expect(() => findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/khong/co/chrome' }, 'linux')).toThrow(/PUPPETEER_EXECUTABLE_PATH.*'\/khong\/co\/chrome'/);
    expect(() => findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/khong/co', CHROME_PATH: process.execPath }, 'darwin')).toThrow(/PUPPETEER_EXECUTABLE_PATH/);
    expect(() => findBrowser({ CHROME_PATH: '/khong/co' }, 'linux')).toThrow(/CHROME_PATH/);
  });

  it('knows the usual locations on each platform', () => {
    expect(browserCandidates({}, 'linux')).toEqual(
      expect.arrayContaining(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge']),
    );
    expect(browserCandidates({}, 'darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    const win = browserCandidates({ PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32');
    expect(win).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(win).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(win).toContain('C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(browserCandidates({ CHROME_PATH: '/x/chrome' }, 'linux')[0]).toBe('/x/chrome');
  });

  it('explains in Vietnamese how to install a browser', () => {
    expect(NO_BROWSER_MESSAGE).toContain('Không tìm thấy trình duyệt');
    expect(NO_BROWSER_MESSAGE).toContain('apt-get install chromium');
    expect(NO_BROWSER_MESSAGE).toContain('PUPPETEER_EXECUTABLE_PATH');
  });

  it('PdfPrinter refuses to start without a browser, with the Vietnamese message', () => {
    expect(() => new PdfPrinter({ executablePath: '' })).toThrow(NoBrowserError);
    expect(() => new PdfPrinter({ executablePath: '' })).toThrow(/Không tìm thấy trình duyệt/);
  });
});
