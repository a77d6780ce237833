import { git } from './git.ts';

/**
 * Where the text of a build comes from: the commit checked out under the content root and
 * whether files under the root differ from it. Read once per assembly (the releases stage's
 * `load`), so every page and PDF of one build names the same source.
 */
export interface SourceState {
  /** Full commit id; undefined when the root is not in a git work tree. */
  commit?: string;
  /**
   * Files under the root are changed, staged or untracked (ignored files do not count). The
   * anchor state (`anchors/`) does not count: `srida check` rewrites it from the committed
   * state and the committed text, so the build is still the commit's (docs/anchors.md).
   */
  dirty: boolean;
}

/** The source state of a content root; `{ dirty: false }` with no commit outside git. */
export async function readSourceState(root: string): Promise<SourceState> {
  const commit = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).then(
    (out) => out.trim() || undefined,
    () => undefined,
  );
  if (!commit) return { dirty: false };
  // `-- .` limits the status to the content root (a `--root` inside a larger repository).
  const status = await git(root, [
    'status',
    '--porcelain',
    '--untracked-files=all',
    '--',
    '.',
    ':(exclude)anchors',
  ]);
  return { commit, dirty: status.trim() !== '' };
}
