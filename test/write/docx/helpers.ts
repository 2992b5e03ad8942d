// Test helpers: unzip a rendered DOCX and pick parts of its XML.
import { unzipSync } from 'fflate';

export interface Unzipped {
  /** Entry names in the order they are stored. */
  names: string[];
  has(name: string): boolean;
  text(name: string): Promise<string>;
}

export async function unzip(bytes: Uint8Array): Promise<Unzipped> {
  const files = unzipSync(bytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return {
    names: Object.keys(files),
    has: (name) => name in files,
    text: async (name) => {
      if (!(name in files)) throw new Error(`missing part ${name}`);
      return decoder.decode(files[name]);
    },
  };
}

/** Every w:sectPr of document.xml, in order. */
export function sections(xml: string): string[] {
  return xml.match(/<w:sectPr>.*?<\/w:sectPr>/gs) ?? [];
}

/** The w:p element whose text is exactly `text` (runs joined). */
export function paragraphWithText(xml: string, text: string): string | undefined {
  for (const p of xml.match(/<w:p>.*?<\/w:p>|<w:p\s[^>]*>.*?<\/w:p>/gs) ?? []) {
    const joined = (p.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('');
    if (joined === text) return p;
  }
  return undefined;
}

/** The w:tbl elements (not nested) of a part. */
export function tables(xml: string): string[] {
  return xml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
}

export function rows(tbl: string): string[] {
  return tbl.match(/<w:tr>.*?<\/w:tr>/gs) ?? [];
}

export function cells(tr: string): string[] {
  return tr.match(/<w:tc>.*?<\/w:tc>/gs) ?? [];
}

export function cellText(tc: string): string {
  return (tc.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('');
}

/**
 * A paragraph with what its named style gives it appended: the definitions of its style and of
 * the styles that one is based on, then the document defaults. An assertion on the result sees
 * the paragraph's formatting whether it is direct or comes from the style.
 */
export function withStyle(stylesXml: string, p: string): string {
  let out = p;
  let id = p.match(/<w:pStyle w:val="([^"]+)"\/>/)?.[1];
  while (id) {
    const def = stylesXml.match(new RegExp(`<w:style [^>]*w:styleId="${id}">.*?</w:style>`, 's'))?.[0];
    if (!def) break;
    out += def;
    id = def.match(/<w:basedOn w:val="([^"]+)"\/>/)?.[1];
  }
  return out + (stylesXml.match(/<w:docDefaults>.*?<\/w:docDefaults>/s)?.[0] ?? '');
}

/** Share of the paragraphs with text outside tables that name a paragraph style. */
export function styledShare(documentXml: string): { styled: number; total: number } {
  const outside = documentXml.replace(/<w:tbl>.*?<\/w:tbl>/gs, '');
  const paras = (outside.match(/<w:p>.*?<\/w:p>/gs) ?? []).filter((p) => /<w:t[ >]/.test(p));
  return { styled: paras.filter((p) => p.includes('<w:pStyle ')).length, total: paras.length };
}
