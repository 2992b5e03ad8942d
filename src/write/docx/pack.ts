// Deterministic packaging. The docx package stamps the wall clock into docProps/core.xml and into
// every zip entry; we re-zip with entries in a fixed order, each dated with the document's date,
// and replace the core.xml dates, so the same model always gives the same bytes.
import JSZip from 'jszip';
import type { DocumentMeta } from '../../model/types.ts';

const FIRST = ['[Content_Types].xml', '_rels/.rels'];

function entryOrder(a: string, b: string): number {
  const ia = FIRST.indexOf(a);
  const ib = FIRST.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? FIRST.length : ia) - (ib === -1 ? FIRST.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function patchCoreXml(xml: string, meta: DocumentMeta): string {
  const stamp = `${meta.date}T00:00:00Z`;
  let out = xml
    .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
    .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
  // The title of a part written alone (decision, appendix) differs from the package's.
  out = out.replace(/(<dc:title>)[^<]*(<\/dc:title>)/, `$1${escapeXml(meta.title.normalize('NFC'))}$2`);
  if (!out.includes('<dc:language>')) {
    out = out.replace('</cp:coreProperties>', `<dc:language>${escapeXml(meta.language)}</dc:language></cp:coreProperties>`);
  }
  return out;
}

/** Rewrites one part's text on the way (a single section's document.xml). */
export type PartPatch = Record<string, (xml: string) => string>;

export async function repack(packed: Uint8Array, meta: DocumentMeta, patch: PartPatch = {}): Promise<Buffer> {
  const input = await JSZip.loadAsync(packed);
  const date = new Date(`${meta.date}T00:00:00Z`);
  const output = new JSZip();
  const names = Object.keys(input.files)
    .filter((name) => !input.files[name].dir)
    .sort(entryOrder);
  for (const name of names) {
    if (name === 'docProps/core.xml') {
      output.file(name, patchCoreXml(await input.files[name].async('string'), meta), { date, createFolders: false });
    } else if (patch[name]) {
      output.file(name, patch[name](await input.files[name].async('string')), { date, createFolders: false });
    } else {
      // Moving the entry object keeps its already-deflated bytes: JSZip reuses compressed data
      // whose method matches, so only core.xml is compressed again (the docx is built per call;
      // deflating every part twice doubled the render time).
      const entry = input.files[name];
      entry.date = date;
      output.files[name] = entry;
    }
  }
  return output.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}
