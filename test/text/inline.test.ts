import { describe, expect, it } from 'vitest';
import { parseInline, parseInlineSegments } from '../../src/text/inline.ts';

describe('inline Markdown', () => {
  it('turns strong and emphasis into bold and italic runs', () => {
    expect(parseInline('Rà soát **100%** hồ sơ *trực tuyến*.')).toEqual([
      { text: 'Rà soát ' },
      { text: '100%', bold: true },
      { text: ' hồ sơ ' },
      { text: 'trực tuyến', italic: true },
      { text: '.' },
    ]);
  });

  it('keeps block syntax at the start as text', () => {
    for (const s of ['1. Rà soát', '2) Rà soát', '- gạch', '+ cộng', '* sao', '# tiêu đề', '> trích dẫn', '---', '```x']) {
      expect(parseInline(s)).toEqual([{ text: s }]);
    }
    expect(parseInline('1. Rà soát **kỹ**')).toEqual([{ text: '1. Rà soát ' }, { text: 'kỹ', bold: true }]);
  });

  it('shows raw HTML, code and links literally', () => {
    expect(parseInline('<script>alert(1)</script> và **x**')).toEqual([{ text: '<script>alert(1)</script> và ' }, { text: 'x', bold: true }]);
    expect(parseInline('a <b>đậm</b> b')).toEqual([{ text: 'a <b>đậm</b> b' }]);
    expect(parseInline('xem [đây](http://x.vn) và `mã`')).toEqual([{ text: 'xem [đây](http://x.vn) và `mã`' }]);
  });

  it('joins lines with a space and trims', () => {
    expect(parseInline('  dòng một\n   dòng hai  ')).toEqual([{ text: 'dòng một dòng hai' }]);
  });

  it('NFC-normalises decomposed Vietnamese', () => {
    const decomposed = 'Thu\u0309 tu\u0323c'; // "Thủ tục" typed with combining marks
    const runs = parseInline(decomposed);
    expect(runs[0].text).toBe('Thủ tục');
    expect(runs[0].text).toBe(runs[0].text.normalize('NFC'));
  });

  it('sets Handlebars expressions aside with their offsets', () => {
    const p = parseInlineSegments('Năm **{{nam}}** tại {{van_ban "a*b*"}}');
    expect(p.mustaches).toEqual([
      { source: '{{nam}}', offset: 6 },
      { source: '{{van_ban "a*b*"}}', offset: 20 },
    ]);
    expect(p.segments.map((s) => s.bold)).toEqual([false, true, false]);
  });

  it('memoises by string', () => {
    const s = 'một chuỗi **được nhớ** ' + Math.random();
    expect(parseInlineSegments(s)).toBe(parseInlineSegments(s));
  });
});
