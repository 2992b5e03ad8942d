// Issue #14, cases 7–9: the preview survives any request, answers only its own host and origin,
// and keeps seeing saves made the way editors make them (temp file renamed over the plan).
// No browser: plain HTTP requests, so Host and Origin can be set freely.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/server.ts';
import { repoRoot } from '../helpers/cli.ts';

const PLAN = 'plans/khanh-hoa/cam-hiep/2025-cai-cach-tthc.yaml';
const TITLE = 'trich_yeu: Cải cách thủ tục hành chính trọng tâm năm {{nam}}';

interface Sent {
  name: string;
  path: string;
  headers?: Record<string, string>;
  status: number;
}
const corpus = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/bad/preview-requests.json'), 'utf8')) as { requests: Sent[] };

function get(port: number, urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('preview requests', () => {
  let root = '';
  let file = '';
  let original = '';
  let server: PreviewServer;
  let port = 0;
  // Each render is an event the tests wait for: no sleeping, no wall-clock bound.
  const waiters: (() => void)[] = [];
  const onRender = () => waiters.splice(0).forEach((w) => w());

  /** Resolves when the page served contains `needle`, checking after every render. */
  async function pageShows(needle: string): Promise<void> {
    for (;;) {
      const rendered = new Promise<void>((resolve) => waiters.push(resolve));
      if ((await get(port, '/')).body.includes(needle)) return;
      await rendered;
    }
  }

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'kehoach-preview-req-'));
    cpSync(path.join(repoRoot, 'data'), path.join(root, 'data'), { recursive: true });
    mkdirSync(path.dirname(path.join(root, PLAN)), { recursive: true });
    file = path.join(root, PLAN);
    cpSync(path.join(repoRoot, PLAN), file);
    original = readFileSync(file, 'utf8');
    server = await startPreview({ root, file: PLAN, onRender });
    port = Number(new URL(server.url).port);
  });

  afterAll(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  for (const r of corpus.requests) {
    it(`case ${r.status === 403 ? 8 : 7} (${r.name}): GET ${r.path} → ${r.status}, and the preview stays up`, async () => {
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k, v.replace('PORT', String(port))]));
      const res = await get(port, r.path, headers);
      expect(res.status).toBe(r.status);
      if (r.status === 403) expect(res.body).not.toContain('CỘNG HÒA');
      const after = await get(port, '/');
      expect(after.status).toBe(200);
      expect(after.body).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    });
  }

  it('case 9: three rename-saves in a row, then two saves in place, all show in the page', async () => {
    for (let k = 1; k <= 3; k++) {
      const tmp = `${file}.${k}.tmp`;
      writeFileSync(tmp, original.replace(TITLE, `trich_yeu: Cải cách lần ${k} năm {{nam}}`));
      renameSync(tmp, file);
      await pageShows(`Cải cách lần ${k} năm 2025`);
    }
    for (let k = 4; k <= 5; k++) {
      writeFileSync(file, original.replace(TITLE, `trich_yeu: Cải cách lần ${k} năm {{nam}}`));
      await pageShows(`Cải cách lần ${k} năm 2025`);
    }
    expect((await get(port, '/')).body).not.toContain('Cải cách lần 3 năm 2025');
  });
});
