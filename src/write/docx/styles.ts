// Document-wide defaults: Phụ lục I, mục I.4 — Times New Roman, Unicode, black; body 14 pt;
// Vietnamese language so Word and LibreOffice check spelling and break lines as Vietnamese.
import { LineRuleType, type IStylesOptions } from 'docx';
import { halfPoints, pt } from './units.ts';
import { BODY_PT } from './paragraphs.ts';

export const FONT = 'Times New Roman';
export const LANGUAGE = 'vi-VN';

/** Table text sizes with a paragraph style of their own (Phụ lục tables: 12–13 pt, dense ones 10–11). */
export const TABLE_TEXT_SIZES = [10, 11, 12, 13] as const;

/** Style id of table cell text at `sizePt`, or undefined when no style exists for that size. */
export function tableTextStyle(sizePt: number): string | undefined {
  return (TABLE_TEXT_SIZES as readonly number[]).includes(sizePt) ? `BangCo${sizePt}` : undefined;
}

export const documentStyles: IStylesOptions = {
  default: {
    document: {
      run: {
        font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT },
        size: halfPoints(BODY_PT),
        color: '000000',
        language: { value: LANGUAGE, eastAsia: LANGUAGE, bidirectional: LANGUAGE },
      },
      paragraph: {
        spacing: { before: 0, after: 0, line: 240 },
      },
    },
  },
  // Cell text is styled once here instead of on every cell paragraph and run: the thousands of
  // cells of an appendix then carry no direct formatting, which keeps the layout fast.
  paragraphStyles: TABLE_TEXT_SIZES.map((size) => ({
    id: `BangCo${size}`,
    name: `Bảng ${size} pt`,
    basedOn: 'Normal',
    quickFormat: false,
    run: { size: halfPoints(size) },
    paragraph: { spacing: { before: pt(2), after: pt(2), line: 240, lineRule: LineRuleType.AUTO } },
  })),
};
