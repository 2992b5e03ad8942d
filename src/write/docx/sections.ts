// Section setup: page size, orientation, margins, page numbers (Phụ lục I, mục I and III.1đ), and
// the two header parts every section shares.
import { FOOTER_DISTANCE_MM, HEADER_DISTANCE_MM, PAGE_A4_MM, PAGE_MARGINS_MM, type PageOrientation } from '../../model/page.ts';
import { halfPoints, mm } from './units.ts';
import { PAGE_NUMBER_PT } from '../layout.ts';
import { NS_R, NS_W, XML_DECLARATION } from './xml.ts';


/** Relationship ids of the headers in word/_rels/document.xml.rels (package.ts). */
export const HEADER_REL = { default: 'rId4', first: 'rId5' } as const;

/** The default header: a centred PAGE field. */
export function pageNumberHeaderXml(): string {
  const size = halfPoints(PAGE_NUMBER_PT);
  const r = (inner: string) => `<w:r><w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>${inner}</w:r>`;
  return (
    `${XML_DECLARATION}<w:hdr xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
    r('<w:fldChar w:fldCharType="begin"/>') +
    r('<w:instrText xml:space="preserve">PAGE</w:instrText>') +
    r('<w:fldChar w:fldCharType="separate"/>') +
    r('<w:fldChar w:fldCharType="end"/>') +
    '</w:p></w:hdr>'
  );
}

/** The first-page header: empty (no number on a part's first page). */
export function emptyHeaderXml(): string {
  return `${XML_DECLARATION}<w:hdr xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:p/></w:hdr>`;
}

/**
 * w:sectPr of one part of the document (decision, plan, each appendix): starts on a new page,
 * numbered from 1 (mục III.1đ: "Số trang của Phụ lục được đánh số riêng theo từng Phụ lục"), no
 * number on its first page (mục I.7; for appendices by analogy, nd30.md §3.11) — w:titlePg with
 * an empty first-page header.
 */
export function sectionProperties(orientation: PageOrientation): string {
  const landscape = orientation === 'landscape';
  const width = mm(landscape ? PAGE_A4_MM.height : PAGE_A4_MM.width);
  const height = mm(landscape ? PAGE_A4_MM.width : PAGE_A4_MM.height);
  const m = PAGE_MARGINS_MM;
  return (
    '<w:sectPr>' +
    `<w:headerReference w:type="default" r:id="${HEADER_REL.default}"/>` +
    `<w:headerReference w:type="first" r:id="${HEADER_REL.first}"/>` +
    '<w:type w:val="nextPage"/>' +
    `<w:pgSz w:w="${width}" w:h="${height}" w:orient="${orientation}"/>` +
    `<w:pgMar w:top="${mm(m.top)}" w:right="${mm(m.right)}" w:bottom="${mm(m.bottom)}" w:left="${mm(m.left)}" ` +
    `w:header="${mm(HEADER_DISTANCE_MM)}" w:footer="${mm(FOOTER_DISTANCE_MM)}" w:gutter="0"/>` +
    '<w:pgNumType w:start="1" w:fmt="decimal"/>' +
    '<w:titlePg/>' +
    '<w:docGrid w:linePitch="360"/>' +
    '</w:sectPr>'
  );
}
