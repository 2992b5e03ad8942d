import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/write/text/index.ts';
import { samplePlan } from '../../fixtures/model/sample.ts';

describe('renderText', () => {
  it('writes the plan as numbered lines, one paragraph a line', () => {
    const lines = renderText(samplePlan).split('\n');
    expect(lines).toContain(samplePlan.plan.header.numberLine);
    const labelled = samplePlan.plan.body.filter((b) => b.type === 'text' && b.label);
    expect(labelled.length).toBeGreaterThan(3);
    for (const b of labelled) {
      if (b.type !== 'text') continue;
      expect(lines).toContain(`${b.label} ${b.runs.map((r) => r.text).join('')}`);
    }
    expect(renderText(samplePlan)).not.toMatch(/\n{3}/);
    expect(renderText(samplePlan).endsWith('\n')).toBe(true);
  });

  it('is deterministic and changes only the line of a changed paragraph', () => {
    const next = structuredClone(samplePlan);
    const block = next.plan.body.find((b) => b.type === 'text' && b.label === '1.')!;
    if (block.type === 'text') block.runs = [{ text: 'Câu đã sửa.' }];
    const a = renderText(samplePlan).split('\n');
    const b = renderText(next).split('\n');
    expect(renderText(structuredClone(samplePlan))).toBe(renderText(samplePlan));
    expect(a.length).toBe(b.length);
    expect(a.filter((l, i) => l !== b[i])).toHaveLength(1);
  });

  it('writes table rows as cells separated by " | "', () => {
    const text = renderText(samplePlan);
    expect(text).toMatch(/^.*Tỷ lệ thanh toán trực tuyến.* \| .*45.*$/m);
  });
});
