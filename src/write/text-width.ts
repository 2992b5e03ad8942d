// Advance widths of text in Times New Roman, read from the font's own metrics: Tinos (bundled
// through @expo-google-fonts/tinos) is metric-compatible with Times New Roman and Liberation Serif, so a
// width measured here is the width Chromium prints (it embeds Tinos) and LibreOffice lays out (it
// substitutes Liberation Serif). fontkit reads the TrueType files when the tool runs from its sources;
// the compiled tool reads the same advances from a table written at compile time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Font } from 'fontkit';
import { estimateLineWidthMm } from './measure.ts';
import { TINOS_FACES, tinosDir } from './html/fonts.ts';
import { compiledDir } from '../installation.ts';

const FACE_KEYS = ['400-normal', '700-normal', '400-italic', '700-italic'] as const;
type FaceKey = (typeof FACE_KEYS)[number];

/** Advance width per code point, in ems; a code point the font lacks is absent. */
type Advances = Map<number, number>;

/** What `npm run compile` writes (advanceTableJson): the tables, so a command never opens the fonts. */
export const ADVANCES_FILE = 'write/tinos-advances.json';

const faces = new Map<FaceKey, Advances | null>();
let compiledTable: Record<string, [number, number][]> | null | undefined;

/** Every code point of a face with its advance, read through fontkit (the face's TrueType file). */
function readFace(key: FaceKey): Advances | null {
  const dir = tinosDir();
  const file = TINOS_FACES.find((f) => `${f.weight}-${f.style}` === key)?.file;
  if (!dir || !file) return null;
  try {
    const require = createRequire(import.meta.url);
    const fontkit = require('fontkit') as typeof import('fontkit');
    const font = fontkit.openSync(path.join(dir, file)) as Font;
    const advances: Advances = new Map();
    for (const cp of font.characterSet) {
      if (font.hasGlyphForCodePoint(cp)) advances.set(cp, font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm);
    }
    return advances;
  } catch {
    return null;
  }
}

/**
 * The compiled tool reads the tables `npm run compile` wrote: opening the fonts with fontkit (twelve
 * WOFF subsets then) took about 0.3 s of a cold build, on the thread that feeds the browser.
 */
function compiledFace(key: FaceKey): Advances | undefined {
  if (compiledTable === undefined) {
    compiledTable = null;
    if (compiledDir) {
      try {
        compiledTable = JSON.parse(readFileSync(path.join(compiledDir, ADVANCES_FILE), 'utf8'));
      } catch {
        compiledTable = null;
      }
    }
  }
  const rows = compiledTable?.[key];
  return rows ? new Map(rows) : undefined;
}

function face(bold: boolean, italic: boolean): Advances | null {
  const key: FaceKey = `${bold ? 700 : 400}-${italic ? 'italic' : 'normal'}`;
  if (!faces.has(key)) faces.set(key, compiledFace(key) ?? readFace(key));
  return faces.get(key) ?? null;
}

/** The advance tables of the four faces as JSON, for `npm run compile` (dist/write/tinos-advances.json). */
export function advanceTableJson(): string {
  const table: Record<string, [number, number][]> = {};
  for (const key of FACE_KEYS) {
    const advances = readFace(key);
    if (!advances) throw new Error(`không đọc được phông Tinos (${key}) của @expo-google-fonts/tinos`);
    table[key] = [...advances].sort((a, b) => a[0] - b[0]);
  }
  return JSON.stringify(table);
}

/**
 * Width of one line of text in mm, as set without kerning (the print CSS turns kerning off and
 * Word does not kern by default), from the font's advance widths. Falls back to the rough
 * estimate when the bundled font cannot be read.
 */
export function textWidthMm(text: string, sizePt: number, style: { bold?: boolean; italic?: boolean } = {}): number {
  const f = face(style.bold === true, style.italic === true);
  if (!f) return estimateLineWidthMm(text, sizePt, style.bold === true);
  const emMm = (sizePt * 25.4) / 72;
  let ems = 0;
  for (const ch of text.normalize('NFC')) {
    const em = f.get(ch.codePointAt(0) ?? 0) ?? -1;
    // A character Tinos lacks (a rare symbol): the estimate's figure for it.
    ems += em >= 0 ? em : estimateLineWidthMm(ch, 1, style.bold === true) / (25.4 / 72);
  }
  return ems * emMm;
}
