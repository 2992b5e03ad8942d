// The superior document a plan implements (thuc_hien) and the default "Thực hiện …" sentence.
// For a plan in plans/ (thuc_hien.ke_hoach or the implicit parent) the citation comes from that
// plan's own data, and its trích yếu is rendered in ITS unit's context, not this plan's.
import type { ProjectData, ResolvedSource } from '../load/types.ts';
import type { Runs } from './types.ts';
import { formatCitation } from './citation.ts';
import { numberAndSymbol, numericDate, parseDate } from './dates.ts';
import { kindOf, planSymbol } from './identity.ts';
import { unitNames } from '../template/unit-names.ts';
import { lowerFirst } from '../text/case.ts';
import { TextRenderer } from '../template/render.ts';
import { annexLabels } from './annex.ts';
import { decisionReference } from './promulgation.ts';
import { targetCells } from '../check/targets.ts';
import { itemNumbers } from './body.ts';
import { templateVars, type TemplateScope } from '../template/scope.ts';
import { projectOn } from '../load/units-in-time.ts';

export interface Implemented {
  /** "Kế hoạch số 1590/KH-UBND ngày 27/02/2024 của UBND thành phố Huế". */
  citation: string;
  /** "về …" (the cited document's subject), or "" when unknown. */
  subject: string;
}

/**
 * Whether thuc_hien was written for this plan (not inherited from the parent it derives from:
 * a commune plan copying a city plan implements the city plan, not what the city implemented).
 */
function ownThucHien(src: ResolvedSource) {
  const th = src.data.thuc_hien;
  if (!th) return undefined;
  if (src.parent && src.origin(['thuc_hien']).file !== src.file) return undefined;
  return th;
}

export function implementedDocument(src: ResolvedSource, project: ProjectData, depth = 0): Implemented | undefined {
  const th = ownThucHien(src);
  if (th?.van_ban) {
    const entry = project.citations.get(th.van_ban);
    if (!entry) return undefined;
    return { citation: formatCitation(entry), subject: entry.trich_yeu ?? '' };
  }
  const other = th?.ke_hoach ? src.binding : (src.binding ?? src.parent);
  if (!other) return undefined;
  const subject = depth > 3 ? '' : planSubject(other, project, depth + 1);
  if (other.data.quyet_dinh) {
    // A plan promulgated by a decision has no number of its own: "Kế hoạch <trích yếu> ban hành
    // kèm theo Quyết định số 393/QĐ-UBND ngày 14/7/2025 của Chủ tịch UBND tỉnh Quảng Ngãi".
    const what = subject ? `${kindOf(other.data).name} ${subject.replace(/^về /, '')}` : kindOf(other.data).name;
    return { citation: `${what} ${planCitation(other, project).slice(kindOf(other.data).name.length + 1)}`, subject: '' };
  }
  return { citation: planCitation(other, project), subject };
}

/**
 * "Kế hoạch số 1590/KH-UBND ngày 27/02/2024 của UBND thành phố Huế"; for a plan promulgated by a
 * decision "Kế hoạch ban hành kèm theo Quyết định số … ngày … của …" (without its subject).
 */
export function planCitation(other: ResolvedSource, current: ProjectData): string {
  const data = other.data;
  const project = projectOn(current, data.ngay); // the other plan's issuer as it was named on its own date
  const unit = data.don_vi ? project.units.get(data.don_vi) : undefined;
  if (data.quyet_dinh) return `${kindOf(data).name} ban hành kèm theo ${decisionReference(data, unit, project.levels)}`;
  const date = parseDate(data.ngay);
  let out = `${kindOf(data).name} số ${numberAndSymbol(data.so, planSymbol(data, unit))}`;
  if (date) out += ` ${date.day !== undefined ? 'ngày ' + numericDate(date) : numericDate(date)}`;
  if (unit) out += ` của ${unitNames(unit, project.levels).ubnd}`;
  return out;
}

/** "về <trích yếu>" of another plan, rendered with that plan's own variables; its problems are its own. */
function planSubject(other: ResolvedSource, current: ProjectData, depth: number): string {
  const text = renderOwnText(other, current, other.data.trich_yeu, ['trich_yeu'], depth);
  return text ? `về ${lowerFirst(text)}` : '';
}

/** A text field of another plan (at `at`), rendered as plain text in that plan's own context. */
export function renderOwnText(other: ResolvedSource, current: ProjectData, source: string | undefined, at: (string | number)[], depth = 0): string {
  const data = other.data;
  const project = projectOn(current, data.ngay);
  if (!source) return '';
  const unit = data.don_vi ? project.units.get(data.don_vi) : undefined;
  const scope: TemplateScope = {
    vars: templateVars(data, unit, project),
    project,
    annexLabels: annexLabels(data),
    itemNumbers: itemNumbers(data.noi_dung),
    implemented: () => implementedDocument(other, project, depth)?.citation,
    targets: () => targetCells(data),
    level: unit?.cap,
  };
  return new TextRenderer(scope, other, project.root).plain(source, at);
}

/** Runs of the default sentence: "Thực hiện <citation> <subject>" (ending added by the caller). */
export function defaultSentence(doc: Implemented): Runs {
  return [{ text: `Thực hiện ${doc.citation}${doc.subject ? ' ' + doc.subject : ''}` }];
}

export { ownThucHien };
