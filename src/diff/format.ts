// Human-readable rendering of changes, in Vietnamese; ANSI colour on a terminal only.
import type { Change } from './semantic.ts';
import type { WordOp } from './words.ts';

export interface Palette {
  add(s: string): string;
  del(s: string): string;
  head(s: string): string;
}

export const plain: Palette = { add: (s) => s, del: (s) => s, head: (s) => s };
export const colour: Palette = {
  add: (s) => `\x1b[32m${s}\x1b[0m`,
  del: (s) => `\x1b[31m${s}\x1b[0m`,
  head: (s) => `\x1b[1m${s}\x1b[0m`,
};

const CONTEXT = 6;
/** Shortens at a word boundary, so a clipped name never ends in half a Vietnamese syllable. */
const clip = (s: string, n = 160) => {
  if (s.length <= n) return s;
  const cut = s.slice(0, n - 1);
  const space = cut.lastIndexOf(' ');
  return (space > n / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '') + ' …';
};

/** Word diff with a few words of context around each change: "… giữ [-cũ-]{+mới+} giữ …". */
export function formatWords(ops: WordOp[], p: Palette): string {
  const parts: string[] = [];
  ops.forEach((o, i) => {
    if (o.op === 'del') parts.push(p.del(`[-${o.text}-]`));
    else if (o.op === 'ins') parts.push(p.add(`{+${o.text}+}`));
    else {
      const words = o.text.split(' ');
      const first = i === 0;
      const last = i === ops.length - 1;
      if (words.length <= CONTEXT * 2 || (first && last)) parts.push(first && last ? clip(o.text) : o.text);
      else if (first) parts.push('… ' + words.slice(-CONTEXT).join(' '));
      else if (last) parts.push(words.slice(0, CONTEXT).join(' ') + ' …');
      else parts.push(words.slice(0, CONTEXT).join(' ') + ' … ' + words.slice(-CONTEXT).join(' '));
    }
  });
  return parts.join(' ');
}

export function formatChange(c: Change, p: Palette): string {
  switch (c.kind) {
    case 'meta':
      return `  ~ ${c.where}: ${p.del(c.old || '(trống)')} → ${p.add(c.new || '(trống)')}`;
    case 'added':
      return `  ${p.add('+')} Thêm ${c.where}: ${p.add(clip(c.text))}`;
    case 'removed':
      return `  ${p.del('-')} Bỏ ${c.where}: ${p.del(clip(c.text))}`;
    case 'moved':
      return `  ↕ Chuyển ${c.from} thành ${c.where}: ${clip(c.text, 80)}`;
    case 'reworded':
      return `  ~ Sửa ${c.where}: ${formatWords(c.words, p)}`;
    case 'row-added':
      return `  ${p.add('+')} Thêm ${c.where}: ${p.add(clip(c.text))}`;
    case 'row-removed':
      return `  ${p.del('-')} Bỏ ${c.where}: ${p.del(clip(c.text))}`;
    case 'target':
    case 'cell':
      return `  ~ ${c.where}, ${clip(c.row, 70)}, ${c.column}: ${p.del(c.old || '(trống)')} → ${p.add(c.new || '(trống)')}`;
  }
}

export interface PlanHeading {
  source: string;
  /** "Kế hoạch số 1590/KH-UBND" */
  number?: string;
  /** The plan's own file did not change: the changes reach it from the plan it inherits. */
  inheritedOnly?: boolean;
}

export function formatPlanChanges(heading: PlanHeading | string, changes: Change[], p: Palette): string {
  const h = typeof heading === 'string' ? { source: heading } : heading;
  const count = `${changes.length} thay đổi`;
  const title = [h.source, h.number ? `(${h.number})` : '', `— ${count}`].filter(Boolean).join(' ');
  const lines = [p.head(title)];
  if (h.inheritedOnly) lines.push('  (tệp này không sửa; thay đổi đến từ kế hoạch mà nó kế thừa)');
  return [...lines, ...changes.map((c) => formatChange(c, p))].join('\n') + '\n';
}
