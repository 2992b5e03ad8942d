// The CLI's I/O context (src/cli/io.ts): an in-process run reads its cwd and environment from the
// CliIo it is given, never from the process, and leaves the process as it found it.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, tempProject } from '../helpers/cli.ts';
import { wordList } from '../../src/check/word-list.ts';
import { main } from '../../src/cli/main.ts';

const PHU_HO = 'plans/thua-thien-hue/phu-ho/2024-dvctt.yaml';
const project = tempProject();
afterAll(() => project.dispose());

describe('an in-process run', () => {
  it('takes relative paths and the project from io.cwd, not process.cwd()', async () => {
    const dir = path.join(project.root, path.dirname(PHU_HO));
    expect(process.cwd()).not.toBe(dir);
    const r = await runCli(['check', path.basename(PHU_HO)], dir);
    expect(r.stderr).toContain('1 kế hoạch, 0 lỗi');
    expect(r.code, r.stderr).toBe(0);
    // The same relative name from the project's root is no plan of it.
    const missing = await runCli(['check', path.basename(PHU_HO)], project.root);
    expect(missing.code).toBe(1);
  });

  it('finds the browser from io.env, and the process environment stays as it was', async () => {
    const before = process.env.PUPPETEER_EXECUTABLE_PATH;
    const r = await runCli(['build', '--json', PHU_HO], project.root, { PUPPETEER_EXECUTABLE_PATH: '/khong/co/chromium' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("PUPPETEER_EXECUTABLE_PATH chỉ tới không có: '/khong/co/chromium'");
    expect(process.env.PUPPETEER_EXECUTABLE_PATH).toBe(before);
    const outcome = JSON.parse(r.stdout.trim().split('\n')[0]);
    expect(outcome.outputs.every((o: { format: string }) => o.format === 'docx')).toBe(true);
  });

  it('installs no signal or exit handler and leaves process.exitCode alone', async () => {
    const listeners = () => ['SIGINT', 'SIGTERM', 'exit'].map((e) => process.listenerCount(e));
    const before = listeners();
    const exitCode = process.exitCode;
    const r = await runCli(['build', '--format', 'docx', PHU_HO], project.root);
    expect(r.code, r.stderr).toBe(0);
    expect(listeners()).toEqual(before);
    expect(process.exitCode).toBe(exitCode);
  });
});

describe('a terminal, told by io.stdout and io.stderr', () => {
  it("diff colours its output on a terminal, not on a pipe, and not with NO_COLOR in io.env", async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'kehoach-io-'));
    try {
      const draft = path.join(scratch, 'du-thao.yaml');
      writeFileSync(draft, readFileSync(path.join(project.root, PHU_HO), 'utf8').replace('Hoàn thiện chức năng kho dữ liệu', 'Hoàn thiện và vận hành chức năng kho dữ liệu'));
      const args = ['diff', '--files', PHU_HO, draft];
      const tty = await runCli(args, project.root, {}, { tty: true });
      expect(tty.code, tty.stderr).toBe(1);
      expect(tty.stdout).toContain('\x1b[32m{+và vận hành+}\x1b[0m');
      const pipe = await runCli(args, project.root);
      expect(pipe.stdout).toContain('{+và vận hành+}');
      expect(pipe.stdout).not.toContain('\x1b[');
      const noColour = await runCli(args, project.root, { NO_COLOR: '1' }, { tty: true });
      expect(noColour.stdout).toBe(pipe.stdout);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('build shows its live line on a terminal instead of one line per plan', async () => {
    const tty = await runCli(['build', '--format', 'docx', '--force', PHU_HO], project.root, {}, { tty: true });
    expect(tty.code, tty.stderr).toBe(0);
    expect(tty.stderr).toMatch(/\r\x1b\[2K\[0\/1\] [\d.]+ s, còn khoảng \d+ s đang dựng plans\/thua-thien-hue\/phu-ho/);
    expect(tty.stderr).not.toContain('] xong ');
    const pipe = await runCli(['build', '--format', 'docx', '--force', PHU_HO], project.root);
    expect(pipe.stderr).toContain(`[1/1] xong ${PHU_HO}`);
    expect(pipe.stderr).not.toMatch(/\r|\x1b\[/);
  });
});

describe('the preview in-process', () => {
  it('serves until io.stop aborts, then closes and returns 0 (no signal handler)', async () => {
    const stop = new AbortController();
    let stdout = '';
    let stderr = '';
    let announce: (url: string) => void = () => {};
    const announced = new Promise<string>((resolve) => (announce = resolve));
    const sigint = process.listenerCount('SIGINT');
    const done = main(['preview', PHU_HO], {
      cwd: project.root,
      env: process.env,
      stdout: {
        write: (text) => {
          stdout += text;
          const m = /Xem trước: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
          if (m) announce(m[1]);
        },
      },
      stderr: { write: (text) => void (stderr += text) },
      stop: stop.signal,
    });
    const url = await Promise.race([announced, done.then((code) => Promise.reject(new Error(`exited ${code}: ${stderr}`)))]);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(process.listenerCount('SIGINT')).toBe(sigint);
    stop.abort();
    expect(await done).toBe(0);
    expect(stderr).toContain('Đã dừng xem trước.');
    await expect(fetch(url)).rejects.toThrow();
  });
});

describe('state a long-lived process keeps between runs', () => {
  it('the word list is read again when data/tu-dien.txt changes', () => {
    const file = path.join(project.root, 'data/tu-dien.txt');
    writeFileSync(file, 'MộtTừ\n');
    expect(wordList(project.root).words.has('MộtTừ')).toBe(true);
    writeFileSync(file, 'HaiTừ\n');
    const list = wordList(project.root);
    expect(list.words.has('HaiTừ')).toBe(true);
    expect(list.words.has('MộtTừ')).toBe(false);
  });
});
