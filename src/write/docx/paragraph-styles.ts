// Named paragraph styles of the document body, so that a Word user works with styles instead of
// direct formatting: changing "Văn bản" in Word changes every body paragraph at once, and the
// headings' outline levels feed Word's Navigation Pane and any table of contents. Numbers stay
// typed in the text ("I.", "1.", "a)"): Word has no list format for the Vietnamese letter sequence
// (a, b, c, d, đ, e …). Values come from the shared layout module (../layout.ts).
import type { TextBlock } from '../../model/types.ts';
import { BLOCK_LINES, DECISION, SIGNATURE, TITLE } from '../layout.ts';
import { BODY_LINE, BODY_SPACING_BEFORE, FIRST_LINE_INDENT, lineSpacing, paragraphProperties } from './paragraphs.ts';
import { baselineShift, halfPoints, pt } from './units.ts';
import { escapeAttr } from './xml.ts';

export const STYLE = {
  body: 'VanBan',
  section: 'Muc',
  item: 'Khoan',
  point: 'Diem',
  basis: 'CanCu',
  article: 'Dieu',
  annexHeading: 'MucPhuLuc',
  note: 'GhiChu',
  kind: 'TenLoai',
  title: 'TrichYeu',
  attachedNote: 'KemTheo',
  authority: 'ThamQuyen',
  annexTitle: 'TieuDePhuLuc',
  recipientsLabel: 'NoiNhanTieuDe',
  recipients: 'NoiNhan',
  signer: 'ChuKy',
} as const;

interface StyleDef {
  id: string;
  /** The name Word shows (Vietnamese: the clerk's words). */
  name: string;
  basedOn: string;
  pPr: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size, when not the document's 14 pt. */
  sizePt?: number;
}

const body = paragraphProperties({
  spacing: { before: BODY_SPACING_BEFORE, after: 0, line: BODY_LINE, atLeast: true },
  indent: { firstLine: FIRST_LINE_INDENT },
  align: 'justify',
});
const heading = (level?: number) => paragraphProperties({ keepNext: true, outlineLevel: level });
const recipients = (before: number) => paragraphProperties({ keepNext: true, keepLines: true, spacing: { before, after: 0, line: lineSpacing(BLOCK_LINES) }, indent: { firstLine: 0 }, align: 'left' });
const centred = (before = 0) => paragraphProperties({ keepNext: true, spacing: { before, after: 0, line: lineSpacing(BLOCK_LINES) }, indent: { firstLine: 0 }, align: 'center' });

const STYLES: StyleDef[] = [
  { id: STYLE.body, name: 'Văn bản', basedOn: 'Normal', pPr: body },
  // Mục V row 6b: mục "I. TITLE" bold upper case; khoản with a title bold; điểm regular.
  { id: STYLE.section, name: 'Mục (I, II)', basedOn: STYLE.body, pPr: heading(0), bold: true },
  { id: STYLE.item, name: 'Khoản (1, 2)', basedOn: STYLE.body, pPr: heading(1), bold: true },
  { id: STYLE.point, name: 'Điểm (a, b)', basedOn: STYLE.body, pPr: heading(2) },
  { id: STYLE.basis, name: 'Căn cứ', basedOn: STYLE.body, pPr: '' },
  { id: STYLE.article, name: 'Điều', basedOn: STYLE.body, pPr: '' },
  { id: STYLE.annexHeading, name: 'Mục phụ lục', basedOn: STYLE.body, pPr: heading(), bold: true },
  { id: STYLE.note, name: 'Ghi chú', basedOn: STYLE.body, pPr: '' },
  // Ô 5a and the appendix heading: centred, single spaced, kept with what follows.
  { id: STYLE.kind, name: 'Tên loại văn bản', basedOn: 'Normal', pPr: centred(pt(TITLE.beforePt)), bold: true },
  { id: STYLE.title, name: 'Trích yếu', basedOn: 'Normal', pPr: centred(), bold: true },
  { id: STYLE.attachedNote, name: 'Kèm theo', basedOn: 'Normal', pPr: centred(), italic: true },
  { id: STYLE.authority, name: 'Thẩm quyền ban hành', basedOn: 'Normal', pPr: centred(pt(DECISION.headingBeforePt)), bold: true },
  { id: STYLE.annexTitle, name: 'Tiêu đề phụ lục', basedOn: 'Normal', pPr: centred(), bold: true },
  // Ô 9b: "Nơi nhận:" 12 pt bold italic, level with the first signature line (its 12 pt baseline
  // shifted down to the 14 pt one), then the list 11 pt upright; both at the left margin, kept
  // with the block.
  { id: STYLE.recipientsLabel, name: 'Nơi nhận (tiêu đề)', basedOn: 'Normal', pPr: recipients(pt(SIGNATURE.beforePt) + baselineShift(SIGNATURE.labelPt, SIGNATURE.signerPt)), bold: true, italic: true, sizePt: SIGNATURE.labelPt },
  { id: STYLE.recipients, name: 'Nơi nhận', basedOn: 'Normal', pPr: recipients(0), sizePt: SIGNATURE.listPt },
  // Ô 7a–7c: quyền hạn, chức vụ and họ tên, upper case bold 13–14 pt, centred in the right column.
  { id: STYLE.signer, name: 'Chữ ký', basedOn: 'Normal', pPr: paragraphProperties({ spacing: { before: 0, after: 0, line: lineSpacing(BLOCK_LINES) }, indent: { firstLine: 0 }, align: 'center' }), bold: true, sizePt: SIGNATURE.signerPt },
];

const BY_ID = new Map(STYLES.map((s) => [s.id, s]));

/** Whether the style makes its text bold or italic (a run then need not say so). */
export function styleEmphasis(id: string): { bold: boolean; italic: boolean } {
  const s = BY_ID.get(id);
  return { bold: s?.bold === true, italic: s?.italic === true };
}

export const ROLE_STYLE: Record<TextBlock['role'], string> = {
  section: STYLE.section,
  'item-title': STYLE.item,
  'point-title': STYLE.point,
  paragraph: STYLE.body,
  basis: STYLE.basis,
  article: STYLE.article,
  'annex-heading': STYLE.annexHeading,
  note: STYLE.note,
};

export function paragraphStylesXml(): string {
  return STYLES.map((s) => {
    const size = s.sizePt === undefined ? '' : `<w:sz w:val="${halfPoints(s.sizePt)}"/><w:szCs w:val="${halfPoints(s.sizePt)}"/>`;
    const rPr = (s.bold ? '<w:b/><w:bCs/>' : '') + (s.italic ? '<w:i/><w:iCs/>' : '') + size;
    return (
      `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${s.id}">` +
      `<w:name w:val="${escapeAttr(s.name)}"/><w:basedOn w:val="${s.basedOn}"/><w:qFormat/>` +
      (s.pPr ? `<w:pPr>${s.pPr}</w:pPr>` : '') +
      (rPr ? `<w:rPr>${rPr}</w:rPr>` : '') +
      '</w:style>'
    );
  }).join('');
}
