// Generated endings that must not change the sentence: a closing colon of the last căn cứ /
// "Thực hiện" line is kept; "./." never goes after a heading.
import { describe, expect, it } from 'vitest';
import { makeProject, plan } from './project-fixture.ts';
import { buildDocument } from '../../src/model/build.ts';
import { runsText } from '../../src/text/case.ts';
import type { TextBlock } from '../../src/model/types.ts';

const FILE = 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml';
function build(yaml: string) {
  const f = makeProject({ [FILE]: yaml });
  const r = f.resolve(FILE);
  expect(r.diagnostics).toEqual([]);
  const res = buildDocument(r.src!, f.project);
  return { doc: res.doc!, diagnostics: res.diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.rule}`), messages: res.diagnostics.map((d) => d.message) };
}
const texts = (blocks: readonly unknown[]) => (blocks as TextBlock[]).map((b) => `${b.label ?? ''}${runsText(b.runs)}`);

describe('closing colon of the căn cứ block', () => {
  it('the last line keeps a typed colon; the others end with ";"', () => {
    const { doc, diagnostics } = build(plan("can_cu:\n  - Căn cứ Luật ABC\nthuc_hien: { van_ban: qd-766-2022-ttg, noi_dung: 'Thực hiện {{thuc_hien}}, UBND xã ban hành Kế hoạch như sau:' }\n"));
    expect(diagnostics).toEqual([]);
    expect(texts(doc.plan.preamble)).toEqual([
      'Căn cứ Luật ABC;',
      'Thực hiện Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ, UBND xã ban hành Kế hoạch như sau:',
    ]);
  });

  it('a colon on a line that is not the last becomes ";" with a warning at that line', () => {
    const { doc, diagnostics } = build(plan("can_cu:\n  - 'Căn cứ Luật ABC:'\n  - Căn cứ Luật XYZ\n"));
    expect(diagnostics).toEqual(['7:5 warning basis-colon']);
    expect(texts(doc.plan.preamble)).toEqual(['Căn cứ Luật ABC;', 'Căn cứ Luật XYZ.']);
  });
});

describe('"./." at the end of the content', () => {
  it('is not appended to a final heading: a warning at that heading instead', () => {
    const { doc, diagnostics, messages } = build(
      plan('noi_dung:\n  - id: a\n    tieu_de: Mục đích\n    noi_dung: Nội dung.\n  - id: b\n    tieu_de: Tổ chức thực hiện\n'),
    );
    expect(diagnostics).toEqual(['11:14 warning ends-with-heading']);
    expect(messages[0]).toContain('"TỔ CHỨC THỰC HIỆN"');
    expect(texts(doc.plan.body)).toEqual(['I.MỤC ĐÍCH', 'Nội dung.', 'II.TỔ CHỨC THỰC HIỆN']);
  });

  it('a skeleton of headings only gets neither "./." nor a warning', () => {
    const { doc, diagnostics } = build(plan('noi_dung:\n  - id: a\n    tieu_de: Mục đích\n'));
    expect(diagnostics).toEqual([]);
    expect(texts(doc.plan.body)).toEqual(['I.MỤC ĐÍCH']);
  });

  it('goes after the closing paragraph when there is one, and no warning', () => {
    const { doc, diagnostics } = build(plan('noi_dung:\n  - id: b\n    tieu_de: Tổ chức thực hiện\nloi_ket: Trên đây là Kế hoạch\n'));
    expect(diagnostics).toEqual([]);
    expect(texts(doc.plan.body).at(-1)).toBe('Trên đây là Kế hoạch./.');
  });
});
