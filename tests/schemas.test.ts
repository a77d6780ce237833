import { describe, expect, it } from 'vitest';
import { chapterFrontMatterSchema } from '../src/schemas/chapter-front-matter.ts';
import { documentMetadataSchema } from '../src/schemas/document-metadata.ts';

const metadata = {
  title: 'T',
  shortTitle: 'T',
  editors: [{ name: 'E' }],
  abstract: 'A',
  language: 'en',
  version: '1.0.0',
  status: 'final',
  date: '2026-06-03',
  licence: 'CC-BY-4.0',
};

describe('document metadata schema', () => {
  it('accepts a complete record and fills defaults', () => {
    const parsed = documentMetadataSchema.parse(metadata);
    expect(parsed.recommendations).toEqual({ label: 'Recommendation', prefix: 'R' });
    expect(parsed.citationStyle).toBe('apa');
    expect(parsed.keywords).toEqual([]);
  });

  it('normalises a YAML date object to YYYY-MM-DD', () => {
    expect(
      documentMetadataSchema.parse({ ...metadata, date: new Date('2026-06-03T00:00:00Z') }).date,
    ).toBe('2026-06-03');
  });

  it.each([
    ['version', '1.0', 'semantic version'],
    ['status', 'published', 'draft'],
    ['language', 'English', 'BCP 47'],
    ['date', '3 June 2026', 'YYYY-MM-DD'],
  ])('rejects a bad %s', (field, value, words) => {
    const result = documentMetadataSchema.safeParse({ ...metadata, [field]: value });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error!.issues)).toContain(words);
  });

  it('rejects unknown fields and an empty editor list', () => {
    expect(documentMetadataSchema.safeParse({ ...metadata, colour: 'red' }).success).toBe(false);
    expect(documentMetadataSchema.safeParse({ ...metadata, editors: [] }).success).toBe(false);
  });
});

describe('chapter front matter schema', () => {
  it('defaults kind to chapter', () => {
    expect(chapterFrontMatterSchema.parse({ title: 'A', status: 'draft' }).kind).toBe('chapter');
  });

  it('accepts the optional fields', () => {
    const parsed = chapterFrontMatterSchema.parse({
      title: 'A',
      status: 'review',
      workingGroup: 'WG3',
      owners: ['X'],
      summary: 'S',
      kind: 'appendix',
      id: 'a-b',
    });
    expect(parsed).toMatchObject({ workingGroup: 'WG3', kind: 'appendix', id: 'a-b' });
  });

  it.each([
    [{ title: 'A', status: 'done' }],
    [{ title: 'A', status: 'draft', workingGroup: 'Data' }],
    [{ title: 'A', status: 'draft', id: 'Has Spaces' }],
    [{ title: '', status: 'draft' }],
    [{ title: 'A', status: 'draft', kind: 'preface' }],
  ])('rejects %j', (input) => {
    expect(chapterFrontMatterSchema.safeParse(input).success).toBe(false);
  });
});
