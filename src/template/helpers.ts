// The helpers of docs/source-format.md, "Text fields". An unknown id is reported (at the
// expression) and printed as typed, so the rest of the document still builds.
import { formatCitation, formatNumberSymbol } from '../model/citation.ts';
import type { HelperName } from './engine.ts';
import type { TemplateScope } from './scope.ts';
import { unitNames } from './unit-names.ts';
import { findTarget, targetPhrase } from '../model/target-text.ts';
import { LEVEL_GROUPS } from '../load/level-parts.ts';

export type Report = (rule: string, message: string) => void;

/** The options each helper reads (docs/source-format.md); theo_cap takes level keys instead. */
const OPTIONS: Partial<Record<HelperName, readonly string[]>> = {
  van_ban: ['ngay', 'co_quan', 'so', 'loai', 'trich_yeu'],
  chi_tieu: ['dang', 'cot'],
  so_hieu: [],
  phu_luc: [],
  muc: [],
  dv: [],
  rieng: [],
  thuc_hien: [],
  thay_the: [],
};

export function callHelper(name: HelperName, args: unknown[], hash: Record<string, unknown>, scope: TemplateScope, report: Report): string {
  // An option a helper does not read would be silently ignored ({{van_ban "x" ngay_chu=true}}
  // would print the numeric date and say nothing): say so, with the options it has.
  const known = OPTIONS[name];
  if (known) {
    for (const key of Object.keys(hash)) {
      if (known.includes(key)) continue;
      report(
        'template-helper-option',
        known.length
          ? `Hàm ${name} không có tùy chọn "${key}"; tùy chọn của ${name}: ${known.join(', ')} (xem docs/source-format.md, mục "Text fields")`
          : `Hàm ${name} không nhận tùy chọn nào (đang ghi "${key}=…")`,
      );
    }
  }
  if (name === 'thuc_hien') {
    const text = scope.implemented();
    if (text === undefined) report('unknown-citation', '{{thuc_hien}} được dùng nhưng kế hoạch không có thuc_hien (văn bản cấp trên) và không kế thừa kế hoạch nào');
    return text ?? '';
  }
  if (name === 'theo_cap') return byLevel(hash, scope.level, report);
  if (name === 'thay_the') {
    const text = scope.replaced?.();
    if (text === undefined) report('unknown-citation', '{{thay_the}} được dùng nhưng quyết định không có thay_the (văn bản lần trước mà nó thay thế)');
    return text ?? '';
  }
  const id = args[0];
  if (typeof id !== 'string' || id === '') {
    report('template-helper-argument', `Hàm ${name} cần một mã trong dấu nháy, ví dụ {{${name} "ma-so"}}`);
    return '';
  }
  switch (name) {
    case 'van_ban':
    case 'so_hieu': {
      const entry = scope.project.citations.get(id);
      if (!entry) {
        report('unknown-citation', `Không có văn bản mã "${id}" trong data/van-ban/; thêm văn bản đó vào danh mục hoặc sửa mã`);
        return id;
      }
      return name === 'van_ban' ? formatCitation(entry, hash) : formatNumberSymbol(entry);
    }
    case 'phu_luc': {
      const label = scope.annexLabels.get(id);
      if (label === undefined) report('unknown-annex', `Không có phụ lục mã "${id}" trong phu_luc của kế hoạch`);
      return label ?? id;
    }
    case 'muc': {
      const n = scope.itemNumbers.get(id);
      if (n === undefined) report('unknown-item', `Không có mục mã "${id}" trong noi_dung của kế hoạch`);
      else if (scope.repeatedItems?.has(id)) {
        report('ambiguous-item', `Mã "${id}" được dùng cho hai mục của noi_dung (ở hai danh sách khác nhau); {{muc "${id}"}} không biết chỉ mục nào: đổi mã của một mục cho khác nhau`);
      }
      return n ?? id;
    }
    case 'rieng':
      // A proper name or a quotation kept as written at every level (level-words does not read it).
      return id;
    case 'chi_tieu': {
      const found = findTarget(scope.targets?.() ?? [], id, typeof hash.cot === 'string' ? hash.cot : undefined);
      if ('problem' in found) {
        report('unknown-target', `${found.problem}; {{chi_tieu "<mã dòng>"}} in chỉ tiêu của dòng đó trong phụ lục`);
        return id;
      }
      const form = hash.dang === 'day_du' ? 'day_du' : 'so';
      if (hash.dang !== undefined && hash.dang !== 'so' && hash.dang !== 'day_du') {
        report('template-helper-argument', `dang="${String(hash.dang)}" không hợp lệ: dùng dang="so" ("45%") hoặc dang="day_du" ("tối thiểu 45%")`);
      }
      return targetPhrase(found.cell.target!, found.cell.unit, form);
    }
    case 'dv': {
      const unit = scope.project.units.get(id);
      if (!unit) {
        report('unknown-unit', `Không có đơn vị mã "${id}" trong data/don-vi/`);
        return id;
      }
      return unitNames(unit, scope.project.levels).ubnd;
    }
  }
  return '';
}

/**
 * {{theo_cap cap_xa="UBND cấp xã" thanh_pho="…" khac="…"}}: the wording of the issuing unit's
 * level — its own level first, then its group (cap_tinh, cap_huyen, cap_xa), then `khac`.
 */
function byLevel(hash: Record<string, unknown>, level: string | undefined, report: Report): string {
  for (const key of Object.keys(hash)) {
    if (key !== 'khac' && !(key in LEVEL_GROUPS) && !ALL_LEVELS.has(key)) {
      report('template-helper-argument', `theo_cap: "${key}" không phải cấp hay nhóm cấp (${[...ALL_LEVELS, ...Object.keys(LEVEL_GROUPS)].join(', ')}, khac)`);
    }
  }
  const pick = (k: string | undefined) => (k !== undefined && typeof hash[k] === 'string' ? (hash[k] as string) : undefined);
  const group = level ? Object.keys(LEVEL_GROUPS).find((g) => LEVEL_GROUPS[g].includes(level)) : undefined;
  const text = pick(level) ?? pick(group) ?? pick('khac');
  if (text === undefined) report('template-helper-argument', `theo_cap không có lời văn cho cấp "${level ?? '?'}": thêm ${level ?? 'khac'}="…" hoặc khac="…"`);
  return text ?? '';
}

const ALL_LEVELS = new Set(Object.values(LEVEL_GROUPS).flat());
