// The text of a new child plan (kehoach new): only the parent link, the unit, a blank number and
// date, the signer from the unit directory and the implementing reference; then comments listing,
// with ids and current values, what a commune usually changes (targets, implementing units, sections).
import path from 'node:path';
import { stringify } from 'yaml';
import type { DonVi } from '../model/source-types.generated.ts';
import type { PlanDocument } from '../model/types.ts';
import type { ProjectData, ResolvedSource } from '../load/types.ts';
import { parentSchemaPath } from './parent-ids-schema.ts';
import { collectTargets, targetText, type TargetCell } from './targets.ts';
import { unitNames } from '../template/unit-names.ts';
import { planCitation } from '../model/implemented.ts';
import { viewAtLevel } from '../load/level-parts.ts';
import { projectOn } from '../load/units-in-time.ts';

export interface ChildPlanInput {
  root: string;
  parentFile: string; // project-relative
  target: string; // project-relative path of the new file
  parent: ResolvedSource;
  parentDoc: PlanDocument;
  unit: DonVi;
  project: ProjectData;
}

const comment = (text: string) => text.split('\n').map((l) => (l ? `# ${l}` : '#')).join('\n');

function signer(unit: DonVi): Record<string, string> {
  const chair = unit.lanh_dao?.find((l) => l.chuc_vu.toUpperCase() === 'CHỦ TỊCH') ?? unit.lanh_dao?.[0];
  const ky: Record<string, string> = { thay_mat: 'ỦY BAN NHÂN DÂN' };
  if (chair && chair.chuc_vu.toUpperCase() !== 'CHỦ TỊCH') ky.ky_thay = 'CHỦ TỊCH';
  ky.chuc_vu = chair?.chuc_vu ?? 'CHỦ TỊCH';
  if (chair?.ho_ten) ky.ho_ten = chair.ho_ten;
  return ky;
}

function targetSkeleton(targets: TargetCell[]): string {
  if (targets.length === 0) return '';
  // Rebuild the nested override structure once, then comment it out line by line.
  type Node = { id: string; list: string; children: Node[]; cells: TargetCell[] };
  const roots: Node[] = [];
  for (const t of targets) {
    let level = roots;
    let node: Node | undefined;
    for (const step of t.path) {
      node = level.find((n) => n.id === step.id && n.list === step.list);
      if (!node) level.push((node = { id: step.id, list: step.list, children: [], cells: [] }));
      level = node.children;
    }
    node!.cells.push(t);
  }
  const lines: string[] = [];
  const emit = (nodes: Node[], indent: string, key: string) => {
    lines.push(`${indent}${key}:`);
    const groups = new Map<string, Node[]>();
    for (const n of nodes) groups.set(n.list, [...(groups.get(n.list) ?? []), n]);
    for (const n of nodes) {
      lines.push(`${indent}  - id: ${n.id}`);
      for (const c of n.cells) {
        lines.push(`${indent}    o: { ${c.columnId}: ${JSON.stringify(targetText(c.value))} }   # ${c.rowName.slice(0, 70)}`);
      }
      const childGroups = new Map<string, Node[]>();
      for (const ch of n.children) childGroups.set(ch.list, [...(childGroups.get(ch.list) ?? []), ch]);
      for (const [list, kids] of childGroups) {
        if (list === 'bang.dong') {
          lines.push(`${indent}    bang:`);
          emit(kids, indent + '      ', 'dong');
        } else emit(kids, indent + '    ', list);
      }
    }
  };
  emit(roots, '', 'phu_luc');
  return lines.join('\n');
}

/**
 * The draft's date: the parent's year ("2024": the blanks of a date to fill in), unless the unit
 * no longer exists at the end of that year (a ward merged on 1 July 2025 under a plan of March
 * 2025), then the parent's month, then the parent's own day — a draft dated after its unit ended
 * would not compile.
 */
function draftDateFor(unitId: string, parentDate: string | null | undefined, year: number, project: ProjectData): string {
  const candidates = [String(year), ...(typeof parentDate === 'string' ? [parentDate.slice(0, 7), parentDate] : [])];
  return candidates.find((d) => projectOn(project, d).units.has(unitId)) ?? String(year);
}

/** A filled-in date of the draft's period, for the comment that shows the clerk the form. */
function exampleDate(draft: string): string {
  if (draft.length === 4) return `${draft}-03-18`;
  if (draft.length === 7) return `${draft}-18`;
  return draft;
}

export function childPlanSource(input: ChildPlanInput): string {
  const { parent, parentDoc, unit, project } = input;
  const fromDir = path.posix.dirname(input.target);
  const parentLink = path.posix.relative(fromDir, input.parentFile);
  // The parent's fragment of the child-plan schema: inherited keys optional, the parent's ids offered.
  const schema = path.posix.relative(fromDir, parentSchemaPath(input.parentFile));
  const year = parentDoc.meta.year;
  const draftDate = draftDateFor(unit.id, parent.data.ngay, year, project);
  const name = unitNames(unit, project.levels).ten_day_du;
  const head = {
    ke_thua: parentLink,
    don_vi: unit.id,
    so: null,
    ngay: draftDate,
    // The city's legal bases are the city's: a commune plan cites the plan it implements instead.
    can_cu: [],
    thuc_hien: { ke_hoach: parentLink },
    ky: signer(unit),
    noi_nhan: {
      danh_sach: [
        ...(unit.thuoc && project.units.get(unit.thuoc) ? [`UBND ${unitNames(project.units.get(unit.thuoc)!, project.levels).ten_day_du} (b/c)`] : []),
        `CT, các PCT UBND ${unitNames(unit, project.levels).cap}`,
        'Các cơ quan, bộ phận chuyên môn',
      ],
      luu: ['VT'],
    },
  };
  // What the child will inherit: the parent's whole template as seen at the child's level.
  const inherited = viewAtLevel(parent.template ?? parent.data, unit.cap);
  const sections = (inherited.noi_dung ?? []).map((s) => {
    const items = (s.muc ?? []).map((m) => `#     - ${m.id ?? '(không id)'}: ${(m.tieu_de ?? (Array.isArray(m.noi_dung) ? m.noi_dung[0] : m.noi_dung) ?? '').slice(0, 70)}`);
    return [`#   ${s.id ?? '(không id)'}: ${(s.tieu_de ?? '').slice(0, 70)}`, ...items].join('\n');
  });
  const targets = targetSkeleton(collectTargets(inherited));
  return [
    `# yaml-language-server: $schema=${schema}`,
    `# Kế hoạch của ${name} triển khai ${planCitation(parent, project)} (${input.parentFile}).`,
    `# Tạo bằng: kehoach new --from ${input.parentFile} --unit ${unit.id}`,
    `# Kế hoạch này kế thừa toàn bộ nội dung kế hoạch cấp trên; chỉ ghi những gì khác.`,
    '',
    stringify(head, { lineWidth: 0 }).trimEnd(),
    '',
    comment(
      'Văn thư điền số và ngày khi ban hành: so: 12, ngay: ' + exampleDate(draftDate) + '.\n' +
        'Chỉ tiêu: mặc định bằng mức tối thiểu cấp trên giao; muốn giao cao hơn, bỏ dấu # ở các dòng dưới và sửa giá trị\n' +
        '(không được thấp hơn mức cấp trên giao: kehoach check báo lỗi). Sửa ở đây là đủ: lời văn nêu chỉ tiêu (mục tiêu,\n' +
        'cột kết quả) lấy số từ chính chỉ tiêu bằng {{chi_tieu "<mã dòng>"}}, nên tự đổi theo.',
    ),
    targets ? comment(targets) : '# (kế hoạch cấp trên không có chỉ tiêu trong phụ lục)',
    '',
    comment('Các phần và mục của kế hoạch cấp trên (id: nội dung). Bỏ một mục không áp dụng:\n  noi_dung: [{ id: <id phần>, muc: [{ id: <id mục>, $xoa: true }] }]'),
    ...sections,
    '',
  ].join('\n');
}
