// The redline in a real client: LibreOffice opens each redline DOCX through UNO, accepts (or
// rejects) every tracked change as Edit > Track Changes > Accept All does, and the document it
// then holds must be exactly the newer (or older) revision's own DOCX read the same way —
// paragraph for paragraph and row for row, empty paragraphs included. The revisions are edits of
// a real plan (Huế 2024, 1590/KH-UBND) compiled in-process; one soffice process reads every file.
// Skipped, with a message, where LibreOffice's UNO bridge (Debian python3-uno) is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Compiler } from '../../src/pipeline/compiler.ts';
import { renderDocx } from '../../src/write/docx/index.ts';
import { renderRedlineDocx } from '../../src/diff/redline.ts';
import type { PlanDocument } from '../../src/model/types.ts';
import { repoRoot, tempProject } from '../helpers/cli.ts';

const PYTHON = '/usr/bin/python3';
const HUE = 'plans/thua-thien-hue/hue/2024-dvctt.yaml';
const CAM_HIEP = 'plans/khanh-hoa/cam-hiep/2025-cai-cach-tthc.yaml';
const REVISION = { author: 'Văn phòng HĐND và UBND thành phố', date: '2024-03-05T08:00:00Z' };

const missing =
  (!existsSync(PYTHON) && `thiếu ${PYTHON}`) ||
  (spawnSync(PYTHON, ['-c', 'import uno'], { encoding: 'utf8' }).status !== 0 && 'thiếu python3-uno (cầu UNO của LibreOffice)') ||
  (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0 && 'thiếu lệnh soffice (LibreOffice)') ||
  undefined;
if (missing) console.warn(`Bỏ qua kiểm thử redline qua LibreOffice: ${missing}.`);

type Item = { p: string; style: string } | { table: string[][] };
interface Read {
  file: string;
  mode: 'accept' | 'reject' | 'none';
  redlines: number;
  body: Item[];
}

/** An edit of the plan's source text; each `from` must be found, so an edit that no longer applies fails loudly. */
type Edit = [from: string | RegExp, to: string];

const ITEM_4 =
  '      - id: md-ky-luat\n        noi_dung: Tăng cường kỷ luật, kỷ cương hành chính, trách nhiệm người đứng đầu cơ quan, đơn vị về nâng cao chất lượng phục vụ trong thực hiện thủ tục hành chính (TTHC), cung cấp dịch vụ công thông qua việc sử dụng hiệu quả Bộ chỉ số phục vụ người dân, doanh nghiệp.\n';
const ROW_SO_HOA = /            - id: so-hoa-ho-so\n(?: {14}.*\n)+/;

const CASES: Record<string, { plan: string; edits: Edit[] }> = {
  // Item I.4 removed: items 5–7 below it become 4–6.
  'removed item': { plan: HUE, edits: [[ITEM_4, '']] },
  // A row of Phụ lục I removed: the rows below it are numbered one less.
  'removed annex row': { plan: HUE, edits: [[ROW_SO_HOA, '']] },
  // A new last item in section I (no renumbering).
  'inserted item': {
    plan: HUE,
    edits: [
      [
        '      - id: md-ho-so-truc-tuyen\n',
        '      - id: md-moi\n        noi_dung: Bảo đảm 100% cán bộ, công chức tiếp nhận hồ sơ được tập huấn về dịch vụ công trực tuyến.\n      - id: md-ho-so-truc-tuyen\n',
      ],
    ],
  },
  'reworded sentence': { plan: HUE, edits: [['Triển khai đồng bộ các giải pháp nhằm', 'Triển khai quyết liệt, đồng bộ và hiệu quả các giải pháp nhằm']] },
  // A new first item (every label of section I moves) and section III removed (IV, V become III, IV).
  'renumbered list': {
    plan: HUE,
    edits: [
      ['    muc:\n      - id: md-cai-cach-tthc\n', '    muc:\n      - id: md-dau-tien\n        noi_dung: Quán triệt đầy đủ các chỉ đạo của cấp trên.\n      - id: md-cai-cach-tthc\n'],
      [/  - id: kinh-phi\n(?: {4}.*\n)+\n/, ''],
    ],
  },
  // The body's last item (just above the closing paragraph), a recipient and the KT. line of the signature removed.
  'removed last item, recipient and signature line': {
    plan: HUE,
    edits: [
      [/      - id: mat-tran\n(?: {8}.*\n)+/, ''],
      ['    - Công an TP\n', ''],
      ['  ky_thay: CHỦ TỊCH\n  chuc_vu: PHÓ CHỦ TỊCH\n', '  chuc_vu: CHỦ TỊCH\n'],
    ],
  },
  // A sub-row under cells merged across rows removed (the merge shrinks from 3 rows to 2).
  'removed row inside merged cells': {
    plan: HUE,
    edits: [
      [/                - id: dung-han-cap-huyen\n(?: {18}.*\n)+/, ''],
      [/gop_dong: 3\n/g, 'gop_dong: 2\n'],
    ],
  },
  // A decision: a legal basis and an article removed (the articles after it are renumbered).
  'decision: removed basis and article': {
    plan: CAM_HIEP,
    edits: [
      ['    - Căn cứ {{van_ban "luat-tccqdp-2025"}}\n', ''],
      ['    - Quyết định này có hiệu lực kể từ ngày ký.\n', ''],
    ],
  },
};

let project: ReturnType<typeof tempProject>;
let scratch: string;
let reads: Map<string, Read>;
/** The plans the cases edit, each read once as it stands (the old revision). */
const PLANS = [...new Set(Object.values(CASES).map((c) => c.plan))];
const oldFile = (plan: string) => `cu-${PLANS.indexOf(plan)}.docx`;

function compile(compiler: Compiler, source: string): PlanDocument {
  const compiled = compiler.compile(source);
  if (!compiled.doc) throw new Error(`${source} không biên dịch được: ${compiled.diagnostics.map((d) => d.message).join('; ')}`);
  return compiled.doc;
}

/**
 * A body as lines — "¶ [style] text" a paragraph, "| cell | cell" a table row — so a failure shows
 * the lines that differ. The style is compared too: a paragraph that survives a merge of
 * paragraph marks must keep its own style (a heading stays a heading).
 */
const lines = (body: Item[]): string[] =>
  body.flatMap((x) => ('p' in x ? [`¶ [${x.style}] ${x.p}`] : [...x.table.map((row) => `| ${row.map((c) => c.replace(/\n/g, '⏎')).join(' | ')}`), '(hết bảng)']));

const key = (file: string, mode: string) => `${path.basename(file)}:${mode}`;

describe.skipIf(missing)('redline in LibreOffice (UNO): Accept All gives the new document, Reject All the old one', () => {
  beforeAll(async () => {
    project = tempProject();
    scratch = mkdtempSync(path.join(tmpdir(), 'kehoach-redline-lo-'));
    const variants = Object.entries(CASES).map(([name, { plan, edits }], i) => {
      let text = readFileSync(path.join(project.root, plan), 'utf8');
      for (const [from, to] of edits) {
        const before = text;
        text = text.replace(from, to);
        if (text === before) throw new Error(`case '${name}': edit not found: ${String(from).slice(0, 60)}`);
      }
      // Beside the original, so the plan's relative references resolve alike.
      const source = plan.replace(/\.yaml$/, `-bien-the-${i}.yaml`);
      writeFileSync(path.join(project.root, source), text);
      return { name, plan, source };
    });
    const compiler = new Compiler(project.root);
    const jobs: { file: string; mode: Read['mode'] }[] = [];
    const write = async (name: string, bytes: Buffer, modes: Read['mode'][]) => {
      const file = path.join(scratch, name);
      writeFileSync(file, bytes);
      for (const mode of modes) jobs.push({ file, mode });
    };
    const olds = new Map(PLANS.map((plan) => [plan, compile(compiler, plan)]));
    for (const [plan, doc] of olds) await write(oldFile(plan), await renderDocx(doc, { kind: 'package' }), ['none']);
    for (const [i, v] of variants.entries()) {
      const old = olds.get(v.plan)!;
      const next = compile(compiler, v.source);
      await write(`moi-${i}.docx`, await renderDocx(next, { kind: 'package' }), ['none']);
      await write(`so-sanh-${i}.docx`, await renderRedlineDocx(old, next, REVISION), ['accept', 'reject']);
    }
    const jobsFile = path.join(scratch, 'jobs.json');
    const outFile = path.join(scratch, 'out.json');
    writeFileSync(jobsFile, JSON.stringify(jobs));
    const r = spawnSync(PYTHON, [path.join(repoRoot, 'test/helpers/uno-read.py'), jobsFile, outFile], { encoding: 'utf8', timeout: 570_000 });
    if (r.status !== 0) throw new Error(`uno-read.py thoát với mã ${r.status}: ${r.stderr}`);
    reads = new Map((JSON.parse(readFileSync(outFile, 'utf8')) as Read[]).map((x) => [key(x.file, x.mode), x]));
  });

  afterAll(() => {
    project?.dispose();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const read = (name: string, mode: Read['mode']) => {
    const x = reads.get(`${name}:${mode}`);
    if (!x) throw new Error(`no reading of ${name} (${mode})`);
    return x;
  };

  for (const [i, [name, { plan }]] of Object.entries(CASES).entries()) {
    it(name, () => {
      const oldBody = read(oldFile(plan), 'none').body;
      const newBody = read(`moi-${i}.docx`, 'none').body;
      expect(newBody, 'the edit changes the document').not.toEqual(oldBody);
      const accepted = read(`so-sanh-${i}.docx`, 'accept');
      const rejected = read(`so-sanh-${i}.docx`, 'reject');
      expect(accepted.redlines).toBe(0);
      expect(rejected.redlines).toBe(0);
      // Whole bodies: every paragraph (empty ones too) and every row, in order.
      expect(lines(accepted.body), 'Accept All').toEqual(lines(newBody));
      expect(lines(rejected.body), 'Reject All').toEqual(lines(oldBody));
    });
  }
});
