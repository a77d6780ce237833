/**
 * The roadmap as a table: the same items as the drawing, for screen readers, for copying, and
 * for readers who prefer text. Rows are in lane order, then by date.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { describeWhen } from './describe-item.ts';
import { statusStyles } from './status-style.ts';
import { itemSpan, type Roadmap } from './types.ts';

/** Options of {@link renderRoadmapTable}. */
export interface RoadmapTableOptions {
  idPrefix: string;
  hrefFor(ref: string): string | undefined;
  labelFor?(ref: string): string | undefined;
}

/** Render the items of a (filtered) roadmap as a `<table>` (hast). */
export function renderRoadmapTable(roadmap: Roadmap, options: RoadmapTableOptions): Element {
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
  const head = [
    'Item',
    'When',
    'Status',
    'Track',
    'Phase',
    'Depends on',
    'Owner, stakeholders',
    'Related',
  ].map((name) => h('th', { scope: 'col' }, name));
  const body = rows.map((item) => {
    const depends = item.dependsOn.map((id) => {
      const target = shown.get(id);
      return target ? h('a', { href: `#${p}-row-${id}` }, target.title) : h('code', id);
    });
    const related = item.related.map((ref) => {
      const href = options.hrefFor(ref);
      const label = options.labelFor?.(ref) ?? ref;
      return href ? h('a', { href }, label) : label;
    });
    const people = [item.owner, ...item.stakeholders].filter(
      (name) => name !== undefined && name !== '',
    );
    return h(
      'tr',
      {
        id: `${p}-row-${item.id}`,
        dataId: item.id,
        dataTrack: item.track,
        dataStatus: item.status,
      },
      [
        h('th', { scope: 'row' }, [
          h('span', { className: ['roadmap-item-title'] }, item.title),
          item.description
            ? h('span', { className: ['roadmap-description'] }, item.description)
            : undefined,
        ]),
        h('td', describeWhen(item)),
        h('td', [
          h(
            'span',
            { className: ['roadmap-status', `roadmap-status-${item.status}`] },
            statusStyles[item.status].label,
          ),
        ]),
        h('td', tracks.get(item.track)!.title),
        h('td', item.phase ? (phases.get(item.phase) ?? item.phase) : ''),
        h('td', joined(depends)),
        h('td', people.join(', ')),
        h('td', joined(related)),
      ],
    );
  });
  return h('table', { className: ['roadmap-table'], id: `${p}-table` }, [
    h('caption', { className: ['visually-hidden'] }, `Roadmap items (${rows.length})`),
    h('thead', [h('tr', head)]),
    h('tbody', body),
  ]);
}

/** Parts separated by `, `. */
function joined(parts: readonly (Element | string)[]): (ElementContent | string)[] {
  return parts.flatMap((part, index) => (index === 0 ? [part] : [', ', part]));
}
