// The roll-up as a document model: one landscape appendix-style section holding the table, so the
// ordinary DOCX writer lays it out in the official table style (like Phụ lục II of 106/KH-UBND).
import type { Annex, PlanDocument, TableBlock, TableCell, TextBlock } from '../model/types.ts';
import { fitWidths } from '../model/table.ts';
import { tableWidthMm } from '../model/page.ts';
import type { Rollup } from './rollup.ts';

const cell = (text: string, opts: Partial<TableCell> = {}): TableCell => ({
  paragraphs: [[{ text, ...(opts.bold ? { bold: true } : {}) }]],
  colSpan: 1,
  rowSpan: 1,
  align: 'center',
  ...opts,
});

export const ROLLUP_ANNEX_ID = 'tong-hop-chi-tieu';

export function rollupDocument(parentDoc: PlanDocument, r: Rollup): PlanDocument {
  const widths = fitWidths([6, 30, ...r.indicators.map(() => 12)], tableWidthMm('landscape'));
  const table: TableBlock = {
    type: 'table',
    columns: widths.map((w, i) => ({ id: i === 0 ? 'stt' : i === 1 ? 'don-vi' : r.indicators[i - 2].key, widthMm: w, align: i === 1 ? 'left' : 'center' })),
    header: [
      {
        kind: 'header',
        ref: 'tong-hop/header',
        cells: [cell('STT', { bold: true }), cell('Đơn vị', { bold: true }), ...r.indicators.map((i) => cell(`${i.name} (${i.column})`, { bold: true }))],
      },
    ],
    body: [
      {
        kind: 'group',
        ref: 'tong-hop/toi-thieu',
        cells: [cell(''), cell(`Mức tối thiểu ${parentDoc.plan.header.issuingAgency.join(' ').toLowerCase().replace(/^ủy ban nhân dân/, 'UBND')} giao`, { bold: true, align: 'left' }), ...r.minimum.map((c) => cell(c.text, { bold: true }))],
      },
      ...r.rows.map((row, i) => ({
        kind: 'data' as const,
        ref: `tong-hop/${row.unit}`,
        cells: [
          cell(`${i + 1}`),
          cell(row.name, { align: 'left' }),
          ...row.cells.map((c) => (c.short ? { ...cell(`${c.text} (thấp hơn)`), paragraphs: [[{ text: `${c.text} (thấp hơn)`, bold: true, italic: true }]] } : cell(c.text))),
        ],
      })),
    ],
    fontSizePt: 11,
    ref: 'tong-hop',
  };
  const notes: TextBlock[] = [];
  if (r.withoutPlan.length) {
    notes.push({ type: 'text', role: 'annex-heading', ref: 'tong-hop/chua-co', runs: [{ text: `Đơn vị chưa có kế hoạch (${r.withoutPlan.length})` }] });
    r.withoutPlan.forEach((u) => notes.push({ type: 'text', role: 'paragraph', label: '-', ref: `tong-hop/chua-co/${u.unit}`, runs: [{ text: u.name }] }));
  }
  const number = parentDoc.plan.header.numberLine?.replace(/^Số:\s*/, '') ?? '';
  const annex: Annex = {
    id: ROLLUP_ANNEX_ID,
    label: 'Bảng tổng hợp',
    fileStem: 'tong-hop-chi-tieu',
    title: `CHỈ TIÊU CỦA CÁC ĐƠN VỊ TRIỂN KHAI KẾ HOẠCH SỐ ${number}`.toUpperCase(),
    attachedNote: `(Tổng hợp từ ${r.rows.length} kế hoạch cấp dưới; ô in nghiêng đậm là chỉ tiêu thấp hơn mức tối thiểu)`,
    orientation: 'landscape',
    blocks: [table, ...notes],
  };
  return { ...parentDoc, annexes: [annex], decision: undefined };
}
