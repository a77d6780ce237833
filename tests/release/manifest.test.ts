import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { citationCff, zenodoJson } from '../../src/release/citation-files.ts';
import { manifestWithRelease } from '../../src/release/manifest.ts';
import { consultationWindow, releasePrintData } from '../../src/release/print-marks.ts';
import { formatReleaseDate, sourceDateEpoch } from '../../src/release/release-date.ts';
import { compareVersions, isSemver } from '../../src/release/semver.ts';
import { compareTexts } from '../../src/release/verify.ts';
import { releasesOf } from '../../src/release/site-data.ts';
import { releaseManifestSchema } from '../../src/schemas/release-manifest.ts';
import {
  documentMetadataSchema,
  type DocumentMetadata,
} from '../../src/schemas/document-metadata.ts';
import { assembleWithMessages } from '../helpers/project.ts';
import { fakeRelease, makeRepo, removeTempDirs, writeFiles } from './helpers.ts';

afterAll(removeTempDirs);

const metadata: DocumentMetadata = documentMetadataSchema.parse({
  title: 'Alpha Document',
  shortTitle: 'Alpha',
  editors: [
    { name: 'SPECTRUM consortium' },
    { name: 'Ada Lovelace', orcid: '0000-0002-1825-0097', affiliation: 'EGI' },
  ],
  abstract: 'The *first* test document.',
  language: 'en',
  version: '1.0.0',
  status: 'final',
  date: '2026-06-03',
  licence: 'CC-BY-4.0',
  keywords: ['test'],
  recommendations: { label: 'Priority', prefix: 'P' },
  citationStyle: 'apa',
});

describe('srida check verifies released files against the manifest', () => {
  it('reports a changed byte at the `sha256:` line of the manifest, a missing file, and unlisted files', async () => {
    const root = await makeRepo();
    await fakeRelease(root, 'alpha', '0.9.0', 'draft', '2025-10');
    await fakeRelease(root, 'alpha', '1.0.0', 'final', '2026-06-03');
    expect((await assembleWithMessages(root)).messages).toEqual([]);

    const pdf = path.join(root, 'releases/alpha/1.0.0/spectrum-alpha-v1.0.0-final.pdf');
    const bytes = await readFile(pdf);
    bytes[0] ^= 1;
    await writeFile(pdf, bytes);
    await rm(path.join(root, 'releases/alpha/0.9.0/NOTES.md'));
    await writeFiles(root, {
      'releases/alpha/1.0.0/extra.txt': 'x',
      'releases/alpha/2.0.0/x.pdf': 'x',
    });
    const manifest = await readFile(path.join(root, 'releases/alpha/releases.yaml'), 'utf8');
    const lineOf = (text: string, from = 0) =>
      manifest.split('\n').findIndex((line, i) => i >= from && line.includes(text)) + 1;
    const secondEntry = lineOf('- version: 1.0.0');
    const { messages, project } = await assembleWithMessages(root);
    expect(messages).toEqual([
      'releases/alpha/releases.yaml:1:1: Folder `releases/alpha/2.0.0/` is not a release in this manifest [release-unlisted]',
      `releases/alpha/releases.yaml:${lineOf('file: NOTES.md')}:15: Released file \`releases/alpha/0.9.0/NOTES.md\` is missing [release-file-missing]`,
      `releases/alpha/releases.yaml:${secondEntry}:14: File \`releases/alpha/1.0.0/extra.txt\` is not part of release \`1.0.0\` [release-unlisted]`,
      expect.stringMatching(
        new RegExp(
          `^releases/alpha/releases.yaml:${lineOf('sha256:', secondEntry)}:15: Released file \`releases/alpha/1.0.0/spectrum-alpha-v1.0.0-final.pdf\` does not match its checksum: it was changed after release \\(SHA-256 \`[0-9a-f]{12}…\`, ${bytes.length} bytes; recorded \`[0-9a-f]{12}…\`, ${bytes.length} bytes\\) \\[release-checksum\\]$`,
        ),
      ),
    ]);
    // Neither broken release is offered for download.
    const site = releasesOf(project.documents.find((d) => d.id === 'alpha')!);
    expect(site.releases.map((r) => [r.version, r.verified])).toEqual([
      ['1.0.0', false],
      ['0.9.0', false],
    ]);
  });

  it('validates the manifest with positions', async () => {
    const root = await makeRepo({
      'releases/alpha/releases.yaml':
        'document: alpha\nnext:\n  date: 2025-13\n  doi: https://doi.org/10.5281/zenodo.1\n',
    });
    const { messages } = await assembleWithMessages(root);
    expect(messages).toEqual([
      'releases/alpha/releases.yaml:3:9: Invalid `next.date` (`2025-13`): write the date as `YYYY-MM-DD`, or `YYYY-MM` when the day is not known [release-manifest]',
      'releases/alpha/releases.yaml:4:8: Invalid `next.doi` (`https://doi.org/10.5281/zenodo.1`): write the DOI bare, e.g. `10.5281/zenodo.1234567` (no `https://doi.org/`) [release-manifest]',
    ]);
  });
});

describe('release data', () => {
  it('orders versions by semver precedence', () => {
    const sorted = ['1.0.0', '0.9.0', '1.0.0-rc.2', '1.0.0-rc.10', '0.10.0', '1.0.0-beta'].sort(
      compareVersions,
    );
    expect(sorted).toEqual(['0.9.0', '0.10.0', '1.0.0-beta', '1.0.0-rc.2', '1.0.0-rc.10', '1.0.0']);
  });

  it('takes only plain semantic versions as release versions', () => {
    for (const good of ['1.0.0', '0.9.0', '1.1.0-rc.1']) expect(isSemver(good), good).toBe(true);
    for (const bad of ['v1.0.0', '1.0', '01.0.0', '1.0.0+dev.abc1234', ' 1.0.0', '1.0.0-'])
      expect(isSemver(bad), bad).toBe(false);
    expect(() => compareVersions('1.0.0', 'v1')).toThrow('`v1` is not a semantic version');
  });

  it('shows month-only dates without inventing a day, and fixes SOURCE_DATE_EPOCH', () => {
    expect(formatReleaseDate('2025-10')).toBe('October 2025');
    expect(formatReleaseDate('2026-06-03')).toBe('3 June 2026');
    expect(sourceDateEpoch('2026-06-03')).toBe(Date.UTC(2026, 5, 3) / 1000);
    expect(sourceDateEpoch('2025-10')).toBe(Date.UTC(2025, 9, 1) / 1000);
  });

  it('appends a release to the manifest, consuming `next:` and keeping comments', () => {
    const text =
      '# hand-written comment\ndocument: alpha\nnext:\n  date: 2026-06-03\nreleases: []\n';
    const entry = {
      version: '1.0.0',
      stage: 'final' as const,
      date: '2026-06-03',
      tag: 'alpha-v1.0.0',
      source: 'a'.repeat(40),
      printer: { tool: 't', chromium: 'c' },
      pdf: { file: 'spectrum-alpha-v1.0.0-final.pdf', sha256: '0'.repeat(64), bytes: 1, pages: 1 },
      files: [],
    };
    const out = manifestWithRelease(text, 'alpha', entry);
    expect(out).toMatch(
      /^# hand-written comment\ndocument: alpha\nreleases:\n {2}- version: 1\.0\.0\n/,
    );
    expect(releaseManifestSchema.parse(parse(out))).toMatchObject({
      document: 'alpha',
      releases: [{ version: '1.0.0', source: 'a'.repeat(40) }],
    });
    const second = manifestWithRelease(out, 'alpha', {
      ...entry,
      version: '1.1.0',
      tag: 'alpha-v1.1.0',
    });
    expect(releaseManifestSchema.parse(parse(second)).releases.map((r) => r.version)).toEqual([
      '1.0.0',
      '1.1.0',
    ]);
  });

  it('words a consultation window as closed once its last day has passed at build time', () => {
    const consultation = { opens: '2026-10', closes: '2026-11-30', respond: 'Write to us.' };
    expect(consultationWindow(consultation, 'en', new Date('2026-11-30T23:59:59Z'))).toBe(
      'Opened October 2026; closes 30 November 2026.',
    );
    expect(consultationWindow(consultation, 'en', new Date('2026-12-01T00:00:00Z'))).toBe(
      'Opened October 2026; closed on 30 November 2026.',
    );
    const month = { ...consultation, closes: '2026-11' };
    expect(consultationWindow(month, 'en', new Date('2026-11-30T12:00:00Z'))).toBe(
      'Opened October 2026; closes November 2026.',
    );
    expect(consultationWindow(month, 'en', new Date('2026-12-02T00:00:00Z'))).toBe(
      'Opened October 2026; closed at the end of November 2026.',
    );
  });

  it('marks a draft on every page and its cover; gives a final with a DOI its "cite as"', () => {
    const draft = releasePrintData(
      {
        document: 'alpha',
        version: '0.9.0',
        stage: 'draft',
        date: '2025-10',
        consultation: {
          opens: '2025-10',
          note: 'The closing date was not published.',
          respond: 'Answer the survey.',
          url: 'https://example.org/c',
        },
      },
      metadata,
    );
    expect(draft.watermark).toBe(
      'Draft for public consultation, v0.9.0, not for citation as final',
    );
    expect(draft.pageCss).toContain(
      '"Draft for public consultation, v0.9.0, not for citation as final  ·  " counter(page)',
    );
    expect(draft.cover).toEqual([
      { label: 'Draft', text: 'Draft for public consultation, v0.9.0, not for citation as final' },
      {
        label: 'Consultation',
        text: 'Opened October 2025; closing date not on record. The closing date was not published.',
      },
      { label: 'How to respond', text: 'Answer the survey.', href: 'https://example.org/c' },
    ]);
    expect(draft.dateText).toBe('October 2025');
    const final = releasePrintData(
      {
        document: 'alpha',
        version: '1.0.0',
        stage: 'final',
        date: '2026-06-03',
        doi: '10.5281/zenodo.1',
      },
      metadata,
    );
    expect(final.watermark).toBeUndefined();
    expect(final.pageCss).toBe('');
    expect(final.citeAs).toBe(
      'SPECTRUM consortium, Ada Lovelace (2026). Alpha Document (Version 1.0.0). https://doi.org/10.5281/zenodo.1',
    );
  });

  it('writes CITATION.cff and .zenodo.json', () => {
    const input = {
      metadata,
      version: '1.0.0',
      stage: 'final' as const,
      date: '2026-06-03',
      doi: '10.5281/zenodo.1',
      pdfFile: 'spectrum-alpha-v1.0.0-final.pdf',
      project: { publisher: 'Alpha Org', funding: 'Funded by the Alpha Fund.' },
    };
    const cff = parse(citationCff(input));
    expect(cff['preferred-citation'].institution).toEqual({ name: 'Alpha Org' });
    expect(JSON.parse(zenodoJson(input)).notes).toBe('Funded by the Alpha Fund.');
    // No project facts, none written: the tool has none of its own.
    const bare = { ...input, project: {} };
    expect(parse(citationCff(bare))['preferred-citation']).not.toHaveProperty('institution');
    expect(JSON.parse(zenodoJson(bare))).not.toHaveProperty('notes');
    expect(cff).toMatchObject({
      'cff-version': '1.2.0',
      title: 'Alpha Document',
      version: '1.0.0',
      'date-released': '2026-06-03',
      doi: '10.5281/zenodo.1',
      license: 'CC-BY-4.0',
      abstract: 'The first test document.',
      authors: [
        { name: 'SPECTRUM consortium' },
        {
          'given-names': 'Ada',
          'family-names': 'Lovelace',
          orcid: 'https://orcid.org/0000-0002-1825-0097',
          affiliation: 'EGI',
        },
      ],
      'preferred-citation': { type: 'report', year: 2026, month: 6 },
    });
    const zenodo = JSON.parse(zenodoJson(input));
    expect(zenodo).toMatchObject({
      upload_type: 'publication',
      publication_type: 'report',
      version: '1.0.0',
      publication_date: '2026-06-03',
      doi: '10.5281/zenodo.1',
      license: 'cc-by-4.0',
      language: 'eng',
      creators: [
        { name: 'SPECTRUM consortium' },
        { name: 'Lovelace, Ada', orcid: '0000-0002-1825-0097' },
      ],
    });
    // A month-only draft: no invented day.
    const draft = {
      ...input,
      version: '0.9.0',
      stage: 'draft' as const,
      date: '2025-10',
      doi: undefined,
    };
    expect(parse(citationCff(draft))).not.toHaveProperty('date-released');
    expect(parse(citationCff(draft)).message).toContain(
      'Draft for public consultation, v0.9.0, not for citation as final',
    );
    expect(JSON.parse(zenodoJson(draft))).not.toHaveProperty('publication_date');
  });

  it('compares extracted text page by page', () => {
    expect(compareTexts(['a  b\nc', 'd'], ['a b\nc', 'd'])).toEqual([]);
    expect(compareTexts(['a\nold line', 'd'], ['a\nnew line', 'd'])).toEqual([
      'page 1, line 2:',
      '  published: old line',
      '  rebuilt:   new line',
    ]);
    expect(compareTexts(['a'], ['a', 'b'])[0]).toBe('pages: published 1, rebuilt 2');
  });
});
