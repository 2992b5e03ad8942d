// Issue #11, part 3: removing an annex row inside a gop_dong span, by a child's $xoa or by
// chi_cap at the plan's level. The span follows the rows that remain; a cell owned by the removed
// row moves to the next remaining row; never a silently emptied cell. Asserted on the resolved
// model's table and on the DOCX XML (w:vMerge). A sample table written for the test.
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/model/build.ts';
import { checkPlan } from '../../src/check/index.ts';
import { renderDocx } from '../../src/write/docx/index.ts';
import { runsText } from '../../src/text/case.ts';
import type { TableBlock } from '../../src/model/types.ts';
import { makeProject, plan } from '../model/project-fixture.ts';
import { unzip, tables } from '../write/docx/helpers.ts';

const TABLE = (rows: string) => `phu_luc:
  - id: pl
    tieu_de: Chỉ tiêu
    bang:
      cot:
        - { id: stt, tieu_de: Số TT, kieu: stt }
        - { id: ten, tieu_de: Tên }
        - { id: can-cu, tieu_de: Căn cứ }
      dong:
${rows}`;

const BY_ID = TABLE(`        - { id: a, o: { ten: Dòng A, can-cu: { doan: Căn cứ chung, gop_dong: 3 } } }
        - { id: b, chi_cap: [cap_huyen], o: { ten: Dòng B } }
        - { id: c, o: { ten: Dòng C } }
        - { id: d, o: { ten: Dòng D, can-cu: Riêng D } }
`);

const POSITIONAL = TABLE(`        - { id: a, o: [Dòng A, { doan: Căn cứ chung, gop_dong: 3 }] }
        - { id: b, o: [Dòng B] }
        - { id: c, o: [Dòng C] }
        - { id: d, o: [Dòng D, Riêng D] }
`);

const CITY = (table: string) => plan(table, 'don_vi: hue\nloai: ke_hoach\nso: 7\nngay: 2024-03-01\ntrich_yeu: Chỉ tiêu năm {{nam}}\n');
const CHILD = (extra = '') => `ke_thua: ../hue/k.yaml\ndon_vi: phu-ho\nso: 8\nngay: 2024-03-18\n${extra}`;
const XOA = (id: string) => CHILD(`phu_luc: [{ id: pl, bang: { dong: [{ id: ${id}, $xoa: true }] } }]\n`);

/** Each body row as "text|rowSpan" per cell (covered cells are absent from a row). */
function grid(table: TableBlock): string[][] {
  return table.body.map((r) => r.cells.map((c) => `${c.paragraphs.map(runsText).join(' ')}|${c.rowSpan}`));
}

async function compile(files: Record<string, string>, file: string) {
  const p = makeProject(files);
  const r = p.resolve(file);
  expect(r.diagnostics).toEqual([]);
  const doc = buildDocument(r.src!, p.project).doc!;
  expect(checkPlan(r.src!, p.project).filter((d) => d.severity === 'error')).toEqual([]);
  const table = doc.annexes[0].blocks.find((b): b is TableBlock => b.type === 'table')!;
  const xml = tables(await (await unzip(await renderDocx(doc, { kind: 'package' }))).text('word/document.xml')).at(-1)!;
  return { table, xml };
}

/** The vMerge state of the cell in column `col` of each body row of a DOCX table (header rows skipped). */
function vMerges(xml: string, col: number, headerRows = 1): string[] {
  const rows = xml.match(/<w:tr>.*?<\/w:tr>|<w:tr\s[^>]*>.*?<\/w:tr>/gs)!.slice(headerRows);
  return rows.map((tr) => {
    const tc = tr.match(/<w:tc>.*?<\/w:tc>/gs)![col];
    const m = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc);
    const text = (tc.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('');
    return m ? `${m[1] ?? 'continue'}:${text}` : `-:${text}`;
  });
}

describe('a row removed inside a gop_dong span', () => {
  it('at the city, nothing is removed: the span covers its three rows', async () => {
    const { table, xml } = await compile({ 'plans/hue/k.yaml': CITY(BY_ID) }, 'plans/hue/k.yaml');
    expect(grid(table)).toEqual([['1.|1', 'Dòng A|1', 'Căn cứ chung|3'], ['2.|1', 'Dòng B|1'], ['3.|1', 'Dòng C|1'], ['4.|1', 'Dòng D|1', 'Riêng D|1']]);
    expect(vMerges(xml, 2)).toEqual(['restart:Căn cứ chung', 'continue:', 'continue:', '-:Riêng D']);
  });

  it('by chi_cap at a commune: the span shrinks to the rows that remain', async () => {
    const { table, xml } = await compile({ 'plans/hue/k.yaml': CITY(BY_ID), 'plans/phu-ho/k.yaml': CHILD() }, 'plans/phu-ho/k.yaml');
    expect(grid(table)).toEqual([['1.|1', 'Dòng A|1', 'Căn cứ chung|2'], ['2.|1', 'Dòng C|1'], ['3.|1', 'Dòng D|1', 'Riêng D|1']]);
    expect(vMerges(xml, 2)).toEqual(['restart:Căn cứ chung', 'continue:', '-:Riêng D']);
  });

  for (const [shape, table] of [['by id', BY_ID], ['by position', POSITIONAL]] as const) {
    it(`by $xoa of a covered row (${shape}): the span shrinks`, async () => {
      const { table: t } = await compile({ 'plans/hue/k.yaml': CITY(table.replace('chi_cap: [cap_huyen], ', '')), 'plans/phu-ho/k.yaml': XOA('c') }, 'plans/phu-ho/k.yaml');
      expect(grid(t)).toEqual([['1.|1', 'Dòng A|1', 'Căn cứ chung|2'], ['2.|1', 'Dòng B|1'], ['3.|1', 'Dòng D|1', 'Riêng D|1']]);
    });

    it(`by $xoa of the row that owns the merged cell (${shape}): the merge moves to the next row`, async () => {
      const { table: t, xml } = await compile({ 'plans/hue/k.yaml': CITY(table.replace('chi_cap: [cap_huyen], ', '')), 'plans/phu-ho/k.yaml': XOA('a') }, 'plans/phu-ho/k.yaml');
      expect(grid(t)).toEqual([['1.|1', 'Dòng B|1', 'Căn cứ chung|2'], ['2.|1', 'Dòng C|1'], ['3.|1', 'Dòng D|1', 'Riêng D|1']]);
      expect(vMerges(xml, 2)).toEqual(['restart:Căn cứ chung', 'continue:', '-:Riêng D']);
    });
  }

  it('down to one row: the cell is no longer merged', async () => {
    const child = CHILD('phu_luc: [{ id: pl, bang: { dong: [{ id: b, $xoa: true }, { id: c, $xoa: true }] } }]\n');
    const { table, xml } = await compile({ 'plans/hue/k.yaml': CITY(BY_ID.replace('chi_cap: [cap_huyen], ', '')), 'plans/phu-ho/k.yaml': child }, 'plans/phu-ho/k.yaml');
    expect(grid(table)).toEqual([['1.|1', 'Dòng A|1', 'Căn cứ chung|1'], ['2.|1', 'Dòng D|1', 'Riêng D|1']]);
    expect(vMerges(xml, 2)).toEqual(['-:Căn cứ chung', '-:Riêng D']);
  });

  it('in a body table (an item’s bang) too', () => {
    const body = `noi_dung:\n  - id: muc\n    tieu_de: Mục\n    muc:\n      - id: bang-muc\n        noi_dung: Bảng.\n        bang:\n          cot:\n            - { id: stt, tieu_de: Số TT, kieu: stt }\n            - { id: ten, tieu_de: Tên }\n            - { id: can-cu, tieu_de: Căn cứ }\n          dong:\n            - { id: a, o: { ten: Dòng A, can-cu: { doan: Căn cứ chung, gop_dong: 2 } } }\n            - { id: b, o: { ten: Dòng B } }\n`;
    const child = CHILD('noi_dung: [{ id: muc, muc: [{ id: bang-muc, bang: { dong: [{ id: a, $xoa: true }] } }] }]\n');
    const p = makeProject({ 'plans/hue/k.yaml': CITY(body), 'plans/phu-ho/k.yaml': child });
    const r = p.resolve('plans/phu-ho/k.yaml');
    expect(r.diagnostics).toEqual([]);
    const dong = r.src!.data.noi_dung![0].muc![0].bang!.dong!;
    expect(dong).toEqual([{ id: 'b', o: { ten: 'Dòng B', 'can-cu': 'Căn cứ chung' } }]);
  });

  it('leaves a span the child wrote itself as written', async () => {
    const child = CHILD('phu_luc: [{ id: pl, bang: { dong: [{ id: a, o: { can-cu: { doan: Của xã, gop_dong: 2 } } }, { id: b, $xoa: true }, { id: c, $xoa: true }] } }]\n');
    const p = makeProject({ 'plans/hue/k.yaml': CITY(BY_ID.replace('chi_cap: [cap_huyen], ', '')), 'plans/phu-ho/k.yaml': child });
    const r = p.resolve('plans/phu-ho/k.yaml');
    // Its own span of 2 now covers row D, which has a value there: the table builder says so.
    expect(buildDocument(r.src!, p.project).diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/ô gộp/)]);
  });
});
