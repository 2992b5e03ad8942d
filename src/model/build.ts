// ResolvedSource → PlanDocument: every text rendered, numbered and punctuated, ready for writers.
import type { Diagnostic } from '../load/diagnostic.ts';
import type { ProjectData, ResolvedSource } from '../load/types.ts';
import type { DonVi } from './source-types.generated.ts';
import type { Decision, DocumentMeta, HeaderGrid, PlanDocument, PlanPart, TextBlock } from './types.ts';
import { reportAt, type BuildContext } from './context.ts';
import { TextRenderer, type RenderedText } from '../template/render.ts';
import { templateVars, type TemplateScope } from '../template/scope.ts';
import { unitNames } from '../template/unit-names.ts';
import { missingUnit } from '../load/units-in-time.ts';
import { annexLabels, buildAnnexes } from './annex.ts';
import { buildItems, itemNumbers, repeatedItemIds, toList } from './body.ts';
import { decisionSymbol, kindOf, planSymbol } from './identity.ts';
import { implementedDocument, ownThucHien, defaultSentence } from './implemented.ts';
import { isoDate, longDate, numberAndSymbol, numberLine, parseDate, placeDateLine, type PartialDate } from './dates.ts';
import { buildRecipients, buildSignature } from './signature.ts';
import { targetCells, type TargetCell } from '../check/targets.ts';
import { decisionReference, defaultAuthority, replacedCitation } from './promulgation.ts';
import { markDocumentNumbers } from './document-numbers.ts';
import { withCitedPlans } from './plan-citation.ts';
import { lowerFirstRuns, runsText, sentenceCase, upper, withEnding } from '../text/case.ts';

export interface BuildResult {
  doc?: PlanDocument;
  diagnostics: Diagnostic[];
}

export interface BuildOutput extends BuildResult {
  /** Every rendered text field with its origin (for checks that read the wording). */
  texts: RenderedText[];
}

export function buildDocument(src: ResolvedSource, project: ProjectData): BuildResult {
  const { doc, diagnostics } = buildWithTexts(src, project);
  return { doc, diagnostics };
}

export function buildWithTexts(src: ResolvedSource, loaded: ProjectData): BuildOutput {
  const project = withCitedPlans(loaded, src); // registry ids that name a plan read that plan
  const data = src.data;
  const diagnostics: Diagnostic[] = [];
  const report = reportAt(src, diagnostics);
  const unit = data.don_vi ? project.units.get(data.don_vi) : undefined;
  if (data.don_vi && !unit) {
    const missing = missingUnit(project, data.don_vi); // unknown, or not existing on the plan's date
    report(missing.rule, 'error', missing.message, ['don_vi']);
  }
  if (data.thuc_hien?.van_ban && ownThucHien(src) && !project.citations.has(data.thuc_hien.van_ban)) {
    report('unknown-citation', 'error', `Không có văn bản mã "${data.thuc_hien.van_ban}" trong data/van-ban/`, ['thuc_hien', 'van_ban']);
  }
  let implemented: ReturnType<typeof implementedDocument> | null = null;
  let targets: TargetCell[] | undefined;
  const implementedOnce = () => (implemented === null ? (implemented = implementedDocument(src, project)) : implemented);
  const scope: TemplateScope = {
    vars: templateVars(data, unit, project),
    project,
    annexLabels: annexLabels(data),
    itemNumbers: itemNumbers(data.noi_dung),
    repeatedItems: repeatedItemIds(data.noi_dung),
    implemented: () => implementedOnce()?.citation,
    targets: () => (targets ??= targetCells(data)),
    level: unit?.cap,
    replaced: () => replacedCitation(src, project),
  };
  const text = new TextRenderer(scope, src, project.root);
  const ctx: BuildContext = { src, project, text, diagnostics, report };

  const names = unit ? unitNames(unit, project.levels) : { ten: data.don_vi ?? '', ten_day_du: data.don_vi ?? '', ubnd: data.don_vi ?? '', uy_ban: data.don_vi ?? '', cap: '' };
  const date: PartialDate = parseDate(data.ngay) ?? { year: 0 };
  const kind = kindOf(data);
  const kindLine = upper(data.ten_loai ?? kind.name);
  const symbol = planSymbol(data, unit);
  const place = unit?.dia_danh ?? unit?.ten ?? '';

  const header: HeaderGrid = {
    // Phụ lục I, mục II.2: the issuer's name under its supervising body; for a UBND the
    // issuer is "ỦY BAN NHÂN DÂN" over the unit's full name.
    supervisingAgency: (data.co_quan_chu_quan ?? []).map(upper),
    issuingAgency: data.co_quan_ban_hanh?.map(upper) ?? ['ỦY BAN NHÂN DÂN', upper(names.ten_day_du)],
  };
  const title = text.runs(data.trich_yeu, ['trich_yeu']);

  // Preamble: căn cứ lines, then "Thực hiện …"; ";" after each, "." after the last (Phụ lục I, mục II.6).
  const basis: TextBlock[] = (data.can_cu ?? []).map((c, i) => ({ type: 'text', role: 'basis', runs: text.runs(c, ['can_cu', i]), ref: `can-cu/${i}` }));
  const basisPaths: (string | number)[][] = basis.map((_, i) => ['can_cu', i]);
  const th = ownThucHien(src);
  if (th?.hien_thi !== false) {
    if (th?.noi_dung !== undefined) {
      basis.push({ type: 'text', role: 'basis', runs: text.runs(th.noi_dung, ['thuc_hien', 'noi_dung']), ref: 'thuc-hien' });
      basisPaths.push(['thuc_hien', 'noi_dung']);
    } else {
      const doc = implementedOnce();
      if (doc) basis.push({ type: 'text', role: 'basis', runs: defaultSentence(doc), ref: 'thuc-hien' });
    }
  }
  endBasisLines(basis, basisPaths, report);
  const moDau = toList(data.mo_dau ?? undefined).map(
    (s, k): TextBlock => ({ type: 'text', role: 'paragraph', runs: text.runs(s, Array.isArray(data.mo_dau) ? ['mo_dau', k] : ['mo_dau']), ref: `mo-dau/${k}` }),
  );

  const body: PlanPart['body'] = [];
  buildItems(ctx, data.noi_dung ?? [], ['noi_dung'], 1, 'noi-dung', body);
  // Phụ lục I, mục II.6: the content ends with "./.".
  if (data.loi_ket != null) {
    body.push({ type: 'text', role: 'paragraph', runs: withEnding(text.runs(data.loi_ket, ['loi_ket']), './.'), ref: 'loi-ket' });
  } else {
    for (let i = body.length - 1; i >= 0; i--) {
      const b = body[i];
      if (b.type !== 'text') continue;
      // "./." closes the content; a heading with nothing under it is no content to close, and
      // "II. TỔ CHỨC THỰC HIỆN./." is no form of Nghị định 30; nor can "./." go after an earlier
      // paragraph (the document goes on): say so and leave the heading bare.
      const heading = (x: (typeof body)[number]) => x.type === 'text' && (x.role === 'section' || x.role === 'item-title' || x.role === 'point-title');
      if (heading(b)) {
        // A skeleton of headings only (no paragraph yet) is not a draft that ends badly.
        if (body.every((x) => x.type !== 'text' || heading(x))) break;
        report(
          'ends-with-heading',
          'warning',
          `Nội dung kế hoạch kết thúc bằng một đề mục ("${runsText(b.runs).slice(0, 60)}") không có nội dung; dấu "./." chỉ đặt sau đoạn văn cuối: viết nội dung cho mục này hoặc thêm loi_ket (đoạn kết), công cụ sẽ thêm "./." vào đó`,
          headingPath(data.noi_dung as { id?: string; muc?: unknown[] }[] | undefined, b.ref),
        );
      } else b.runs = withEnding(b.runs, './.');
      break;
    }
  }

  const plan: PlanPart = { header, kind: kindLine, title, preamble: [...basis, ...moDau], body };
  if (data.ky) plan.signature = buildSignature(data.ky);
  if (data.noi_nhan) plan.recipients = buildRecipients(ctx, data.noi_nhan, ['noi_nhan']);

  let decision: Decision | undefined;
  let attachedNote: string;
  if (data.quyet_dinh) {
    const qd = data.quyet_dinh;
    const qdDate = parseDate(qd.ngay) ?? date;
    const qdSymbol = decisionSymbol(qd, unit);
    decision = buildDecision(ctx, { header, qdDate, qdSymbol, place, kindName: data.ten_loai ? sentenceCase(data.ten_loai) : kind.name, planTitle: title, authority: qd.tham_quyen ?? defaultAuthority(qd, header.issuingAgency) });
    // Mẫu "văn bản ban hành kèm theo quyết định": no number and date line of its own; the
    // decision is named after who issued it (the Chairman, or the committee as a body).
    plan.attachedNote = `(Ban hành kèm theo ${decisionReference(data, unit, project.levels, qd.ngay_kem_theo ?? 'chu')})`;
    attachedNote = plan.attachedNote;
  } else {
    header.numberLine = numberLine(data.so, symbol);
    header.placeDateLine = placeDateLine(place, date);
    attachedNote = `(Kèm theo ${kind.name} số ${numberAndSymbol(data.so, symbol)} ${longDate(date)} của ${names.ubnd})`;
  }
  const annexes = buildAnnexes(ctx, attachedNote);

  const subject = runsText(title);
  const meta: DocumentMeta = {
    title: `${data.ten_loai ? sentenceCase(data.ten_loai) : kind.name} ${lowerFirstText(subject)}`.trim(),
    subject,
    author: unit ? names.uy_ban[0].toUpperCase() + names.uy_ban.slice(1) : '',
    keywords: [kind.name, names.ten_day_du, String(date.year), ...(typeof data.so === 'number' ? [numberAndSymbol(data.so, symbol)] : [])].filter(Boolean),
    language: 'vi-VN',
    date: isoDate(date),
    year: date.year,
  };
  const rel = src.file.replace(/^plans\//, '').replace(/\.ya?ml$/i, '');
  const doc: PlanDocument = { source: src.file, outputDir: rel, name: rel.split('/').pop() ?? rel, meta, plan, annexes };
  if (decision) doc.decision = decision;
  markDocumentNumbers(doc, project.citations.values());
  return { doc, diagnostics: [...diagnostics, ...text.diagnostics], texts: text.texts };
}

function lowerFirstText(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

interface DecisionInput {
  header: HeaderGrid;
  qdDate: PartialDate;
  qdSymbol: string;
  place: string;
  kindName: string;
  planTitle: PlanPart['title'];
  authority: string;
}

/** Quyết định ban hành (Phụ lục III, Mẫu 1.3): trích yếu "Ban hành Kế hoạch …", italic bases, Điều 1… */
function buildDecision(ctx: BuildContext, d: DecisionInput): Decision {
  const qd = ctx.src.data.quyet_dinh!;
  const text = ctx.text;
  const header: HeaderGrid = {
    supervisingAgency: d.header.supervisingAgency,
    issuingAgency: d.header.issuingAgency,
    numberLine: numberLine(qd.so, d.qdSymbol),
    placeDateLine: placeDateLine(d.place, d.qdDate),
  };
  const title = qd.trich_yeu !== undefined ? text.runs(qd.trich_yeu, ['quyet_dinh', 'trich_yeu']) : [{ text: `Ban hành ${d.kindName} ` }, ...lowerFirstRuns(d.planTitle)];
  const bases: TextBlock[] = (qd.can_cu ?? []).map((c, i) => ({ type: 'text', role: 'basis', italic: true, runs: text.runs(c, ['quyet_dinh', 'can_cu', i]), ref: `quyet-dinh/can-cu/${i}` }));
  if (qd.thay_the && !qd.dieu.some((d) => /\{\{\s*thay_the\s*\}\}/.test(d))) {
    ctx.report(
      'replacement-not-stated',
      'warning',
      'Quyết định thay thế văn bản lần trước (quyet_dinh.thay_the) nhưng không Điều nào nêu việc thay thế; ghi trong Điều về hiệu lực: "Quyết định này có hiệu lực kể từ ngày ký và thay thế {{thay_the}}"',
      ['quyet_dinh', 'thay_the'],
    );
  }
  if (qd.thay_the?.van_ban && !ctx.project.citations.has(qd.thay_the.van_ban)) {
    ctx.report('unknown-citation', 'error', `Không có văn bản mã "${qd.thay_the.van_ban}" trong data/van-ban/`, ['quyet_dinh', 'thay_the', 'van_ban']);
  }
  if (bases.length === 0) {
    ctx.report(
      'decision-without-basis',
      'warning',
      'Quyết định không có căn cứ ban hành (quyet_dinh.can_cu): một quyết định nêu căn cứ pháp lý (Luật Tổ chức chính quyền địa phương, văn bản cấp trên được triển khai …); thêm can_cu: [Căn cứ …]',
      ['quyet_dinh'],
    );
  }
  if (typeof qd.de_nghi === 'string' && qd.de_nghi.trim() !== '') {
    bases.push({ type: 'text', role: 'basis', italic: true, runs: [{ text: 'Theo đề nghị của ' }, ...text.runs(qd.de_nghi, ['quyet_dinh', 'de_nghi'])], ref: 'quyet-dinh/de-nghi' });
  }
  endBasisLines(bases, (qd.can_cu ?? []).map((_, i) => ['quyet_dinh', 'can_cu', i]), ctx.report);
  const articles: TextBlock[] = qd.dieu.map((s, i) => ({ type: 'text', role: 'article', label: `Điều ${i + 1}.`, runs: text.runs(s, ['quyet_dinh', 'dieu', i]), ref: `quyet-dinh/dieu/${i + 1}` }));
  if (articles.length > 0) articles[articles.length - 1].runs = withEnding(articles[articles.length - 1].runs, './.');
  return {
    header,
    kind: 'QUYẾT ĐỊNH',
    title,
    authority: upper(d.authority),
    bases,
    articles,
    signature: buildSignature(qd.ky),
    recipients: buildRecipients(ctx, qd.noi_nhan, ['quyet_dinh', 'noi_nhan']),
  };
}


/**
 * Căn cứ and "Thực hiện" lines end with ";" and the last with "." (Nghị định 30, Phụ lục I, mục
 * II.6), whatever the author typed — except a colon that the last line ends with: "… ban hành Kế
 * hoạch như sau:" introduces what follows, and turning it into a period changes the sentence. A
 * colon typed on a line that is not the last would break the list: it becomes ";" with a warning.
 */
function endBasisLines(blocks: TextBlock[], paths: (string | number)[][], report: BuildContext['report']): void {
  blocks.forEach((b, i) => {
    const last = i === blocks.length - 1;
    const colon = /:\s*$/.test(runsText(b.runs));
    if (colon && !last && paths[i]) {
      report('basis-colon', 'warning', 'Căn cứ không phải dòng cuối mà kết thúc bằng dấu hai chấm (":"); công cụ đổi thành ";" — chỉ dòng căn cứ (hoặc "Thực hiện …") cuối cùng được giữ dấu ":" để dẫn vào phần sau', paths[i]);
    }
    b.runs = withEnding(b.runs, last ? (colon ? ':' : '.') : ';');
  });
}

/** The source path of a heading's title from its ref ("noi-dung/<id>/<id>", ids or indices). */
function headingPath(items: readonly { id?: string; muc?: unknown[] }[] | undefined, ref: string): (string | number)[] {
  const path: (string | number)[] = ['noi_dung'];
  let list = items;
  for (const seg of ref.split('/').slice(1)) {
    const i = (list ?? []).findIndex((m, k) => (m.id ?? String(k)) === seg);
    if (i < 0) break;
    path.push(i);
    const next = list![i].muc as typeof items;
    if (seg === ref.split('/').at(-1)) break;
    path.push('muc');
    list = next;
  }
  return [...path, 'tieu_de'];
}
