/**
 * The timeline as an SVG string, from a {@link TimelineLayout}. Every item is a focusable link
 * with its details in a `<title>`; decorations (axis, bands, arrows) are hidden from assistive
 * technology, which gets the items, the lanes and the legend.
 */
import { escapeHtml as e, n } from './escape.ts';
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
 * Render a laid-out timeline.
 */
export function renderTimelineSvg(layout: TimelineLayout, options: TimelineSvgOptions): string {
  const p = options.idPrefix;
  const { width, height, plot } = layout;
  const trackTitles = new Map(layout.lanes.map((lane) => [lane.track.id, lane.track.title]));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="roadmap-svg" viewBox="0 0 ${width} ${height}" width="100%" style="--roadmap-min-width: ${Math.round(width * 0.8)}px" data-width="${width}" data-height="${height}" role="group" aria-labelledby="${p}-title" aria-describedby="${p}-desc" font-family="'Source Sans 3', 'DejaVu Sans', Verdana, sans-serif" font-size="12" fill="${palette.text}">`,
  );
  out.push(
    `<title id="${p}-title">${e(options.title)}</title><desc id="${p}-desc">${e(options.description)}</desc>`,
  );
  out.push(defs(p));

  // Phase bands and axis: behind everything, spanning the lanes.
  out.push('<g class="rm-backdrop" aria-hidden="true">');
  for (const [index, phase] of layout.phases.entries()) {
    const fill = palette.phases[index % palette.phases.length];
    out.push(
      `<rect class="rm-span" x="${n(phase.x1)}" y="${n(phase.label.y - 2)}" width="${n(phase.x2 - phase.x1)}" height="${n(plot.bottom - phase.label.y + 2)}" data-h="${n(plot.bottom - phase.label.y + 2)}" fill="${phase.openEnd ? `url(#${p}-fade-${index % palette.phases.length})` : fill}"/>`,
    );
  }
  for (const [index, lane] of layout.lanes.entries()) {
    out.push(
      `<rect class="rm-lane-bg" data-track="${e(lane.track.id)}" x="0" y="${n(lane.y)}" width="${width}" height="${n(lane.height)}" fill="${index % 2 ? palette.laneEven : palette.laneOdd}" fill-opacity="0.55"/>`,
    );
  }
  for (const tick of layout.axis.ticks) {
    out.push(
      `<line class="rm-span" x1="${n(tick.x)}" x2="${n(tick.x)}" y1="${n(layout.axis.y + 18)}" y2="${n(plot.bottom)}" data-y2="${n(plot.bottom)}" stroke="${tick.major ? palette.tickMajor : palette.tickMinor}"/>`,
    );
  }
  for (const phase of layout.phases) {
    out.push(
      `<line class="rm-span" x1="${n(phase.x1)}" x2="${n(phase.x1)}" y1="${n(phase.label.y - 2)}" y2="${n(plot.bottom)}" data-y2="${n(plot.bottom)}" stroke="${palette.phaseRule}" stroke-dasharray="4 3"/>`,
    );
    // A bracket under the label marks the phase's extent when the label is wider than the band.
    out.push(
      `<path d="M${n(phase.x1)} ${n(phase.label.y + phase.label.height + 1)}H${n(phase.x2)}" stroke="${palette.phaseRule}" stroke-width="2"/>`,
    );
    out.push(text(phase.label, 'rm-phase-label'));
  }
  for (const label of layout.axis.labels) out.push(text(label, 'rm-tick-label', palette.muted));
  out.push(
    `<line x1="${n(plot.left)}" x2="${n(plot.right)}" y1="${n(layout.axis.y + 18)}" y2="${n(layout.axis.y + 18)}" stroke="${palette.tickMajor}"/>`,
  );
  out.push('</g>');

  // Arrows under the marks.
  out.push(
    `<g class="rm-arrows" aria-hidden="true" fill="none" stroke="${palette.arrow}" stroke-width="1.2">`,
  );
  for (const arrow of layout.arrows) {
    out.push(
      `<path class="rm-arrow" data-from="${e(arrow.from)}" data-to="${e(arrow.to)}" data-points="${n(arrow.x1)} ${n(arrow.y1)} ${n(arrow.x2)} ${n(arrow.y2)}"${arrow.vertical ? ' data-vertical=""' : ''} d="${arrow.path}" marker-end="url(#${p}-arrow)"/>`,
    );
  }
  out.push('</g>');

  // Lanes with their items.
  const byLane = layout.lanes.map(() => [] as ItemGeometry[]);
  for (const geometry of layout.items) byLane[geometry.lane]!.push(geometry);
  for (const [index, lane] of layout.lanes.entries()) {
    out.push(
      `<g class="rm-lane" data-track="${e(lane.track.id)}" data-y="${n(lane.y)}" data-height="${n(lane.height)}">`,
    );
    out.push(
      `<line x1="0" x2="${width}" y1="${n(lane.y)}" y2="${n(lane.y)}" stroke="${palette.laneRule}" aria-hidden="true"/>`,
    );
    out.push(text(lane.label, 'rm-lane-label'));
    for (const geometry of byLane[index]!)
      out.push(
        renderItem(
          geometry,
          p,
          options.hrefOf(geometry.item),
          trackTitles.get(geometry.item.track),
        ),
      );
    out.push('</g>');
  }

  // Below the lanes: today label and legend, moved up together when lanes are hidden.
  out.push('<g class="rm-below">');
  out.push(
    `<line x1="0" x2="${width}" y1="${n(plot.bottom)}" y2="${n(plot.bottom)}" stroke="${palette.laneRule}" aria-hidden="true"/>`,
  );
  if (layout.today) out.push(text(layout.today.label, 'rm-today-label', palette.today));
  out.push(`<g class="rm-legend" role="list" aria-label="Legend">`);
  for (const entry of layout.legend.entries)
    out.push(`<g role="listitem">${swatch(entry, p)}${text(entry.label, 'rm-legend-label')}</g>`);
  out.push('</g></g>');
  if (layout.today) {
    const t = layout.today;
    out.push(
      `<line class="rm-today rm-span" aria-hidden="true" x1="${n(t.x)}" x2="${n(t.x)}" y1="${n(layout.axis.y + 18)}" y2="${n(plot.bottom + 4)}" data-y2="${n(plot.bottom + 4)}" stroke="${palette.today}" stroke-width="1.5" stroke-dasharray="5 3"/>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}

function text(label: TextBox, className: string, fill?: string, extra = ''): string {
  const weight = label.bold ? ' font-weight="700"' : '';
  const size = label.fontSize === 12 ? '' : ` font-size="${label.fontSize}"`;
  const colour = fill ? ` fill="${fill}"` : '';
  return `<text class="${className}" x="${n(label.x)}" y="${n(label.baseline)}"${size}${weight}${colour}${extra}>${e(label.text)}</text>`;
}

function renderItem(
  g: ItemGeometry,
  p: string,
  href: string,
  trackTitle: string | undefined,
): string {
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
  const struck = item.status === 'cancelled' ? ' text-decoration="line-through"' : '';
  const focus = union(g.mark, g.label, 2);
  return [
    `<a id="${p}-item-${e(item.id)}" class="rm-item" href="${e(href)}" data-id="${e(item.id)}" data-track="${e(item.track)}" data-status="${item.status}" data-kind="${item.kind}" aria-label="${e(describeItem(item, trackTitle))}">`,
    `<title>${e(details)}</title>`,
    `<rect class="rm-focus" x="${n(focus.x)}" y="${n(focus.y)}" width="${n(focus.width)}" height="${n(focus.height)}" rx="3" fill="none"/>`,
    mark(g, p, colour),
    text(g.label, 'rm-label', item.status === 'cancelled' ? palette.muted : palette.text, struck),
    `</a>`,
  ].join('');
}

/** The mark of an item in its status's fill. */
function mark(g: ItemGeometry, p: string, colour: string): string {
  const fill = fillOf(g.item.status, p, colour);
  const dash = g.item.status === 'cancelled' ? ' stroke-dasharray="3 2"' : '';
  const parts: string[] = [];
  if (g.item.kind === 'milestone') {
    if (g.x2 - g.x1 > 14) {
      parts.push(
        `<path d="M${n(g.x1)} ${n(g.cy)}H${n(g.x2)}M${n(g.x1)} ${n(g.cy - 3)}v6M${n(g.x2)} ${n(g.cy - 3)}v6" stroke="${colour}" fill="none"/>`,
      );
    }
    parts.push(
      `<path class="rm-mark" d="${diamondPath(g.cx, g.cy)}" fill="${fill}" stroke="${colour}" stroke-width="1.5"${dash}/>`,
    );
  } else {
    parts.push(
      `<rect class="rm-mark" x="${n(g.x1)}" y="${n(g.cy - 5)}" width="${n(g.x2 - g.x1)}" height="10" rx="2" fill="${fill}" stroke="${colour}" stroke-width="1.5"${dash}/>`,
    );
    if (g.continuesAfter)
      parts.push(
        `<path d="M${n(g.x2 + 1)} ${n(g.cy - 5)}L${n(g.x2 + 7)} ${n(g.cy)}L${n(g.x2 + 1)} ${n(g.cy + 5)}Z" fill="${colour}"/>`,
      );
    if (g.continuesBefore)
      parts.push(
        `<path d="M${n(g.x1 - 1)} ${n(g.cy - 5)}L${n(g.x1 - 7)} ${n(g.cy)}L${n(g.x1 - 1)} ${n(g.cy + 5)}Z" fill="${colour}"/>`,
      );
  }
  if (g.item.status === 'cancelled')
    parts.push(
      `<path d="M${n(g.mark.x)} ${n(g.cy)}H${n(g.mark.x + g.mark.width)}" stroke="${colour}" stroke-width="1.5"/>`,
    );
  return parts.join('');
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
function swatch(entry: LegendEntry, p: string): string {
  const { x, y, width, height } = entry.swatch;
  const cy = y + height / 2;
  const neutral = palette.muted;
  switch (entry.kind) {
    case 'status': {
      const status = entry.status!;
      const colour = statusColours[status];
      const dash = status === 'cancelled' ? ` stroke-dasharray="3 2"` : '';
      const strike =
        status === 'cancelled'
          ? `<path d="M${n(x)} ${n(cy)}H${n(x + width)}" stroke="${colour}" stroke-width="1.5"/>`
          : '';
      return `<rect x="${n(x + 1)}" y="${n(y + 1)}" width="${n(width - 2)}" height="${n(height - 2)}" rx="2" fill="${fillOf(status, p, colour)}" stroke="${colour}" stroke-width="1.5"${dash}/>${strike}`;
    }
    case 'milestone':
      return `<path d="${diamondPath(x + width / 2, cy)}" fill="#ffffff" stroke="${neutral}" stroke-width="1.5"/>`;
    case 'activity':
      return `<rect x="${n(x + 1)}" y="${n(y + 1)}" width="${n(width - 2)}" height="${n(height - 2)}" rx="2" fill="#ffffff" stroke="${neutral}" stroke-width="1.5"/>`;
    case 'ongoing':
      return `<rect x="${n(x + 1)}" y="${n(y + 1)}" width="${n(width - 9)}" height="${n(height - 2)}" rx="2" fill="#ffffff" stroke="${neutral}" stroke-width="1.5"/><path d="M${n(x + width - 7)} ${n(y + 1)}L${n(x + width)} ${n(cy)}L${n(x + width - 7)} ${n(y + height - 1)}Z" fill="${neutral}"/>`;
    case 'dependency':
      return `<path d="M${n(x)} ${n(cy)}H${n(x + width - 3)}" stroke="${palette.arrow}" stroke-width="1.2" marker-end="url(#${p}-arrow)"/>`;
    case 'today':
      return `<path d="M${n(x + width / 2)} ${n(y - 2)}V${n(y + height + 2)}" stroke="${palette.today}" stroke-width="1.5" stroke-dasharray="5 3"/>`;
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
function defs(p: string): string {
  const hatch = statusColours['in-progress'];
  const cross = statusColours['at-risk'];
  const fades = palette.phases
    .map(
      (colour, index) =>
        `<linearGradient id="${p}-fade-${index}"><stop offset="0.7" stop-color="${colour}"/><stop offset="1" stop-color="${colour}" stop-opacity="0"/></linearGradient>`,
    )
    .join('');
  return (
    `<defs>` +
    `<pattern id="${p}-hatch" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)"><rect width="4" height="4" fill="#ffffff"/><path d="M0 0V4" stroke="${hatch}" stroke-width="2.4"/></pattern>` +
    `<pattern id="${p}-cross" patternUnits="userSpaceOnUse" width="4" height="4" patternTransform="rotate(45)"><rect width="4" height="4" fill="#ffffff"/><path d="M0 0V4M0 0H4" stroke="${cross}" stroke-width="1.6"/></pattern>` +
    fades +
    `<marker id="${p}-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0 0L8 4L0 8Z" fill="${palette.arrow}"/></marker>` +
    `</defs>`
  );
}

/** Status names in legend order (for the figure's text alternative). */
export function statusSummary(): string {
  return roadmapStatuses
    .map(
      (status) => `${statusStyles[status].label.toLowerCase()} (${statusStyles[status].pattern})`,
    )
    .join(', ');
}
