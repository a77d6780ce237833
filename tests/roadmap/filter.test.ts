import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { filterRoadmap, parseRoadmapFilter } from '../../src/roadmap/filter.ts';
import { parseRoadmapDate, type RoadmapDate } from '../../src/schemas/roadmap-dates.ts';
import type { Roadmap, RoadmapItem } from '../../src/roadmap/types.ts';

const date = (text: string) => parseRoadmapDate(text) as RoadmapDate;
const base = { dependsOn: [], stakeholders: [], related: [] };
const roadmap: Roadmap = {
  tracks: [
    { id: 'hl-lhc', title: 'HL-LHC' },
    { id: 'ska', title: 'SKA' },
    { id: 'people', title: 'People' },
  ],
  phases: [
    {
      id: 'foundation',
      title: 'Foundation',
      start: date('2026-07'),
      end: date('2029-06'),
      strict: false,
    },
    {
      id: 'integration',
      title: 'Integration',
      start: date('2029-07'),
      end: date('2031-06'),
      strict: false,
    },
    { id: 'maturation', title: 'Maturation', start: date('2031-07'), strict: false },
  ],
  items: [
    {
      ...base,
      kind: 'activity',
      id: 'run',
      title: 'Run',
      track: 'hl-lhc',
      status: 'planned',
      start: date('2030'),
      end: date('2040'),
    },
    {
      ...base,
      kind: 'milestone',
      id: 'espp',
      title: 'ESPP',
      track: 'hl-lhc',
      status: 'done',
      date: date('2025-03'),
    },
    {
      ...base,
      kind: 'activity',
      id: 'srcnet',
      title: 'SRCNet',
      track: 'ska',
      status: 'in-progress',
      phase: 'integration',
      start: date('2028'),
    },
    {
      ...base,
      kind: 'milestone',
      id: 'gov',
      title: 'Gov',
      track: 'ska',
      status: 'at-risk',
      phase: 'foundation',
      date: date('2029-06'),
    },
  ] as RoadmapItem[],
};

const place = { start: { line: 7, column: 1 }, end: { line: 7, column: 60 } };
const parse = (attrs: Record<string, string>) => {
  const file = new VFile({ path: 'chapters/srida/09-roadmap.md' });
  const filter = parseRoadmapFilter(attrs, file, place, roadmap);
  return {
    filter,
    messages: file.messages.map(
      (m) => `${m.file}:${m.line}:${m.column}: ${m.reason}${m.note ? ` (${m.note})` : ''}`,
    ),
    fatal: file.messages.map((m) => m.fatal),
  };
};

describe('parseRoadmapFilter', () => {
  it('reads every attribute', () => {
    const { filter, messages } = parse({
      tracks: 'hl-lhc, ska',
      phases: 'foundation',
      status: 'planned,in-progress',
      from: '2025',
      to: '2030-Q2',
    });
    expect(messages).toEqual([]);
    expect(filter.tracks).toEqual(['hl-lhc', 'ska']);
    expect(filter.phases).toEqual(['foundation']);
    expect(filter.statuses).toEqual(['planned', 'in-progress']);
    expect(filter.from?.text).toBe('2025');
    expect(filter.to?.text).toBe('2030-Q2');
  });

  it('accepts spaces as separators and singular names', () => {
    expect(parse({ track: 'ska people', statuses: 'done' }).filter).toEqual({
      tracks: ['ska', 'people'],
      statuses: ['done'],
    });
  });

  it('reports unknown tracks, phases and statuses at the directive, with a did-you-mean', () => {
    const { filter, messages, fatal } = parse({
      tracks: 'hl-lch,ska,nope',
      phases: 'fundation',
      status: 'doing,done',
    });
    expect(messages).toEqual([
      'chapters/srida/09-roadmap.md:7:1: Unknown track `hl-lch` in `::roadmap` (Did you mean `hl-lhc`?)',
      'chapters/srida/09-roadmap.md:7:1: Unknown track `nope` in `::roadmap` (Known tracks: `hl-lhc`, `ska`, `people`.)',
      'chapters/srida/09-roadmap.md:7:1: Unknown phase `fundation` in `::roadmap` (Did you mean `foundation`?)',
      'chapters/srida/09-roadmap.md:7:1: Unknown status `doing` in `::roadmap` (Did you mean `done`?)',
    ]);
    expect(fatal).toEqual([true, true, true, true]);
    expect(filter).toEqual({ tracks: ['ska'], phases: [], statuses: ['done'] });
  });

  it('reports invalid dates, a reversed range and unknown attributes', () => {
    const { filter, messages, fatal } = parse({ from: '2030', to: '2025', colour: 'red' });
    expect(messages).toEqual([
      'chapters/srida/09-roadmap.md:7:1: Unknown attribute `colour` on `::roadmap` (Use `tracks`, `phases`, `status`, `from`, `to`.)',
      'chapters/srida/09-roadmap.md:7:1: `to` (2025) is before `from` (2030) on `::roadmap` (Swap the two dates.)',
    ]);
    expect(fatal).toEqual([false, true]);
    expect(filter.to).toBeUndefined();
    expect(parse({ from: '2025-13' }).messages).toEqual([
      'chapters/srida/09-roadmap.md:7:1: Invalid `from` date on `::roadmap`: `2025-13` has no month 13 (use 01 to 12)',
    ]);
    expect(parse({ form: '2025' }).messages).toEqual([
      'chapters/srida/09-roadmap.md:7:1: Unknown attribute `form` on `::roadmap` (Did you mean `from`?)',
    ]);
  });

  it('ignores the attributes a directive may carry for the host (`#id`, `.class`)', () => {
    expect(parse({ id: 'fig-roadmap', class: 'wide' }).messages).toEqual([]);
  });
});

describe('filterRoadmap', () => {
  const ids = (r: Roadmap) => r.items.map((i) => i.id);

  it('shows everything without a filter, leaving out empty tracks', () => {
    const all = filterRoadmap(roadmap, {});
    expect(ids(all)).toEqual(['run', 'espp', 'srcnet', 'gov']);
    expect(all.tracks.map((t) => t.id)).toEqual(['hl-lhc', 'ska']);
    expect(all.phases).toHaveLength(3);
  });

  it('filters by track, keeping a named track even when empty', () => {
    const r = filterRoadmap(roadmap, { tracks: ['ska', 'people'] });
    expect(ids(r)).toEqual(['srcnet', 'gov']);
    expect(r.tracks.map((t) => t.id)).toEqual(['ska', 'people']);
  });

  it('filters by phase (items without a phase are out) and shows only those phases', () => {
    const r = filterRoadmap(roadmap, { phases: ['foundation'] });
    expect(ids(r)).toEqual(['gov']);
    expect(r.phases.map((p) => p.id)).toEqual(['foundation']);
  });

  it('filters by status', () => {
    expect(ids(filterRoadmap(roadmap, { statuses: ['done', 'at-risk'] }))).toEqual(['espp', 'gov']);
  });

  it('shows the phases the selected items reach when no dates are given', () => {
    expect(filterRoadmap(roadmap, { statuses: ['done'] }).phases).toEqual([]);
    expect(filterRoadmap(roadmap, { statuses: ['at-risk'] }).phases.map((p) => p.id)).toEqual([
      'foundation',
    ]);
    expect(filterRoadmap(roadmap, { tracks: ['ska'] }).phases.map((p) => p.id)).toEqual([
      'foundation',
      'integration',
      'maturation',
    ]);
  });

  it('keeps items that overlap the period, including ongoing ones, and the phases it crosses', () => {
    // `to: 2028` runs to the end of 2028: the ongoing SRCNet (from 2028) is in, Gov (Jun 2029) out.
    const r = filterRoadmap(roadmap, { from: date('2026'), to: date('2028') });
    expect(ids(r)).toEqual(['srcnet']);
    expect(r.phases.map((p) => p.id)).toEqual(['foundation']);
    expect(ids(filterRoadmap(roadmap, { from: date('2045') }))).toEqual(['srcnet']);
    expect(ids(filterRoadmap(roadmap, { to: date('2025-02') }))).toEqual([]);
    expect(ids(filterRoadmap(roadmap, { to: date('2025-03') }))).toEqual(['espp']);
  });

  it('combines filters', () => {
    expect(
      ids(
        filterRoadmap(roadmap, { tracks: ['hl-lhc'], statuses: ['planned'], from: date('2035') }),
      ),
    ).toEqual(['run']);
  });
});
