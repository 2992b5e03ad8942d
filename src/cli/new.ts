// `kehoach new --from PARENT.yaml --unit UNIT_ID [--unit …] [--out PATH]`: writes, for each unit, a
// child plan that inherits everything from PARENT and holds only the unit, a blank number and date,
// the signer, the implementing reference and comments listing what a commune usually changes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCommandLine } from './args.ts';
import { UsageError } from './usage-error.ts';
import { findProjectRoot, relativeToRoot } from '../project/root.ts';
import { Compiler } from '../pipeline/compiler.ts';
import { formatDiagnostic, hasErrors } from '../load/diagnostic.ts';
import { writeFileAtomic } from '../build/atomic-write.ts';
import { childPlanSource } from '../generate/child-plan.ts';
import { parentIdsSchema, parentSchemaPath } from '../generate/parent-ids-schema.ts';
import { projectOn } from '../load/units-in-time.ts';
import { unitNames } from '../template/unit-names.ts';
import type { ProjectData } from '../load/types.ts';
import type { CliIo } from './io.ts';

export async function runNew(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine('new', args);
  if (positionals.length) throw new UsageError(`đối số thừa: ${positionals.join(' ')}`);
  if (!values.from) throw new UsageError('thiếu --from CHA.yaml (kế hoạch mẫu cấp trên)');
  const units = values.unit ?? [];
  if (units.length === 0) throw new UsageError('thiếu --unit MÃ_ĐƠN_VỊ (xem danh mục: kehoach units)');
  if (values.out && units.length > 1) throw new UsageError('--out chỉ dùng được khi tạo cho một đơn vị');

  const root = findProjectRoot(io.cwd);
  const compiler = new Compiler(root);
  const project = compiler.project();
  const parentFile = relativeToRoot(root, values.from);
  if (!existsSync(path.join(root, parentFile))) {
    io.stderr.write(`kehoach new: không tìm thấy kế hoạch mẫu '${values.from}'\n`);
    return 1;
  }
  const parent = compiler.compile(parentFile);
  const diagnostics = [...project.diagnostics, ...parent.diagnostics];
  for (const d of diagnostics) io.stderr.write(formatDiagnostic(d) + '\n');
  if (!parent.ok || !parent.resolved || !parent.doc || !project.value || hasErrors(diagnostics)) {
    io.stderr.write(`kehoach new: kế hoạch mẫu '${parentFile}' còn lỗi, sửa trước khi tạo kế hoạch cấp dưới\n`);
    return 1;
  }
  // The child is written for the parent's date: units and their superiors as they stood then.
  const dated = projectOn(project.value, parent.resolved.data.ngay);
  const parentUnit = parent.resolved.data.don_vi;
  let failed = false;
  let written = 0;
  for (const unitId of units) {
    const unit = dated.units.get(unitId);
    if (!unit) {
      const known = dated.unitRecords.has(unitId);
      io.stderr.write(
        known
          ? `kehoach new: đơn vị '${unitId}' không tồn tại vào ngày của kế hoạch mẫu (${parent.resolved.data.ngay}); xem: kehoach units ${unitId}\n`
          : `kehoach new: không có đơn vị '${unitId}' trong danh mục (xem: kehoach units)\n`,
      );
      failed = true;
      continue;
    }
    if (parentUnit && !isUnder(dated, unitId, parentUnit)) {
      const parentName = dated.units.get(parentUnit) ? unitNames(dated.units.get(parentUnit)!, dated.levels).ten_day_du : parentUnit;
      io.stderr.write(
        `kehoach new: đơn vị '${unitId}' (${unitNames(unit, dated.levels).ten_day_du}) không thuộc ${parentName} ('${parentUnit}'), ` +
          `đơn vị ban hành kế hoạch mẫu ${parentFile}; chọn đơn vị cấp dưới của '${parentUnit}' (xem: kehoach units --ngay ${dated.date})\n`,
      );
      failed = true;
      continue;
    }
    const province = parentFile.split('/')[1] ?? '';
    const target = values.out
      ? relativeToRoot(root, values.out)
      : `plans/${province}/${unit.id}/${path.posix.basename(parentFile)}`;
    if (existsSync(path.join(root, target))) {
      io.stderr.write(`kehoach new: '${target}' đã có, không ghi đè (xóa hoặc chọn --out khác)\n`);
      failed = true;
      continue;
    }
    if (!target.startsWith('plans/')) {
      io.stderr.write(`kehoach new: kế hoạch phải nằm trong plans/ ('${target}')\n`);
      failed = true;
      continue;
    }
    const text = childPlanSource({ root, parentFile, target, parent: parent.resolved, parentDoc: parent.doc, unit, project: dated });
    writeFileAtomic(path.join(root, target), text);
    written++;
    io.stdout.write(`${target}\n`);
    if (!unit.lanh_dao?.some((l) => l.ho_ten)) {
      io.stderr.write(
        `kehoach new: cảnh báo: danh mục không có họ tên người ký của ${unitNames(unit, dated.levels).ten_day_du}; ` +
          `khối chữ ký để trống — ghi ky.ho_ten trong ${target} hoặc lanh_dao của '${unit.id}' trong data/don-vi/\n`,
      );
    }
  }
  // The schema the new children name in their modeline, from the parent as it stands now.
  if (written > 0) writeFileAtomic(path.join(root, parentSchemaPath(parentFile)), parentIdsSchema(parentFile, parent.resolved.data));
  return failed ? 1 : 0;
}

/** Whether `id` lies below `ancestor` in the unit tree of the view's date. */
function isUnder(project: ProjectData, id: string, ancestor: string): boolean {
  const seen = new Set<string>();
  for (let cur = project.units.get(id)?.thuoc; cur && !seen.has(cur); cur = project.units.get(cur)?.thuoc) {
    if (cur === ancestor) return true;
    seen.add(cur);
  }
  return false;
}
