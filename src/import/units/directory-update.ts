// What importing the official list changes in data/don-vi: a unit whose code the directory already
// has keeps its id, its history and everything written by hand (leaders, own wording); a state
// that differs from the list is a warning for a person to write as a dated change, never a silent
// rewrite. A new unit is appended to its province's file, in the directory's own one-line form,
// with an id made the way the directory makes them: the name's words ("cam-hiep"), prefixed with
// the province's id when another unit holds that slug ("an-giang-long-xuyen"), or suffixed with
// its code as a last resort.
import path from 'node:path';
import { Document } from 'yaml';
import type { Diagnostic } from '../../load/diagnostic.ts';
import type { ProjectData } from '../../load/types.ts';
import { LATEST, existsOn, stateOn } from '../../load/units-in-time.ts';
import type { DonVi } from '../../model/source-types.generated.ts';
import { foldWords } from '../slug.ts';
import type { ImportedUnit } from './rows.ts';

export interface FileUpdate {
  /** Project-relative path (data/don-vi/<province>.yaml). */
  file: string;
  /** Whether the file exists already (then `text` is its old text plus the new lines). */
  exists: boolean;
  text: string;
  added: DonVi[];
  kept: number;
}

const isProvince = (u: { cap: string }) => u.cap === 'tinh' || u.cap === 'thanh_pho_tw';

/** Every code a unit has had, newest state first. */
function codesOf(unit: DonVi): string[] {
  return [...(unit.thay_doi ?? []).map((c) => c.ma).reverse(), unit.ma].filter((c): c is string => typeof c === 'string');
}

function flowLine(unit: DonVi): string {
  const doc = new Document(unit);
  (doc.contents as { flow?: boolean }).flow = true;
  return `- ${doc.toString({ lineWidth: 0 }).trim()}`;
}

export function planUpdate(
  imported: ImportedUnit[],
  project: ProjectData,
  opts: { file: string; source: string; existingText(file: string): string | undefined },
): { updates: FileUpdate[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const warn = (u: ImportedUnit, col: number, message: string, severity: 'error' | 'warning' = 'warning') =>
    diagnostics.push({ file: opts.file, line: u.row, col, severity, message, rule: 'units-import' });

  // Existing units by code. A code passes from unit to unit (46 was Thừa Thiên Huế province's and
  // is the city of Huế's since 2025), so the unit holding it on the list's date wins; failing
  // that, a unit that ever held it.
  const holders = new Map<string, DonVi[]>();
  for (const unit of project.unitRecords.values()) {
    for (const code of new Set(codesOf(unit))) holders.set(code, [...(holders.get(code) ?? []), unit]);
  }
  const findByCode = (code: string, day: string): DonVi | undefined => {
    const all = holders.get(code) ?? [];
    return all.find((u) => existsOn(u, day) && stateOn(u, day).ma === code) ?? all.find((u) => !u.den_ngay) ?? all[0];
  };
  const byCode = new Map<string, DonVi>();
  for (const u of imported) {
    const found = findByCode(u.ma, u.tu_ngay ?? LATEST);
    if (found) byCode.set(u.ma, found);
  }
  const usedIds = new Set(project.unitRecords.keys());
  const idOfCode = new Map<string, string>();
  const matched = new Set<string>();
  for (const u of imported) {
    const existing = byCode.get(u.ma);
    if (existing) {
      idOfCode.set(u.ma, existing.id);
      matched.add(u.ma);
    }
  }
  const importedByCode = new Map(imported.map((u) => [u.ma, u]));

  /** The province a unit belongs to, following superiors through the list and the directory. */
  const provinceOf = (u: ImportedUnit): ImportedUnit | undefined => {
    let cur: ImportedUnit | undefined = u;
    for (let guard = 0; cur && guard < 10; guard++) {
      if (isProvince(cur)) return cur;
      cur = cur.parentMa ? importedByCode.get(cur.parentMa) : undefined;
    }
    return undefined;
  };

  // Provinces first, so that their ids prefix their units' ids.
  const order = [...imported].sort((a, b) => Number(!isProvince(a)) - Number(!isProvince(b)));
  for (const u of order) {
    if (idOfCode.has(u.ma)) continue;
    const words = foldWords(u.ten);
    let base = words.join('-');
    if (!base || /^\d/.test(base)) base = `${u.cap.replace(/_/g, '-')}-${base || u.ma}`;
    const province = isProvince(u) ? undefined : provinceOf(u);
    const provinceId = province ? idOfCode.get(province.ma) : undefined;
    const candidates = [base, ...(provinceId ? [`${provinceId}-${base}`] : []), `${base}-${u.ma}`];
    const id = candidates.find((c) => !usedIds.has(c)) ?? `${base}-${u.ma}-${u.row}`;
    usedIds.add(id);
    idOfCode.set(u.ma, id);
  }

  const updates = new Map<string, FileUpdate>();
  for (const u of imported) {
    const id = idOfCode.get(u.ma)!;
    let thuoc: string | undefined;
    if (u.parentMa) {
      thuoc = idOfCode.get(u.parentMa) ?? findByCode(u.parentMa, u.tu_ngay ?? LATEST)?.id;
      if (!thuoc) {
        warn(u, u.parentCol ?? u.col, `mã cấp trên ${u.parentMa} không có trong danh mục nhập vào cũng như trong data/don-vi`, 'error');
        continue;
      }
    }
    if (matched.has(u.ma)) {
      // Compare with the directory's state on the list's date; report, never rewrite.
      const existing = byCode.get(u.ma)!;
      const state = stateOn(existing, u.tu_ngay ?? LATEST);
      const diffs: string[] = [];
      if (state.ten !== u.ten) diffs.push(`tên "${state.ten}" ≠ "${u.ten}"`);
      if (state.cap !== u.cap) diffs.push(`cấp ${state.cap} ≠ ${u.cap}`);
      if ((state.thuoc ?? undefined) !== thuoc) diffs.push(`cấp trên ${state.thuoc ?? '(không có)'} ≠ ${thuoc ?? '(không có)'}`);
      if (diffs.length) {
        const at = project.originOfUnit(existing.id);
        warn(u, u.col, `đơn vị mã ${u.ma} đã có trong danh mục (${existing.id}, ${at.file}:${at.line}) nhưng khác danh mục nhập vào${u.tu_ngay ? ` vào ngày ${u.tu_ngay}` : ''}: ${diffs.join('; ')}; không sửa tự động: ghi thay đổi có ngày (thay_doi) vào đơn vị đó`);
      }
      continue;
    }
    const province = isProvince(u) ? u : provinceOf(u);
    // The file of the province (or, when the list does not name it, of the superior already in
    // the directory); a new province gets data/don-vi/<its id>.yaml.
    const known = province ? byCode.get(province.ma) : thuoc ? project.unitRecords.get(thuoc) : undefined;
    const file = known ? project.originOfUnit(known.id).file : `data/don-vi/${province ? idOfCode.get(province.ma)! : id}.yaml`;
    let update = updates.get(file);
    if (!update) {
      const old = opts.existingText(file);
      update = { file, exists: old !== undefined, text: old ?? '', added: [], kept: 0 };
      updates.set(file, update);
    }
    const unit: DonVi = { id, ma: u.ma, cap: u.cap, ten: u.ten } as DonVi;
    if (thuoc) unit.thuoc = thuoc;
    if (u.tu_ngay && !isProvince(u)) unit.tu_ngay = u.tu_ngay;
    if (u.can_cu && !isProvince(u)) unit.can_cu = u.can_cu;
    update.added.push(unit);
  }
  for (const u of imported) {
    if (!matched.has(u.ma)) continue;
    const existing = byCode.get(u.ma)!;
    const file = project.originOfUnit(existing.id).file;
    const update = updates.get(file);
    if (update) update.kept++;
  }

  for (const update of updates.values()) {
    const lines = update.added.map(flowLine);
    const note = `# Nhập từ danh mục đơn vị hành chính (kehoach units import ${path.basename(opts.source)}): ${update.added.length} đơn vị.`;
    if (update.exists) {
      update.text = `${update.text.replace(/\s*$/, '\n')}\n${note}\n${lines.join('\n')}\n`;
    } else {
      const province = update.added.find(isProvince);
      const title = province ? `# ${province.cap === 'tinh' ? 'Tỉnh' : 'Thành phố'} ${province.ten}.` : '# Đơn vị hành chính.';
      update.text = `# yaml-language-server: $schema=../../schemas/don-vi.schema.json\n${title}\n${note}\n# Mã số theo danh mục của cơ quan thống kê; ngày hiệu lực và căn cứ theo danh mục.\n\n${lines.join('\n')}\n`;
    }
  }
  return { updates: [...updates.values()], diagnostics };
}
