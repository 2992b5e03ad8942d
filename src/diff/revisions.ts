// A revision of the project as a folder: the working tree itself, or a commit extracted with
// `git archive` into a temporary folder, so each plan resolves against its parents at that revision.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Revision {
  label: string; // "HEAD~1", "cây làm việc"
  root: string;
  author: string;
  date: string; // ISO 8601
  dispose(): void;
}

const git = (cwd: string, args: string[]) =>
  execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });

export class RevisionError extends Error {}

export function workingTree(root: string): Revision {
  let author = '';
  try {
    author = git(root, ['config', 'user.name']).toString().trim();
  } catch {
    // no user configured: the redline still opens, with an empty author
  }
  return { label: 'cây làm việc', root, author: author || 'kehoach', date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), dispose: () => {} };
}

export function commitRevision(root: string, rev: string): Revision {
  let commit: string;
  try {
    commit = git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).toString().trim();
  } catch {
    throw new RevisionError(`không tìm thấy phiên bản git '${rev}'`);
  }
  const [author, date] = git(root, ['log', '-1', '--format=%an%n%aI', commit]).toString().trim().split('\n');
  const dir = mkdtempSync(path.join(tmpdir(), 'kehoach-rev-'));
  try {
    const tar = git(root, ['archive', '--format=tar', commit]);
    execFileSync('tar', ['-x', '-C', dir], { input: tar, maxBuffer: 512 * 1024 * 1024 });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new RevisionError(`không lấy được phiên bản '${rev}': ${(err as Error).message}`);
  }
  return { label: rev, root: dir, author, date: new Date(date).toISOString().replace(/\.\d+Z$/, 'Z'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
