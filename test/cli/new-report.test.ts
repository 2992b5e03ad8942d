import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { hasCommand, runCli, tempProject } from '../helpers/cli.ts';
import { unzip } from '../write/docx/helpers.ts';

const CITY = 'plans/thua-thien-hue/hue/2024-dvctt.yaml';
const UNITS = [
  'hue-phu-hoi', 'hue-phu-nhuan', 'hue-vinh-ninh', 'hue-tay-loc', 'hue-an-cuu',
  'hue-xuan-phu', 'hue-thuy-xuan', 'hue-vy-da', 'hue-huong-phong', 'hue-hai-duong',
];
// The city's own wording, which a ward or commune plan must not keep (data/cap.yaml, thanh_pho).
const CITY_WORDING = [
  'Các cơ quan chuyên môn thuộc UBND thành phố; UBND các phường, xã',
  'Văn phòng HĐND và UBND thành phố',
  'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ',
];

async function docxText(file: string): Promise<string> {
  const xml = await (await unzip(readFileSync(file))).text('word/document.xml');
  return xml
    // A document number's non-breaking hyphen is a hyphen in the text.
    .replace(/<w:noBreakHyphen\/>/g, '<w:t>-</w:t>')
    .replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => p.replace(/<w:t[^>]*>([^<]*)<\/w:t>/g, '\u0001$1').replace(/<[^>]+>/g, '').replace(/\u0001/g, '') + '\n')
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

describe('kehoach new, for ten wards and communes of Huế', () => {
  let project: ReturnType<typeof tempProject>;
  let created: string[];
  beforeAll(async () => {
    project = tempProject();
    const r = await runCli(['new', '--from', CITY, ...UNITS.flatMap((u) => ['--unit', u])], project.root);
    // Only the warnings for wards whose signer the directory does not name.
    expect(r.stderr.split('\n').filter((l) => l && !l.includes('cảnh báo: danh mục không có họ tên người ký'))).toEqual([]);
    expect(r.code).toBe(0);
    created = r.stdout.trim().split('\n');
  });
  afterAll(() => project.dispose());

  it('writes one child per unit at the conventional path, holding only what differs', () => {
    expect(created).toEqual(UNITS.map((u) => `plans/thua-thien-hue/${u}/2024-dvctt.yaml`));
    const text = readFileSync(path.join(project.root, created[0]), 'utf8');
    expect(text).toContain('ke_thua: ../hue/2024-dvctt.yaml');
    expect(text).toContain('don_vi: hue-phu-hoi');
    expect(text).toContain('so: null');
    // Commented guidance: the targets with their ids and current values.
    expect(text).toMatch(/#\s+- id: thanh-toan-truc-tuyen\n#\s+o: \{ chi-tieu: "Tối thiểu 45" \}/);
    expect(text.split('\n').filter((l) => l && !l.startsWith('#')).length).toBeLessThan(30);
  });

  it('gives sources that pass check with no city-level wording left', async () => {
    const r = await runCli(['check', 'plans/thua-thien-hue'], project.root);
    expect(r.stderr).toContain('0 lỗi, 0 cảnh báo');
    expect(r.code).toBe(0);
  });

  it('builds each into a plan with the unit’s own names and none of the city’s level wording', async () => {
    // Every plan of the folder as DOCX; the PDF of the two read below (one ward, one commune).
    const r = await runCli(['build', 'plans/thua-thien-hue', '--format', 'docx', '--json', '--quiet'], project.root);
    expect(r.code, r.stderr).toBe(0);
    const built = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; ok: boolean });
    expect(built.filter((o) => o.ok).map((o) => o.source)).toEqual(expect.arrayContaining(created));
    const formats = hasCommand('chromium') ? 'docx,pdf' : 'docx';
    const read = ['hue-phu-hoi', 'hue-huong-phong'];
    if (formats.includes('pdf')) {
      const pdfs = await runCli(['build', ...read.map((u) => `plans/thua-thien-hue/${u}`), '--format', 'pdf', '--quiet'], project.root);
      expect(pdfs.code, pdfs.stderr).toBe(0);
    }
    for (const unit of read) {
      const dir = path.join(project.root, 'out/thua-thien-hue', unit, '2024-dvctt');
      const text = await docxText(path.join(dir, '2024-dvctt.docx'));
      const [level, name] = unit === 'hue-phu-hoi' ? ['PHƯỜNG', 'Phú Hội'] : ['XÃ', 'Hương Phong'];
      expect(text).toContain(`${level} ${name.toUpperCase()}`);
      expect(text).toContain(`${name}, ngày      tháng      năm 2024`);
      expect(text).toContain(`trên địa bàn ${level.toLowerCase()} ${name}`);
      expect(text).toContain('Thực hiện Kế hoạch số 1590/KH-UBND ngày 27/02/2024 của UBND thành phố Huế');
      for (const words of CITY_WORDING) expect(text).not.toContain(words);
      if (formats.includes('pdf')) {
        const pdf = execFileSync('pdftotext', ['-layout', path.join(dir, '2024-dvctt.pdf'), '-'], { encoding: 'utf8' });
        expect(pdf).toContain(`${level} ${name.toUpperCase()}`);
      }
    }
  });

  it('refuses to overwrite an existing file and leaves it untouched', async () => {
    const file = path.join(project.root, created[0]);
    writeFileSync(file, readFileSync(file, 'utf8') + '# sửa tay\n');
    const before = readFileSync(file, 'utf8');
    const r = await runCli(['new', '--from', CITY, '--unit', UNITS[0]], project.root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('đã có, không ghi đè');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('explains an unknown unit and a missing parent', async () => {
    const unknown = await runCli(['new', '--from', CITY, '--unit', 'khong-co'], project.root);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("không có đơn vị 'khong-co'");
    const missing = await runCli(['new', '--from', 'plans/khong/co.yaml', '--unit', 'hue-an-cuu'], project.root);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('không tìm thấy kế hoạch mẫu');
    expect((await runCli(['new', '--unit', 'hue-an-cuu'], project.root)).code).toBe(2);
  });

  it('rejects a target lowered below the city minimum at its line, and report marks it', async () => {
    const file = path.join(project.root, created[1]); // phường Phú Nhuận
    const lines = readFileSync(file, 'utf8').split('\n');
    // Uncomment the override skeleton down to the online-payment row and lower its target.
    const start = lines.findIndex((l) => l === '# phu_luc:');
    const end = lines.findIndex((l) => l.includes('o: { chi-tieu: "Tối thiểu 45" }'));
    for (let i = start; i <= end; i++) {
      if (lines[i].startsWith('#   ') || lines[i] === '# phu_luc:') lines[i] = lines[i].slice(2);
    }
    // Rows before the payment row were uncommented too: keep only the chain to it.
    const kept = lines.filter((l, i) => i < start || i > end || /^(phu_luc:|\s+- id: (pl-chi-tieu|nhom-phuc-vu|thanh-toan-truc-tuyen)$|\s+bang:$|\s+dong:$|\s+o: \{ chi-tieu: "Tối thiểu 45" \})/.test(l.split('   #')[0]));
    const text = kept.join('\n').replace('o: { chi-tieu: "Tối thiểu 45" }', 'o: { chi-tieu: "Tối thiểu 30" }');
    writeFileSync(file, text);
    const lineNo = text.split('\n').findIndex((l) => l.includes('Tối thiểu 30')) + 1;
    const r = await runCli(['check', created[1]], project.root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^${created[1]}:${lineNo}:\\d+: error: .*\\[target-below-parent\\]`, 'm'));

    const report = await runCli(['report', CITY, '--json'], project.root);
    expect(report.code).toBe(0);
    const data = JSON.parse(report.stdout);
    expect(data.rows).toHaveLength(UNITS.length);
    const phuNhuan = data.rows.find((row: { unit: string }) => row.unit === 'hue-phu-nhuan');
    const col = data.indicators.findIndex((i: { key: string }) => i.key.startsWith('thanh-toan-truc-tuyen|'));
    expect(phuNhuan.cells[col]).toMatchObject({ text: 'Tối thiểu 30', short: true });
    expect(data.minimum[col].text).toBe('Tối thiểu 45');
    // Units of Huế without a plan are listed; the ten with a plan are not.
    expect(data.withoutPlan.map((u: { unit: string }) => u.unit)).toContain('hue-kim-long');
    expect(data.withoutPlan.map((u: { unit: string }) => u.unit)).not.toContain('hue-phu-hoi');
    const csv = readFileSync(path.join(project.root, data.outputs[1]));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('Tối thiểu 30 (thấp hơn mức tối thiểu)');
    expect(existsSync(path.join(project.root, data.outputs[0]))).toBe(true);
  });
});
