// Rows of the official list → the units they name, each with the cell it came from. A row of the
// statistics office's download names a commune and, in its own columns, the province (and, before
// 1 July 2025, the district) it belongs to; a row of a one-unit-a-row export names its superior by
// code. Every cell that cannot be a unit's code, name, level or date is an error at its row and
// column, with the fix.
import type { Diagnostic } from '../../load/diagnostic.ts';
import { calendarProblem } from '../../load/calendar.ts';
import type { DonVi } from '../../model/source-types.generated.ts';
import { fold, recogniseHeader, ROLE_NAMES, type Role } from './columns.ts';
import type { TableRow } from './read-table.ts';

type Cap = DonVi['cap'];

export interface ImportedUnit {
  ma: string;
  ten: string;
  cap: Cap;
  /** Code of the direct superior, none for a province. */
  parentMa?: string;
  tu_ngay?: string;
  can_cu?: string;
  /** Where the unit's code was written (row, column). */
  row: number;
  col: number;
  /** Where its superior's code was written. */
  parentCol?: number;
}

/** Level words as the list writes them (folded) → level key. */
const LEVELS: [string, Cap][] = [
  ['thanh pho truc thuoc trung uong', 'thanh_pho_tw'],
  ['thanh pho trung uong', 'thanh_pho_tw'],
  ['thanh pho tw', 'thanh_pho_tw'],
  ['thanh pho thuoc tinh', 'thanh_pho'],
  ['thanh pho', 'thanh_pho'],
  ['tinh', 'tinh'],
  ['thi xa', 'thi_xa'],
  ['quan', 'quan'],
  ['huyen', 'huyen'],
  ['phuong', 'phuong'],
  ['thi tran', 'thi_tran'],
  ['dac khu', 'dac_khu'],
  ['xa', 'xa'],
];
const LEVEL_LIST = 'Tỉnh, Thành phố trực thuộc trung ương, Thành phố, Thị xã, Quận, Huyện, Phường, Xã, Thị trấn, Đặc khu';

/** The name's leading level word ("Xã Cam Hiệp" → xa); longest first. */
const PREFIXES: [RegExp, Cap][] = [
  [/^thành phố\s+/iu, 'thanh_pho'],
  [/^thị xã\s+/iu, 'thi_xa'],
  [/^thị trấn\s+/iu, 'thi_tran'],
  [/^đặc khu\s+/iu, 'dac_khu'],
  [/^tỉnh\s+/iu, 'tinh'],
  [/^quận\s+/iu, 'quan'],
  [/^huyện\s+/iu, 'huyen'],
  [/^phường\s+/iu, 'phuong'],
  [/^xã\s+/iu, 'xa'],
];

function splitName(name: string): { ten: string; cap?: Cap } {
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  for (const [re, cap] of PREFIXES) if (re.test(clean)) return { ten: clean.replace(re, ''), cap };
  return { ten: clean };
}

function levelOf(text: string): Cap | undefined {
  const f = fold(text);
  return LEVELS.find(([w]) => w === f)?.[1];
}

const DIGITS: Record<string, number> = { tinh: 2, thanh_pho_tw: 2, thanh_pho: 3, thi_xa: 3, quan: 3, huyen: 3 };
const digitsFor = (cap: Cap) => DIGITS[cap] ?? 5;

/** "01/07/2025", "1/7/2025" or "2025-07-01" → "2025-07-01"; a message when it is no real day. */
function parseDay(text: string): { day?: string; problem?: string } {
  const t = text.trim();
  let iso: string | undefined;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (dmy) iso = `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(t)) iso = t;
  if (!iso) return { problem: `"${t}" không phải ngày (ghi dd/mm/yyyy, ví dụ 01/07/2025)` };
  const problem = calendarProblem(iso);
  return problem ? { problem } : { day: iso };
}

export interface RowOptions {
  file: string;
  tu_ngay?: string;
  can_cu?: string;
}

export function unitsFromRows(rows: TableRow[], opts: RowOptions): { units: ImportedUnit[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (row: number, col: number, message: string, severity: 'error' | 'warning' = 'error') =>
    diagnostics.push({ file: opts.file, line: row, col, severity, message, rule: 'units-import' });

  // The header is the first row that names a code and a name column (a title may stand above it).
  let headerAt = -1;
  let columns: Partial<Record<Role, number>> | undefined;
  for (let i = 0; i < Math.min(rows.length, 10) && !columns; i++) {
    columns = recogniseHeader(rows[i].cells);
    if (columns) headerAt = i;
  }
  if (!columns) {
    at(rows[0]?.row ?? 1, 1, `không tìm thấy dòng tiêu đề của danh mục: cần ít nhất cột "${ROLE_NAMES.code}" và "${ROLE_NAMES.name}", cùng "${ROLE_NAMES.provinceCode}" hoặc "${ROLE_NAMES.parentCode}" (như tệp tải từ danh mục hành chính của cơ quan thống kê)`);
    return { units: [], diagnostics };
  }
  const header = rows[headerAt];
  if (columns.provinceCode === undefined && columns.parentCode === undefined) {
    at(header.row, 1, `dòng tiêu đề không có cột "${ROLE_NAMES.provinceCode}" hoặc "${ROLE_NAMES.parentCode}": không biết mỗi đơn vị thuộc đâu`);
    return { units: [], diagnostics };
  }

  const units = new Map<string, ImportedUnit>();
  const cell = (r: TableRow, role: Role) => (columns![role] === undefined ? '' : (r.cells[columns![role]!] ?? '').trim());
  const colOf = (role: Role) => (columns![role] ?? 0) + 1;

  /** A code cell → the code padded to its level's length, or undefined after an error. */
  const codeOf = (r: TableRow, role: Role, cap: Cap): string | undefined => {
    const raw = cell(r, role).replace(/\.0+$/, '');
    if (!raw) {
      at(r.row, colOf(role), `thiếu mã ở cột "${ROLE_NAMES[role]}"`);
      return undefined;
    }
    if (!/^\d+$/.test(raw)) {
      at(r.row, colOf(role), `mã "${raw}" không phải mã số của danh mục (chỉ gồm chữ số, ví dụ 22366)`);
      return undefined;
    }
    const n = digitsFor(cap);
    if (raw.length > n) {
      at(r.row, colOf(role), `mã "${raw}" dài hơn ${n} chữ số của mã ${cap === 'tinh' || cap === 'thanh_pho_tw' ? 'cấp tỉnh' : n === 3 ? 'cấp huyện' : 'cấp xã'}`);
      return undefined;
    }
    return raw.padStart(n, '0');
  };

  const add = (u: ImportedUnit, role: Role) => {
    const seen = units.get(u.ma);
    if (!seen) {
      units.set(u.ma, u);
      return;
    }
    const same = seen.ten === u.ten && seen.cap === u.cap && seen.parentMa === u.parentMa;
    if (!same) {
      at(u.row, colOf(role), `mã ${u.ma} đã dùng ở dòng ${seen.row} cho ${seen.ten} (${seen.cap}); mỗi mã là một đơn vị`);
    }
  };

  const from = opts.tu_ngay;
  for (const r of rows.slice(headerAt + 1)) {
    const name = cell(r, 'name');
    const codeText = cell(r, 'code');
    if (!name && !codeText) continue;
    const before = diagnostics.length;
    let tu_ngay = from;
    const fromText = cell(r, 'from');
    if (fromText) {
      const d = parseDay(fromText);
      if (d.problem) at(r.row, colOf('from'), `ngày hiệu lực: ${d.problem}`);
      tu_ngay = d.day;
    }
    const can_cu = cell(r, 'basis') || opts.can_cu || undefined;

    if (!name) {
      at(r.row, colOf('name'), `thiếu tên đơn vị ở cột "${ROLE_NAMES.name}"`);
      continue;
    }
    const split = splitName(name);
    const levelText = cell(r, 'level');
    let cap = levelText ? levelOf(levelText) : split.cap;
    if (levelText && !cap) at(r.row, colOf('level'), `cấp "${levelText}" không có trong danh mục; dùng một trong: ${LEVEL_LIST}`);
    else if (!cap) at(r.row, colOf('name'), `không biết cấp của "${name}": thêm cột "${ROLE_NAMES.level}" hoặc ghi tên kèm cấp ("Xã ${name}")`);
    if (!split.ten) at(r.row, colOf('name'), `"${name}" chỉ có tên cấp, thiếu tên riêng`);
    if (!cap || !split.ten) continue;
    if (cap === 'thanh_pho' && columns.parentCode === undefined && !cell(r, 'districtCode') && /trung ương/iu.test(levelText)) cap = 'thanh_pho_tw';
    const ma = codeOf(r, 'code', cap);

    let parentMa: string | undefined;
    let parentCol: number | undefined;
    if (columns.parentCode !== undefined) {
      // One unit a row: the superior by its code (a province row leaves it empty).
      const p = cell(r, 'parentCode');
      if (p) {
        const parentCap: Cap = cap === 'phuong' || cap === 'xa' || cap === 'thi_tran' || cap === 'dac_khu' ? (/^\d{1,2}$/.test(p) ? 'tinh' : 'huyen') : 'tinh';
        parentMa = codeOf(r, 'parentCode', parentCap);
        parentCol = colOf('parentCode');
      } else if (cap !== 'tinh' && cap !== 'thanh_pho_tw') {
        at(r.row, colOf('parentCode'), `thiếu mã cấp trên của ${name}`);
      }
    } else {
      // The statistics office's layout: province (and district) in their own columns.
      const pName = cell(r, 'provinceName');
      const pSplit = splitName(pName);
      const pCap: Cap = pSplit.cap === 'thanh_pho' ? 'thanh_pho_tw' : 'tinh';
      const pMa = codeOf(r, 'provinceCode', pCap);
      if (!pName) at(r.row, colOf('provinceName'), `thiếu tên tỉnh, thành phố ở cột "${ROLE_NAMES.provinceName}"`);
      if (pMa && pName) add({ ma: pMa, ten: pSplit.ten, cap: pCap, tu_ngay, row: r.row, col: colOf('provinceCode') }, 'provinceCode');
      parentMa = pMa;
      parentCol = colOf('provinceCode');
      const dName = cell(r, 'districtName');
      const dCode = cell(r, 'districtCode');
      if (dName || dCode) {
        const dSplit = splitName(dName);
        if (!dSplit.cap) at(r.row, colOf('districtName'), `không biết cấp của "${dName}" (ghi "Huyện …", "Quận …", "Thị xã …" hoặc "Thành phố …")`);
        else {
          const dMa = codeOf(r, 'districtCode', dSplit.cap);
          if (dMa && pMa) add({ ma: dMa, ten: dSplit.ten, cap: dSplit.cap, parentMa: pMa, tu_ngay, can_cu, row: r.row, col: colOf('districtCode') }, 'districtCode');
          parentMa = dMa;
          parentCol = colOf('districtCode');
        }
      }
    }
    if (diagnostics.length > before && diagnostics.slice(before).some((d) => d.severity === 'error')) continue;
    if (!ma) continue;
    add({ ma, ten: split.ten, cap, parentMa, tu_ngay, can_cu, row: r.row, col: colOf('code'), parentCol }, 'code');
  }
  return { units: [...units.values()], diagnostics };
}
