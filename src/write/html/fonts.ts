// Font selection for the HTML/PDF writer. Nghị định 30, Phụ lục I, mục I.4: "Phông chữ tiếng
// Việt Times New Roman, bộ mã ký tự Unicode theo TCVN 6909:2001, màu đen". Times New Roman is
// used when the machine has it; otherwise Tinos (metric-compatible, bundled through
// @fontsource/tinos) is loaded from local files so every machine produces the same PDF.
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

// Tinos subsets needed for Vietnamese text; unicode-range values copied from @fontsource/tinos.
const SUBSETS: { name: string; range: string }[] = [
  {
    name: 'vietnamese',
    range:
      'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  },
  {
    name: 'latin-ext',
    range:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
  {
    name: 'latin',
    range:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
];

const FACES: { weight: 400 | 700; style: 'normal' | 'italic' }[] = [
  { weight: 400, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'italic' },
];

/** Folder holding the Tinos woff2 files, or undefined when @fontsource/tinos is not installed. */
export function tinosDir(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@fontsource/tinos/package.json');
    const dir = path.join(path.dirname(pkg), 'files');
    return existsSync(dir) ? dir : undefined;
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

/** @font-face rules for bundled Tinos; `mode` 'file' links the files, 'data' inlines them. */
export function tinosFontCss(dir: string, mode: 'file' | 'data' = 'file'): string {
  const rules: string[] = [];
  for (const face of FACES) {
    for (const subset of SUBSETS) {
      const file = path.join(dir, `tinos-${subset.name}-${face.weight}-${face.style}.woff2`);
      const url =
        mode === 'file'
          ? pathToFileURL(file).href
          : `data:font/woff2;base64,${readFileSync(file).toString('base64')}`;
      rules.push(
        `@font-face { font-family: 'Tinos'; font-style: ${face.style}; font-weight: ${face.weight}; ` +
          `src: url("${url}") format('woff2'); unicode-range: ${subset.range}; }`,
      );
    }
  }
  return rules.join('\n') + '\n' + rootFamilyCss(`'Tinos', 'Times New Roman', serif`);
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
      'Cảnh báo: máy không có Times New Roman và không tìm thấy gói @fontsource/tinos; PDF dùng phông serif thay thế của trình duyệt.',
  };
  return cached;
}
