// chinh-ta: typed slips are warned at the word, in the file where they were written; the five
// real plans give no warning (their slips were corrected, their abbreviations are listed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tempProject } from '../helpers/cli.ts';
import { SEED_PLANS } from '../helpers/seeds.ts';
import { Compiler } from '../../src/pipeline/compiler.ts';
import { isVietnamese, newTonePlacement } from '../../src/check/spelling.ts';
import { parseWordList } from '../../src/check/word-list.ts';
import type { Diagnostic } from '../../src/load/diagnostic.ts';

// An invented sample plan with slips of the kinds the seeds hold.
const PLAN = `# yaml-language-server: $schema=../../../schemas/plan.schema.json
don_vi: phu-ho
loai: ke_hoach
so: 3
ngay: 2024-03-18
trich_yeu: Thử kiểm tra chính tả trên địa bàn {{don_vi.ten_day_du}} năm {{nam}}
noi_dung:
  - id: muc-1
    tieu_de: Mục đích
    muc:
      - id: y-1
        noi_dung: Hỗ trợ người dân, doanh ngiệp nộp hồ sơ trên Công Dịch vụ công quốc gia.
      - id: y-2
        noi_dung: KInh phí do Văn phòng HĐND- UBND xã bảo đảm; rà soát DCVTT theo Nghị quyết số 01/NQ-CP.
      - id: y-3
        noi_dung: Hòa giải, thủy lợi, khỏe mạnh, xã hội hóa, TTHC, UBND, VNeID.
      - id: y-4
        noi_dung: Ứng dụng Hue-S và Ngiệp vụ riêng. # kehoach-bo-qua: chinh-ta
ky: { thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Đào Hữu Bích }
noi_nhan: { danh_sach: [UBND huyện], luu: [VT] }
`;

const spelling = (ds: Diagnostic[]) => ds.filter((d) => d.rule === 'chinh-ta');

describe('chinh-ta', () => {
  let project: ReturnType<typeof tempProject>;
  let found: Diagnostic[];
  beforeAll(() => {
    project = tempProject({ plans: false });
    const file = 'plans/thua-thien-hue/phu-ho/2024-thu.yaml';
    mkdirSync(path.dirname(path.join(project.root, file)), { recursive: true });
    writeFileSync(path.join(project.root, file), PLAN);
    found = spelling(new Compiler(project.root).compile(file).diagnostics);
  });
  afterAll(() => project.dispose());

  it('warns at the line and column of each slip, and says what to write', () => {
    const at = (line: number, col: number) => found.find((d) => d.line === line && d.col === col)?.message;
    expect(at(12, 43)).toMatch(/"ngiệp" không có trong từ điển/);
    expect(at(12, 64)).toMatch(/"Công Dịch vụ công".*"Cổng Dịch vụ công"/);
    expect(at(14, 19)).toMatch(/Chữ hoa giữa từ "KInh": có phải "Kinh"/);
    expect(at(14, 41)).toMatch(/"HĐND- UBND"/);
    expect(at(14, 72)).toMatch(/"DCVTT".*có phải "DVCTT"/);
    expect(found).toHaveLength(5);
  });

  it('is not run for callers that show errors only (print, diff): same document, no warnings', () => {
    const file = 'plans/thua-thien-hue/phu-ho/2024-thu.yaml';
    const quiet = new Compiler(project.root, { warnings: false }).compile(file);
    const full = new Compiler(project.root).compile(file);
    expect(quiet.ok).toBe(true);
    expect(quiet.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    expect(quiet.doc).toEqual(full.doc);
  });

  it('accepts both tone placements, listed abbreviations, unit names, and a line marked to accept', () => {
    expect(found.filter((d) => d.line === 16 || d.line === 18)).toEqual([]);
    expect(newTonePlacement('hóa')).toBe('hoá');
    expect(newTonePlacement('thủy')).toBe('thuỷ');
    expect(newTonePlacement('khỏe')).toBe('khoẻ');
    expect(newTonePlacement('hoàn')).toBe('hoàn');
  });

  it('reads the word list: words, abbreviations, corrections', () => {
    const list = parseWordList('# chú thích\nTTHC UBND\nVNeID\nCông DVC => Cổng DVC\n');
    expect([...list.words]).toEqual(['TTHC', 'UBND', 'VNeID']);
    expect(list.abbreviations).toEqual(['TTHC', 'UBND']);
    expect(list.corrections.map((c) => [c.wrong, c.right])).toEqual([['Công DVC', 'Cổng DVC']]);
  });
});

describe('the syllable list before nspell', () => {
  it('answers as nspell with dictionary-vi does, for every listed word and for slips', () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('dictionary-vi'));
    const sp = (require('nspell') as typeof import('nspell'))({ aff: readFileSync(path.join(dir, 'index.aff')), dic: readFileSync(path.join(dir, 'index.dic')) });
    const words = readFileSync(path.join(dir, 'index.dic'), 'utf8').split('\n').slice(1).map((l) => l.trim().toLowerCase()).filter(Boolean);
    const probes = [...words, 'ngiệp', 'kinh', 'hóa', 'hoá', 'dcvtt', '6631', 'công', 'cổng'];
    expect(probes.filter((w) => isVietnamese(w) !== sp.correct(w))).toEqual([]);
  });
});

describe('chinh-ta on the five real plans', () => {
  it('gives no warning: their slips are corrected and their words listed in data/tu-dien.txt', () => {
    const compiler = new Compiler(path.resolve(import.meta.dirname, '../..'));
    const all = SEED_PLANS.flatMap((p) => spelling(compiler.compile(p.source).diagnostics));
    expect(all).toEqual([]);
  });
});
