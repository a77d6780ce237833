/**
 * Layout invariants, checked on the geometry of many generated roadmaps: no two labels
 * overlap, no label covers another item's mark, everything stays inside the viewBox, items
 * sit on the axis by date, and each item stays in its own lane.
 */
import { describe, expect, it } from 'vitest';
import { parseRoadmapDate, type RoadmapDate } from '../../src/schemas/roadmap-dates.ts';
import {
  layoutTimeline,
  type TimelineLayout,
  type TimelineOptions,
} from '../../src/roadmap/layout-timeline.ts';
import { overlaps, type Box } from '../../src/roadmap/text-box.ts';
import { packRows } from '../../src/roadmap/pack-rows.ts';
import { itemSpan, type Roadmap, type RoadmapActivity } from '../../src/roadmap/types.ts';
import { generateRoadmap, prng, type Shape } from './generate-roadmap.ts';

const date = (text: string) => parseRoadmapDate(text) as RoadmapDate;

/** Every text box of a layout, named for failure messages. */
function textBoxes(layout: TimelineLayout): (Box & { name: string })[] {
  return [
    ...layout.phases.map((p) => ({ ...p.label, name: `phase ${p.phase.id}` })),
    ...layout.axis.labels.map((l) => ({ ...l, name: `tick ${l.text}` })),
    ...layout.lanes.map((l) => ({ ...l.label, name: `lane ${l.track.id}` })),
    ...layout.items.map((g) => ({ ...g.label, name: `item ${g.item.id}` })),
    ...(layout.today ? [{ ...layout.today.label, name: 'today' }] : []),
    ...layout.legend.entries.map((e) => ({ ...e.label, name: `legend ${e.label.text}` })),
    ...layout.legend.entries.map((e) => ({ ...e.swatch, name: `swatch ${e.label.text}` })),
  ];
}

/** Pairs of overlapping boxes, by a sweep over x (O(n log n + k)). */
function overlappingPairs<T extends Box & { name: string }>(
  boxes: T[],
  skip?: (a: T, b: T) => boolean,
): string[] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const found: string[] = [];
  const active: T[] = [];
  for (const box of sorted) {
    for (let i = active.length - 1; i >= 0; i--)
      if (active[i]!.x + active[i]!.width <= box.x) active.splice(i, 1);
    for (const other of active)
      if (overlaps(box, other) && !skip?.(box, other)) found.push(`${other.name} × ${box.name}`);
    active.push(box);
  }
  return found;
}

/** Check every invariant; returns the violations (empty when the layout is sound). */
function violations(roadmap: Roadmap, layout: TimelineLayout): string[] {
  const problems: string[] = [];
  const view = { x: 0, y: 0, width: layout.width, height: layout.height };
  const within = (b: Box, what: string) => {
    const e = 1e-6;
    if (
      b.x < view.x - e ||
      b.y < view.y - e ||
      b.x + b.width > view.width + e ||
      b.y + b.height > view.height + e
    ) {
      problems.push(
        `${what} leaves the viewBox: ${JSON.stringify({ x: b.x, y: b.y, w: b.width, h: b.height })} in ${view.width}×${view.height}`,
      );
    }
  };
  const texts = textBoxes(layout);
  for (const text of texts) within(text, text.name);
  problems.push(...overlappingPairs(texts).map((pair) => `labels overlap: ${pair}`));

  // No label covers another item's mark.
  const marks = layout.items.map((g) => ({ ...g.mark, name: `mark ${g.item.id}`, id: g.item.id }));
  const labels = layout.items.map((g) => ({
    ...g.label,
    name: `item ${g.item.id}`,
    id: g.item.id,
  }));
  problems.push(
    ...overlappingPairs(
      [...marks, ...labels],
      (a, b) => a.id === b.id || a.name.startsWith('mark') === b.name.startsWith('mark'),
    ).map((pair) => `label covers a mark: ${pair}`),
  );

  for (const g of layout.items) {
    within(g.mark, `mark ${g.item.id}`);
    const lane = layout.lanes[g.lane]!;
    if (lane.track.id !== g.item.track)
      problems.push(`item ${g.item.id} in lane of ${lane.track.id}`);
    if (g.row >= lane.rows) problems.push(`item ${g.item.id} in row ${g.row} of ${lane.rows}`);
    if (g.mark.y < lane.y || g.mark.y + g.mark.height > lane.y + lane.height)
      problems.push(`mark ${g.item.id} outside its lane`);
    if (g.label.y < lane.y || g.label.y + g.label.height > lane.y + lane.height)
      problems.push(`label ${g.item.id} outside its lane`);
    const title = g.item.label ?? g.item.title;
    if (
      g.label.text !== title &&
      !(g.label.text.endsWith('…') && title.startsWith(g.label.text.slice(0, -1).trimEnd()))
    )
      problems.push(`label of ${g.item.id} is not its title: ${g.label.text}`);
  }
  for (const a of layout.arrows) {
    for (const [x, y] of [
      [a.x1, a.y1],
      [a.x2, a.y2],
    ] as const)
      if (x < 0 || x > layout.width || y < 0 || y > layout.height)
        problems.push(`arrow ${a.from}→${a.to} leaves the viewBox`);
  }
  for (const lane of layout.lanes)
    within({ x: 0, y: lane.y, width: layout.width, height: lane.height }, `lane ${lane.track.id}`);
  for (const phase of layout.phases)
    if (phase.x1 < 0 || phase.x2 > layout.width || phase.x2 < phase.x1)
      problems.push(`phase ${phase.phase.id} band ${phase.x1}–${phase.x2}`);

  // Items on the axis by date: x is the linear image of time, so order by date is order by x.
  const { left, right } = layout.plot;
  const { start, end } = layout.period;
  const xOf = (t: number) =>
    left + ((Math.min(Math.max(t, start), end) - start) / (end - start)) * (right - left);
  for (const g of layout.items) {
    const span = itemSpan(g.item);
    const expected = g.item.kind === 'milestone' ? xOf(span.start) : xOf(span.start);
    if (Math.abs(g.x1 - expected) > 2.01)
      problems.push(`item ${g.item.id} starts at x=${g.x1}, expected ${expected}`);
    if (g.x2 < g.x1) problems.push(`item ${g.item.id} ends before it starts on the axis`);
  }
  const byStart = [...layout.items].sort((a, b) => itemSpan(a.item).start - itemSpan(b.item).start);
  for (let i = 1; i < byStart.length; i++) {
    const [a, b] = [byStart[i - 1]!, byStart[i]!];
    if (itemSpan(a.item).start < itemSpan(b.item).start && a.x1 > b.x1 + 4.01)
      problems.push(`item ${a.item.id} is dated before ${b.item.id} but drawn after it`);
  }
  const ticks = layout.axis.ticks;
  for (let i = 1; i < ticks.length; i++)
    if (!(ticks[i]!.time > ticks[i - 1]!.time && ticks[i]!.x >= ticks[i - 1]!.x))
      problems.push('ticks out of order');
  if (layout.items.length !== roadmap.items.length)
    problems.push(`${layout.items.length} of ${roadmap.items.length} items laid out`);
  return problems;
}

const shapes: [string, Shape][] = [
  ['empty', { items: 0, tracks: 2 }],
  ['one item', { items: 1, tracks: 1 }],
  ['a few months', { items: 12, tracks: 2, years: 0.6 }],
  ['two years (quarters)', { items: 25, tracks: 3, years: 2 }],
  ['long period', { items: 60, tracks: 5, years: 30, fromYear: 2020 }],
  ['all on a few dates', { items: 40, tracks: 2, clustered: true }],
  ['long titles', { items: 30, tracks: 3, titleLength: [80, 220] }],
  ['one-letter titles', { items: 50, tracks: 2, titleLength: [1, 2] }],
  ['non-Latin titles', { items: 30, tracks: 3, unicode: true }],
  ['only activities, many ongoing', { items: 40, tracks: 4, milestones: 0, ongoing: 0.6 }],
  ['only milestones', { items: 40, tracks: 4, milestones: 1 }],
  ['dense dependencies', { items: 60, tracks: 6, dependencies: 0.9 }],
  ['many tracks', { items: 200, tracks: 20, years: 12 }],
  ['many phases', { items: 30, tracks: 3, phases: 9, years: 4 }],
  ['no phases', { items: 30, tracks: 3, phases: 0 }],
];
const widths = [320, 480, 720, 1080, 1600];

describe('layoutTimeline invariants on generated roadmaps', () => {
  for (const [name, shape] of shapes) {
    it(`holds for ${name}`, () => {
      for (let seed = 1; seed <= 6; seed++) {
        const roadmap = generateRoadmap(seed * 7919 + shape.items, shape);
        const random = prng(seed);
        const options: TimelineOptions = { width: widths[seed % widths.length]! };
        if (seed % 2 === 0)
          options.today = new Date(
            Date.UTC(2024 + Math.floor(random() * 10), Math.floor(random() * 12), 15),
          );
        if (seed % 3 === 0) {
          // A window that cuts items at both ends.
          options.from = Date.UTC(2025, 3, 1);
          options.to = Date.UTC(2029, 0, 1);
          roadmap.items = roadmap.items.filter((item) => {
            const span = itemSpan(item);
            return span.start < options.to! && (span.end ?? Infinity) > options.from!;
          });
        }
        const layout = layoutTimeline(roadmap, options);
        expect(
          violations(roadmap, layout),
          `${name}, seed ${seed}, width ${options.width}`,
        ).toEqual([]);
      }
    });
  }

  it('detects what it checks (a broken layout fails)', () => {
    const roadmap = generateRoadmap(42, { items: 20, tracks: 2 });
    const layout = layoutTimeline(roadmap, { width: 720 });
    const moved = structuredClone(layout) as TimelineLayout;
    moved.items[1]!.label.x = moved.items[0]!.label.x;
    moved.items[1]!.label.y = moved.items[0]!.label.y;
    expect(violations(roadmap, moved).some((v) => v.startsWith('labels overlap'))).toBe(true);
    const outside = structuredClone(layout) as TimelineLayout;
    outside.items[0]!.label.x = layout.width - 5;
    expect(violations(roadmap, outside).some((v) => v.includes('leaves the viewBox'))).toBe(true);
    const shifted = structuredClone(layout) as TimelineLayout;
    shifted.items[0]!.x1 += 50;
    expect(violations(roadmap, shifted).some((v) => v.includes('starts at x='))).toBe(true);
  });
});

describe('layoutTimeline geometry', () => {
  const roadmap: Roadmap = {
    tracks: [
      { id: 'a', title: 'A' },
      { id: 'b', title: 'B' },
    ],
    phases: [{ id: 'p', title: 'Phase', start: date('2026'), end: date('2027'), strict: false }],
    items: [
      {
        kind: 'milestone',
        id: 'm',
        title: 'M',
        track: 'a',
        status: 'done',
        date: date('2026-07'),
        dependsOn: [],
        stakeholders: [],
        related: [],
      },
      {
        kind: 'activity',
        id: 'x',
        title: 'X',
        track: 'b',
        status: 'planned',
        start: date('2026-Q2'),
        end: date('2027-Q1'),
        dependsOn: ['m'],
        stakeholders: [],
        related: [],
      },
      {
        kind: 'activity',
        id: 'o',
        title: 'Ongoing',
        track: 'b',
        status: 'planned',
        start: date('2027'),
        dependsOn: [],
        stakeholders: [],
        related: [],
      },
    ],
  };

  it('takes the period from the items, snapped to the tick unit, and maps dates linearly', () => {
    const layout = layoutTimeline(roadmap, { width: 720 });
    // Items from Q2 2026; the ongoing one is drawn a year past its start (2027): to the end of 2027.
    expect([
      new Date(layout.period.start).toISOString().slice(0, 10),
      new Date(layout.period.end).toISOString().slice(0, 10),
    ]).toEqual(['2026-04-01', '2028-01-01']);
    const noItems = layoutTimeline({ ...roadmap, items: [] });
    expect(
      [noItems.period.start, noItems.period.end].map((t) => new Date(t).toISOString().slice(0, 10)),
    ).toEqual(['2026-01-01', '2028-01-01']);
    const [m, x] = layout.items;
    // 2026-07 is a month: its diamond sits in the middle of July.
    const xOf = (iso: string) =>
      layout.plot.left +
      ((Date.parse(iso) - layout.period.start) / (layout.period.end - layout.period.start)) *
        (layout.plot.right - layout.plot.left);
    expect(m!.cx).toBeCloseTo((xOf('2026-07-01') + xOf('2026-08-01')) / 2, 6);
    expect(x!.x1).toBeCloseTo(xOf('2026-04-01'), 6);
    expect(x!.x2).toBeCloseTo(xOf('2027-04-01'), 6);
    expect(layout.items[2]).toMatchObject({ continuesAfter: true, continuesBefore: false });
    expect(layout.items[2]!.x2).toBeCloseTo(layout.plot.right, 6);
  });

  it('uses quarters for short periods, months for shorter ones, years for long ones', () => {
    const units = (layout: TimelineLayout) => layout.axis.labels.map((l) => l.text);
    // Q2 2026 to the end of 2027, in quarters.
    expect(units(layoutTimeline(roadmap, { width: 720 }))).toEqual([
      'Q2 2026',
      'Q3',
      'Q4',
      'Q1 2027',
      'Q2',
      'Q3',
      'Q4',
    ]);
    expect(
      units(
        layoutTimeline(roadmap, {
          width: 720,
          from: Date.UTC(2026, 0, 1),
          to: Date.UTC(2026, 6, 1),
        }),
      ),
    ).toEqual(['Jan 2026', 'Feb', 'Mar', 'Apr', 'May', 'Jun']);
    expect(
      units(
        layoutTimeline(roadmap, {
          width: 720,
          from: Date.UTC(2020, 0, 1),
          to: Date.UTC(2030, 0, 1),
        }),
      ),
    ).toEqual(['2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027', '2028', '2029']);
    // Thirty years on a narrow drawing: labels thin out on a round rhythm.
    const sparse = units(
      layoutTimeline(roadmap, { width: 320, from: Date.UTC(2020, 0, 1), to: Date.UTC(2050, 0, 1) }),
    );
    expect(sparse.length).toBeLessThan(10);
    expect(sparse.every((y) => Number(y) % (Number(sparse[1]) - Number(sparse[0])) === 0)).toBe(
      true,
    );
    expect(
      sparse.every(
        (y, i) =>
          i === 0 || Number(y) - Number(sparse[i - 1]) === Number(sparse[1]) - Number(sparse[0]),
      ),
    ).toBe(true);
  });

  it('draws a dependency arrow from the end of one mark to the start of the next', () => {
    const later: Roadmap = {
      ...roadmap,
      items: [
        roadmap.items[0]!,
        { ...(roadmap.items[1] as RoadmapActivity), start: date('2027-Q2'), end: date('2028') },
      ],
    };
    const layout = layoutTimeline(later, { width: 720 });
    const [m, x] = layout.items;
    expect(layout.arrows).toHaveLength(1);
    expect(layout.arrows[0]).toMatchObject({
      from: 'm',
      to: 'x',
      y1: m!.cy,
      y2: x!.cy,
      vertical: false,
    });
    expect(layout.arrows[0]!.x1).toBeCloseTo(m!.cx + 6, 6);
    expect(layout.arrows[0]!.x2).toBeCloseTo(x!.x1 - 1, 6);
    expect(layout.arrows[0]!.path).toMatch(/^M[\d.]+ [\d.]+C/);
  });

  it('drops the arrow into an item that starts before its dependency ends', () => {
    // `x` (from Q2 2026) depends on `m` (Jul 2026), in another lane below.
    const layout = layoutTimeline(roadmap, { width: 720 });
    const [m, x] = layout.items;
    const arrow = layout.arrows[0]!;
    expect(arrow).toMatchObject({ from: 'm', to: 'x', vertical: true, y2: x!.cy });
    expect(arrow.y1).toBeCloseTo(m!.mark.y + m!.mark.height, 6);
    expect(arrow.x1).toBeGreaterThanOrEqual(m!.mark.x);
    expect(arrow.x1).toBeLessThanOrEqual(m!.mark.x + m!.mark.width);
    expect(arrow.x2).toBeCloseTo(x!.x1 - 1, 6);
    expect(arrow.path).toMatch(new RegExp(`^M${arrow.x1.toFixed(1).replace('.0', '')} `));
  });

  it('draws a today line only inside the period', () => {
    expect(
      layoutTimeline(roadmap, { today: new Date(Date.UTC(2026, 10, 15)) }).today?.label.text,
    ).toBe('Today: 15 Nov 2026');
    expect(
      layoutTimeline(roadmap, { today: new Date(Date.UTC(2031, 0, 1)) }).today,
    ).toBeUndefined();
    const legend = layoutTimeline(roadmap, {
      today: new Date(Date.UTC(2026, 10, 15)),
    }).legend.entries.map((e) => e.kind);
    expect(legend).toContain('today');
    expect(layoutTimeline(roadmap).legend.entries.map((e) => e.kind)).not.toContain('today');
  });

  it('stacks items of one lane into rows only when they would collide', () => {
    const crowded: Roadmap = {
      ...roadmap,
      items: ['a', 'b', 'c'].map((id) => ({
        kind: 'milestone' as const,
        id,
        title: `Milestone ${id}`,
        track: 'a',
        status: 'planned' as const,
        date: date('2026-07'),
        dependsOn: [],
        stakeholders: [],
        related: [],
      })),
    };
    expect(layoutTimeline(crowded).items.map((g) => g.row)).toEqual([0, 1, 2]);
    const apart: Roadmap = {
      ...roadmap,
      items: ['2026-01', '2027-06', '2028-12'].map((d, i) => ({
        kind: 'milestone' as const,
        id: `m${i}`,
        title: 'M',
        track: 'a',
        status: 'planned' as const,
        date: date(d),
        dependsOn: [],
        stakeholders: [],
        related: [],
      })),
    };
    expect(layoutTimeline(apart).items.map((g) => g.row)).toEqual([0, 0, 0]);
  });

  it('cuts a label that is too long with an ellipsis', () => {
    const long: Roadmap = {
      ...roadmap,
      items: [{ ...roadmap.items[0]!, title: 'A very long title '.repeat(10).trim() }],
    };
    const label = layoutTimeline(long, { maxLabelWidth: 150 }).items[0]!.label;
    expect(label.text.endsWith('…')).toBe(true);
    expect(label.width).toBeLessThanOrEqual(150);
    expect(label.full).toBe(long.items[0]!.title);
  });
});

describe('packRows', () => {
  it('uses as few rows as the deepest overlap needs, lowest row first', () => {
    expect(
      packRows(
        [
          { left: 0, right: 10 },
          { left: 5, right: 15 },
          { left: 12, right: 20 },
          { left: 30, right: 40 },
        ],
        1,
      ),
    ).toEqual([0, 1, 0, 0]);
    expect(
      packRows(
        [
          { left: 0, right: 10 },
          { left: 10, right: 20 },
        ],
        0,
      ),
    ).toEqual([0, 0]);
    expect(
      packRows(
        [
          { left: 0, right: 10 },
          { left: 10, right: 20 },
        ],
        1,
      ),
    ).toEqual([0, 1]);
    const random = prng(7);
    const spans = Array.from({ length: 300 }, () => {
      const left = random() * 1000;
      return { left, right: left + random() * 100 };
    });
    const rows = packRows(spans, 2);
    // Optimal: the number of rows equals the largest number of spans (with gap) over one point.
    const events = spans
      .flatMap(
        (s) =>
          [
            [s.left, 1],
            [s.right + 2, -1],
          ] as const,
      )
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let depth = 0;
    let deepest = 0;
    for (const [, change] of events) deepest = Math.max(deepest, (depth += change));
    expect(Math.max(...rows) + 1).toBe(deepest);
    for (let i = 0; i < spans.length; i++) {
      for (let j = i + 1; j < spans.length; j++) {
        if (rows[i] !== rows[j]) continue;
        const [a, b] = [spans[i]!, spans[j]!];
        expect(a.right + 2 <= b.left || b.right + 2 <= a.left).toBe(true);
      }
    }
  });
});
