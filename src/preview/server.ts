// `kehoach preview`: serves the HTML rendering of one plan on 127.0.0.1 and re-renders when the
// plan, its parents, the shared data or a template is saved; open pages reload through SSE.
import http from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';
import { Compiler } from '../pipeline/compiler.ts';
import { renderHtml } from '../write/html/index.ts';
import { previewFonts } from './fonts.ts';
import { templatesDir } from '../write/html/paths.ts';
import { forgetTemplates } from '../write/html/env.ts';
import { judgeRequest } from './request-guard.ts';
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
  // An http page may not read file: URLs: the preview serves the faces itself (fonts.ts).
  const fonts = previewFonts();
  const fontCss = fonts.css;
  let lastGood: string | undefined;
  let diagnostics: Diagnostic[] = [];
  let version = 0;
  const clients = new Set<http.ServerResponse>();

  const refresh = () => {
    try {
      const compiler = new Compiler(options.root);
      const compiled = compiler.compile(options.file);
      // A broken shared data file is reported at its own lines first, as every command does.
      diagnostics = [...compiler.project().diagnostics, ...compiled.diagnostics];
      if (compiled.ok && compiled.doc) lastGood = renderHtml(compiled.doc, { kind: 'preview' }, { fontCss });
    } catch (err) {
      diagnostics = [{ file: options.file, line: 1, col: 1, severity: 'error', rule: 'internal', message: `lỗi nội bộ: ${(err as Error).message}` }];
    }
    version++;
    for (const res of clients) res.write(`data: ${version}\n\n`);
    options.onRender?.(diagnostics);
  };
  refresh();

  let port = 0;
  const answer = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const verdict = judgeRequest(req.headers, req.url, port);
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${verdict.reason}\n`);
      return;
    }
    if (verdict.path === '/__events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': kehoach\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (verdict.path === '/__reload.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(RELOAD_SCRIPT);
      return;
    }
    const face = fonts.files.get(verdict.path);
    if (face) {
      res.writeHead(200, { 'content-type': 'font/ttf', 'content-length': face.length, 'cache-control': 'public, max-age=31536000, immutable' });
      res.end(face);
      return;
    }
    if (verdict.path !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('không có\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(previewPage(lastGood, diagnostics));
  };
  const server = http.createServer((req, res) => {
    // No request may stop the preview: a fault answers 500 and the server stays up.
    try {
      answer(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('lỗi nội bộ\n');
    }
  });

  // Saves often arrive as several events (truncate, write, rename): coalesce them. chokidar keeps
  // watching a file that an editor replaced by renaming a temp file over it (fs.watch loses it).
  let timer: NodeJS.Timeout | undefined;
  let templatesChanged = false;
  const schedule = (file: string) => {
    if (path.resolve(file).startsWith(templatesDir + path.sep)) templatesChanged = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (templatesChanged) forgetTemplates();
      templatesChanged = false;
      refresh();
    }, 60);
  };
  const dirs = [path.join(options.root, 'plans'), path.join(options.root, 'data'), templatesDir].filter((d) => existsSync(d));
  const watcher = watch(dirs, { ignoreInitial: true, ignored: (p) => /\.(tmp|swp)$|~$/.test(p) });
  watcher.on('all', (_event, file) => schedule(file));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}/`,
    refresh,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
      for (const res of clients) res.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
