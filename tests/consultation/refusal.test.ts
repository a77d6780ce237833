import { afterAll, describe, expect, it } from 'vitest';
import { prepareRelease } from '../../src/release/preconditions.ts';
import {
  commitAll,
  fakeRelease,
  finaliseAlpha,
  makeRepo,
  removeTempDirs,
  repoState,
  run,
  writeFiles,
} from '../release/helpers.ts';

afterAll(removeTempDirs);

const record = (comments: string) => ({
  'consultation/alpha/0.9.0.yaml': `document: alpha\nversion: "0.9.0"\ncomments:\n${comments}`,
});
const comment = (id: string, disposition = '') =>
  `  - id: ${id}\n    anchor: p-3fk2a\n    ref: 1 ¶2\n    type: technical\n    comment: Text.\n    disposition: ${disposition}\n`;

/** A repository with a released 0.9.0 draft of `alpha`, its chapters final, and a record. */
async function repoWith(comments: string) {
  const root = await makeRepo();
  await fakeRelease(root, 'alpha', '0.9.0', 'draft', '2025-10');
  await finaliseAlpha(root);
  await writeFiles(root, record(comments));
  await commitAll(root, 'Consultation record');
  return root;
}

describe('srida release --stage final and the consultation', () => {
  it('refuses while a comment of the preceding draft has no disposition, listing each with its place', async () => {
    const root = await repoWith(
      comment('c-aaaa', 'accepted') + comment('c-bbbb') + comment('c-cccc', '""'),
    );
    const before = await repoState(root);
    const result = await run(['release', 'alpha', '1.0.0', '--stage', 'final', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      [
        'srida release: Cannot release `alpha` 1.0.0 as final: 2 comments of the consultation on 0.9.0 have no disposition',
        '  consultation/alpha/0.9.0.yaml:10:9: c-bbbb (1 ¶2)',
        '  consultation/alpha/0.9.0.yaml:16:9: c-cccc (1 ¶2)',
        '  hint: Give each a `disposition` (accepted, partially-accepted, noted, declined, out-of-scope) and a `response`, and commit; or release anyway with `--force "reason"` (recorded in the manifest and the release notes).',
      ].join('\n'),
    );
    expect(await repoState(root)).toEqual(before);
  });

  it('--force "reason" overrides it, and the reason is recorded; all answered needs no force', async () => {
    const root = await repoWith(comment('c-aaaa') + comment('c-bbbb', 'declined'));
    const prepared = await prepareRelease({
      root,
      documentId: 'alpha',
      version: '1.0.0',
      stage: 'final',
      force: 'Late comments answered at the launch event',
    });
    expect(prepared.forced).toBe('Late comments answered at the launch event');
    const answered = await repoWith(comment('c-aaaa', 'noted') + comment('c-bbbb', 'declined'));
    const clean = await prepareRelease({
      root: answered,
      documentId: 'alpha',
      version: '1.0.0',
      stage: 'final',
    });
    expect(clean.forced).toBeUndefined();
  });

  it('refuses a record with errors even with --force; drafts before the last final do not count', async () => {
    const root = await repoWith(
      comment('c-aaaa', 'accepted') + '  - id: c-bbbb\n    type: urgent\n    comment: x\n',
    );
    const result = await run([
      'release',
      'alpha',
      '1.0.0',
      '--stage',
      'final',
      '--force',
      'x',
      '--root',
      root,
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'Cannot release `alpha` 1.0.0 as final: the consultation record of 0.9.0 has 1 error',
    );
    expect(result.err).toContain(
      'consultation/alpha/0.9.0.yaml:11:11  error  Unknown value `urgent` for `type`',
    );
    // After a final, a new final answers only the drafts since.
    const later = await repoWith(comment('c-aaaa'));
    await fakeRelease(later, 'alpha', '1.0.0', 'final', '2026-06-03');
    const next = await prepareRelease({
      root: later,
      documentId: 'alpha',
      version: '1.1.0',
      stage: 'final',
    });
    expect(next.forced).toBeUndefined();
  });
});
