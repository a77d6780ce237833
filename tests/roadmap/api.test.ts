import { expect, it } from 'vitest';

it('exposes the public API of the roadmap', async () => {
  expect(Object.keys(await import('../../src/roadmap/index.ts')).sort()).toEqual([
    'checkRoadmapReferences',
    'filterRoadmap',
    'formatRoadmapDate',
    'formatRoadmapRange',
    'itemSpan',
    'layoutTimeline',
    'loadRoadmap',
    'parseRoadmapDate',
    'parseRoadmapFilter',
    'phaseSpan',
    'readRoadmapFile',
    'renderRoadmap',
    'renderRoadmapHtml',
    'renderTimelineSvg',
    'roadmapItemAnchor',
    'roadmapItemsByReference',
    'roadmapRowAnchor',
    'roadmapStatuses',
    'timelineSvg',
    'validateRoadmap',
  ]);
});
