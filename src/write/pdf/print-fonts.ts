// How the printing browser gets the PDF's face. Times New Roman, when installed, is simply named.
// Bundled Tinos is, on Linux, registered with the browser's fontconfig (an installed font to
// Chromium, read once per browser); elsewhere it is a web font, inlined in one stylesheet that
// every printed page imports (an intercepting page has no cache, so linked font files would be
// read again for every print).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chooseFont, fontconfigRegistration, registeredTinosCss, tinosFontCss, type FontChoice } from '../html/fonts.ts';

export interface PrintFonts {
  /** The font rules of every page this browser prints (html/index.ts HtmlOptions.fontCss). */
  css: string;
  /** Environment the browser is started with (FONTCONFIG_FILE when Tinos is registered). */
  env: Record<string, string>;
  /** How the face reaches the browser (tests and diagnostics read it). */
  mode: 'system' | 'fontconfig' | 'web-font';
}

/** Writes what the chosen face needs into `workDir` (a folder of the printer's own) and says how pages name it. */
export function printFonts(
  workDir: string,
  { font = chooseFont(), platform = process.platform, register = true }: { font?: FontChoice; platform?: NodeJS.Platform; register?: boolean } = {},
): PrintFonts {
  if (font.source !== 'bundled' || !font.dir) return { css: font.css, env: {}, mode: 'system' };
  mkdirSync(workDir, { recursive: true });
  if (platform === 'linux' && register) {
    const cacheDir = path.join(workDir, 'fontconfig-cache');
    mkdirSync(cacheDir, { recursive: true });
    const conf = path.join(workDir, 'fonts.conf');
    writeFileSync(conf, fontconfigRegistration(font.dir, cacheDir));
    return { css: registeredTinosCss(), env: { FONTCONFIG_FILE: conf }, mode: 'fontconfig' };
  }
  const sheet = path.join(workDir, 'fonts.css');
  writeFileSync(sheet, tinosFontCss(font.dir, 'data'));
  return { css: `@import url("${pathToFileURL(sheet).href}");\n`, env: {}, mode: 'web-font' };
}
