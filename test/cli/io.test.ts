// The CLI's I/O context (src/cli/io.ts): an in-process run reads its cwd and environment from the
// CliIo it is given, never from the process, and leaves the process as it found it.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, tempProject } from '../helpers/cli.ts';
import { wordList } from '../../src/check/word-list.ts';

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
