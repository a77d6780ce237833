/**
 * The roadmap as a table: the same items as the drawing, for screen readers, for copying, and
 * for readers who prefer text. Rows are in lane order, then by date.
 */
import { escapeHtml as e } from './escape.ts';
import { describeWhen } from './describe-item.ts';
import { statusStyles } from './status-style.ts';
import { itemSpan, type Roadmap } from './types.ts';

/** Options of {@link renderRoadmapTable}. */
export interface RoadmapTableOptions {
  idPrefix: string;
  hrefFor(ref: string): string | undefined;
  labelFor?(ref: string): string | undefined;
}

/** Render the items of a (filtered) roadmap as a `<table>`. */
export function renderRoadmapTable(roadmap: Roadmap, options: RoadmapTableOptions): string {
  const p = options.idPrefix;
  const tracks = new Map(
    roadmap.tracks.map((track, index) => [track.id, { title: track.title, index }]),
  );
  const phases = new Map(roadmap.phases.map((phase) => [phase.id, phase.title]));
  const shown = new Map(roadmap.items.map((item) => [item.id, item]));
  const rows = [...roadmap.items].sort(
    (a, b) =>
      tracks.get(a.track)!.index - tracks.get(b.track)!.index ||
      itemSpan(a).start - itemSpan(b).start ||
      a.id.localeCompare(b.id),
  );
  const out: string[] = [];
  out.push(
    `<table class="roadmap-table" id="${p}-table"><caption class="visually-hidden">Roadmap items (${rows.length})</caption>`,
  );
  out.push(
    '<thead><tr><th scope="col">Item</th><th scope="col">When</th><th scope="col">Status</th><th scope="col">Track</th><th scope="col">Phase</th><th scope="col">Depends on</th><th scope="col">Owner, stakeholders</th><th scope="col">Related</th></tr></thead><tbody>',
  );
  for (const item of rows) {
    const description = item.description
      ? `<span class="roadmap-description">${e(item.description)}</span>`
      : '';
    const depends = item.dependsOn.map((id) => {
      const target = shown.get(id);
      return target
        ? `<a href="#${p}-row-${e(id)}">${e(target.title)}</a>`
        : `<code>${e(id)}</code>`;
    });
    const related = item.related.map((ref) => {
      const href = options.hrefFor(ref);
      const label = e(options.labelFor?.(ref) ?? ref);
      return href ? `<a href="${e(href)}">${label}</a>` : label;
    });
    const people = [item.owner, ...item.stakeholders].filter(Boolean).map((name) => e(name!));
    out.push(
      `<tr id="${p}-row-${e(item.id)}" data-id="${e(item.id)}" data-track="${e(item.track)}" data-status="${item.status}">` +
        `<th scope="row"><span class="roadmap-item-title">${e(item.title)}</span>${description}</th>` +
        `<td>${e(describeWhen(item))}</td>` +
        `<td><span class="roadmap-status roadmap-status-${item.status}">${e(statusStyles[item.status].label)}</span></td>` +
        `<td>${e(tracks.get(item.track)!.title)}</td>` +
        `<td>${item.phase ? e(phases.get(item.phase) ?? item.phase) : ''}</td>` +
        `<td>${depends.join(', ')}</td>` +
        `<td>${people.join(', ')}</td>` +
        `<td>${related.join(', ')}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  return out.join('');
}
