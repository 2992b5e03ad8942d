// How the printing browser gets its face: fontconfig registration on Linux, a web font elsewhere,
// the installed Times New Roman by name. fc-match, when installed, reads the written configuration
// as Chromium's fontconfig does.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REGISTERED_TINOS, fontconfigRegistration, tinosDir, type FontChoice } from '../../../src/write/html/fonts.ts';
import { printFonts } from '../../../src/write/pdf/print-fonts.ts';

const dir = tinosDir();
const work = mkdtempSync(path.join(os.tmpdir(), 'kehoach-print-fonts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const bundled = (d: string): FontChoice => ({ family: 'Tinos', source: 'bundled', dir: d, css: '/* link */', description: '' });

describe('fontconfigRegistration', () => {
  it('adds the folder under a name of its own, caches first, includes the machine configuration', () => {
    const xml = fontconfigRegistration('/opt/a&b/tinos', '/tmp/cache<1>', { FONTCONFIG_FILE: '/etc/fonts/mine.conf' });
    expect(xml).toContain('<dir>/opt/a&amp;b/tinos</dir>');
    expect(xml.indexOf('<cachedir>/tmp/cache&lt;1&gt;</cachedir>')).toBeLessThan(xml.indexOf('<include'));
    expect(xml).toContain('<include ignore_missing="yes">/etc/fonts/mine.conf</include>');
    expect(xml).toContain(`<test name="file" compare="contains"><string>/opt/a&amp;b/tinos${path.sep}</string></test>`);
    expect(xml).toContain(`<edit name="family" mode="assign" binding="same"><string>${REGISTERED_TINOS}</string></edit>`);
    expect(fontconfigRegistration('/x', '/c', {})).toContain('<include ignore_missing="yes">/etc/fonts/fonts.conf</include>');
  });

  const hasFcMatch = spawnSync('sh', ['-c', 'command -v fc-match']).status === 0;
  it.skipIf(!dir || !hasFcMatch)("fontconfig finds every bundled face by the registered name, in the tool's folder", () => {
    const fonts = printFonts(path.join(work, 'fc'), { font: bundled(dir!), platform: 'linux' });
    expect(fonts.mode).toBe('fontconfig');
    for (const style of ['', ':bold', ':italic', ':bold:italic']) {
      const file = execFileSync('fc-match', ['-f', '%{file}', `${REGISTERED_TINOS}${style}`], { env: { ...process.env, ...fonts.env }, encoding: 'utf8' });
      expect(file.startsWith(dir!), `${style}: ${file}`).toBe(true);
    }
    // The cache went to the printer's folder, not to a cache of the machine.
    expect(existsSync(path.join(work, 'fc', 'fontconfig-cache'))).toBe(true);
  });
});

describe('printFonts', () => {
  it.skipIf(!dir)('Linux: a configuration in the work folder and pages that name the family only', () => {
    const fonts = printFonts(path.join(work, 'linux'), { font: bundled(dir!), platform: 'linux' });
    expect(fonts.env.FONTCONFIG_FILE).toBe(path.join(work, 'linux', 'fonts.conf'));
    expect(readFileSync(fonts.env.FONTCONFIG_FILE, 'utf8')).toContain(`<dir>${path.resolve(dir!)}</dir>`);
    expect(fonts.css).toContain(`html { font-family: '${REGISTERED_TINOS}', 'Tinos', 'Times New Roman', serif; }`);
    expect(fonts.css).not.toContain('@font-face');
  });

  it.skipIf(!dir)('elsewhere, or when told not to register: one stylesheet of inlined faces, imported', () => {
    for (const [name, opts] of [['win', { platform: 'win32' as const }], ['noreg', { platform: 'linux' as const, register: false }]] as const) {
      const fonts = printFonts(path.join(work, name), { font: bundled(dir!), ...opts });
      expect(fonts.mode).toBe('web-font');
      expect(fonts.env).toEqual({});
      const sheet = path.join(work, name, 'fonts.css');
      expect(fonts.css).toContain(`@import url("file://`);
      expect(readFileSync(sheet, 'utf8').match(/data:font\/ttf;base64,/g)).toHaveLength(4);
    }
  });

  it('Times New Roman installed: its own rules, nothing written', () => {
    const tnr: FontChoice = { family: 'Times New Roman', source: 'system', css: "html { font-family: 'Times New Roman', serif; }", description: '' };
    const fonts = printFonts(path.join(work, 'tnr'), { font: tnr, platform: 'linux' });
    expect(fonts).toEqual({ css: tnr.css, env: {}, mode: 'system' });
    expect(existsSync(path.join(work, 'tnr'))).toBe(false);
  });
});
