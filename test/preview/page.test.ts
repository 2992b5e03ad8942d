// Issue #14, case 10: diagnostics are data. A key the clerk typed with `$'` or `$&` in it must
// appear literally in the banner, never expand into a copy of the document.
import { describe, expect, it } from 'vitest';
import { previewPage } from '../../src/preview/page.ts';
import type { Diagnostic } from '../../src/load/diagnostic.ts';

const DOC = '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="x"></head><body class="doc"><p>NỘI DUNG</p></body></html>';
const diag = (message: string): Diagnostic => ({ file: 'plans/a.yaml', line: 3, col: 1, severity: 'error', rule: 'unknown-key', message });

describe('preview page', () => {
  // Each token as typed and as the escaped banner shows it.
  for (const [token, shown] of [["$'", "$'"], ['$&', '$&amp;'], ['$`', '$`'], ['$1', '$1'], ['$$', '$$']]) {
    it(`case 10: a diagnostic with ${token} is shown literally`, () => {
      const page = previewPage(DOC, [diag(`khoá không hợp lệ 'gia${token}'`)]);
      expect(page).toContain(`khoá không hợp lệ 'gia${shown}'`);
      expect(page.match(/NỘI DUNG/g)).toHaveLength(1);
      expect(page.match(/<\/body>/g)).toHaveLength(1);
      expect(page).toContain('<script src="/__reload.js"></script></body>');
    });
  }

  it('case 10: the banner is set in the document face, which has the Vietnamese marks', () => {
    const page = previewPage(DOC, [diag('lề trái')]);
    const banner = /<div id="kehoach-diagnostics" style="([^"]*)"/.exec(page)?.[1] ?? '';
    expect(banner).toMatch(/font:[^;]*'Tinos'/);
    expect(banner).not.toMatch(/monospace/);
  });
});
