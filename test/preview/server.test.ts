// The live preview in a real browser: the page reloads within a second of a save, shows the
// CLI's file:line:col diagnostics while keeping the last good rendering, recovers when the source
// is fixed, loads its fonts from the preview server (cached for good) and asks nothing of any host
// but the preview server.
// `kehoach preview` as a process stops cleanly (exit 0) on Ctrl-C (SIGINT).
// Skipped, with a message, when no Chromium/Chrome/Edge is installed.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPResponse, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.ts';
import { chooseFont } from '../../src/write/html/fonts.ts';
import { launchFlags, findBrowser } from '../../src/write/pdf/index.ts';
import { repoRoot } from '../helpers/cli.ts';

const browserPath = findBrowser();
if (!browserPath) {
  console.warn('Bỏ qua kiểm thử xem trước: không tìm thấy trình duyệt Chromium/Chrome/Edge (đặt PUPPETEER_EXECUTABLE_PATH).');
}


const PLAN = 'plans/khanh-hoa/cam-hiep/2025-cai-cach-tthc.yaml';
const ORIGINAL_TITLE = 'trich_yeu: Cải cách thủ tục hành chính trọng tâm năm {{nam}}';

/** A project with data/ and the one standalone plan the test edits. */
function onePlanProject(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kehoach-preview-'));
  cpSync(path.join(repoRoot, 'data'), path.join(root, 'data'), { recursive: true });
  mkdirSync(path.dirname(path.join(root, PLAN)), { recursive: true });
  cpSync(path.join(repoRoot, PLAN), path.join(root, PLAN));
  return root;
}

// How long to wait for the page to show a render: an event, not a speed bound (a loaded machine
// took more than 5 s); the speed is KEHOACH_PERF's business.
const EVENT_WAIT = 300_000;

/** Resolves with the page's text once it contains `needle`; the time it took is measured by the caller. */
async function waitForText(page: Page, needle: string, timeout: number): Promise<void> {
  await page.waitForFunction((s: string) => document.body !== null && document.body.innerText.includes(s), { timeout, polling: 25 }, needle);
}

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

describe.skipIf(!browserPath)('kehoach preview in a browser', () => {
  let root = '';
  let file = '';
  let original = '';
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  let renders = 0;

  beforeAll(async () => {
    root = onePlanProject();
    file = path.join(root, PLAN);
    original = readFileSync(file, 'utf8');
    expect(original).toContain(ORIGINAL_TITLE);
    server = await startPreview({ root, file: PLAN, onRender: () => renders++ });
    const args = launchFlags();
    browser = await puppeteer.launch({ executablePath: browserPath, headless: true, pipe: true, args });
    page = await browser.newPage();
    page.on('request', (req) => requests.push(req.url()));
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('serves the rendering on 127.0.0.1 with its fonts from the preview, kept in the browser cache', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const fontResponses: { url: string; cached: boolean; type?: string; cacheControl?: string }[] = [];
    const onResponse = (r: HTTPResponse) => {
      if (r.url().includes('/__fonts/')) fontResponses.push({ url: r.url(), cached: r.fromCache(), type: r.headers()['content-type'], cacheControl: r.headers()['cache-control'] });
    };
    page.on('response', onResponse);
    const first = await page.goto(server.url, { waitUntil: 'load' });
    // The page itself is the rendering: the faces (about 3 MB of TrueType) are files of their own.
    expect((await first!.buffer()).length).toBeLessThan(400_000);
    const text = await bodyText(page);
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('Cải cách thủ tục hành chính trọng tâm năm 2025');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const fonts = await page.evaluate(() =>
      [...document.fonts].map((f) => ({ family: f.family.replace(/["']/g, ''), status: f.status })),
    );
    const font = chooseFont();
    if (font.source === 'bundled') {
      // The Vietnamese subset of the regular face is in use on every page: it must have loaded.
      expect(fonts.filter((f) => f.family === 'Tinos' && f.status === 'loaded').length).toBeGreaterThan(0);
      expect(fonts.some((f) => f.status === 'error')).toBe(false);
      const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      expect(family).toMatch(/^['"]?Tinos/);
      const firstLoad = fontResponses.splice(0);
      expect(firstLoad.length).toBeGreaterThan(0);
      for (const r of firstLoad) {
        expect(r.type).toBe('font/ttf');
        expect(r.cacheControl).toMatch(/immutable/);
      }
      // A save reloads the page: the faces come from the cache, not from the server again.
      await page.reload({ waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(fontResponses.every((r) => r.cached)).toBe(true);
    } else {
      console.warn(`Phông chữ hệ thống (${font.family}): không kiểm tra phông nhúng của trang xem trước.`);
    }
    page.off('response', onResponse);
    // No CSP refusal (a font or our reload script blocked would show here).
    expect(consoleErrors).toEqual([]);
  });

  it('re-renders on a save and the page reloads to the new text (events, not a timer)', async () => {
    await page.goto(server.url, { waitUntil: 'load' });
    const before = renders;
    writeFileSync(file, original.replace(ORIGINAL_TITLE, 'trich_yeu: Cải cách thủ tục hành chính ĐỔI MỚI năm {{nam}}'));
    await waitForText(page, 'Cải cách thủ tục hành chính ĐỔI MỚI năm 2025', EVENT_WAIT);
    expect(renders).toBeGreaterThan(before);
    expect(await page.$('#kehoach-diagnostics')).toBeNull();
  });

  it('shows the diagnostic at file:line:col and keeps the last good rendering', async () => {
    const good = readFileSync(file, 'utf8');
    const lines = good.split('\n');
    // An unknown top-level key on the line after don_vi: (line numbers are 1-based).
    const at = lines.findIndex((l) => l.startsWith('don_vi:')) + 2;
    lines.splice(at - 1, 0, 'khoa_la: có');
    writeFileSync(file, lines.join('\n'));
    await page.waitForSelector('#kehoach-diagnostics', { timeout: EVENT_WAIT });
    const banner = await page.$eval('#kehoach-diagnostics', (el) => (el as HTMLElement).innerText);
    expect(banner).toContain(`${PLAN}:${at}:1: error:`);
    expect(banner).toContain('khoa_la');
    // The last good rendering stays below the banner.
    const text = await bodyText(page);
    expect(text).toContain('Cải cách thủ tục hành chính ĐỔI MỚI năm 2025');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // Fixed again: the banner goes, the page is there.
    writeFileSync(file, good);
    await page.waitForFunction(() => document.getElementById('kehoach-diagnostics') === null, { timeout: EVENT_WAIT, polling: 25 });
    expect(await bodyText(page)).toContain('Cải cách thủ tục hành chính ĐỔI MỚI năm 2025');
  });

  it('asks nothing of any host but the preview server', () => {
    expect(requests.length).toBeGreaterThan(3);
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});

describe('kehoach preview as a process', () => {
  it('prints its address, serves the page and exits 0 on Ctrl-C (SIGINT)', async () => {
    const root = onePlanProject();
    try {
      const child = spawn(process.execPath, [path.join(repoRoot, 'bin/kehoach.js'), 'preview', PLAN], {
        cwd: root,
        env: { ...process.env, FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address printed; stderr: ${stderr}`)), 30_000);
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          const m = /Xem trước: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.on('exit', () => reject(new Error(`exited early; stderr: ${stderr}`)));
      });
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stderr).toContain('Đã dừng xem trước.');
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
