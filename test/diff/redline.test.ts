import { describe, expect, it } from 'vitest';
import { markedRuns, redlineDocument } from '../../src/diff/redline.ts';
import { samplePlan } from '../fixtures/model/sample.ts';
import type { PlanDocument, Runs, TableBlock, TextBlock } from '../../src/model/types.ts';

/** The text Word shows after accepting (or rejecting) every tracked change. */
const accepted = (runs: Runs) => runs.filter((r) => r.change !== 'delete').map((r) => r.text).join('');
const rejected = (runs: Runs) => runs.filter((r) => r.change !== 'insert').map((r) => r.text).join('');
const marked = (runs: Runs) => runs.filter((r) => r.change).map((r) => `${r.change}:${r.text}`);

describe('markedRuns', () => {
  it('marks only the changed words, with single spaces whether changes are accepted or rejected', () => {
    const cases: [string, string][] = [
      ['Tối thiểu 45', 'Tối thiểu 60'],
      ['Triển khai đồng bộ các giải pháp', 'Triển khai quyết liệt, đồng bộ các giải pháp'],
      ['bỏ đi một từ ở giữa câu', 'bỏ một từ ở giữa câu'],
      ['đầu câu thay', 'Mở đầu câu thay'],
      ['hoàn toàn khác', 'mới hẳn'],
      ['', 'thêm'],
    ];
    for (const [before, after] of cases) {
      const runs = markedRuns([{ text: before }], [{ text: after }]);
      expect(accepted(runs), `${before} → ${after}`).toBe(after);
      expect(rejected(runs), `${before} → ${after}`).toBe(before);
    }
    expect(marked(markedRuns([{ text: 'Tối thiểu 45' }], [{ text: 'Tối thiểu 60' }]))).toEqual(['delete: 45', 'insert: 60']);
    expect(marked(markedRuns([{ text: 'Tăng cường kỷ luật' }], [{ text: 'Tăng cường hơn nữa kỷ luật' }]))).toEqual(['insert:hơn nữa ']);
  });

  it('keeps bold and italic of the new runs, and of the old runs for deleted words', () => {
    const runs = markedRuns(
      [{ text: 'Chỉ tiêu ' }, { text: 'cũ', italic: true }, { text: ' giữ nguyên' }],
      [{ text: 'Chỉ tiêu ' }, { text: 'mới', bold: true }, { text: ' giữ nguyên' }],
    );
    expect(runs).toEqual([
      { text: 'Chỉ tiêu ' },
      { text: 'cũ ', italic: true, change: 'delete' },
      { text: 'mới ', bold: true, change: 'insert' },
      { text: 'giữ nguyên' },
    ]);
  });

  it('returns the new runs untouched when the text did not change', () => {
    const runs: Runs = [{ text: 'Như cũ', bold: true }];
    expect(markedRuns([{ text: 'Như cũ' }], runs)).toBe(runs);
  });
});

describe('redlineDocument', () => {
  it('puts a removed paragraph back as a deletion and marks a new one as an insertion', () => {
    const next: PlanDocument = structuredClone(samplePlan);
    const i = next.plan.body.findIndex((b) => b.ref.endsWith('/kinh-phi/0'));
    const [removed] = next.plan.body.splice(i, 1) as TextBlock[];
    next.plan.body.push({ type: 'text', role: 'paragraph', ref: 'noi-dung/moi', runs: [{ text: 'Đoạn mới.' }] });
    const doc = redlineDocument(samplePlan, next, { author: 'A', date: '2024-03-01T00:00:00Z' });
    expect(doc.revision).toEqual({ author: 'A', date: '2024-03-01T00:00:00Z' });
    const back = doc.plan.body[i] as TextBlock;
    expect(back.ref).toBe(removed.ref);
    // The paragraph itself is deleted (its mark and label too), not only its words.
    expect(back.change).toBe('delete');
    expect(back.runs.every((r) => r.change === 'delete')).toBe(true);
    const added = doc.plan.body[doc.plan.body.length - 1] as TextBlock;
    expect(added.change).toBe('insert');
    expect(added.runs).toEqual([{ text: 'Đoạn mới.', change: 'insert' }]);
    // Untouched paragraphs carry no marks.
    const marks = doc.plan.body.flatMap((b) => (b.type === 'text' ? b.runs : [])).filter((r) => r.change);
    expect(marks).toHaveLength(removed.runs.length + 1);
  });

  it('keeps the old label of a paragraph renumbered, and only there', () => {
    const next: PlanDocument = structuredClone(samplePlan);
    const labelled = next.plan.body.filter((b): b is TextBlock => b.type === 'text' && /^\d+\.$/.test(b.label ?? ''));
    const [first, second] = labelled;
    next.plan.body.splice(next.plan.body.indexOf(first), 1);
    const oldSecond = second.label;
    second.label = first.label;
    const doc = redlineDocument(samplePlan, next, { author: 'A', date: '2024-03-01' });
    const renumbered = doc.plan.body.filter((b): b is TextBlock => b.type === 'text' && b.oldLabel !== undefined);
    expect(renumbered.map((b) => [b.ref, b.oldLabel, b.label])).toEqual([[second.ref, oldSecond, first.label]]);
  });

  it('puts a removed annex row back as a deleted row and marks a new one as inserted', () => {
    const next: PlanDocument = structuredClone(samplePlan);
    const table = next.annexes[0].blocks.find((b): b is TableBlock => b.type === 'table')!;
    const at = table.body.findIndex((r) => r.kind === 'data');
    const [removed] = table.body.splice(at, 1);
    table.body.push({ ...structuredClone(removed), ref: `${removed.ref}-moi` });
    const doc = redlineDocument(samplePlan, next, { author: 'A', date: '2024-03-01' });
    const body = (doc.annexes[0].blocks.find((b) => b.type === 'table') as TableBlock).body;
    expect(body[at]).toMatchObject({ ref: removed.ref, change: 'delete' });
    expect(body.at(-1)).toMatchObject({ ref: `${removed.ref}-moi`, change: 'insert' });
    expect(body.filter((r) => r.change)).toHaveLength(2);
  });

  it('marks a changed table cell word by word', () => {
    const next: PlanDocument = structuredClone(samplePlan);
    const table = next.annexes[0].blocks.find((b) => b.type === 'table') as TableBlock;
    table.body.find((r) => r.ref.endsWith('nhom-1/2'))!.cells[4].paragraphs = [[{ text: '60' }]];
    const doc = redlineDocument(samplePlan, next, { author: 'A', date: '2024-03-01' });
    const cells = (doc.annexes[0].blocks.find((b) => b.type === 'table') as TableBlock).body.flatMap((r) => r.cells);
    const runs = cells.flatMap((c) => c.paragraphs.flat()).filter((r) => r.change);
    expect(runs.map((r) => `${r.change}:${r.text}`)).toEqual(['delete:45', 'insert:60']);
  });

  it('marks a changed number, date and appendix note (lines the model holds as text), and nothing else', () => {
    const next: PlanDocument = structuredClone(samplePlan);
    next.plan.header.numberLine = 'Số: 51/KH-UBND';
    next.plan.header.placeDateLine = 'Phú Hồ, ngày 20 tháng 3 năm 2024';
    for (const a of next.annexes) a.attachedNote = a.attachedNote.replace('50/KH-UBND ngày 18', '51/KH-UBND ngày 20');
    next.annexes[0].title = `${next.annexes[0].title} (SỬA ĐỔI)`;
    const doc = redlineDocument(samplePlan, next, { author: 'A', date: '2024-03-20' });
    expect(marked(doc.plan.tracked!.numberLine!)).toEqual(['delete: 50/KH-UBND', 'insert: 51/KH-UBND']);
    expect(accepted(doc.plan.tracked!.placeDateLine!)).toBe('Phú Hồ, ngày 20 tháng 3 năm 2024');
    expect(rejected(doc.plan.tracked!.placeDateLine!)).toBe('Phú Hồ, ngày 18 tháng 3 năm 2024');
    expect(doc.plan.tracked!.attachedNote).toBeUndefined();
    for (const a of doc.annexes) expect(marked(a.tracked!.attachedNote!)).toEqual(['delete:50/KH-UBND ', 'insert:51/KH-UBND ', 'delete:18 ', 'insert:20 ']);
    expect(marked(doc.annexes[0].tracked!.title!)).toEqual(['insert: (SỬA ĐỔI)']);
    expect(doc.annexes[1].tracked!.title).toBeUndefined();
    const same = redlineDocument(samplePlan, structuredClone(samplePlan), { author: 'A', date: '2024-03-20' });
    expect(same.plan.tracked).toBeUndefined();
    expect(same.annexes.every((a) => a.tracked === undefined)).toBe(true);
  });

  it('marks the signature block and the recipients: changed lines word by word, new and removed lines whole', () => {
    const next: PlanDocument = structuredClone(samplePlan);
    const sig = next.plan.signature!;
    const oldName = sig.name;
    sig.name = 'Trần Văn Mới';
    const oldLines = [...next.plan.recipients!.lines];
    // One line removed, one added, the others kept.
    next.plan.recipients!.lines = [oldLines[0], '- Phòng Văn hóa - Xã hội;', ...oldLines.slice(2)];
    const doc = redlineDocument(samplePlan, next, { author: 'A', date: '2024-03-20' });
    const t = doc.plan.tracked!;
    expect(accepted(t.signatureName!)).toBe('Trần Văn Mới');
    expect(rejected(t.signatureName!)).toBe(oldName);
    expect(t.signatureLines).toBeUndefined();
    const lines = t.recipients!;
    // Whole lines inserted or removed are marked as lines (their paragraphs), so nothing is left over.
    expect(lines.filter((l) => l.change !== 'delete').map((l) => accepted(l.runs))).toEqual(next.plan.recipients!.lines);
    expect(lines.filter((l) => l.change !== 'insert').map((l) => rejected(l.runs))).toEqual(oldLines);
    expect(lines.filter((l) => l.runs.every((r) => !r.change))).toHaveLength(oldLines.length - 1);
  });
});

describe('cells merged across rows in a redline', () => {
  /** Grid columns each row fills (its own cells plus merges from above); a well-formed table fills every column of every row. */
  function filled(table: TableBlock, rows = table.body): number[] {
    const below = new Array<number>(table.columns.length).fill(0);
    return rows.map((row, i) => {
      let col = 0;
      let count = below.filter((b) => b > 0).length;
      const next = below.map((b) => Math.max(0, b - 1));
      for (const cell of row.cells) {
        while (below[col] > 0) col++;
        const span = Math.min(cell.rowSpan, rows.length - i);
        for (let c = col; c < col + cell.colSpan; c++) next[c] = Math.max(next[c], span - 1);
        col += cell.colSpan;
        count += cell.colSpan;
      }
      below.splice(0, below.length, ...next);
      return count;
    });
  }

  it('refits a merge to the rows of both revisions when a row inside it is removed, so every row stays whole', () => {
    const next: PlanDocument = structuredClone(samplePlan);
    const table = next.annexes[0].blocks.find((b): b is TableBlock => b.type === 'table')!;
    const owner = table.body.findIndex((r) => r.cells.some((c) => c.rowSpan === 3));
    table.body.splice(owner + 1, 1); // the second row under the 3-row merge
    for (const c of table.body[owner].cells) if (c.rowSpan === 3) c.rowSpan = 2;
    expect(filled(table).every((n) => n === table.columns.length)).toBe(true);
    const doc = redlineDocument(samplePlan, next, { author: 'A', date: '2024-03-01' });
    const red = doc.annexes[0].blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect(red.body[owner + 1].change).toBe('delete');
    // The merge covers the deleted row too: three rows in the redline, two once it is accepted.
    expect(red.body[owner].cells.find((c) => c.rowSpan > 1)!.rowSpan).toBe(3);
    expect(filled(red).every((n) => n === red.columns.length)).toBe(true);
  });
});
