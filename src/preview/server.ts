// `kehoach preview`: serves the HTML rendering of one plan on 127.0.0.1 and re-renders when the
// plan, its parents, the shared data or a template is saved; open pages reload through SSE.
import http from 'node:http';
import { watch, type FSWatcher, existsSync } from 'node:fs';
import path from 'node:path';
import { Compiler } from '../pipeline/compiler.ts';
import { renderHtml, tinosFontCss } from '../write/html/index.ts';
import { chooseFont } from '../write/html/fonts.ts';
import { templatesDir } from '../write/html/paths.ts';
import type { Diagnostic } from '../load/diagnostic.ts';
import { previewPage, RELOAD_SCRIPT } from './page.ts';

export interface PreviewServer {
  url: string;
  /** Re-renders now (the watchers call it too). */
  refresh(): void;
  close(): Promise<void>;
}

export interface PreviewOptions {
  root: string;
  file: string; // project-relative
  port?: number;
  onRender?: (diagnostics: Diagnostic[]) => void;
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  // Fonts are inlined: an http page may not read file: URLs.
  const font = chooseFont();
  const fontCss = font.source === 'bundled' && font.dir ? tinosFontCss(font.dir, 'data') : font.css;
  let lastGood: string | undefined;
  let diagnostics: Diagnostic[] = [];
  let version = 0;
  const clients = new Set<http.ServerResponse>();

  const refresh = () => {
    try {
      const compiled = new Compiler(options.root).compile(options.file);
      diagnostics = compiled.diagnostics;
      if (compiled.ok && compiled.doc) lastGood = renderHtml(compiled.doc, { kind: 'preview' }, { fontCss });
    } catch (err) {
      diagnostics = [{ file: options.file, line: 1, col: 1, severity: 'error', rule: 'internal', message: `lỗi nội bộ: ${(err as Error).message}` }];
    }
    version++;
    for (const res of clients) res.write(`data: ${version}\n\n`);
    options.onRender?.(diagnostics);
  };
  refresh();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': kehoach\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === '/__reload.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(RELOAD_SCRIPT);
      return;
    }
    if (url.pathname !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('không có\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(previewPage(lastGood, diagnostics));
  });

  // Saves often arrive as several events (truncate, write, rename): coalesce them.
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 60);
  };
  const watchers: FSWatcher[] = [];
  for (const dir of [path.join(options.root, 'plans'), path.join(options.root, 'data'), templatesDir]) {
    if (existsSync(dir)) watchers.push(watch(dir, { recursive: true }, schedule));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    refresh,
    close: async () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const res of clients) res.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
