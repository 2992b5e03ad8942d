// The imported plan as a YAML source file: the schema modeline, a comment that says where it came
// from, the plan in the format's own key order, and, as comments at the end, every piece of the
// input that could not be placed (with its line), so nothing is lost.
import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { KeHoach } from '../model/source-types.generated.ts';
import type { Unplaced } from './recognise.ts';

const ORDER: (keyof KeHoach)[] = [
  'ke_thua', 'don_vi', 'co_quan_chu_quan', 'co_quan_ban_hanh', 'loai', 'ten_loai', 'so', 'ky_hieu', 'ngay', 'trich_yeu',
  'bien', 'thuc_hien', 'quyet_dinh', 'can_cu', 'mo_dau', 'noi_dung', 'loi_ket', 'ky', 'noi_nhan', 'phu_luc',
];

export interface EmitOptions {
  /** Path from the written file to schemas/plan.schema.json. */
  schemaPath: string;
  /** First comment lines (origin of the import). */
  comment: string[];
  unplaced: Unplaced[];
  /** How a place in the input is named in comments: "dòng 12" or "đoạn 12". */
  placeName: string;
  /** One line for each entry whose values are all scalars, as hand-written child plans are. */
  compact?: boolean;
}

export function emitPlan(plan: Partial<KeHoach>, opts: EmitOptions): string {
  const ordered: Record<string, unknown> = {};
  for (const k of ORDER) if (plan[k] !== undefined) ordered[k] = plan[k];
  for (const [k, v] of Object.entries(plan)) if (!(k in ordered) && v !== undefined) ordered[k] = v;
  const doc = new Document(ordered);
  if (opts.compact) compact(doc.contents, true);
  let text = doc.toString({ lineWidth: 0 });
  const head = [`# yaml-language-server: $schema=${opts.schemaPath}`, ...opts.comment.map((c) => `# ${c}`)].join('\n');
  text = `${head}\n${text}`;
  if (opts.unplaced.length) {
    const lines = ['', '# --- Phần chưa xếp được vào kế hoạch (giữ nguyên từ tệp nhập) ---'];
    for (const u of opts.unplaced) {
      lines.push(`# [${opts.placeName} ${u.at.line}]`);
      for (const l of u.text.split('\n')) lines.push(`#   ${l}`);
    }
    text += lines.join('\n') + '\n';
  }
  return text;
}

/** Collections of scalars (and of such collections) written on one line, children first. */
function compact(node: unknown, root = false): boolean {
  if (isMap(node)) {
    const flat = node.items.map((p) => isScalar(p.value) || compact(p.value)).every(Boolean);
    if (flat && !root) node.flow = true;
    return flat && !root;
  }
  if (isSeq(node)) {
    const flat = node.items.map((i) => isScalar(i) || compact(i)).every(Boolean);
    const short = node.items.every((i) => isScalar(i) && String(i.value).length < 80);
    if (flat && short) node.flow = true;
    return flat && short;
  }
  return false;
}
