// Section setup: page size, orientation, margins, page numbers (Phụ lục I, mục I and III.1đ).
import { AlignmentType, Header, NumberFormat, PageNumber, PageOrientation, Paragraph, SectionType, TextRun } from 'docx';
import type { ISectionOptions, Table } from 'docx';
import { FOOTER_DISTANCE_MM, HEADER_DISTANCE_MM, PAGE_A4_MM, PAGE_MARGINS_MM, type PageOrientation as Orientation } from '../../model/page.ts';
import { halfPoints, mm } from './units.ts';

/** Page number: 13–14 pt (14 as the models), upright, centred in the top margin (mục I.7). */
const PAGE_NUMBER_PT = 14;

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(PAGE_NUMBER_PT) })],
      }),
    ],
  });
}

/**
 * One part of the document (decision, plan, each appendix) as its own section: starts on a new
 * page, numbered from 1 (mục III.1đ: "Số trang của Phụ lục được đánh số riêng theo từng Phụ
 * lục"), no number on its first page (mục I.7; for appendices by analogy, nd30.md §3.11) —
 * `titlePage` with an empty first-page header.
 */
export function partSection(orientation: Orientation, children: Array<Paragraph | Table>): ISectionOptions {
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      titlePage: true,
      page: {
        // The docx package swaps width and height itself for a landscape orientation.
        size: {
          width: mm(PAGE_A4_MM.width),
          height: mm(PAGE_A4_MM.height),
          orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: mm(PAGE_MARGINS_MM.top),
          bottom: mm(PAGE_MARGINS_MM.bottom),
          left: mm(PAGE_MARGINS_MM.left),
          right: mm(PAGE_MARGINS_MM.right),
          header: mm(HEADER_DISTANCE_MM),
          footer: mm(FOOTER_DISTANCE_MM),
          gutter: 0,
        },
        pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL },
      },
    },
    headers: {
      default: pageNumberHeader(),
      first: new Header({ children: [new Paragraph({ children: [] })] }),
    },
    children,
  };
}
