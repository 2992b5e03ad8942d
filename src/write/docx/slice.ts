// A decision or an appendix on its own is the same section as in the package: rather than laying
// the whole document out again with the docx package (most of a render's cost), its section is cut
// out of the package's word/document.xml. A section ends with the paragraph whose properties hold
// its w:sectPr (ECMA-376 §17.6.17) — an empty break paragraph, or the section's last paragraph —
// and the last section's properties are the body's own w:sectPr.

const SECT = /<w:sectPr>([\s\S]*?)<\/w:sectPr>/g;
const EMPTY_BREAK = '<w:p><w:pPr></w:pPr></w:p>';

interface Section {
  /** The section's content, its break paragraph included but without the w:sectPr. */
  content: string;
  properties: string;
}

function sections(body: string): Section[] {
  const out: Section[] = [];
  let start = 0;
  for (const m of body.matchAll(SECT)) {
    const at = m.index!;
    const after = at + m[0].length;
    if (body.startsWith('</w:body>', after)) {
      out.push({ content: body.slice(start, at), properties: m[1] });
      break;
    }
    const paragraphEnd = body.indexOf('</w:p>', after) + '</w:p>'.length;
    let content = body.slice(start, at) + body.slice(after, paragraphEnd);
    if (content.endsWith(EMPTY_BREAK)) content = content.slice(0, -EMPTY_BREAK.length);
    out.push({ content, properties: m[1] });
    start = paragraphEnd;
  }
  return out;
}

/** word/document.xml holding only section `index` (0-based) of `xml`. */
export function documentWithSection(xml: string, index: number): string {
  const open = xml.indexOf('<w:body>') + '<w:body>'.length;
  const all = sections(xml.slice(open));
  const s = all[index];
  if (!s) throw new Error(`word/document.xml has ${all.length} sections, not ${index + 1}`);
  return `${xml.slice(0, open)}${s.content}<w:sectPr>${s.properties}</w:sectPr></w:body></w:document>`;
}
