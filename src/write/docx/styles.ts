// word/styles.xml. Document-wide defaults: Phụ lục I, mục I.4 — Times New Roman, Unicode, black;
// body 14 pt; Vietnamese language so Word and LibreOffice check spelling and break lines as
// Vietnamese. Table cell text has paragraph styles of its own.
import { halfPoints, pt } from './units.ts';
import { BODY_PT, lineSpacing } from './paragraphs.ts';
import { BLOCK_LINES, TABLE } from '../layout.ts';
import { paragraphStylesXml } from './paragraph-styles.ts';
import { NS_W, XML_DECLARATION, escapeAttr } from './xml.ts';

export const FONT = 'Times New Roman';
export const LANGUAGE = 'vi-VN';

/** Table text sizes with a paragraph style of their own (Phụ lục tables: 12–13 pt, dense ones 10–11). */
export const TABLE_TEXT_SIZES = [10, 11, 12, 13] as const;

/** Style id of table cell text at `sizePt`, or undefined when no style exists for that size. */
export function tableTextStyle(sizePt: number): string | undefined {
  return (TABLE_TEXT_SIZES as readonly number[]).includes(sizePt) ? `BangCo${sizePt}` : undefined;
}

function sizeProps(sizePt: number): string {
  const size = halfPoints(sizePt);
  return `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`;
}

// Cell text is styled once here instead of on every cell paragraph and run: the thousands of
// cells of an appendix then carry no direct formatting, which keeps the layout fast.
function tableTextStyleXml(sizePt: number): string {
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${tableTextStyle(sizePt)}">` +
    `<w:name w:val="${escapeAttr(`Bảng ${sizePt} pt`)}"/><w:basedOn w:val="Normal"/>` +
    `<w:pPr><w:spacing w:after="${pt(TABLE.paragraphPaddingPt)}" w:before="${pt(TABLE.paragraphPaddingPt)}" w:line="${lineSpacing(BLOCK_LINES)}" w:lineRule="auto"/></w:pPr>` +
    `<w:rPr>${sizeProps(sizePt)}</w:rPr></w:style>`
  );
}

export function stylesXml(): string {
  const font = escapeAttr(FONT);
  return (
    `${XML_DECLARATION}<w:styles xmlns:w="${NS_W}">` +
    '<w:docDefaults><w:rPrDefault><w:rPr>' +
    `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>` +
    `<w:color w:val="000000"/>${sizeProps(BODY_PT)}` +
    `<w:lang w:val="${LANGUAGE}" w:eastAsia="${LANGUAGE}" w:bidi="${LANGUAGE}"/>` +
    '</w:rPr></w:rPrDefault>' +
    // Widow control on everywhere, as the print CSS's orphans/widows (2 lines).
    `<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:before="0" w:line="${lineSpacing(BLOCK_LINES)}" w:lineRule="auto"/></w:pPr></w:pPrDefault>` +
    '</w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    paragraphStylesXml() +
    TABLE_TEXT_SIZES.map(tableTextStyleXml).join('') +
    '</w:styles>'
  );
}
