// Plan text is data: whatever a source holds comes out as well-formed character data.
import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeText } from '../../../src/write/docx/xml.ts';

describe('escaping', () => {
  it('escapes markup characters in text and attributes', () => {
    expect(escapeText('a < b && c > d "q"')).toBe('a &lt; b &amp;&amp; c &gt; d "q"');
    expect(escapeAttr('Văn phòng & "x" <y>')).toBe('Văn phòng &amp; &quot;x&quot; &lt;y&gt;');
  });

  it('drops characters XML cannot hold at all, keeps tab, newline and astral characters', () => {
    expect(escapeText('a\u0001b\u000Bc\uFFFFd\uD800e\uDC00f')).toBe('abcdef');
    expect(escapeText('tab\there\nline 😀 𠀀')).toBe('tab\there\nline 😀 𠀀');
    expect(escapeAttr('x\u0000y')).toBe('xy');
  });
});
