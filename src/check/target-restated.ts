// target-restated: a child that changes a superior's target must not keep stating the old number
// in its text. Text that takes the number from the target ({{chi_tieu "…"}}) follows the change;
// a number typed in a sentence does not, and the plan then contradicts itself.
import type { Diagnostic } from '../load/diagnostic.ts';
import type { ResolvedSource } from '../load/types.ts';
import { typedText, type RenderedText } from '../template/render.ts';
import { formatNumber, formatTarget } from '../model/targets.ts';
import { targetCells } from './targets.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function checkRestatedTargets(src: ResolvedSource, texts: readonly RenderedText[]): Diagnostic[] {
  const superior = src.binding ?? src.parent;
  if (!superior) return [];
  const before = new Map(targetCells(superior.data).filter((c) => c.rowId && c.target).map((c) => [c.key, c]));
  const out: Diagnostic[] = [];
  const cells = targetCells(src.data);
  // The target cells themselves state each indicator's own value.
  const targetPaths = new Set(cells.map((c) => JSON.stringify(c.path)));
  const prose = texts.filter((t) => !targetPaths.has(JSON.stringify(t.path)));
  for (const cell of cells) {
    const old = cell.rowId && cell.target ? before.get(cell.key) : undefined;
    if (!old?.target || !cell.target || old.target.value === cell.target.value) continue;
    const unit = old.target.unit ?? old.unit;
    const number = escape(formatNumber(old.target.value));
    // "45%" when the indicator is a percentage; a bare number otherwise.
    const pattern = new RegExp(`(?<![\\d.,])${number}${unit === '%' ? '\\s?%' : '(?![\\d.,]?\\d)'}`, 'u');
    for (const t of prose) {
      if (!pattern.test(typedText(t))) continue;
      out.push({
        ...t.origin,
        severity: 'warning',
        rule: 'target-restated',
        message:
          `Văn bản còn ghi số ${formatNumber(old.target.value)}${unit === '%' ? '%' : ''} của chỉ tiêu "${cell.rowName.slice(0, 60).trim()}" mà kế hoạch này đã đổi thành "${formatTarget(cell.target)}"; ` +
          `lấy số từ chỉ tiêu bằng {{chi_tieu "${cell.rowId}"}} (hoặc sửa số trong câu)`,
      });
    }
  }
  return out;
}
