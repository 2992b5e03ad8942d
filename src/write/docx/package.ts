// The .docx package (ECMA-376 Part 2, Open Packaging Conventions): the parts a word-processing
// document needs — document, styles, settings, font table, two headers shared by every section,
// and the core and app properties — zipped deterministically: entries in a fixed order, each dated
// with the document's date, and no wall clock anywhere, so the same model gives the same bytes.
import { zipArchive, zipEntry, type ZipEntry } from './zip.ts';
import type { DocumentMeta } from '../../model/types.ts';
import type { BodyElement } from './body.ts';
import { emptyHeaderXml, HEADER_REL, pageNumberHeaderXml } from './sections.ts';
import { FONT, stylesXml } from './styles.ts';
import { NS_R, NS_W, XML_DECLARATION, escapeAttr, escapeText } from './xml.ts';

/** Fixed so that output does not depend on who ran the build. */
export const LAST_MODIFIED_BY = 'kehoach';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

/** One section of the document: its body and its w:sectPr. */
export interface SectionXml {
  body: BodyElement[];
  properties: string;
}

/**
 * word/document.xml. A section other than the last ends with a paragraph carrying its w:sectPr
 * (ECMA-376 §17.6.17): the section's own last paragraph, or an empty one after a closing table;
 * the last section's properties are the body's own w:sectPr.
 */
function documentXml(sections: SectionXml[]): string {
  let body = '';
  sections.forEach((s, i) => {
    const last = i === sections.length - 1;
    const elements = s.body;
    for (let k = 0; k < elements.length; k++) {
      const el = elements[k];
      body += !last && k === elements.length - 1 && el.kind === 'p' ? withSectionBreak(el.xml, s.properties) : el.xml;
    }
    if (last) body += s.properties;
    else if (elements.at(-1)?.kind !== 'p') body += `<w:p><w:pPr>${s.properties}</w:pPr></w:p>`;
  });
  return `${XML_DECLARATION}<w:document xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:body>${body}</w:body></w:document>`;
}

/** A paragraph's markup with `sectPr` as the last of its properties. */
function withSectionBreak(paragraph: string, sectPr: string): string {
  if (paragraph === '<w:p/>') return `<w:p><w:pPr>${sectPr}</w:pPr></w:p>`;
  if (paragraph.startsWith('<w:p><w:pPr>')) return paragraph.replace('</w:pPr>', () => `${sectPr}</w:pPr>`);
  return `<w:p><w:pPr>${sectPr}</w:pPr>${paragraph.slice('<w:p>'.length)}`;
}

function coreXml(meta: DocumentMeta): string {
  const stamp = `${meta.date}T00:00:00Z`;
  const text = (s: string) => escapeText(s.normalize('NFC'));
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${text(meta.title)}</dc:title>` +
    `<dc:subject>${text(meta.subject)}</dc:subject>` +
    `<dc:creator>${text(meta.author)}</dc:creator>` +
    `<cp:keywords>${text(meta.keywords.join(', '))}</cp:keywords>` +
    `<cp:lastModifiedBy>${LAST_MODIFIED_BY}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    `<dc:language>${escapeText(meta.language)}</dc:language>` +
    '</cp:coreProperties>'
  );
}

const APP_XML =
  `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>kehoach</Application></Properties>';

const CONTENT_TYPES =
  `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/word/document.xml" ContentType="${CT}.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="${CT}.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/word/settings.xml" ContentType="${CT}.wordprocessingml.settings+xml"/>` +
  `<Override PartName="/word/fontTable.xml" ContentType="${CT}.wordprocessingml.fontTable+xml"/>` +
  `<Override PartName="/word/header1.xml" ContentType="${CT}.wordprocessingml.header+xml"/>` +
  `<Override PartName="/word/header2.xml" ContentType="${CT}.wordprocessingml.header+xml"/>` +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>` +
  '</Types>';

const PACKAGE_RELS =
  `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

const DOCUMENT_RELS =
  `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rId3" Type="${REL}/fontTable" Target="fontTable.xml"/>` +
  `<Relationship Id="${HEADER_REL.default}" Type="${REL}/header" Target="header1.xml"/>` +
  `<Relationship Id="${HEADER_REL.first}" Type="${REL}/header" Target="header2.xml"/>` +
  '</Relationships>';

// Compatibility mode 15 (Word 2013+) so Word lays the document out with its current engine.
const SETTINGS =
  `${XML_DECLARATION}<w:settings xmlns:w="${NS_W}"><w:defaultTabStop w:val="720"/><w:evenAndOddHeaders w:val="false"/>` +
  '<w:characterSpacingControl w:val="doNotCompress"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  '</w:settings>';

// Naming the face's family and panose lets a client without Times New Roman pick a metric-alike serif.
const FONT_TABLE =
  `${XML_DECLARATION}<w:fonts xmlns:w="${NS_W}"><w:font w:name="${escapeAttr(FONT)}">` +
  '<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>' +
  '</w:font></w:fonts>';

const encoder = new TextEncoder();

/**
 * Every part of the package, in the order it is stored ([Content_Types].xml and the package
 * relationships first, as readers that stream the zip expect). A part is either the same in every
 * document — compressed once per process — or made from the document.
 */
const PARTS: ReadonlyArray<readonly [string, string | ((sections: SectionXml[], meta: DocumentMeta) => string)]> = [
  ['[Content_Types].xml', CONTENT_TYPES],
  ['_rels/.rels', PACKAGE_RELS],
  ['docProps/app.xml', APP_XML],
  ['docProps/core.xml', (_sections, meta) => coreXml(meta)],
  ['word/_rels/document.xml.rels', DOCUMENT_RELS],
  ['word/document.xml', (sections) => documentXml(sections)],
  ['word/fontTable.xml', FONT_TABLE],
  ['word/header1.xml', pageNumberHeaderXml()],
  ['word/header2.xml', emptyHeaderXml()],
  ['word/settings.xml', SETTINGS],
  ['word/styles.xml', stylesXml()],
];

const compressedFixed = new Map<string, ZipEntry>();

/** The zipped package of `sections`, with `meta` in its core properties. */
export function packageBytes(sections: SectionXml[], meta: DocumentMeta): Buffer {
  const entries = PARTS.map(([name, content]) => {
    if (typeof content === 'function') return zipEntry(name, encoder.encode(content(sections, meta)));
    let entry = compressedFixed.get(name);
    if (!entry) compressedFixed.set(name, (entry = zipEntry(name, encoder.encode(content))));
    return entry;
  });
  return zipArchive(entries, meta.date);
}
