// First-page header grid (Phụ lục I, mục IV "Sơ đồ bố trí": ô 1 Quốc hiệu và Tiêu ngữ, ô 2 tên cơ
// quan, ô 3 số và ký hiệu, ô 4 địa danh và thời gian). Two rows so that "Số:" and the date sit on
// the same line however many lines the agency name takes (mục II.4: ô 4 on the same line as ô 3).
import type { HeaderGrid, TrackedLines } from '../../model/types.ts';
import { centredLine, ruleParagraph } from './paragraphs.ts';
import { lineContent } from './runs.ts';
import type { Revisions } from './revisions.ts';
import { layoutCell, layoutRow, layoutTable } from './layout-table.ts';
import { baselineShift, pt } from './units.ts';
import { HEADER } from '../layout.ts';
import { agencyRuleMm, headerCellTextMm, placeDateSizePt } from '../header-layout.ts';

export const HEADER_LEFT_MM = HEADER.leftMm;
export const HEADER_RIGHT_MM = HEADER.rightMm;

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export const MOTTO_RULE_MM = HEADER.mottoRuleMm;
const AGENCY_PT = HEADER.agencyPt;
const NATIONAL_TITLE_PT = HEADER.nationPt;
const MOTTO_PT = HEADER.mottoPt;
const NUMBER_PT = HEADER.numberPt;

export function headerGrid(header: HeaderGrid, tracked: TrackedLines = {}, revisions?: Revisions): string {
  const left: string[] = [
    ...header.supervisingAgency.map((l) => centredLine(l, { sizePt: AGENCY_PT })),
    ...header.issuingAgency.map((l) => centredLine(l, { sizePt: AGENCY_PT, bold: true })),
    ruleParagraph(agencyRuleMm(header.issuingAgency), headerCellTextMm(HEADER_LEFT_MM), { before: pt(HEADER.ruleGapPt) }),
  ];
  const right: string[] = [
    centredLine(NATIONAL_TITLE, { sizePt: NATIONAL_TITLE_PT, bold: true }),
    centredLine(MOTTO, { sizePt: MOTTO_PT, bold: true }),
    ruleParagraph(MOTTO_RULE_MM, headerCellTextMm(HEADER_RIGHT_MM)),
  ];
  const rows = [layoutRow([layoutCell(HEADER_LEFT_MM, left), layoutCell(HEADER_RIGHT_MM, right)])];

  // Mục 4.2 (văn bản ban hành kèm theo quyết định): no Số and no place/date row.
  if (header.numberLine !== undefined || header.placeDateLine !== undefined) {
    const before = pt(HEADER.secondRowBeforePt);
    const dateLine = header.placeDateLine ?? '';
    const datePt = placeDateSizePt(dateLine);
    rows.push(
      layoutRow([
        layoutCell(HEADER_LEFT_MM, [
          centredLine(lineContent(header.numberLine ?? '', tracked.numberLine, { sizePt: NUMBER_PT }, revisions), { sizePt: NUMBER_PT }, {
            before: before + baselineShift(NUMBER_PT, datePt),
          }),
        ]),
        layoutCell(HEADER_RIGHT_MM, [
          centredLine(lineContent(dateLine, tracked.placeDateLine, { sizePt: datePt, italic: true }, revisions), { sizePt: datePt, italic: true }, { before }),
        ]),
      ]),
    );
  }
  return layoutTable([HEADER_LEFT_MM, HEADER_RIGHT_MM], rows);
}
