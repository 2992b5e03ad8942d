// Document-wide defaults: Phụ lục I, mục I.4 — Times New Roman, Unicode, black; body 14 pt;
// Vietnamese language so Word and LibreOffice check spelling and break lines as Vietnamese.
import type { IStylesOptions } from 'docx';
import { halfPoints } from './units.ts';
import { BODY_PT } from './paragraphs.ts';

export const FONT = 'Times New Roman';
export const LANGUAGE = 'vi-VN';

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
};
