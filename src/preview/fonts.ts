// The faces the preview page is set in, served by the preview itself. Inlined as data: URLs they
// made every page about 3 MB (four TrueType files), sent and decoded again at each save's reload; as
// URLs of their own, named by their content, the browser keeps them in its cache for good.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chooseFont, TINOS_FACES, tinosFontCss } from '../write/html/fonts.ts';

export interface PreviewFonts {
  /** The font rules of the preview page. */
  css: string;
  /** The face files by the path the page asks for them at (/__fonts/…). */
  files: ReadonlyMap<string, Buffer>;
}

export const FONT_PATH_PREFIX = '/__fonts/';

/** The machine's Times New Roman is named; bundled Tinos is served from FONT_PATH_PREFIX. */
export function previewFonts(): PreviewFonts {
  const font = chooseFont();
  if (font.source !== 'bundled' || !font.dir) return { css: font.css, files: new Map() };
  const files = new Map<string, Buffer>();
  const urls = TINOS_FACES.map((face) => {
    const bytes = readFileSync(path.join(font.dir!, face.file));
    // The content's hash in the name: a new version of the font is a new URL, never a stale cache.
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    const url = `${FONT_PATH_PREFIX}${hash}-${path.basename(face.file)}`;
    files.set(url, bytes);
    return url;
  });
  return { css: tinosFontCss(font.dir, { urls }), files };
}
