// git textconv runs `kehoach print /tmp/XXXX_file.yaml` on a temporary copy of an old blob. A plan
// resolves its parent relative to its own path, so the copy alone cannot be resolved. We find which
// tracked path holds that blob (HEAD first, then the index, then the commit that introduced it) and
// resolve it inside a snapshot of the project at that commit (git archive of plans/ and data/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isInside } from './root.ts';

export interface LocatedPlan {
  root: string;
  file: string; // absolute
  dispose(): void;
}

type Git = (root: string, args: string[], input?: Buffer) => Buffer;
const gitIn = (env: NodeJS.ProcessEnv): Git => (root, args, input) =>
  execFileSync('git', args, { cwd: root, env, input, stdio: ['pipe', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });

/** The path under plans/ that holds blob `sha` in `commit`, if any. */
function pathInCommit(git: Git, root: string, commit: string, sha: string): string | undefined {
  const listing = git(root, ['ls-tree', '-r', commit, '--', 'plans']).toString();
  return listing.split('\n').find((l) => l.includes(` ${sha}\t`))?.split('\t')[1];
}

/** `given` as written on the command line, relative to `cwd`; git runs with `env`. */
export function locateForeignPlan(root: string, given: string, cwd: string, env: NodeJS.ProcessEnv): LocatedPlan {
  const git = gitIn(env);
  const abs = path.resolve(cwd, given);
  const asIs: LocatedPlan = { root, file: abs, dispose: () => {} };
  if (isInside(root, abs)) return asIs;
  let content: Buffer;
  let trackedPath: string | undefined;
  let commit = 'HEAD';
  try {
    content = readFileSync(abs);
    const sha = git(root, ['hash-object', '--stdin'], content).toString().trim();
    // `git diff`: the old side is usually HEAD's blob, or the index's (`git diff --cached`).
    trackedPath = pathInCommit(git, root, 'HEAD', sha);
    if (!trackedPath) {
      const index = git(root, ['ls-files', '-s', '--', 'plans']).toString();
      trackedPath = index.split('\n').find((l) => l.includes(` ${sha} `))?.split('\t')[1];
    }
    if (!trackedPath) {
      // `git log -p`: a blob of an older commit. Resolve it in the commit that introduced it, so
      // that its parent plan and the shared data are those it was written against.
      const introducing = git(root, ['log', '--all', '--reverse', '--format=%H', `--find-object=${sha}`, '--', 'plans'])
        .toString().split('\n').filter(Boolean);
      for (const c of introducing) {
        trackedPath = pathInCommit(git, root, c, sha);
        if (trackedPath) {
          commit = c;
          break;
        }
      }
    }
  } catch {
    return asIs;
  }
  if (!trackedPath) return asIs;
  const snapshot = mkdtempSync(path.join(tmpdir(), 'kehoach-rev-'));
  try {
    const tar = git(root, ['archive', '--format=tar', commit, '--', 'plans', 'data']);
    execFileSync('tar', ['-x', '-C', snapshot], { input: tar });
  } catch {
    // No commit yet, or data/ not tracked: the snapshot then only holds the blob itself.
  }
  const target = path.join(snapshot, trackedPath);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
  return { root: snapshot, file: target, dispose: () => rmSync(snapshot, { recursive: true, force: true }) };
}
