import { execFile, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';

/** A git command that failed: its arguments and what git said. */
export class GitError extends Error {
  readonly args: readonly string[];
  readonly stderr: string;
  constructor(args: readonly string[], stderr: string) {
    super(`\`git ${args.join(' ')}\` failed: ${stderr.trim().split('\n')[0] ?? ''}`);
    this.args = args;
    this.stderr = stderr;
  }
}

/** Run git in `cwd` and return its standard output. Never prompts (no terminal, no editor). */
export function git(cwd: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...args],
      {
        cwd,
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true', LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        if (error) reject(new GitError(args, String(stderr || error.message)));
        else resolve(String(stdout));
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Whether `root` is inside a git work tree. */
export async function isWorkTree(root: string): Promise<boolean> {
  return git(root, ['rev-parse', '--is-inside-work-tree']).then(
    (out) => out.trim() === 'true',
    () => false,
  );
}

/** The commit a revision names, or undefined. */
export async function resolveCommit(root: string, revision: string): Promise<string | undefined> {
  return git(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).then(
    (out) => out.trim() || undefined,
    () => undefined,
  );
}

/** Whether a tag exists. */
export async function tagExists(root: string, tag: string): Promise<boolean> {
  return git(root, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}`]).then(
    () => true,
    () => false,
  );
}

/** What `git status` lists: changed, staged and untracked files (ignored ones are not listed). */
export async function uncleanEntries(root: string): Promise<string[]> {
  const out = await git(root, ['status', '--porcelain', '--untracked-files=all']);
  return out.split('\n').filter(Boolean);
}

/** The project root's path inside the repository (`''` at the top, else `sub/dir/`). */
export async function pathPrefix(root: string): Promise<string> {
  return (await git(root, ['rev-parse', '--show-prefix'])).trim();
}

/**
 * Write the files of `commit` under the project root into `dir` (like a checkout, but with no
 * trace in the repository: no worktree entry to clean up if interrupted), and return `dir`. When
 * the project root is a subfolder of the repository, only that subfolder's tree is written.
 */
export async function exportTree(root: string, commit: string, dir: string): Promise<string> {
  const top = (await git(root, ['rev-parse', '--show-toplevel'])).trim();
  const prefix = (await pathPrefix(root)).replace(/\/$/, '');
  const treeish = prefix ? `${commit}:${prefix}` : commit;
  await mkdir(dir, { recursive: true });
  await new Promise<void>((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', treeish], {
      cwd: top,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tar = spawn('tar', ['-x', '-f', '-', '-C', dir], { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    archive.stderr.on('data', (chunk) => (errors += String(chunk)));
    tar.stderr.on('data', (chunk) => (errors += String(chunk)));
    archive.stdout.pipe(tar.stdin);
    let pending = 2;
    const done = (code: number | null) => {
      if (code !== 0) reject(new GitError(['archive', treeish], errors || `exit ${code}`));
      else if (--pending === 0) resolve();
    };
    archive.on('close', done);
    tar.on('close', done);
    archive.on('error', reject);
    tar.on('error', reject);
  });
  return dir;
}
