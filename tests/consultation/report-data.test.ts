import { describe, expect, it } from 'vitest';
import { indexAnchorRecord } from '../../src/consultation/anchor-record.ts';
import { consultationReport } from '../../src/consultation/report-data.ts';
import { consultationCommentSchema } from '../../src/schemas/consultation.ts';
import { fixtureBlocks } from './helpers.ts';

const anchors = indexAnchorRecord({ document: 'alpha', version: '0.9.0', blocks: fixtureBlocks });
const comments = [
  {
    id: 'c-a',
    anchor: 'li-2mm9c',
    type: 'editorial',
    comment: 'x',
    disposition: 'accepted',
    changed: ['p-new1'],
  },
  {
    id: 'c-b',
    anchor: 'p-3fk2a',
    type: 'technical',
    comment: 'y',
    disposition: 'declined',
    response: 'No.',
  },
  { id: 'c-c', type: 'general', comment: 'z' },
  {
    id: 'c-d',
    anchor: 'p-8qw1z',
    type: 'technical',
    comment: 'w',
    disposition: 'partially-accepted',
    changed: ['p-new1', 'p-new2'],
  },
].map((c) => consultationCommentSchema.parse(c));

describe('the data of a consultation page and report', () => {
  it('counts by type, disposition and chapter (in the draft’s order), and maps changed anchors back', () => {
    const report = consultationReport({ document: 'alpha', version: '0.9.0', comments, anchors });
    expect(report).toMatchObject({
      total: 4,
      answered: 3,
      byType: { general: 1, technical: 2, editorial: 1 },
      byDisposition: {
        accepted: 1,
        'partially-accepted': 1,
        noted: 0,
        declined: 1,
        'out-of-scope': 0,
        none: 1,
      },
      changedBy: { 'p-new1': ['c-a', 'c-d'], 'p-new2': ['c-d'] },
    });
    expect(report.chapters.map((c) => [c.chapterId, c.total, c.comments.map((x) => x.id)])).toEqual(
      [
        [undefined, 1, ['c-c']],
        ['intro', 2, ['c-b', 'c-d']],
        ['data', 1, ['c-a']],
      ],
    );
    expect(report.chapters[1]!.comments[1]).toMatchObject({
      ref: '1.1 ¶2',
      quote: 'Federate <b>storage</b> & "compute".',
    });
  });
});
