/**
 * The shipped roadmap (`roadmap/*.yaml`): it loads cleanly, is big enough, uses the fixed track
 * ids and the chapters' reference ids, and states as done only the documented past.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRoadmap } from '../../src/roadmap/load-roadmap.ts';
import { itemSpan, type Roadmap, type RoadmapItem } from '../../src/roadmap/types.ts';
import { messagesOf } from './helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const allowedReferences = new Set([
  'srida#introduction',
  'srida#science-drivers',
  'srida#landscape',
  'srida#vision',
  'srida#strategic-governance',
  'srida#technical-enablement',
  'srida#scientific-operations',
  'srida#people-sustainability',
  'srida#investment',
  'srida#roadmap',
  'srida#consultation',
  'srida#use-cases',
  'srida#rec-governance-body',
  'srida#rec-federated-identity',
  'srida#rec-access-policies',
  'srida#rec-sustained-funding',
  'srida#rec-data-federation',
  'srida#rec-heterogeneous-compute',
  'srida#rec-standard-interfaces',
  'srida#rec-fair-preservation',
  'srida#rec-workflow-orchestration',
  'srida#rec-software-sustainability',
  'srida#rec-ai-production',
  'srida#rec-careers',
  'srida#rec-environmental-sustainability',
  'blueprint#compute-resources',
  'blueprint#data-resources',
  'blueprint#software-distribution',
  'blueprint#orchestration-workflows',
  'blueprint#ai-hpc-applications',
  'blueprint#resource-federation',
  'blueprint#monitoring-observability',
  'blueprint#security-trust',
  'blueprint#implementation',
]);
const projectEnd = Date.UTC(2026, 6, 1);

describe('the shipped roadmap', async () => {
  const { roadmap, files } = await loadRoadmap(root);
  const r = roadmap as Roadmap;
  const byId = new Map(r.items.map((item) => [item.id, item]));
  const when = (id: string) => {
    const item = byId.get(id) as RoadmapItem;
    return item.kind === 'milestone'
      ? item.date.text
      : `${item.start.text}..${item.end?.text ?? ''}`;
  };

  it('loads without a message', () => {
    expect(messagesOf(files)).toEqual([]);
  });

  it('has at least 40 items in at least 6 tracks, on the fixed track and phase ids', () => {
    expect(r.items.length).toBeGreaterThanOrEqual(40);
    expect(new Set(r.items.map((i) => i.track)).size).toBeGreaterThanOrEqual(6);
    expect(r.tracks.map((t) => t.id)).toEqual([
      'spectrum',
      'hl-lhc',
      'lofar',
      'ska',
      'governance',
      'infrastructure',
      'operations',
      'people',
    ]);
    expect(r.phases.map((p) => p.id)).toEqual([
      'preparation',
      'foundation',
      'integration',
      'maturation',
    ]);
  });

  it('relates items only to the sections the chapters define, and covers every priority', () => {
    const used = new Set(r.items.flatMap((i) => i.related));
    expect([...used].filter((ref) => !allowedReferences.has(ref))).toEqual([]);
    expect(
      [...allowedReferences].filter((ref) => ref.startsWith('srida#rec-') && !used.has(ref)),
    ).toEqual([]);
    expect(r.items.filter((i) => i.related.length === 0).map((i) => i.id)).toEqual([]);
  });

  it('marks as done only what happened by the end of the project, and plans the rest', () => {
    for (const item of r.items) {
      const span = itemSpan(item);
      if (item.status === 'done')
        expect(span.end! <= projectEnd, `${item.id} is done but ends after June 2026`).toBe(true);
      if (span.start >= projectEnd) expect(item.status, item.id).toBe('planned');
    }
  });

  it('keeps the documented dates of the project and the science drivers', () => {
    expect(when('spectrum-start')).toBe('2024-01-01');
    expect(when('kick-off')).toBe('2024-01-30..2024-02-01');
    expect(when('cop-launch')).toBe('2024-05');
    expect(when('survey-wave-1')).toBe('2024-07..2024-10');
    expect(['landscape-analysis', 'use-case-analysis', 'access-policy-analysis'].map(when)).toEqual(
      ['2025-03', '2025-03', '2025-03'],
    );
    expect(['draft-srida', 'draft-blueprint', 'consultation-opens'].map(when)).toEqual([
      '2025-10',
      '2025-10',
      '2025-10',
    ]);
    expect(when('public-presentation')).toBe('2025-12-04');
    expect(['final-srida', 'final-blueprint', 'launch-event'].map(when)).toEqual([
      '2026-06-03',
      '2026-06-03',
      '2026-06-03',
    ]);
    expect(when('spectrum-end')).toBe('2026-06-30');
    expect(when('hl-lhc-exabyte')).toBe('2030..2040');
    expect(when('lofar2-on-sky')).toBe('2026');
    expect(when('ska-srcnet-exabyte')).toBe('2028..');
  });

  it('places the implementation in its phases, governance and identity first', () => {
    const phase = (id: string) => r.phases.find((p) => p.id === id)!;
    for (const item of r.items) {
      if (!item.phase || item.phase === 'preparation') continue;
      const span = itemSpan(item);
      const bounds = phase(item.phase);
      expect(span.start >= bounds.start.start, `${item.id} starts before ${item.phase}`).toBe(true);
      if (bounds.end)
        expect(
          span.end !== undefined && span.end <= bounds.end.end,
          `${item.id} ends after ${item.phase}`,
        ).toBe(true);
    }
    expect(byId.get('data-federation')!.dependsOn).toEqual(
      expect.arrayContaining(['governance-body-target', 'federated-identity-target']),
    );
  });
});
