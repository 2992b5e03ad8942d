// A revision of the project as a directory: the working tree as is, or a commit extracted with
// `git archive` into a temporary directory, so each plan resolves against its parents at that revision.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Revision {
  label: string; // "HEAD~1", "cây làm việc"
  root: string;
  /** The commit's author; for the working tree, git's user.name; unknown for a file from outside. */
  author?: string;
  /** The commit's author date (ISO 8601); none for the working tree, which has no date of its own. */
  date?: string;
  dispose(): void;
}

// git runs with the CLI's environment (io.env), not the process's: its HOME and GIT_CONFIG_* decide user.name.
const git = (cwd: string, env: NodeJS.ProcessEnv, args: string[]) =>
  execFileSync('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');

export class RevisionError extends Error {}

export function workingTree(root: string, env: NodeJS.ProcessEnv): Revision {
  let author: string | undefined;
  try {
    author = git(root, env, ['config', 'user.name']).toString().trim() || undefined;
  } catch {
    // not a repository, or no user configured: the redline then needs --tac-gia
  }
  return { label: 'cây làm việc', root, author, dispose: () => {} };
}

export function commitRevision(root: string, rev: string, env: NodeJS.ProcessEnv): Revision {
  let commit: string;
  let prefix: string;
  try {
    prefix = git(root, env, ['rev-parse', '--show-prefix']).toString().trim();
  } catch {
    throw new RevisionError(`'${root}' không nằm trong một kho git; so sánh hai tệp bằng --files CŨ.yaml MỚI.yaml`);
  }
  try {
    commit = git(root, env, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).toString().trim();
  } catch {
    throw new RevisionError(`không tìm thấy phiên bản git '${rev}'`);
  }
  const [author, date] = git(root, env, ['log', '-1', '--format=%an%n%aI', commit]).toString().trim().split('\n');
  const dir = mkdtempSync(path.join(tmpdir(), 'kehoach-rev-'));
  try {
    // Only the project's sources: the project may sit in a subfolder of the repository (prefix).
    const tree = prefix ? `${commit}:${prefix.replace(/\/$/, '')}` : commit;
    const tar = git(root, env, ['archive', '--format=tar', tree]);
    execFileSync('tar', ['-x', '-C', dir], { input: tar, maxBuffer: 512 * 1024 * 1024 });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new RevisionError(`không lấy được phiên bản '${rev}': ${(err as Error).message}`);
  }
  return { label: rev, root: dir, author, date: isoSeconds(new Date(date)), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of the project's plans/ and data/ with `content` written at `relPath` (a plan from outside the project). */
export function snapshotWithFile(root: string, relPath: string, content: Buffer, label: string): Revision {
  const dir = mkdtempSync(path.join(tmpdir(), 'kehoach-rev-'));
  for (const sub of ['plans', 'data']) {
    if (existsSync(path.join(root, sub))) cpSync(path.join(root, sub), path.join(dir, sub), { recursive: true });
  }
  const target = path.join(dir, relPath);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
  return { label, root: dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
