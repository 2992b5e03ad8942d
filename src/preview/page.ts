// What the preview server sends: the last good rendering with our own reload script (the only
// script on the page, served by us, never from plan text) and, when the source is broken, the
// diagnostics the CLI prints, escaped, above it. The banner is set in the document's face (Tinos,
// served by the preview, fonts.ts): the browser's default monospace stacks Vietnamese marks
// badly ("lề").
import { formatDiagnostic, type Diagnostic } from '../load/diagnostic.ts';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PREVIEW_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; font-src 'self'; img-src data:";

export const RELOAD_SCRIPT = `// kehoach preview: reload when the sources change
const events = new EventSource('/__events');
events.onmessage = () => location.reload();
`;

function banner(diagnostics: Diagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const errors = diagnostics.some((d) => d.severity === 'error');
  const lines = diagnostics.map((d) => escapeHtml(formatDiagnostic(d))).join('\n');
  const heading = errors ? 'Nguồn có lỗi — đang hiển thị bản dựng hợp lệ gần nhất' : 'Cảnh báo';
  return (
    `<div id="kehoach-diagnostics" style="position:sticky;top:0;z-index:10;background:${errors ? '#fde8e8' : '#fff8e1'};` +
    `border:2px solid ${errors ? '#c62828' : '#f9a825'};padding:8px 12px;font:14px/1.4 'Tinos','Times New Roman',serif;white-space:pre-wrap">` +
    `<strong>${heading}</strong>\n${lines}</div>`
  );
}

/** Wraps a rendered document (or nothing yet) for the browser. */
export function previewPage(rendered: string | undefined, diagnostics: Diagnostic[]): string {
  const script = '<script src="/__reload.js"></script>';
  if (!rendered) {
    return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">` +
      `<title>kehoach preview</title></head><body>${banner(diagnostics)}${script}</body></html>`;
  }
  // Replacer functions, never replacement strings: a diagnostic quoting `$'` or `$&` (a key the
  // clerk typed) would otherwise splice the whole document into the banner.
  const csp = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`;
  const top = banner(diagnostics);
  return rendered
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, () => csp)
    .replace(/<body([^>]*)>/, (_m, attrs: string) => `<body${attrs}>${top}`)
    .replace(/<\/body>/, () => `${script}</body>`);
}
