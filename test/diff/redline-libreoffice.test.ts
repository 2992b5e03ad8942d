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
const REVISION = { author: 'Văn phòng HĐND và UBND thành phố', date: '2024-03-05T08:00:00Z' };

const missing =
  (!existsSync(PYTHON) && `thiếu ${PYTHON}`) ||
  (spawnSync(PYTHON, ['-c', 'import uno'], { encoding: 'utf8' }).status !== 0 && 'thiếu python3-uno (cầu UNO của LibreOffice)') ||
  (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0 && 'thiếu lệnh soffice (LibreOffice)') ||
  undefined;
if (missing) console.warn(`Bỏ qua kiểm thử redline qua LibreOffice: ${missing}.`);

type Item = { p: string } | { table: string[][] };
interface Read {
  file: string;
  mode: 'accept' | 'reject' | 'none';
  redlines: number;
  body: Item[];
}

/** An edit of the plan's source text; each `from` must be found, so an edit that no longer applies fails loudly. */
type Edit = [from: string, to: string];

const ITEM_4 =
  '      - id: md-ky-luat\n        noi_dung: Tăng cường kỷ luật, kỷ cương hành chính, trách nhiệm người đứng đầu cơ quan, đơn vị về nâng cao chất lượng phục vụ trong thực hiện thủ tục hành chính (TTHC), cung cấp dịch vụ công thông qua việc sử dụng hiệu quả Bộ chỉ số phục vụ người dân, doanh nghiệp.\n';
const ROW_SO_HOA = /            - id: so-hoa-ho-so\n(?: {14}.*\n)+/;

const CASES: Record<string, Array<Edit | [RegExp, string]>> = {
  // Item I.4 removed: items 5–7 below it become 4–6.
  'removed item': [[ITEM_4, '']],
  // A row of Phụ lục I removed: the rows below it are numbered one less.
  'removed annex row': [[ROW_SO_HOA, '']],
  // A new last item in section I (no renumbering).
  'inserted item': [
    [
      '      - id: md-ho-so-truc-tuyen\n',
      '      - id: md-moi\n        noi_dung: Bảo đảm 100% cán bộ, công chức tiếp nhận hồ sơ được tập huấn về dịch vụ công trực tuyến.\n      - id: md-ho-so-truc-tuyen\n',
    ],
  ],
  'reworded sentence': [['Triển khai đồng bộ các giải pháp nhằm', 'Triển khai quyết liệt, đồng bộ và hiệu quả các giải pháp nhằm']],
  // A new first item (every label of section I moves) and section III removed (IV, V become III, IV).
  'renumbered list': [
    ['    muc:\n      - id: md-cai-cach-tthc\n', '    muc:\n      - id: md-dau-tien\n        noi_dung: Quán triệt đầy đủ các chỉ đạo của cấp trên.\n      - id: md-cai-cach-tthc\n'],
    [/  - id: kinh-phi\n(?: {4}.*\n)+\n/, ''],
  ],
};

let project: ReturnType<typeof tempProject>;
let scratch: string;
let reads: Map<string, Read>;
const docs = new Map<string, PlanDocument>();

function compile(compiler: Compiler, source: string): PlanDocument {
  const compiled = compiler.compile(source);
  if (!compiled.doc) throw new Error(`${source} không biên dịch được: ${compiled.diagnostics.map((d) => d.message).join('; ')}`);
  return compiled.doc;
}

const key = (file: string, mode: string) => `${path.basename(file)}:${mode}`;

describe.skipIf(missing)('redline in LibreOffice (UNO): Accept All gives the new document, Reject All the old one', () => {
  beforeAll(async () => {
    project = tempProject();
    scratch = mkdtempSync(path.join(tmpdir(), 'kehoach-redline-lo-'));
    const original = readFileSync(path.join(project.root, HUE), 'utf8');
    const variants = Object.entries(CASES).map(([name, edits], i) => {
      let text = original;
      for (const [from, to] of edits) {
        const before = text;
        text = text.replace(from, to);
        if (text === before) throw new Error(`case '${name}': edit not found: ${String(from).slice(0, 60)}`);
      }
      // Beside the original, so the plan's relative references resolve alike.
      const source = HUE.replace(/\.yaml$/, `-bien-the-${i}.yaml`);
      writeFileSync(path.join(project.root, source), text);
      return { name, source };
    });
    const compiler = new Compiler(project.root);
    const old = compile(compiler, HUE);
    const jobs: { file: string; mode: Read['mode'] }[] = [];
    const write = async (name: string, bytes: Buffer, modes: Read['mode'][]) => {
      const file = path.join(scratch, name);
      writeFileSync(file, bytes);
      for (const mode of modes) jobs.push({ file, mode });
    };
    await write('cu.docx', await renderDocx(old, { kind: 'package' }), ['none']);
    for (const [i, v] of variants.entries()) {
      const next = compile(compiler, v.source);
      docs.set(v.name, next);
      await write(`moi-${i}.docx`, await renderDocx(next, { kind: 'package' }), ['none']);
      await write(`so-sanh-${i}.docx`, await renderRedlineDocx(old, next, REVISION), ['accept', 'reject']);
    }
    const jobsFile = path.join(scratch, 'jobs.json');
    const outFile = path.join(scratch, 'out.json');
    writeFileSync(jobsFile, JSON.stringify(jobs));
    const r = spawnSync(PYTHON, [path.join(repoRoot, 'test/helpers/uno-read.py'), jobsFile, outFile], { encoding: 'utf8', timeout: 280_000 });
    if (r.status !== 0) throw new Error(`uno-read.py thoát với mã ${r.status}: ${r.stderr}`);
    reads = new Map((JSON.parse(readFileSync(outFile, 'utf8')) as Read[]).map((x) => [key(x.file, x.mode), x]));
  }, 300_000);

  afterAll(() => {
    project?.dispose();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const read = (name: string, mode: Read['mode']) => {
    const x = reads.get(`${name}:${mode}`);
    if (!x) throw new Error(`no reading of ${name} (${mode})`);
    return x;
  };

  for (const [i, name] of Object.keys(CASES).entries()) {
    it(name, () => {
      const oldBody = read('cu.docx', 'none').body;
      const newBody = read(`moi-${i}.docx`, 'none').body;
      expect(newBody, 'the edit changes the document').not.toEqual(oldBody);
      const accepted = read(`so-sanh-${i}.docx`, 'accept');
      const rejected = read(`so-sanh-${i}.docx`, 'reject');
      expect(accepted.redlines).toBe(0);
      expect(rejected.redlines).toBe(0);
      // Whole bodies: every paragraph (empty ones too) and every row, in order.
      expect(accepted.body).toEqual(newBody);
      expect(rejected.body).toEqual(oldBody);
    });
  }
});
