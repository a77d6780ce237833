import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cp } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReleaseDate, today } from '../../src/release/release-date.ts';
import {
  commitAll,
  consultationYaml,
  fakeRelease,
  finaliseAlpha,
  git,
  makeRepo,
  removeTempDirs,
  repoState,
  run,
  tempDir,
  writeFiles,
} from './helpers.ts';

afterAll(removeTempDirs);

/** A manifest for `alpha` whose `next:` describes a draft's consultation. */
const draftNext = `document: alpha\nnext:\n${consultationYaml}releases: []\n`;

/** Run a release that must be refused: exit 1, the message on stderr, nothing changed. */
async function refused(root: string, argv: string[]): Promise<string> {
  const before = await repoState(root);
  const result = await run(['release', ...argv, '--root', root]);
  expect(result.code).toBe(1);
  expect(result.out).not.toContain('released');
  expect(await repoState(root)).toEqual(before);
  return result.err;
}

describe('srida release refuses, changing nothing', () => {
  it('outside a git repository', async () => {
    const root = await tempDir('srida-nogit-');
    await cp(path.resolve('tests/fixtures/basic/chapters'), path.join(root, 'chapters'), {
      recursive: true,
    });
    const err = await refused(root, ['alpha', '0.9.0', '--stage', 'draft']);
    expect(err).toContain(
      `srida release: Cannot release \`alpha\` 0.9.0: \`${root}\` is not in a git repository`,
    );
  });

  it('when the working tree has uncommitted changes, listing them', async () => {
    const root = await makeRepo({ 'releases/alpha/releases.yaml': draftNext });
    await writeFile(
      path.join(root, 'chapters/alpha/01-intro.md'),
      '---\ntitle: Introduction\nstatus: draft\n---\n\nChanged.\n',
    );
    await writeFile(path.join(root, 'stray.txt'), 'new file');
    const err = await refused(root, ['alpha', '0.9.0', '--stage', 'draft']);
    expect(err).toContain(
      'Cannot release `alpha` 0.9.0: the working tree is not clean (2 uncommitted changes)',
    );
    expect(err).toContain(' M chapters/alpha/01-intro.md');
    expect(err).toContain('?? stray.txt');
    expect(err).toContain('hint: Commit or stash them first');
  });

  it('when `srida check` finds errors, printing them', async () => {
    const root = await makeRepo({
      'releases/alpha/releases.yaml': draftNext,
      'chapters/alpha/03-broken.md':
        '---\ntitle: Broken\nstatus: draft\n---\n\nSee [](#nowhere).\n',
    });
    const err = await refused(root, ['alpha', '0.9.0', '--stage', 'draft']);
    expect(err).toContain('Cannot release `alpha` 0.9.0: `srida check` found 1 error');
    expect(err).toContain(
      'chapters/alpha/03-broken.md:6:5  error  Cannot find cross-reference target `#nowhere`  xref-unknown',
    );
  });

  it('when a released file was changed (check reports its checksum)', async () => {
    const root = await makeRepo();
    await fakeRelease(root, 'alpha', '0.9.0', 'draft', '2025-10');
    await writeFile(path.join(root, 'releases/alpha/0.9.0/NOTES.md'), 'rewritten\n');
    await commitAll(root, 'Tamper');
    const err = await refused(root, ['alpha', '1.0.0', '--stage', 'final', '--force', 'test']);
    expect(err).toContain('`srida check` found 1 error');
    expect(err).toMatch(
      /releases\/alpha\/releases\.yaml:\d+:\d+ {2}error {2}Released file `releases\/alpha\/0\.9\.0\/NOTES\.md` does not match its checksum/,
    );
  });

  it('for a document that does not exist', async () => {
    const root = await makeRepo();
    const err = await refused(root, ['gamma', '1.0.0', '--stage', 'final']);
    expect(err).toContain('Cannot release `gamma` 1.0.0: there is no document `gamma`');
    expect(err).toContain('hint: Documents: `alpha`, `beta`.');
  });

  it('when the version exists: in the manifest, as a tag, or as a folder', async () => {
    const root = await makeRepo();
    await fakeRelease(root, 'alpha', '0.9.0', 'draft', '2025-10');
    expect(await refused(root, ['alpha', '0.9.0', '--stage', 'draft'])).toContain(
      'Cannot release `alpha` 0.9.0: version 0.9.0 already exists (listed in `releases/alpha/releases.yaml`)',
    );
    await git(root, 'tag', '-a', 'alpha-v2.0.0', '-m', 'made by hand');
    expect(await refused(root, ['alpha', '2.0.0', '--stage', 'final', '--force', 'x'])).toContain(
      'version 2.0.0 already exists (tag `alpha-v2.0.0` exists)',
    );
    await writeFiles(root, { 'releases/alpha/3.0.0/spectrum-alpha-v3.0.0-final.pdf': 'x' });
    await commitAll(root, 'Stray release folder');
    const err = await refused(root, ['alpha', '3.0.0', '--stage', 'final', '--force', 'x']);
    expect(err).toContain('version 3.0.0 already exists (`releases/alpha/3.0.0/` exists)');
    expect(err).toContain('A published release is immutable and is never overwritten');
  });

  it('when the version is not greater than the last release', async () => {
    const root = await makeRepo();
    await fakeRelease(root, 'alpha', '1.0.0', 'final', '2026-06-03');
    for (const version of ['0.9.1', '1.0.0-rc.1']) {
      expect(await refused(root, ['alpha', version, '--stage', 'final', '--force', 'x'])).toContain(
        `Cannot release \`alpha\` ${version}: the version must be greater than the last release, 1.0.0`,
      );
    }
  });

  it('when the release date is before the last release', async () => {
    const root = await makeRepo();
    await fakeRelease(root, 'alpha', '0.9.0', 'draft', '2025-10');
    const manifest = path.join(root, 'releases/alpha/releases.yaml');
    const { readFile } = await import('node:fs/promises');
    await writeFile(
      manifest,
      (await readFile(manifest, 'utf8')).replace(
        'document: alpha\n',
        'document: alpha\nnext:\n  date: 2025-09-30\n',
      ),
    );
    await commitAll(root, 'Next release');
    expect(await refused(root, ['alpha', '1.0.0', '--stage', 'final', '--force', 'x'])).toContain(
      "Cannot release `alpha` 1.0.0: its date 2025-09-30 is before the last release's (2025-10)",
    );
  });

  it('a draft whose consultation is not described, and a final that has one', async () => {
    const root = await makeRepo();
    const draft = await refused(root, ['alpha', '0.9.0', '--stage', 'draft']);
    expect(draft).toContain(
      'Cannot release `alpha` 0.9.0 as a draft: its consultation is not described',
    );
    expect(draft).toContain('hint: Add `next.consultation` to `releases/alpha/releases.yaml`');
    await writeFiles(root, { 'releases/alpha/releases.yaml': draftNext });
    await finaliseAlpha(root);
    await commitAll(root, 'Consultation');
    expect(await refused(root, ['alpha', '1.0.0', '--stage', 'final'])).toContain(
      'Cannot release `alpha` 1.0.0 as final: `next.consultation` describes a consultation, which only drafts have',
    );
  });

  it('a draft whose consultation has already closed, unless forced with a reason', async () => {
    const closed = draftNext.replace(
      '    opens: 2025-10\n',
      '    opens: 2025-10\n    closes: 2025-11-30\n',
    );
    const root = await makeRepo({ 'releases/alpha/releases.yaml': closed });
    const err = await refused(root, ['alpha', '0.9.0', '--stage', 'draft']);
    expect(err).toBe(
      [
        'srida release: Cannot release `alpha` 0.9.0 as a draft: its consultation closes on 30 November 2025, which has passed',
        `  hint: Set \`next.consultation.closes\` in \`releases/alpha/releases.yaml\` to a date after the release (${formatReleaseDate(today())}), or release anyway with \`--force "reason"\` (the reason is recorded in the manifest and the release notes).`,
      ].join('\n'),
    );
  });

  it('a final with chapters still draft or in review, unless forced with a reason', async () => {
    const root = await makeRepo();
    const err = await refused(root, ['alpha', '1.0.0', '--stage', 'final']);
    expect(err).toBe(
      [
        'srida release: Cannot release `alpha` 1.0.0 as final: 2 chapters are not final',
        '  chapters/alpha/01-intro.md: draft',
        '  chapters/alpha/02-appendix.md: review',
        '  hint: Mark them `status: final` and commit, or release anyway with `--force "reason"` (the reason is recorded in the manifest and the release notes).',
      ].join('\n'),
    );
  });

  it('usage errors exit 2: no stage, a bad stage, a bad version, an empty --force reason', async () => {
    const root = await makeRepo();
    const before = await repoState(root);
    const cases: [string[], string][] = [
      [['alpha', '1.0.0'], '`--stage draft` or `--stage final` is required'],
      [['alpha', '1.0.0', '--stage', 'beta'], '`--stage beta` is neither `draft` nor `final`'],
      [['alpha', 'v1', '--stage', 'final'], '`v1` is not a semantic version such as `1.0.0`'],
      [['alpha'], 'name the document and the version'],
      [['alpha', '1.0.0', '--stage', 'final', '--force', ' '], '`--force` needs a reason'],
    ];
    for (const [argv, message] of cases) {
      const result = await run(['release', ...argv, '--root', root]);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toContain(message);
    }
    expect(await repoState(root)).toEqual(before);
  });
});
