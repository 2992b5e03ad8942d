// id-in-two-lists: an id is unique within its list (duplicate-id), but the same id on items of two
// different lists of the body (I.1 and II.1 both "kiem-tra"), or on rows of two annex tables, makes
// every reference by id ambiguous: {{muc "…"}}, {{chi_tieu "…"}}, a child's override, a diff line.
import type { Diagnostic } from '../load/diagnostic.ts';
import type { JsonPath, ResolvedSource } from '../load/types.ts';
import { describePathIn } from '../load/validate.ts';

type Node = { id?: unknown; muc?: unknown; dong?: unknown; bang?: { dong?: unknown } };

export function checkRepeatedIds(src: ResolvedSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const scan = (what: string, seen: Map<string, JsonPath>, list: unknown, path: JsonPath, child: (n: Node, p: JsonPath) => void) => {
    if (!Array.isArray(list)) return;
    list.forEach((n: Node, i) => {
      if (!n || typeof n !== 'object') return;
      const p = [...path, i];
      if (typeof n.id === 'string') {
        const first = seen.get(n.id);
        if (first) {
          out.push({
            ...src.origin([...p, 'id']),
            severity: 'warning',
            rule: 'id-in-two-lists',
            message: `mã '${n.id}' đã dùng cho ${what} khác ('${describePathIn(first, src.data)}'); một mã chỉ nên có ở một ${what} của kế hoạch, để tham chiếu theo mã ({{muc}}, {{chi_tieu}}, kế hoạch con, kehoach diff) chỉ đúng một chỗ: đổi một trong hai mã`,
          });
        } else seen.set(n.id, p);
      }
      child(n, p);
    });
  };
  const items = new Map<string, JsonPath>();
  const walkItems = (list: unknown, path: JsonPath) => scan('mục', items, list, path, (n, p) => walkItems(n.muc, [...p, 'muc']));
  walkItems(src.data.noi_dung, ['noi_dung']);
  const rows = new Map<string, JsonPath>();
  const walkRows = (list: unknown, path: JsonPath) => scan('dòng', rows, list, path, (n, p) => walkRows(n.dong, [...p, 'dong']));
  (src.data.phu_luc ?? []).forEach((annex, a) => {
    const at: JsonPath = ['phu_luc', a];
    if (annex.bang) walkRows(annex.bang.dong, [...at, 'bang', 'dong']);
    (annex.muc ?? []).forEach((m, k) => m.bang && walkRows(m.bang.dong, [...at, 'muc', k, 'bang', 'dong']));
  });
  return out;
}
