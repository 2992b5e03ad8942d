// Runs the command line the way users do. runCli runs main() in the test's own process, with its
// streams captured and a cwd and environment of its own (no node start-up, no module loading, a
// warm browser binary cache): most CLI tests use it. runCliProcess spawns bin/kehoach.js, the
// compiled CLI, for the few cases that need a real process: the compiled entry itself, signals,
// git running the command (textconv), and one end-to-end case each of build, check and diff.
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repoRoot, 'bin/kehoach.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment both runners give the CLI: the test's own, colour off, and `env` over it. */
const cliEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...process.env, FORCE_COLOR: '0', ...env });

/** `kehoach ARGS` in this process: neither a terminal nor the process's signals. */
export async function runCli(args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    env: cliEnv(env),
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    signals: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** `kehoach ARGS` as a child process running the compiled bin/kehoach.js. */
export function runCliProcess(args: string[], cwd = repoRoot, env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: cliEnv(env),
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
