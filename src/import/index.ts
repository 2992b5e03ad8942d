// `kehoach import`: a Word file or portal text → a plan source that passes `check`. Readers give
// blocks (read-text, read-docx), the recogniser gives the plan structure, the unit comes from
// --unit or from the place and the signer, and the emitter writes YAML.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../load/diagnostic.ts';
import type { ProjectData } from '../load/types.ts';
import type { DonVi, KeHoach } from '../model/source-types.generated.ts';
import type { Block, Para } from './blocks.ts';
import { titleCaser } from './case.ts';
import { emitPlan } from './emit.ts';
import { recognise, type RecognisedPlan } from './recognise.ts';
import { readText } from './read-text.ts';
import { readDocx } from './read-docx.ts';
import { ImportReport } from './report.ts';
import { CitationMatcher, findMentions, replaceCitations } from './citations.ts';
import { importAsChild } from './as-child.ts';
import { provinceOf, registryAddition, registryFileFor, type RegistryAddition } from './registry-file.ts';
import { withoutEnding } from './text.ts';
import { parentSchemaPath } from '../generate/parent-ids-schema.ts';

export interface ImportOptions {
  root: string;
  /** Project-relative path of the input (for messages). */
  input: string;
  project: ProjectData;
  unit?: string;
  /** Project-relative parent plan: the import is written as its child, holding only what differs. */
  parentFile?: string;
  /** Called at each stage of a large input (the caller shows it: build's live line on a terminal). */
  onProgress?: (stage: string) => void;
}

/** An input this large takes seconds: its stages are shown as they go. */
export const LARGE_INPUT = { bytes: 150_000, blocks: 300 };

export interface Rendered {
  /** The YAML source; absent when the parent could not be read. */
  text?: string;
  diagnostics: Diagnostic[];
  /** Documents cited in the input that the registry lacks, for the province's registry file. */
  registry?: RegistryAddition;
}

export interface ImportResult {
  plan?: Partial<KeHoach>;
  /** The source to write at project-relative `output`, when the input could be read as a plan. */
  render?: (output: string) => Rendered;
  diagnostics: Diagnostic[];
  /** The input was large enough for its stages to be shown (LARGE_INPUT). */
  large?: boolean;
}

/** Bytes of a file that cannot be imported → the Vietnamese reason; undefined when it can. */
function unreadableReason(file: string, bytes: Uint8Array): string | undefined {
  const ext = path.extname(file).toLowerCase();
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ext === '.doc') return 'tệp .doc (Word 97–2003) không đọc được: mở bằng Word hoặc LibreOffice và lưu lại dạng .docx rồi nhập tệp .docx';
  if (ext === '.docx') {
    if (ole) return 'tệp .docx này được đặt mật khẩu (mã hóa): mở bằng Word, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu) rồi lưu lại';
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return 'tệp không phải .docx hợp lệ (không phải gói Office Open XML): mở bằng Word và lưu lại dạng .docx';
    return undefined;
  }
  if (ext === '.txt' || ext === '.md' || ext === '') {
    if (bytes.includes(0)) return 'tệp không phải văn bản thuần (có byte 0): nếu là tệp Word, lưu dạng .docx rồi nhập';
    return undefined;
  }
  return `không nhập được tệp '${ext}': chỉ nhận .docx hoặc văn bản thuần (.txt) chép từ cổng thông tin`;
}

export function importPlan(opts: ImportOptions): ImportResult {
  const report = new ImportReport(opts.input);
  const bytes = readFileSync(path.resolve(opts.root, opts.input));
  const reason = unreadableReason(opts.input, bytes);
  const at = { line: 1, col: 1 };
  if (reason) {
    report.error(at, 'import-file', reason);
    return { diagnostics: report.diagnostics };
  }
  const isDocx = path.extname(opts.input).toLowerCase() === '.docx';
  let blocks: Block[];
  let preamble: Para[] = [];
  if (isDocx) {
    const read = readDocx(bytes);
    if ('error' in read) {
      report.error(at, 'import-file', read.error);
      return { diagnostics: report.diagnostics };
    }
    blocks = read.blocks;
  } else {
    const doc = readText(new TextDecoder('utf-8').decode(bytes));
    blocks = doc.blocks;
    preamble = doc.preamble;
  }
  const large = bytes.length >= LARGE_INPUT.bytes || blocks.length >= LARGE_INPUT.blocks;
  const stage = (label: string) => {
    if (large) opts.onProgress?.(label);
  };
  stage(`nhận dạng cấu trúc (${blocks.length} đoạn và bảng)`);
  const units = [...opts.project.units.values()];
  const names = units.flatMap((u) => [u.ten, u.dia_danh ?? u.ten]);
  const found = recognise(blocks, report, { fromText: !isDocx, titleCase: titleCaser(names) });
  if (!found.plan.loai || !found.plan.trich_yeu) {
    report.error(at, 'import-not-a-plan', 'không nhận ra kế hoạch hay quyết định: cần dòng tên loại "KẾ HOẠCH" hoặc "QUYẾT ĐỊNH" và trích yếu ở phần đầu văn bản');
    return { diagnostics: report.diagnostics };
  }
  const unit = findUnit(found, units, opts.unit, report);
  if (!unit) return { diagnostics: report.diagnostics };
  const plan = finishPlan(found, unit, report);
  const unplaced = [...preamble.map((p) => ({ at: p.at, text: p.text })), ...found.unplaced];
  // One warning a place: the recogniser has already said why for some (a table it could not place).
  const told = new Set(report.diagnostics.filter((d) => d.rule === 'import-unplaced').map((d) => d.line));
  for (const u of found.unplaced) if (!told.has(u.at.line)) report.warn(u.at, 'import-unplaced', 'Đoạn này không xếp được vào kế hoạch; đã giữ nguyên ở cuối tệp dưới dạng chú thích, hãy đưa vào đúng chỗ');
  const placeName = isDocx ? 'đoạn' : 'dòng';
  const matcher = new CitationMatcher(opts.project.citations);
  matcher.scan(blocks, report, placeName);
  const render = (output: string): Rendered => {
    let source: Record<string, unknown> = { ...plan };
    let thucHien: string | undefined;
    let parentRef: ParentRef | undefined;
    const diagnostics: Diagnostic[] = [];
    if (opts.parentFile) {
      stage(`so sánh với kế hoạch cha ${opts.parentFile}`);
      const child = importAsChild({ root: opts.root, project: opts.project, parentFile: opts.parentFile, target: output, imported: plan });
      diagnostics.push(...child.diagnostics);
      if (!child.child) return { diagnostics };
      source = child.child;
      thucHien = child.thucHien;
      parentRef = child.parent;
    } else {
      const moDau = plan.mo_dau === undefined || plan.mo_dau === null ? [] : Array.isArray(plan.mo_dau) ? plan.mo_dau : [plan.mo_dau];
      if (!plan.thuc_hien && /^Thực hiện\s/u.test(moDau[0] ?? '')) thucHien = moDau[0];
    }
    if (parentRef?.date) matcher.planInPlans(parentRef.numbers, parentRef.date);
    if (thucHien !== undefined) applyThucHien(source, thucHien, matcher, parentRef, plan.mo_dau);
    source = replaceCitations(source, matcher) as Record<string, unknown>;
    const used = citedIds(source);
    const added = matcher.added.filter((e) => used.has(e.id));
    const registry = added.length
      ? registryAddition(opts.root, registryFileFor(opts.root, provinceOf(plan.don_vi, plan.ngay, opts.project), String(plan.ngay ?? '').slice(0, 4)), added, opts.input)
      : undefined;
    const schema = opts.parentFile ? parentSchemaPath(opts.parentFile) : 'schemas/plan.schema.json';
    const text = emitPlan(source as Partial<KeHoach>, {
      schemaPath: path.posix.relative(path.posix.dirname(output), schema),
      comment: [
        `Nhập từ ${path.basename(opts.input)} bằng kehoach import${opts.parentFile ? `, kế thừa ${opts.parentFile}: chỉ ghi phần khác kế hoạch cha` : ''}: kiểm tra lại rồi xóa dòng này.`,
        ...(added.length ? [`Văn bản mới được trích dẫn, thêm vào ${registry!.file}: ${added.map((e) => e.id).join(', ')}.`] : []),
      ],
      unplaced,
      placeName,
      compact: !!opts.parentFile,
    });
    return { text, diagnostics, registry };
  };
  return { plan, render, diagnostics: report.diagnostics, large };
}

function findUnit(found: RecognisedPlan, units: DonVi[], wanted: string | undefined, report: ImportReport): DonVi | undefined {
  const at = { line: 1, col: 1 };
  if (wanted) {
    const u = units.find((x) => x.id === wanted);
    if (!u) report.error(at, 'import-unit', `không có đơn vị '${wanted}' trong danh mục (xem: kehoach units)`);
    return u;
  }
  let candidates = units.filter((u) => found.place && (u.dia_danh ?? u.ten) === found.place);
  if (candidates.length > 1) {
    const signer = (found.plan.ky as { ho_ten?: string } | undefined)?.ho_ten ?? (found.plan.quyet_dinh?.ky as { ho_ten?: string } | undefined)?.ho_ten;
    const bySigner = candidates.filter((u) => u.lanh_dao?.some((l) => l.ho_ten === signer));
    if (bySigner.length) candidates = bySigner;
  }
  if (candidates.length === 1) return candidates[0];
  const where = found.place ? `địa danh "${found.place}"` : 'dòng địa danh, ngày tháng';
  report.error(at, 'import-unit', candidates.length
    ? `${where} ứng với nhiều đơn vị (${candidates.map((u) => u.id).join(', ')}): chọn bằng --unit MÃ`
    : `không tìm thấy đơn vị theo ${where} trong danh mục data/don-vi: chọn bằng --unit MÃ (xem: kehoach units)`);
  return undefined;
}

/** The unit, and what the format requires that the input left out (reported, never invented silently). */
function finishPlan(found: RecognisedPlan, unit: DonVi, report: ImportReport): Partial<KeHoach> {
  const plan: Partial<KeHoach> = { don_vi: unit.id, ...found.plan };
  const at = { line: 1, col: 1 };
  for (const holder of [plan, plan.quyet_dinh].filter(Boolean) as { noi_nhan?: { danh_sach?: string[]; luu?: string[] }; ky?: { chuc_vu?: string } }[]) {
    if (holder.noi_nhan && !holder.noi_nhan.luu?.length) {
      holder.noi_nhan.luu = ['VT'];
      report.warn(at, 'import-closing', 'Nơi nhận thiếu dòng "Lưu": đã thêm "Lưu: VT" (Nghị định 30, Phụ lục I, ô 9b); sửa nếu văn bản lưu ở nơi khác');
    }
    if (holder.ky && !holder.ky.chuc_vu) {
      holder.ky.chuc_vu = 'CHỦ TỊCH';
      report.warn(at, 'import-closing', 'Khối chữ ký thiếu chức vụ người ký: đã điền "CHỦ TỊCH", sửa lại cho đúng');
    }
  }
  if (!plan.ky && !plan.quyet_dinh) report.warn(at, 'import-closing', 'Không tìm thấy khối chữ ký (TM./KT. …, chức vụ, họ tên)');
  return plan;
}

/**
 * The "Thực hiện …" sentence as the plan's thuc_hien when it opens with a citation the registry
 * holds (or gains): the implemented document becomes a datum. Otherwise it stays a paragraph of
 * mo_dau; under a parent, whose own sentence would then print too, thuc_hien is hidden.
 */
function applyThucHien(source: Record<string, unknown>, sentence: string, matcher: CitationMatcher, parent: ParentRef | undefined, imported: unknown): void {
  const child = !!parent;
  // The parent itself cited: the child implements the plan it inherits (its targets bind).
  const first = findMentions(sentence)[0];
  if (parent && first && /^Thực hiện\s+$/u.test(sentence.slice(0, first.start)) && parent.numbers.some((n) => unpadded(n) === unpadded(first.number)) && parent.date === first.date) {
    source.thuc_hien = { ke_hoach: parent.ke_thua, noi_dung: withoutEnding(sentence) };
    return;
  }
  const r = matcher.replace(withoutEnding(sentence));
  const m = /^Thực hiện\s+\{\{van_ban "([^"]+)"/u.exec(r.text);
  const moDau = source.mo_dau === undefined || source.mo_dau === null ? [] : Array.isArray(source.mo_dau) ? (source.mo_dau as string[]) : [source.mo_dau as string];
  if (m) {
    source.thuc_hien = { van_ban: m[1], noi_dung: r.text };
    if (!child && moDau[0] === sentence) source.mo_dau = moDau.length === 2 ? moDau[1] : moDau.length > 2 ? moDau.slice(1) : undefined;
    return;
  }
  if (!child) return;
  source.thuc_hien = { hien_thi: false };
  source.mo_dau = imported;
}

/** "05/KH-UBND" and "5/KH-UBND" are one number (Nghị định 30 pads numbers below 10). */
const unpadded = (n: string) => n.replace(/^0+(?=\d)/, '');

type ParentRef = NonNullable<ReturnType<typeof importAsChild>['parent']>;

/** Ids of the registry that a source cites (helpers and thuc_hien.van_ban). */
function citedIds(source: unknown): Set<string> {
  const text = JSON.stringify(source);
  const out = new Set<string>();
  for (const m of text.matchAll(/van_ban \\"([^"\\]+)\\"/g)) out.add(m[1]);
  for (const m of text.matchAll(/"van_ban":"([^"]+)"/g)) out.add(m[1]);
  return out;
}
