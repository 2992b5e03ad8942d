// The target helper ({{chi_tieu "row-id"}}): text that states a target takes it from the target
// itself, so the number is written once and a child that raises it changes every sentence.
import type { TargetCell } from '../check/targets.ts';
import { formatNumber, type Target } from './targets.ts';

/** How a sentence states a target: "45%" (so) or "tối thiểu 45%" (day_du). */
export type TargetForm = 'so' | 'day_du';

/** "45%", "45 hồ sơ"; the unit comes from the target, else from the row's `dvt` cell. */
function valueWithUnit(t: Target, unit: string | undefined): string {
  const u = t.unit ?? unit;
  if (!u) return formatNumber(t.value);
  return u === '%' ? `${formatNumber(t.value)}%` : `${formatNumber(t.value)} ${u}`;
}

/** "45%" / "tối thiểu 45%", "trên 95%", "từ 80% trở lên" (day_du). */
export function targetPhrase(t: Target, unit: string | undefined, form: TargetForm): string {
  const v = valueWithUnit(t, unit);
  if (form === 'so') return v;
  switch (t.op) {
    case 'toi_thieu':
      return `tối thiểu ${v}`;
    case '>':
      return `trên ${v}`;
    case '>=':
      return `từ ${v} trở lên`;
    default:
      return v;
  }
}

export type TargetLookup = { cell: TargetCell } | { problem: string };

/** The one target cell of row `rowId` (in column `column`, a column id or chi_so, when the row has several). */
export function findTarget(cells: readonly TargetCell[], rowId: string, column: string | undefined): TargetLookup {
  const rows = cells.filter((c) => c.rowId === rowId);
  if (rows.length === 0) {
    const ids = [...new Set(cells.map((c) => c.rowId).filter(Boolean))];
    return { problem: `Không có chỉ tiêu ở dòng mã "${rowId}" trong các bảng phụ lục${ids.length ? ` (các dòng có chỉ tiêu: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''})` : ''}` };
  }
  const inColumn = column === undefined ? rows : rows.filter((c) => c.column.id === column || c.column.col.chi_so === column);
  if (inColumn.length === 0) return { problem: `Dòng "${rowId}" không có chỉ tiêu ở cột "${column}" (các cột: ${rows.map((c) => c.column.id).join(', ')})` };
  if (inColumn.length > 1) return { problem: `Dòng "${rowId}" có ${inColumn.length} chỉ tiêu; ghi rõ cột, ví dụ {{chi_tieu "${rowId}" cot="${inColumn[0].column.id}"}}` };
  if (!inColumn[0].target) return { problem: `Ô chỉ tiêu của dòng "${rowId}" không phải là chỉ tiêu có số (ví dụ "Tối thiểu 45")` };
  return { cell: inColumn[0] };
}
