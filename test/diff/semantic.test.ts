import { describe, expect, it } from 'vitest';
import { samplePlan } from '../fixtures/model/sample.ts';
import { diffDocuments } from '../../src/diff/semantic.ts';
import { formatPlanChanges, plain } from '../../src/diff/format.ts';
import type { PlanDocument, TableBlock, TextBlock } from '../../src/model/types.ts';

const clone = (d: PlanDocument): PlanDocument => structuredClone(d);
const block = (d: PlanDocument, ref: string) => d.plan.body.find((b) => b.ref.endsWith(ref)) as TextBlock;

describe('diffDocuments', () => {
  it('reports nothing for identical documents', () => {
    expect(diffDocuments(samplePlan, clone(samplePlan))).toEqual([]);
  });

  it('reports a reworded paragraph with its generated number and a word diff', () => {
    const next = clone(samplePlan);
    block(next, '/nhiem-vu/cai-cach/ra-soat/1').runs = [{ text: 'Chủ động rà soát trình công bố bổ sung danh mục thủ tục hành chính nội bộ trước tháng 9/2024.' }];
    const changes = diffDocuments(samplePlan, next);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'reworded', where: 'mục II.1.a, ý - thứ 2' });
    const text = formatPlanChanges('kh.yaml', changes, plain);
    expect(text).toContain('[-6/2024.-] {+9/2024.+}');
  });

  it('reports added, removed and moved paragraphs by id, not by position', () => {
    const next = clone(samplePlan);
    const body = next.plan.body;
    const i = body.findIndex((b) => b.ref.endsWith('/to-chuc/0'));
    const [moved] = body.splice(i, 1);
    body.splice(body.findIndex((b) => b.ref.endsWith('/to-chuc/1')) + 1, 0, moved);
    body.splice(body.findIndex((b) => b.ref.endsWith('/kinh-phi/0')), 1);
    body.push({ type: 'text', role: 'paragraph', ref: 'noi-dung/moi', runs: [{ text: 'Đoạn mới.' }] });
    const kinds = diffDocuments(samplePlan, next).map((c) => c.kind).sort();
    expect(kinds).toEqual(['added', 'moved', 'removed']);
  });

  it('reports a target change with the indicator name and the column header', () => {
    const next = clone(samplePlan);
    const table = next.annexes[0].blocks.find((b) => b.type === 'table') as TableBlock;
    const row = table.body.find((r) => r.ref.endsWith('nhom-1/2'))!;
    // Row 2 has no chủ trì cell (covered by the rowSpan above): its 5th cell is the 2025 target.
    row.cells[4].paragraphs = [[{ text: '60' }]];
    const changes = diffDocuments(samplePlan, next);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'target', old: '45', new: '60' });
    expect((changes[0] as { row: string }).row).toContain('Tỷ lệ thanh toán trực tuyến');
    expect((changes[0] as { where: string }).where).toBe('Phụ lục I, dòng I.2');
  });

  it('reports metadata changes such as the date line', () => {
    const next = clone(samplePlan);
    next.plan.header.placeDateLine = 'Phú Hồ, ngày 19 tháng 3 năm 2024';
    expect(diffDocuments(samplePlan, next)).toEqual([
      { kind: 'meta', where: 'Ngày ban hành', old: samplePlan.plan.header.placeDateLine, new: 'Phú Hồ, ngày 19 tháng 3 năm 2024' },
    ]);
  });
});
