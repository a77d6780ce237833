/**
 * What a build says it is (src/release/edition.ts): only a release build carries a release's
 * version; every other build is a working draft named after the release it follows, its commit
 * and its build date, and "cite this" points at the latest release.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { citeThisDocument } from '../../src/citations/cite-this-document.ts';
import { releaseEdition, workingEdition } from '../../src/release/edition.ts';
import { readSourceState } from '../../src/release/source-state.ts';

const now = new Date('2026-12-02T15:00:00Z');
const final = { version: '1.0.0', stage: 'final' as const, date: '2026-06-03', doi: '10.5281/x.1' };
const draft = { version: '1.1.0', stage: 'draft' as const, date: '2026-10' };

describe('the working edition', () => {
  test('names the release it follows, the commit and the build date; never "Final"', () => {
    const edition = workingEdition({
      documentId: 'srida',
      prefix: 'spectrum-',
      source: { commit: 'abc1234def5678', dirty: false },
      now,
      latest: final,
      latestFinal: final,
    });
    expect(edition).toMatchObject({
      kind: 'working',
      version: '1.0.0+dev.abc1234',
      status: 'working',
      statusLabel: 'Working draft',
      date: '2026-12-02',
      label: 'Working draft after 1.0.0, built from commit abc1234 on 2 December 2026',
      fileName: 'spectrum-srida-1.0.0+dev.abc1234-working-draft.pdf',
      cite: { version: '1.0.0', date: '2026-06-03', doi: '10.5281/x.1' },
    });
  });

  test('says when the tree had uncommitted changes, or was not in git', () => {
    const base = { documentId: 'a', prefix: '', now, latest: final, latestFinal: final };
    const dirty = workingEdition({ ...base, source: { commit: 'abc1234ffff', dirty: true } });
    expect(dirty.version).toBe('1.0.0+dev.abc1234.dirty');
    expect(dirty.label).toBe(
      'Working draft after 1.0.0, built from commit abc1234 with uncommitted changes on 2 December 2026',
    );
    const outside = workingEdition({ ...base, source: { dirty: false } });
    expect(outside.version).toBe('1.0.0+dev');
    expect(outside.label).toBe(
      'Working draft after 1.0.0, built from files outside git on 2 December 2026',
    );
    expect(outside.fileName).toBe('a-1.0.0+dev-working-draft.pdf');
  });

  test('follows the newest release but cites the newest final; before any release, itself', () => {
    const after = workingEdition({
      documentId: 'a',
      prefix: '',
      now,
      source: { commit: 'abcdef0123', dirty: false },
      latest: draft,
      latestFinal: final,
    });
    expect(after.version).toBe('1.1.0+dev.abcdef0');
    expect(after.cite.version).toBe('1.0.0');
    const none = workingEdition({
      documentId: 'a',
      prefix: '',
      now,
      source: { commit: 'abcdef0123', dirty: false },
    });
    expect(none.version).toBe('0.0.0+dev.abcdef0');
    expect(none.label).toMatch(/^Working draft \(no release yet\), built from commit abcdef0 on/);
    expect(none.cite).toMatchObject({ version: '0.0.0+dev.abcdef0', date: '2026-12-02' });
  });

  test('a release build carries the release version and the release file name', () => {
    const edition = releaseEdition(
      { document: 'srida', version: '1.0.0', stage: 'final', date: '2026-06-03' },
      { prefix: 'spectrum-' },
    );
    expect(edition).toMatchObject({
      kind: 'release',
      version: '1.0.0',
      statusLabel: 'Final',
      fileName: 'spectrum-srida-v1.0.0.pdf',
      label: 'Release 1.0.0, final, 3 June 2026',
    });
  });
});

describe('the source state', () => {
  test('is the commit under the root, dirty when a file under the root changed', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'srida-source-'));
    try {
      const git = (...args: string[]) =>
        execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
      expect(await readSourceState(root)).toEqual({ dirty: false });
      git('init', '-q');
      await writeFile(path.join(root, 'a.md'), 'one\n');
      git('add', '-A');
      git('-c', 'user.name=T', '-c', 'user.email=t@e', 'commit', '-qm', 'one');
      const head = git('rev-parse', 'HEAD');
      expect(await readSourceState(root)).toEqual({ commit: head, dirty: false });
      await writeFile(path.join(root, 'a.md'), 'two\n');
      expect(await readSourceState(root)).toEqual({ commit: head, dirty: true });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('cite this document of a working build', () => {
  test('cites the release it is given, month-only dates included', () => {
    const metadata = {
      title: 'Alpha',
      shortTitle: 'Alpha',
      editors: [{ name: 'Test Editor' }],
      abstract: 'A.',
      language: 'en',
      version: '1.0.0',
      status: 'final' as const,
      date: '2026-12-02',
      licence: 'CC-BY-4.0',
      keywords: [],
      recommendations: { label: 'Recommendation', prefix: 'R' },
      citationStyle: 'apa',
      order: 1,
      paragraphRefs: 'auto' as const,
    };
    const cited = citeThisDocument(metadata, {
      url: 'https://example.org/alpha/',
      edition: { version: '0.9.0', date: '2025-10', doi: '10.5281/zenodo.9' },
    });
    expect(cited.bibtex).toContain('version     = {0.9.0}');
    expect(cited.bibtex).toContain('doi         = {10.5281/zenodo.9}');
    expect(cited.ris).toContain('ET  - 0.9.0');
    expect(cited.csl.issued).toEqual({ 'date-parts': [[2025, 10]] });
    expect(cited.text).toBe(
      'Editor, T. (Ed.). (2025). Alpha (Version 0.9.0). https://doi.org/10.5281/zenodo.9',
    );
  });
});
