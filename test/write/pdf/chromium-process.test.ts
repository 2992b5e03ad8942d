// The browser is spawned without puppeteer (src/write/pdf/chromium-process.ts) with the command line
// puppeteer's own launch would use, and puppeteer attaches to its DevTools pipe afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, launchFlags, spawnChromium } from '../../../src/write/pdf/chromium-process.ts';
import { findBrowser } from '../../../src/write/pdf/browser.ts';

describe('the Chromium command line', () => {
  it('is what puppeteer.launch({ headless: true, pipe: true, args, userDataDir }) would run', () => {
    const dir = '/tmp/kehoach-chromium-test';
    // computeLaunchArguments: defaultArgs, then --remote-debugging-pipe for pipe: true.
    expect(chromiumArgs(dir)).toEqual([...puppeteer.defaultArgs({ headless: true, args: launchFlags(), userDataDir: dir }), '--remote-debugging-pipe']);
  });
});

const browser = findBrowser();
describe.skipIf(!browser)('a spawned Chromium', () => {
  it('is driven by puppeteer over its pipe and exits on close', async () => {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'kehoach-chromium-'));
    try {
      const chromium = spawnChromium(browser!, profile);
      const b = await puppeteer.connect({ transport: chromium.pipe });
      const page = await b.newPage();
      await page.setContent('<p>Xin chào</p>');
      expect(await page.$eval('p', (p) => p.textContent)).toBe('Xin chào');
      await b.close();
      await chromium.exited;
      expect(chromium.child.exitCode ?? chromium.child.signalCode).not.toBeNull();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('reports a browser that cannot start as exited, with why', async () => {
    const chromium = spawnChromium('/bin/false', '/nonexistent');
    await chromium.exited;
    expect(chromium.failure()).toBe('trình duyệt thoát với mã 1');
    const missing = spawnChromium('/khong/co/chromium', '/nonexistent');
    await missing.exited;
    expect(missing.failure()).toMatch(/ENOENT/);
  });
});
