// Advance widths of text in Times New Roman, read from the font's own metrics: Tinos (bundled
// through @fontsource/tinos) is metric-compatible with Times New Roman and Liberation Serif, so a
// width measured here is the width Chromium prints (it embeds Tinos) and LibreOffice lays out (it
// substitutes Liberation Serif). fontkit reads the WOFF files; it is loaded on first use, so
// commands that measure nothing (check, print) do not pay for it.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Font } from 'fontkit';
import { estimateLineWidthMm } from './measure.ts';
import { tinosDir } from './html/fonts.ts';

/** The @fontsource/tinos subsets that together cover Vietnamese text, searched in this order. */
const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;

interface Face {
  fonts: Font[];
  /** Advance width per code point, in font units per em, or -1 when no subset has the glyph. */
  advances: Map<number, number>;
}

const faces = new Map<string, Face | null>();

function face(bold: boolean, italic: boolean): Face | null {
  const key = `${bold ? 700 : 400}-${italic ? 'italic' : 'normal'}`;
  if (faces.has(key)) return faces.get(key) ?? null;
  let loaded: Face | null = null;
  const dir = tinosDir();
  if (dir) {
    try {
      const require = createRequire(import.meta.url);
      const fontkit = require('fontkit') as typeof import('fontkit');
      const fonts = SUBSETS.map((s) => fontkit.openSync(path.join(dir, `tinos-${s}-${key}.woff`)) as Font);
      loaded = { fonts, advances: new Map() };
    } catch {
      loaded = null;
    }
  }
  faces.set(key, loaded);
  return loaded;
}

function advanceEm(f: Face, cp: number): number {
  const known = f.advances.get(cp);
  if (known !== undefined) return known;
  let em = -1;
  for (const font of f.fonts) {
    if (font.hasGlyphForCodePoint(cp)) {
      em = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
      break;
    }
  }
  f.advances.set(cp, em);
  return em;
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
    const em = advanceEm(f, ch.codePointAt(0) ?? 0);
    // A character no subset has (a rare symbol): the estimate's figure for it.
    ems += em >= 0 ? em : estimateLineWidthMm(ch, 1, style.bold === true) / (25.4 / 72);
  }
  return ems * emMm;
}
