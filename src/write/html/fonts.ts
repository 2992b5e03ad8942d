// Font selection for the HTML/PDF writer. Nghị định 30, Phụ lục I, mục I.4: "Phông chữ tiếng
// Việt Times New Roman, bộ mã ký tự Unicode theo TCVN 6909:2001, màu đen". Times New Roman is
// used when the machine has it; otherwise Tinos (metric-compatible, Google Fonts' TrueType files
// bundled through @expo-google-fonts/tinos) is loaded from local files so every machine produces
// the same PDF.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface FontChoice {
  /** CSS font-family name used in the page. */
  family: string;
  source: 'system' | 'bundled';
  /** Folder the @font-face files are loaded from (bundled only): the PDF step allows file: reads there. */
  dir?: string;
  /** @font-face rules plus the family on the root element and the page margin boxes. */
  css: string;
  /** One Vietnamese line for the build output. */
  description: string;
}

/** The four faces of Tinos, each one TrueType file of the whole font (Latin, Vietnamese, Greek, Cyrillic). */
export const TINOS_FACES: readonly { weight: 400 | 700; style: 'normal' | 'italic'; file: string }[] = [
  { weight: 400, style: 'normal', file: '400Regular/Tinos_400Regular.ttf' },
  { weight: 700, style: 'normal', file: '700Bold/Tinos_700Bold.ttf' },
  { weight: 400, style: 'italic', file: '400Regular_Italic/Tinos_400Regular_Italic.ttf' },
  { weight: 700, style: 'italic', file: '700Bold_Italic/Tinos_700Bold_Italic.ttf' },
];

/** Folder of the @expo-google-fonts/tinos package (TINOS_FACES are inside), or undefined when it is not installed. */
export function tinosDir(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
    return TINOS_FACES.every((f) => existsSync(path.join(dir, f.file))) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** True when Times New Roman itself (not an alias such as Liberation Serif) is installed. */
export function hasTimesNewRoman(): boolean {
  if (process.platform === 'win32') {
    const windir = process.env.WINDIR ?? 'C:\\Windows';
    return existsSync(path.join(windir, 'Fonts', 'times.ttf'));
  }
  if (process.platform === 'darwin') {
    return [
      '/System/Library/Fonts/Supplemental/Times New Roman.ttf',
      '/Library/Fonts/Times New Roman.ttf',
    ].some((f) => existsSync(f));
  }
  try {
    // fc-list with a family pattern lists exact matches only, never fontconfig substitutes.
    const out = execFileSync('fc-list', [':family=Times New Roman', 'family'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    return out.trim().length > 0;
  } catch {
    return false;
  }
}

function rootFamilyCss(family: string): string {
  // Margin boxes (the page number) take their font from the @page context, not from <html>.
  return `html { font-family: ${family}; }\n@page { font-family: ${family}; }\n`;
}

/**
 * @font-face rules for bundled Tinos; `mode` 'file' links the files, 'data' inlines them, `urls`
 * names where a server serves each face of TINOS_FACES (the preview).
 */
export function tinosFontCss(dir: string, mode: 'file' | 'data' | { urls: readonly string[] } = 'file'): string {
  const rules = TINOS_FACES.map((face, i) => {
    const file = path.join(dir, face.file);
    const url =
      mode === 'file'
        ? pathToFileURL(file).href
        : mode === 'data'
          ? `data:font/ttf;base64,${readFileSync(file).toString('base64')}`
          : mode.urls[i];
    return `@font-face { font-family: 'Tinos'; font-style: ${face.style}; font-weight: ${face.weight}; src: url("${url}") format('truetype'); }`;
  });
  return rules.join('\n') + '\n' + rootFamilyCss(`'Tinos', 'Times New Roman', serif`);
}

/**
 * The family name bundled Tinos has when the printing browser finds it through fontconfig (see
 * fontconfigRegistration): a name of its own, so that a Tinos the machine may have installed (another
 * version, other metrics) is never taken instead.
 */
export const REGISTERED_TINOS = 'Kehoach Tinos';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A fontconfig configuration that adds bundled Tinos to the machine's fonts, under
 * REGISTERED_TINOS: a browser started with FONTCONFIG_FILE pointing at it (Linux) takes Tinos as an
 * installed font, which it loads once, instead of a web font that every printed document decodes
 * and sanitises again (a cold print of a plan was about 0.4 s faster, measured on Chromium 156).
 * The machine's own configuration is included, so characters Tinos lacks still find a fallback.
 * `cacheDir` comes first: fontconfig writes the cache of the Tinos folder there, not into a
 * system cache, and a cache written without the rename is never read.
 */
export function fontconfigRegistration(dir: string, cacheDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.FONTCONFIG_FILE ?? '/etc/fonts/fonts.conf';
  const fontDir = path.resolve(dir);
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- Written by kehoach for the browser that prints PDF (src/write/html/fonts.ts). -->
<fontconfig>
  <cachedir>${xml(cacheDir)}</cachedir>
  <include ignore_missing="yes">${xml(base)}</include>
  <dir>${xml(fontDir)}</dir>
  <match target="scan">
    <test name="file" compare="contains"><string>${xml(fontDir + path.sep)}</string></test>
    <edit name="family" mode="assign" binding="same"><string>${REGISTERED_TINOS}</string></edit>
  </match>
</fontconfig>
`;
}

/** The page's font rules when bundled Tinos is registered with the browser's fontconfig. */
export function registeredTinosCss(): string {
  return rootFamilyCss(`'${REGISTERED_TINOS}', 'Tinos', 'Times New Roman', serif`);
}

let cached: FontChoice | undefined;

/** The face this machine prints with (decided once per process). */
export function chooseFont(): FontChoice {
  if (cached) return cached;
  if (hasTimesNewRoman()) {
    cached = {
      family: 'Times New Roman',
      source: 'system',
      css: rootFamilyCss(`'Times New Roman', serif`),
      description: 'Phông chữ PDF: Times New Roman (có sẵn trên máy).',
    };
    return cached;
  }
  const dir = tinosDir();
  if (dir) {
    cached = {
      family: 'Tinos',
      source: 'bundled',
      dir,
      css: tinosFontCss(dir, 'file'),
      description:
        'Phông chữ PDF: Tinos (cùng số đo với Times New Roman, kèm theo công cụ) vì máy không có Times New Roman; ' +
        'cài Times New Roman để PDF dùng đúng phông theo Nghị định 30.',
    };
    return cached;
  }
  cached = {
    family: 'serif',
    source: 'system',
    css: rootFamilyCss(`'Times New Roman', serif`),
    description:
      'Cảnh báo: máy không có Times New Roman và không tìm thấy gói @expo-google-fonts/tinos; PDF dùng phông serif thay thế của trình duyệt.',
  };
  return cached;
}
