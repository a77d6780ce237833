/**
 * The timeline as an SVG element (hast, built with hastscript's `s()`), from a
 * {@link TimelineLayout}. Every item is a focusable link with its details in a `<title>`;
 * decorations (axis, bands, arrows) are hidden from assistive technology, which gets the items,
 * the lanes and the legend.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { s } from 'hastscript';
import { n } from './round.ts';
import { describeItem } from './describe-item.ts';
import type { ItemGeometry, TimelineLayout } from './layout-timeline.ts';
import type { LegendEntry } from './layout-legend.ts';
import { palette, statusColours } from './palette.ts';
import { roadmapStatuses, type RoadmapStatus } from '../schemas/roadmap.ts';
import { statusStyles } from './status-style.ts';
import type { TextBox } from './text-box.ts';

/** Options of {@link renderTimelineSvg}. */
export interface TimelineSvgOptions {
  /** Prefix of every id in the SVG (unique in the page). */
  idPrefix: string;
  /** The link of an item: its first related section, or its row in the table. */
  hrefOf(item: ItemGeometry['item']): string;
  /** Accessible name of the drawing. */
  title: string;
  /** Longer text alternative. */
  description: string;
}

/**
 * Render a laid-out timeline as hast.
 */
export function timelineSvg(layout: TimelineLayout, options: TimelineSvgOptions): Element {
  const p = options.idPrefix;
  const { width, height, plot } = layout;
  const trackTitles = new Map(layout.lanes.map((lane) => [lane.track.id, lane.track.title]));

  // Phase bands and axis: behind everything, spanning the lanes.
  const backdrop: Element[] = [];
  for (const [index, phase] of layout.phases.entries()) {
    const fill = palette.phases[index % palette.phases.length]!;
    backdrop.push(
      s('rect', {
        class: 'rm-span',
        x: n(phase.x1),
        y: n(phase.label.y - 2),
        width: n(phase.x2 - phase.x1),
        height: n(plot.bottom - phase.label.y + 2),
        'data-h': n(plot.bottom - phase.label.y + 2),
        fill: phase.openEnd ? `url(#${p}-fade-${index % palette.phases.length})` : fill,
      }),
    );
  }
  for (const [index, lane] of layout.lanes.entries()) {
    backdrop.push(
      s('rect', {
        class: 'rm-lane-bg',
        'data-track': lane.track.id,
        x: '0',
        y: n(lane.y),
        width: String(width),
        height: n(lane.height),
        fill: index % 2 ? palette.laneEven : palette.laneOdd,
        'fill-opacity': '0.55',
      }),
    );
  }
  for (const tick of layout.axis.ticks) {
    backdrop.push(
      s('line', {
        class: 'rm-span',
        x1: n(tick.x),
        x2: n(tick.x),
        y1: n(layout.axis.y + 18),
        y2: n(plot.bottom),
        'data-y2': n(plot.bottom),
        stroke: tick.major ? palette.tickMajor : palette.tickMinor,
      }),
    );
  }
  for (const phase of layout.phases) {
    backdrop.push(
      s('line', {
        class: 'rm-span',
        x1: n(phase.x1),
        x2: n(phase.x1),
        y1: n(phase.label.y - 2),
        y2: n(plot.bottom),
        'data-y2': n(plot.bottom),
        stroke: palette.phaseRule,
        'stroke-dasharray': '4 3',
      }),
    );
    // A bracket under the label marks the phase's extent when the label is wider than the band.
    backdrop.push(
      s('path', {
        d: `M${n(phase.x1)} ${n(phase.label.y + phase.label.height + 1)}H${n(phase.x2)}`,
        stroke: palette.phaseRule,
        'stroke-width': '2',
      }),
    );
    backdrop.push(text(phase.label, 'rm-phase-label'));
  }
  for (const label of layout.axis.labels)
    backdrop.push(text(label, 'rm-tick-label', palette.muted));
  backdrop.push(
    s('line', {
      x1: n(plot.left),
      x2: n(plot.right),
      y1: n(layout.axis.y + 18),
      y2: n(layout.axis.y + 18),
      stroke: palette.tickMajor,
    }),
  );

  // Arrows under the marks.
  const arrows = layout.arrows.map((arrow) =>
    s('path', {
      class: 'rm-arrow',
      'data-from': arrow.from,
      'data-to': arrow.to,
      'data-points': `${n(arrow.x1)} ${n(arrow.y1)} ${n(arrow.x2)} ${n(arrow.y2)}`,
      'data-vertical': arrow.vertical ? '' : undefined,
      d: arrow.path,
      'marker-end': `url(#${p}-arrow)`,
    }),
  );

  // Lanes with their items.
  const byLane = layout.lanes.map(() => [] as ItemGeometry[]);
  for (const geometry of layout.items) byLane[geometry.lane]!.push(geometry);
  const lanes = layout.lanes.map((lane, index) =>
    s(
      'g',
      {
        class: 'rm-lane',
        'data-track': lane.track.id,
        'data-y': n(lane.y),
        'data-height': n(lane.height),
      },
      [
        s('line', {
          x1: '0',
          x2: String(width),
          y1: n(lane.y),
          y2: n(lane.y),
          stroke: palette.laneRule,
          'aria-hidden': 'true',
        }),
        text(lane.label, 'rm-lane-label'),
        ...byLane[index]!.map((geometry) =>
          renderItem(
            geometry,
            p,
            options.hrefOf(geometry.item),
            trackTitles.get(geometry.item.track),
          ),
        ),
      ],
    ),
  );

  // Below the lanes: today label and legend, moved up together when lanes are hidden.
  const below = s('g', { class: 'rm-below' }, [
    s('line', {
      x1: '0',
      x2: String(width),
      y1: n(plot.bottom),
      y2: n(plot.bottom),
      stroke: palette.laneRule,
      'aria-hidden': 'true',
    }),
    layout.today ? text(layout.today.label, 'rm-today-label', palette.today) : undefined,
    s(
      'g',
      { class: 'rm-legend', role: 'list', 'aria-label': 'Legend' },
      layout.legend.entries.map((entry) =>
        s('g', { role: 'listitem' }, [...swatch(entry, p), text(entry.label, 'rm-legend-label')]),
      ),
    ),
  ]);
  const t = layout.today;
  const today = t
    ? s('line', {
        class: 'rm-today rm-span',
        'aria-hidden': 'true',
        x1: n(t.x),
        x2: n(t.x),
        y1: n(layout.axis.y + 18),
        y2: n(plot.bottom + 4),
        'data-y2': n(plot.bottom + 4),
        stroke: palette.today,
        'stroke-width': '1.5',
        'stroke-dasharray': '5 3',
      })
    : undefined;

  return s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'roadmap-svg',
      viewBox: `0 0 ${width} ${height}`,
      width: '100%',
      style: `--roadmap-min-width: ${Math.round(width * 0.8)}px`,
      'data-width': String(width),
      'data-height': String(height),
      role: 'group',
      'aria-labelledby': `${p}-title`,
      'aria-describedby': `${p}-desc`,
      'font-family': "'Source Sans 3', 'DejaVu Sans', Verdana, sans-serif",
      'font-size': '12',
      fill: palette.text,
    },
    [
      s('title', { id: `${p}-title` }, options.title),
      s('desc', { id: `${p}-desc` }, options.description),
      defs(p),
      s('g', { class: 'rm-backdrop', 'aria-hidden': 'true' }, backdrop),
      s(
        'g',
        {
          class: 'rm-arrows',
          'aria-hidden': 'true',
          fill: 'none',
          stroke: palette.arrow,
          'stroke-width': '1.2',
        },
        arrows,
      ),
      ...lanes,
      below,
      today,
    ],
  );
}

/** The timeline as SVG markup (serialised once, by hast-util-to-html). */
export function renderTimelineSvg(layout: TimelineLayout, options: TimelineSvgOptions): string {
  return toHtml(timelineSvg(layout, options));
}

function text(label: TextBox, className: string, fill?: string, decoration?: string): Element {
  return s(
    'text',
    {
      class: className,
      x: n(label.x),
      y: n(label.baseline),
      'font-size': label.fontSize === 12 ? undefined : String(label.fontSize),
      'font-weight': label.bold ? '700' : undefined,
      fill,
      'text-decoration': decoration,
    },
    label.text,
  );
}

function renderItem(
  g: ItemGeometry,
  p: string,
  href: string,
  trackTitle: string | undefined,
): Element {
  const { item } = g;
  const colour = statusColours[item.status];
  const details = [
    describeItem(item, trackTitle),
    item.description,
    item.owner ? `Owner: ${item.owner}` : '',
    item.dependsOn.length ? `Depends on: ${item.dependsOn.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const focus = union(g.mark, g.label, 2);
  return s(
    'a',
    {
      id: `${p}-item-${item.id}`,
      class: 'rm-item',
      href,
      'data-id': item.id,
      'data-track': item.track,
      'data-status': item.status,
      'data-kind': item.kind,
      'aria-label': describeItem(item, trackTitle),
    },
    [
      s('title', details),
      s('rect', {
        class: 'rm-focus',
        x: n(focus.x),
        y: n(focus.y),
        width: n(focus.width),
        height: n(focus.height),
        rx: '3',
        fill: 'none',
      }),
      ...mark(g, p, colour),
      text(
        g.label,
        'rm-label',
        item.status === 'cancelled' ? palette.muted : palette.text,
        item.status === 'cancelled' ? 'line-through' : undefined,
      ),
    ],
  );
}

/** The mark of an item in its status's fill. */
function mark(g: ItemGeometry, p: string, colour: string): Element[] {
  const fill = fillOf(g.item.status, p, colour);
  const dash = g.item.status === 'cancelled' ? '3 2' : undefined;
  const parts: Element[] = [];
  if (g.item.kind === 'milestone') {
    if (g.x2 - g.x1 > 14) {
      parts.push(
        s('path', {
          d: `M${n(g.x1)} ${n(g.cy)}H${n(g.x2)}M${n(g.x1)} ${n(g.cy - 3)}v6M${n(g.x2)} ${n(g.cy - 3)}v6`,
          stroke: colour,
          fill: 'none',
        }),
      );
    }
    parts.push(
      s('path', {
        class: 'rm-mark',
        d: diamondPath(g.cx, g.cy),
        fill,
        stroke: colour,
        'stroke-width': '1.5',
        'stroke-dasharray': dash,
      }),
    );
  } else {
    parts.push(
      s('rect', {
        class: 'rm-mark',
        x: n(g.x1),
        y: n(g.cy - 5),
        width: n(g.x2 - g.x1),
        height: '10',
        rx: '2',
        fill,
        stroke: colour,
        'stroke-width': '1.5',
        'stroke-dasharray': dash,
      }),
    );
    if (g.continuesAfter)
      parts.push(
        s('path', {
          d: `M${n(g.x2 + 1)} ${n(g.cy - 5)}L${n(g.x2 + 7)} ${n(g.cy)}L${n(g.x2 + 1)} ${n(g.cy + 5)}Z`,
          fill: colour,
        }),
      );
    if (g.continuesBefore)
      parts.push(
        s('path', {
          d: `M${n(g.x1 - 1)} ${n(g.cy - 5)}L${n(g.x1 - 7)} ${n(g.cy)}L${n(g.x1 - 1)} ${n(g.cy + 5)}Z`,
          fill: colour,
        }),
      );
  }
  if (g.item.status === 'cancelled')
    parts.push(
      s('path', {
        d: `M${n(g.mark.x)} ${n(g.cy)}H${n(g.mark.x + g.mark.width)}`,
        stroke: colour,
        'stroke-width': '1.5',
      }),
    );
  return parts;
}

function diamondPath(cx: number, cy: number, r = 6): string {
  return `M${n(cx)} ${n(cy - r)}L${n(cx + r)} ${n(cy)}L${n(cx)} ${n(cy + r)}L${n(cx - r)} ${n(cy)}Z`;
}

function fillOf(status: RoadmapStatus, p: string, colour: string): string {
  if (status === 'done') return colour;
  if (status === 'in-progress') return `url(#${p}-hatch)`;
  if (status === 'at-risk') return `url(#${p}-cross)`;
  return '#ffffff';
}

/** A legend swatch: a bar (or diamond) in the status's style, or a sample of the mark. */
function swatch(entry: LegendEntry, p: string): Element[] {
  const { x, y, width, height } = entry.swatch;
  const cy = y + height / 2;
  const neutral = palette.muted;
  const box = (fill: string, stroke: string, boxWidth: number, dash?: string) =>
    s('rect', {
      x: n(x + 1),
      y: n(y + 1),
      width: n(boxWidth),
      height: n(height - 2),
      rx: '2',
      fill,
      stroke,
      'stroke-width': '1.5',
      'stroke-dasharray': dash,
    });
  switch (entry.kind) {
    case 'status': {
      const status = entry.status!;
      const colour = statusColours[status];
      const cancelled = status === 'cancelled';
      return [
        box(fillOf(status, p, colour), colour, width - 2, cancelled ? '3 2' : undefined),
        ...(cancelled
          ? [
              s('path', {
                d: `M${n(x)} ${n(cy)}H${n(x + width)}`,
                stroke: colour,
                'stroke-width': '1.5',
              }),
            ]
          : []),
      ];
    }
    case 'milestone':
      return [
        s('path', {
          d: diamondPath(x + width / 2, cy),
          fill: '#ffffff',
          stroke: neutral,
          'stroke-width': '1.5',
        }),
      ];
    case 'activity':
      return [box('#ffffff', neutral, width - 2)];
    case 'ongoing':
      return [
        box('#ffffff', neutral, width - 9),
        s('path', {
          d: `M${n(x + width - 7)} ${n(y + 1)}L${n(x + width)} ${n(cy)}L${n(x + width - 7)} ${n(y + height - 1)}Z`,
          fill: neutral,
        }),
      ];
    case 'dependency':
      return [
        s('path', {
          d: `M${n(x)} ${n(cy)}H${n(x + width - 3)}`,
          stroke: palette.arrow,
          'stroke-width': '1.2',
          'marker-end': `url(#${p}-arrow)`,
        }),
      ];
    case 'today':
      return [
        s('path', {
          d: `M${n(x + width / 2)} ${n(y - 2)}V${n(y + height + 2)}`,
          stroke: palette.today,
          'stroke-width': '1.5',
          'stroke-dasharray': '5 3',
        }),
      ];
  }
}

function union(
  a: { x: number; y: number; width: number; height: number },
  b: typeof a,
  pad: number,
) {
  const x = Math.min(a.x, b.x) - pad;
  const y = Math.min(a.y, b.y) - pad;
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) + pad - x,
    height: Math.max(a.y + a.height, b.y + b.height) + pad - y,
  };
}

/** Patterns, fades of open-ended phases and the arrow head, with ids under the prefix. */
function defs(p: string): Element {
  const pattern = (id: string, d: string, stroke: string, strokeWidth: string) =>
    s(
      'pattern',
      {
        id,
        patternUnits: 'userSpaceOnUse',
        width: '4',
        height: '4',
        patternTransform: 'rotate(45)',
      },
      [
        s('rect', { width: '4', height: '4', fill: '#ffffff' }),
        s('path', { d, stroke, 'stroke-width': strokeWidth }),
      ],
    );
  return s('defs', [
    pattern(`${p}-hatch`, 'M0 0V4', statusColours['in-progress'], '2.4'),
    pattern(`${p}-cross`, 'M0 0V4M0 0H4', statusColours['at-risk'], '1.6'),
    ...palette.phases.map((colour, index) =>
      s('linearGradient', { id: `${p}-fade-${index}` }, [
        s('stop', { offset: '0.7', 'stop-color': colour }),
        s('stop', { offset: '1', 'stop-color': colour, 'stop-opacity': '0' }),
      ]),
    ),
    s(
      'marker',
      {
        id: `${p}-arrow`,
        viewBox: '0 0 8 8',
        refX: '7',
        refY: '4',
        markerWidth: '7',
        markerHeight: '7',
        markerUnits: 'userSpaceOnUse',
        orient: 'auto-start-reverse',
      },
      [s('path', { d: 'M0 0L8 4L0 8Z', fill: palette.arrow })],
    ),
  ]);
}

/** Status names in legend order (for the figure's text alternative). */
export function statusSummary(): string {
  return roadmapStatuses
    .map(
      (status) => `${statusStyles[status].label.toLowerCase()} (${statusStyles[status].pattern})`,
    )
    .join(', ');
}
