// A table inside the body (Muc.bang): built after the item's paragraphs, before its sub-items, and
// written there by both writers (DOCX w:tbl, HTML <table>) on the plan's portrait page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Compiler } from '../../src/pipeline/compiler.ts';
import type { PlanDocument } from '../../src/model/types.ts';
import { renderDocx } from '../../src/write/docx/index.ts';
import { renderHtml } from '../../src/write/html/index.ts';
import { renderText } from '../../src/write/text/index.ts';
import { tempProject } from '../helpers/cli.ts';
import { sections, tables, unzip } from '../write/docx/helpers.ts';

// An invented sample plan, not a real document.
const PLAN = `# yaml-language-server: $schema=../../../schemas/plan.schema.json
don_vi: phu-ho
loai: ke_hoach
so: 3
ngay: 2024-03-05
trich_yeu: Thử bảng trong nội dung
noi_dung:
  - id: nhiem-vu
    tieu_de: Nhiệm vụ
    noi_dung: Các bộ phận thực hiện theo bảng sau.
    bang:
      cot:
        - { id: stt, tieu_de: STT, kieu: stt, dinh_dang: "1.", rong: 5 }
        - { id: viec, tieu_de: Công việc, rong: 30 }
        - { id: han, tieu_de: Thời hạn, rong: 10 }
      dong:
        - { id: mot, o: { viec: Rà soát thủ tục nội bộ, han: Quý II } }
        - { id: hai, o: { viec: Công khai kết quả, han: Hằng tháng } }
    muc:
      - { id: con, noi_dung: Việc con sau bảng. }
ky: { thay_mat: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Đào Hữu Bích }
noi_nhan: { danh_sach: [CT UBND xã], luu: [VT] }
`;

describe('a table in the body (bang of an item)', () => {
  let project: ReturnType<typeof tempProject>;
  let doc: PlanDocument;
  beforeAll(() => {
    project = tempProject({ plans: false });
    const file = 'plans/thua-thien-hue/phu-ho/2024-bang.yaml';
    mkdirSync(path.dirname(path.join(project.root, file)), { recursive: true });
    writeFileSync(path.join(project.root, file), PLAN);
    const compiled = new Compiler(project.root).compile(file);
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    doc = compiled.doc!;
  });
  afterAll(() => project.dispose());

  it('sits in the model after the item\'s paragraph and before its sub-items, numbered and sized for a portrait page', () => {
    const kinds = doc.plan.body.map((b) => (b.type === 'table' ? 'table' : b.runs.map((r) => r.text).join('')));
    const at = kinds.indexOf('table');
    expect(kinds.slice(at - 1, at + 2)).toEqual(['Các bộ phận thực hiện theo bảng sau.', 'table', 'Việc con sau bảng./.']);
    expect(renderText(doc)).toMatch(/Các bộ phận thực hiện theo bảng sau\.\n[^\n]*STT[^\n]*\n[^\n]*1\.[^\n]*Rà soát thủ tục nội bộ[^\n]*Quý II/);
  });

  it('is a w:tbl of the plan\'s own section in the DOCX, between the two paragraphs', async () => {
    const xml = await (await unzip(await renderDocx(doc, { kind: 'package' }))).text('word/document.xml');
    const firstSection = xml.slice(0, xml.indexOf(sections(xml)[0]));
    expect(tables(firstSection).some((t) => t.includes('Rà soát thủ tục nội bộ'))).toBe(true);
    const before = firstSection.indexOf('Các bộ phận thực hiện theo bảng sau.');
    const table = firstSection.indexOf('Rà soát thủ tục nội bộ');
    const after = firstSection.indexOf('Việc con sau bảng.');
    expect(before).toBeGreaterThan(0);
    expect(before < table && table < after).toBe(true);
  });

  it('is a <table> between the two paragraphs in the HTML of the PDF', () => {
    const html = renderHtml(doc, { kind: 'plan' });
    const before = html.indexOf('Các bộ phận thực hiện theo bảng sau.');
    const table = html.indexOf('<table', before);
    const cell = html.indexOf('Rà soát thủ tục nội bộ', before);
    const after = html.indexOf('Việc con sau bảng.');
    expect(before).toBeGreaterThan(0);
    expect(before < table && table < cell && cell < after).toBe(true);
  });
});
