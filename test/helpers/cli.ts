// Runs the real command line (bin/kehoach.js) in a child process, the way users and CI run it.
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repoRoot, 'bin/kehoach.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 600_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A throwaway copy of the project's plans/ and data/ (the tool itself stays in the repo). */
export function tempProject(opts: { plans?: boolean } = {}): { root: string; dispose(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'kehoach-test-'));
  cpSync(path.join(repoRoot, 'data'), path.join(root, 'data'), { recursive: true });
  if (opts.plans !== false) cpSync(path.join(repoRoot, 'plans'), path.join(root, 'plans'), { recursive: true });
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Văn thư', GIT_AUTHOR_EMAIL: 'vt@example.vn', GIT_COMMITTER_NAME: 'Văn thư', GIT_COMMITTER_EMAIL: 'vt@example.vn' },
  });
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}
