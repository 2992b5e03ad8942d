import { describe, expect, it } from 'vitest';
import { diffWords } from '../../src/diff/words.ts';

describe('diffWords', () => {
  it('marks a changed word between a common prefix and suffix', () => {
    expect(diffWords('đạt tối thiểu 45% hồ sơ', 'đạt tối thiểu 60% hồ sơ')).toEqual([
      { op: 'same', text: 'đạt tối thiểu' },
      { op: 'del', text: '45%' },
      { op: 'ins', text: '60%' },
      { op: 'same', text: 'hồ sơ' },
    ]);
  });

  it('finds insertions and deletions in the middle with the longest common subsequence', () => {
    const ops = diffWords('a b c d e', 'a c d x e');
    expect(ops).toEqual([
      { op: 'same', text: 'a' },
      { op: 'del', text: 'b' },
      { op: 'same', text: 'c d' },
      { op: 'ins', text: 'x' },
      { op: 'same', text: 'e' },
    ]);
  });

  it('treats whitespace differences as no change', () => {
    expect(diffWords('một  hai\nba', 'một hai ba')).toEqual([{ op: 'same', text: 'một hai ba' }]);
  });

  it('handles empty sides', () => {
    expect(diffWords('', 'mới')).toEqual([{ op: 'ins', text: 'mới' }]);
    expect(diffWords('cũ', '')).toEqual([{ op: 'del', text: 'cũ' }]);
  });
});
