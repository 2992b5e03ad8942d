// Pixel rows of a PDF's pages, rendered by poppler, that run across the page along its foot
// margin: what a viewer shows as a stray line under the text. Chromium once drew the next page's
// table borders into each page just below its clip (a part positioned as a paint layer of its
// own); poppler showed them at 60 and 120 dpi (page-css.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A binary PGM (P5, 8-bit) as pdftoppm -gray writes it. */
function readPgm(file: string): { width: number; height: number; pixels: Buffer } {
  const data = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`${file}: không phải PGM`);
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

/** "page N at D dpi: row Y" for each dark row within a pixel of the foot margin's edge. */
export function footMarginLines(pdf: string, footMarginMm: number, dpis: readonly number[] = [60, 120]): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kehoach-foot-'));
  try {
    const lines: string[] = [];
    for (const dpi of dpis) {
      const prefix = path.join(dir, `r${dpi}`);
      execFileSync('pdftoppm', ['-r', String(dpi), '-gray', pdf, prefix]);
      for (const name of readdirSync(dir).filter((f) => f.startsWith(`r${dpi}-`)).sort()) {
        const { width, height, pixels } = readPgm(path.join(dir, name));
        const foot = Math.round(height - (footMarginMm / 25.4) * dpi);
        for (let y = foot - 1; y <= foot + 1; y++) {
          let dark = 0;
          for (let x = 0; x < width; x++) if (pixels[y * width + x] < 160) dark++;
          if (dark > width / 2) lines.push(`page ${Number(/-(\d+)\.pgm$/.exec(name)?.[1])} at ${dpi} dpi: row ${y}`);
        }
      }
    }
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
