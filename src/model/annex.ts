// phu_luc → Annex. Nghị định 30, Phụ lục I, mục III.1: two or more appendices are numbered in
// Roman numerals ("Phụ lục I", "Phụ lục II"), a single one is "Phụ lục"; the heading gives the
// number, date and issuer of the main text: "(Kèm theo Kế hoạch số … ngày … của …)".
import type { JsonPath } from '../load/types.ts';
import type { KeHoach, MucPhuLuc } from './source-types.generated.ts';
import type { Annex, Block } from './types.ts';
import type { BuildContext } from './context.ts';
import { roman } from './numbering.ts';
import { buildTable } from './table.ts';
import { toList } from './body.ts';
import { runsText, upper } from '../text/case.ts';
import type { PageOrientation } from './page.ts';

export function annexLabels(data: KeHoach): Map<string, string> {
  const list = data.phu_luc ?? [];
  const out = new Map<string, string>();
  list.forEach((a, i) => {
    if (a.id) out.set(a.id, list.length === 1 ? 'Phụ lục' : `Phụ lục ${roman(i + 1)}`);
  });
  return out;
}

export function buildAnnexes(ctx: BuildContext, attachedNote: string): Annex[] {
  const list = ctx.src.data.phu_luc ?? [];
  return list.map((a, i) => {
    const path: JsonPath = ['phu_luc', i];
    const id = a.id ?? `phu-luc-${i + 1}`;
    const ref = `phu-luc/${id}`;
    const orientation: PageOrientation = a.huong === 'doc' ? 'portrait' : 'landscape';
    const blocks: Block[] = [];
    paragraphs(ctx, a.noi_dung, [...path, 'noi_dung'], ref, blocks);
    if (a.bang) blocks.push(buildTable(ctx, a.bang, [...path, 'bang'], `${ref}/bang`, orientation));
    if (a.muc) sections(ctx, a.muc, [...path, 'muc'], [], ref, orientation, blocks);
    const single = list.length === 1;
    return {
      id,
      label: single ? 'Phụ lục' : `Phụ lục ${roman(i + 1)}`,
      fileStem: single ? 'phu-luc' : `phu-luc-${i + 1}`,
      title: a.tieu_de === undefined ? '' : upper(runsText(ctx.text.runs(a.tieu_de, [...path, 'tieu_de']))),
      attachedNote,
      orientation,
      blocks,
    };
  });
}

function paragraphs(ctx: BuildContext, value: string | string[] | undefined, path: JsonPath, ref: string, out: Block[]) {
  toList(value).forEach((s, k) =>
    out.push({ type: 'text', role: 'paragraph', runs: ctx.text.runs(s, Array.isArray(value) ? [...path, k] : path), ref: `${ref}/noi-dung/${k}` }),
  );
}

/** Sections "1.", "2." and "9.1.", "9.2." (role annex-heading), each with text and a table. */
function sections(ctx: BuildContext, list: readonly MucPhuLuc[], path: JsonPath, prefix: number[], refBase: string, orientation: PageOrientation, out: Block[]) {
  list.forEach((m, i) => {
    const p = [...path, i];
    const number = [...prefix, i + 1];
    const ref = `${refBase}/${m.id ?? i}`;
    out.push({ type: 'text', role: 'annex-heading', label: `${number.join('.')}.`, runs: m.tieu_de === undefined ? [] : ctx.text.runs(m.tieu_de, [...p, 'tieu_de']), ref });
    paragraphs(ctx, m.noi_dung, [...p, 'noi_dung'], ref, out);
    if (m.bang) out.push(buildTable(ctx, m.bang, [...p, 'bang'], `${ref}/bang`, orientation));
    if (m.muc) sections(ctx, m.muc, [...p, 'muc'], number, ref, orientation, out);
  });
}
