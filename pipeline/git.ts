// The files of one folder that changed since a git revision: `git diff` against it (staged,
// unstaged and committed changes) plus untracked files. git runs through execFile with an
// argument array — never a shell — and the revision is resolved to a commit id first, so a
// user-supplied REF can be neither a shell word nor an option.
import { execFile } from 'node:child_process';

export type ChangedFiles =
  | { kind: 'changed'; commit: string; files: string[] }
  | { kind: 'not-a-checkout'; reason: string }
  | { kind: 'bad-ref'; reason: string };

interface GitRun {
  code: number | 'missing';
  stdout: string;
  stderr: string;
}

const TIMEOUT_MS = 60_000;
/** Room for the names of a few hundred thousand changed files. */
const MAX_BUFFER = 256 * 1024 * 1024;

function git(cwd: string, args: string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: TIMEOUT_MS, maxBuffer: MAX_BUFFER, encoding: 'utf8', windowsHide: true }, (err, stdout, stderr) => {
      if (!err) return resolve({ code: 0, stdout, stderr });
      const e = err as NodeJS.ErrnoException & { code?: number | string };
      if (e.code === 'ENOENT') return resolve({ code: 'missing', stdout: '', stderr: '' });
      resolve({ code: typeof e.code === 'number' ? e.code : 1, stdout: stdout ?? '', stderr: stderr || e.message });
    });
  });
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0] ?? '';
}

/** NUL-separated git output → top-level names (discover does not descend into subfolders). */
function names(z: string): string[] {
  return z.split('\0').filter((p) => p !== '' && !p.includes('/'));
}

/** Files directly inside `dir` that were added or changed since `ref`, or why that cannot be told. */
export async function filesChangedSince(dir: string, ref: string): Promise<ChangedFiles> {
  if (ref === '' || ref.startsWith('-')) return { kind: 'bad-ref', reason: `"${ref}" is not a git revision` };
  const inside = await git(dir, ['rev-parse', '--is-inside-work-tree']);
  if (inside.code === 'missing') return { kind: 'not-a-checkout', reason: 'git is not installed' };
  if (inside.code !== 0 || inside.stdout.trim() !== 'true') {
    return { kind: 'not-a-checkout', reason: `the seeds folder is not in a git work tree (${firstLine(inside.stderr) || 'git rev-parse failed'})` };
  }
  const resolved = await git(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const commit = resolved.stdout.trim();
  if (resolved.code !== 0 || !/^[0-9a-f]{40,64}$/u.test(commit)) {
    return { kind: 'bad-ref', reason: `unknown git revision "${ref}" (in CI, fetch it: actions/checkout with fetch-depth: 0)` };
  }
  // --relative: names relative to `dir`, and only changes inside it. --no-renames: a renamed
  // file shows up under its new name as an added one.
  const diff = await git(dir, ['diff', '--name-only', '-z', '--no-renames', '--relative', commit, '--', '.']);
  if (diff.code !== 0) return { kind: 'not-a-checkout', reason: `git diff failed: ${firstLine(diff.stderr)}` };
  // Untracked files, ignored ones included: a full run would check them too.
  const untracked = await git(dir, ['ls-files', '-z', '--others', '--', '.']);
  if (untracked.code !== 0) return { kind: 'not-a-checkout', reason: `git ls-files failed: ${firstLine(untracked.stderr)}` };
  const files = [...new Set([...names(diff.stdout), ...names(untracked.stdout)])].sort();
  return { kind: 'changed', commit, files };
}
