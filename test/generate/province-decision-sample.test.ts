// Issue #11, holdout-like shapes written as fixtures of our own, pinned by exact output:
// a province decision that promulgates a plan (test/fixtures/samples/khanh-hoa-tinh-2025-cctthc.yaml,
// a labelled sample modelled on the seeds' Cam Hiệp decision lifted to the province: no real
// post-merger province decision plan was found to copy), the edition that replaces it, a commune
// decision under it, and a plain province plan. Every commune, ward and đặc khu of Khánh Hòa gets
// a child from `kehoach new` that checks with no warning and reads as its own. (The fifth shape,
// a commune plan citing a district plan, is pinned in test/model/plan-citation.test.ts.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject, resolvePlan } from '../../src/load/index.ts';
import { buildAndCheck } from '../../src/check/index.ts';
import { renderText } from '../../src/write/text/index.ts';
import { renderDocx } from '../../src/write/docx/index.ts';
import { hasCommand, runCli, tempProject, repoRoot } from '../helpers/cli.ts';
import { paragraphWithText, unzip } from '../write/docx/helpers.ts';
import { PdfPrinter, findBrowser, renderPdf } from '../../src/write/pdf/index.ts';

const SAMPLES = path.join(repoRoot, 'test/fixtures/samples');
const SAMPLE = readFileSync(path.join(SAMPLES, 'khanh-hoa-tinh-2025-cctthc.yaml'), 'utf8');
const PARENT = 'plans/khanh-hoa/tinh/2025-cctthc.yaml';
const expected = (name: string) => readFileSync(path.join(SAMPLES, name), 'utf8');

let project: ReturnType<typeof tempProject>;
let units: { id: string; cap: string }[];
let created: string[];

let loaded: ReturnType<typeof loadProject>['value'];

function write(file: string, text: string) {
  loaded = undefined; // the project is read again after a source changes
  mkdirSync(path.dirname(path.join(project.root, file)), { recursive: true });
  writeFileSync(path.join(project.root, file), text);
}

function compile(file: string) {
  const data = (loaded ??= loadProject(project.root).value!);
  const r = resolvePlan(project.root, file, data);
  expect(r.diagnostics).toEqual([]);
  const { doc, diagnostics } = buildAndCheck(r.value!, data);
  return { doc: doc!, diagnostics: diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.rule}: ${d.message}`) };
}

async function docxHas(file: string, lines: string[]) {
  const { doc } = compile(file);
  const xml = await (await unzip(await renderDocx(doc, { kind: 'package' }))).text('word/document.xml');
  for (const line of lines) expect(paragraphWithText(xml, line), `${file}: ${line}`).toBeDefined();
}

beforeAll(async () => {
  project = tempProject();
  write(PARENT, SAMPLE);
  const listed = await runCli(['units', '--ngay', '2025-08-15', '--json'], project.root);
  units = (JSON.parse(listed.stdout) as { id: string; cap: string; thuoc: string | null }[]).filter((u) => u.thuoc === 'khanh-hoa');
  const r = await runCli(['new', '--from', PARENT, ...units.flatMap((u) => ['--unit', u.id])], project.root);
  for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^kehoach new: cảnh báo: danh mục không có họ tên người ký của /);
  created = r.stdout.trim().split('\n');
}, 600_000);
afterAll(() => project.dispose());

describe('a province plan promulgated by a decision of the Chairman (sample)', () => {
  it('checks with no warning and prints exactly', () => {
    const { doc, diagnostics } = compile(PARENT);
    expect(diagnostics).toEqual([]);
    expect(renderText(doc)).toBe(expected('khanh-hoa-tinh-2025-cctthc.print.txt'));
  });

  it('writes the decision’s number, authority and the plan’s "Ban hành kèm theo" line into the DOCX', async () => {
    await docxHas(PARENT, [
      'Số: 1001/QĐ-UBND',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA',
      '(Ban hành kèm theo Quyết định số 1001/QĐ-UBND ngày 15 tháng 8 năm 2025 của Chủ tịch UBND tỉnh Khánh Hòa)',
      'Người Ký Mẫu',
    ]);
  });
});

describe('kehoach new for every commune, ward and đặc khu of Khánh Hòa under the sample', () => {
  it('covers all 65 units, with the three levels', () => {
    expect(units.length).toBe(65);
    expect(new Set(units.map((u) => u.cap))).toEqual(new Set(['xa', 'phuong', 'dac_khu']));
    expect(created.length).toBe(65);
  });

  it('gives plans that check with no warning, without the decision’s identity or the province’s parts', () => {
    for (const file of created) {
      const { doc, diagnostics } = compile(file);
      expect(diagnostics, file).toEqual([]);
      const text = renderText(doc);
      expect(text, file).toContain(
        'Thực hiện Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2025 trên địa bàn tỉnh Khánh Hòa ban hành kèm theo Quyết định số 1001/QĐ-UBND ngày 15/8/2025 của Chủ tịch UBND tỉnh Khánh Hòa.',
      );
      expect(text, file).toContain('Số:      /KH-UBND');
      for (const phrase of ['Số: 1001', 'QUYẾT ĐỊNH', 'Người Ký Mẫu', 'Sở Nội vụ', 'Sở Tư pháp', 'Các sở, ban, ngành', 'UBND các xã, phường, đặc khu', 'Văn phòng UBND tỉnh', 'TTHC nội bộ giữa các sở']) {
        expect(text, `${file}: ${phrase}`).not.toContain(phrase);
      }
    }
  });

  it('prints the đặc khu’s plan exactly, and a commune’s and a ward’s DOCX with their own header and wording', async () => {
    expect(renderText(compile('plans/khanh-hoa/truong-sa/2025-cctthc.yaml').doc)).toBe(expected('truong-sa-2025-cctthc.print.txt'));
    await docxHas('plans/khanh-hoa/cam-hiep/2025-cctthc.yaml', ['XÃ CAM HIỆP', 'Số:      /KH-UBND', '1. Các phòng chuyên môn thuộc UBND xã', 'Bùi Quang Nam']);
    await docxHas('plans/khanh-hoa/nha-trang/2025-cctthc.yaml', ['PHƯỜNG NHA TRANG', '2. Văn phòng HĐND và UBND phường']);
  });
});

const browser = findBrowser();
const canPdf = Boolean(browser) && hasCommand('pdftotext');
if (!canPdf) console.warn('Bỏ qua kiểm thử PDF của mẫu: thiếu Chromium/Chrome/Edge hoặc pdftotext (poppler-utils).');

describe.skipIf(!canPdf)('the PDFs of the sample and of a child', () => {
  let printer: PdfPrinter;
  beforeAll(() => {
    printer = new PdfPrinter({ executablePath: browser! });
  });
  afterAll(async () => {
    await printer?.close();
  });
  /** The PDF's text (pdftotext), one line per printed line, spaces collapsed. */
  async function pdfLines(file: string): Promise<string[]> {
    const out = path.join(project.root, `${path.basename(path.dirname(file))}.pdf`);
    writeFileSync(out, await renderPdf(compile(file).doc, { kind: 'package' }, printer));
    return execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim());
  }

  it('print the number line, the authority and the lines that cite the decision', async () => {
    const parent = await pdfLines(PARENT);
    expect(parent).toContain('QUYẾT ĐỊNH');
    expect(parent).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA');
    expect(parent.some((l) => l.includes('Số: 1001/QĐ-UBND'))).toBe(true);
    const child = await pdfLines('plans/khanh-hoa/truong-sa/2025-cctthc.yaml');
    expect(child.some((l) => l.includes('ĐẶC KHU TRƯỜNG SA'))).toBe(true);
    expect(child.some((l) => l.includes('Số: /KH-UBND'))).toBe(true);
    expect(child.join(' ')).toContain('ban hành kèm theo Quyết định số 1001/QĐ-UBND ngày 15/8/2025 của Chủ tịch UBND tỉnh Khánh Hòa.');
    expect(child.join(' ')).not.toMatch(/Người Ký Mẫu|Số: 1001|Sở Nội vụ/);
  }, 120_000);
});

describe('the other shapes, built on the sample', () => {
  it('an edition that replaces it: the Điều on effect cites the replaced decision from its own data', () => {
    const next = SAMPLE.replace('so: 1001', 'so: 1002\n  thay_the: { ke_hoach: 2025-cctthc.yaml }')
      .replace('ngay: 2025-08-15', 'ngay: 2025-10-01')
      .replace('    - Quyết định này có hiệu lực kể từ ngày ký.', '    - Quyết định này có hiệu lực kể từ ngày ký và thay thế {{thay_the}}.');
    write('plans/khanh-hoa/tinh/2025-cctthc-sua.yaml', next);
    const { doc, diagnostics } = compile('plans/khanh-hoa/tinh/2025-cctthc-sua.yaml');
    expect(diagnostics).toEqual([]);
    const lines = renderText(doc).split('\n');
    expect(lines.filter((l) => l.startsWith('Điều 2.') || l.startsWith('Số:') || l.startsWith('(Ban hành'))).toEqual([
      'Số: 1002/QĐ-UBND',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 1001/QĐ-UBND ngày 15/8/2025 của Chủ tịch UBND tỉnh Khánh Hòa.',
      '(Ban hành kèm theo Quyết định số 1002/QĐ-UBND ngày 01 tháng 10 năm 2025 của Chủ tịch UBND tỉnh Khánh Hòa)',
      '(Ban hành kèm theo Quyết định số 1002/QĐ-UBND ngày 01 tháng 10 năm 2025 của Chủ tịch UBND tỉnh Khánh Hòa)',
    ]);
  });

  it('a commune decision under it: its own number line, authority, căn cứ (citing the province decision from plans/) and signer', () => {
    write('data/van-ban/mau-khanh-hoa.yaml', `- { id: qd-1001-2025-mau-khanh-hoa, ke_hoach: ../../${PARENT} }\n`);
    const file = 'plans/khanh-hoa/cam-hiep/2025-cctthc.yaml';
    const own = `${readFileSync(path.join(project.root, file), 'utf8')}
quyet_dinh:
  can_cu: ['Căn cứ {{van_ban "luat-tccqdp-2025"}}', 'Căn cứ {{van_ban "qd-1001-2025-mau-khanh-hoa" trich_yeu=true}}']
  dieu: [Ban hành kèm theo Quyết định này Kế hoạch., Quyết định này có hiệu lực kể từ ngày ký., Chánh Văn phòng HĐND và UBND xã chịu trách nhiệm thi hành Quyết định này]
  noi_nhan: { danh_sach: [Như Điều 3], luu: [VT] }
  ky: { thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Bùi Quang Nam }
`;
    write(file, own);
    const { doc, diagnostics } = compile(file);
    expect(diagnostics).toEqual([]);
    const lines = renderText(doc).split('\n');
    expect(lines.slice(0, 17)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'XÃ CAM HIỆP',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số:      /QĐ-UBND',
      'Cam Hiệp, ngày      tháng      năm 2025',
      '',
      'QUYẾT ĐỊNH',
      'Ban hành Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2025 trên địa bàn xã Cam Hiệp',
      'ỦY BAN NHÂN DÂN XÃ CAM HIỆP',
      '',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;',
      'Căn cứ Quyết định số 1001/QĐ-UBND ngày 15/8/2025 của Chủ tịch UBND tỉnh Khánh Hòa ban hành Kế hoạch cải cách thủ tục hành chính trọng tâm năm 2025 trên địa bàn tỉnh Khánh Hòa.',
      'QUYẾT ĐỊNH:',
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
      'Điều 3. Chánh Văn phòng HĐND và UBND xã chịu trách nhiệm thi hành Quyết định này./.',
    ]);
    expect(lines).toContain('(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày      tháng      năm 2025 của UBND xã Cam Hiệp)');
    expect(lines.join('\n')).not.toContain('Người Ký Mẫu');
  });

  it('a plain province plan: its own number and date line, and "(Kèm theo Kế hoạch số …)" on its annex', () => {
    const plain = SAMPLE.replace(/\nquyet_dinh:\n(?: {2}.*\n)+/, '\nso: 1003\nky: { thay_mat: ỦY BAN NHÂN DÂN, ky_thay: CHỦ TỊCH, chuc_vu: PHÓ CHỦ TỊCH, ho_ten: Người Ký Mẫu }\nnoi_nhan: { danh_sach: [Các sở, ban, ngành], luu: [VT] }\n');
    write('plans/khanh-hoa/tinh/2025-kh.yaml', plain);
    const { doc, diagnostics } = compile('plans/khanh-hoa/tinh/2025-kh.yaml');
    expect(diagnostics).toEqual([]);
    const lines = renderText(doc).split('\n');
    expect(lines.slice(0, 9)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH KHÁNH HÒA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 1003/KH-UBND',
      'Khánh Hòa, ngày 15 tháng 8 năm 2025',
      '',
      'KẾ HOẠCH',
      'Cải cách thủ tục hành chính trọng tâm năm 2025 trên địa bàn tỉnh Khánh Hòa',
    ]);
    expect(lines).toContain('(Kèm theo Kế hoạch số 1003/KH-UBND ngày 15 tháng 8 năm 2025 của UBND tỉnh Khánh Hòa)');
    expect(lines).toContain('KT. CHỦ TỊCH');
  });
});
