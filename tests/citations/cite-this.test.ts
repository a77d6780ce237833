import { describe, expect, it } from 'vitest';
import { citeThisDocument } from '../../src/citations/index.ts';
import { documentMetadataSchema } from '../../src/schemas/document-metadata.ts';

const metadata = documentMetadataSchema.parse({
  title: 'Strategic Research, Innovation and Deployment Agenda',
  subtitle: 'A European compute & data continuum',
  shortTitle: 'SRIDA',
  editors: [
    { name: 'SPECTRUM Community of Practice' },
    { name: 'Jane van der Berg', orcid: '0000-0002-1825-0097' },
  ],
  abstract: 'One *short* paragraph.',
  language: 'en',
  version: '1.0.0',
  status: 'final',
  date: '2026-06-03',
  licence: 'CC-BY-4.0',
  keywords: ['exabyte', 'data federation'],
});

describe('cite this document', () => {
  const cite = citeThisDocument(metadata, {
    url: 'https://spectrum.example.org/srida/',
    publisher: 'SPECTRUM project',
    keyPrefix: 'SPECTRUM',
  });

  it('names no publisher and no project the project did not give', () => {
    const bare = citeThisDocument(metadata, { url: 'https://example.org/srida/' });
    expect(bare.key).toBe('2026srida');
    expect(bare.bibtex).not.toContain('institution');
    expect(bare.ris).not.toMatch(/^PB {2}-/m);
    expect(bare.csl).not.toHaveProperty('publisher');
  });

  it('an APA reference line', () => {
    expect(cite.text).toBe(
      'SPECTRUM Community of Practice, & van der Berg, J. (Eds.). (2026). Strategic Research, Innovation and Deployment Agenda: A European compute & data continuum (Version 1.0.0). SPECTRUM project. https://spectrum.example.org/srida/',
    );
    expect(cite.html).toMatch(/^<div class="csl-entry">/);
  });

  it('BibTeX with the group kept whole, the person split, special characters escaped', () => {
    expect(cite.bibtex).toBe(`@techreport{spectrum2026srida,
  title       = {{Strategic Research, Innovation and Deployment Agenda: A European compute \\& data continuum}},
  editor      = {{SPECTRUM Community of Practice} and van der Berg, Jane},
  institution = {SPECTRUM project},
  year        = {2026},
  month       = {6},
  date        = {2026-06-03},
  version     = {1.0.0},
  url         = {https://spectrum.example.org/srida/},
  langid      = {en},
  keywords    = {exabyte, data federation}
}
`);
  });

  it('RIS and CSL-JSON', () => {
    expect(cite.ris.split('\n')).toEqual([
      'TY  - RPRT',
      'TI  - Strategic Research, Innovation and Deployment Agenda: A European compute & data continuum',
      'ED  - SPECTRUM Community of Practice',
      'ED  - van der Berg, Jane',
      'PY  - 2026',
      'DA  - 2026/06/03',
      'PB  - SPECTRUM project',
      'ET  - 1.0.0',
      'UR  - https://spectrum.example.org/srida/',
      'LA  - en',
      'AB  - One short paragraph.',
      'KW  - exabyte',
      'KW  - data federation',
      'ER  -',
      '',
    ]);
    expect(JSON.parse(cite.cslJson)).toEqual([cite.csl]);
    expect(cite.csl).toMatchObject({
      id: 'spectrum2026srida',
      type: 'report',
      issued: { 'date-parts': [[2026, 6, 3]] },
      version: '1.0.0',
      publisher: 'SPECTRUM project',
    });
  });
});
