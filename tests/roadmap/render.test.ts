import { describe, expect, it } from 'vitest';
import { parseRoadmapDate, type RoadmapDate } from '../../src/schemas/roadmap-dates.ts';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { renderRoadmap, renderRoadmapHtml } from '../../src/roadmap/render-roadmap-html.ts';
import type { Roadmap, RoadmapItem } from '../../src/roadmap/types.ts';
import { generateRoadmap } from './generate-roadmap.ts';

const date = (text: string) => parseRoadmapDate(text) as RoadmapDate;
const base = { dependsOn: [], stakeholders: [], related: [] };
const roadmap: Roadmap = {
  tracks: [
    { id: 'a', title: 'Track <A>' },
    { id: 'b', title: 'Track B' },
  ],
  phases: [
    { id: 'p', title: 'Foundation', start: date('2026-07'), end: date('2029-06'), strict: false },
  ],
  items: [
    {
      ...base,
      kind: 'milestone',
      id: 'm1',
      title: 'Final "SRIDA" <b>',
      track: 'a',
      status: 'done',
      date: date('2026-06-03'),
      related: ['srida#missing', 'srida#introduction'],
      owner: 'WG1',
      description: 'Done & dusted.',
    },
    {
      ...base,
      kind: 'activity',
      id: 'x1',
      title: 'Federated identity',
      track: 'b',
      status: 'in-progress',
      phase: 'p',
      start: date('2026-07'),
      end: date('2029-06'),
      dependsOn: ['m1'],
      related: ['srida#rec-federated-identity'],
    },
    {
      ...base,
      kind: 'activity',
      id: 'r1',
      title: 'At risk',
      track: 'b',
      status: 'at-risk',
      start: date('2027'),
      end: date('2028'),
    },
    {
      ...base,
      kind: 'milestone',
      id: 'c1',
      title: 'Dropped',
      track: 'a',
      status: 'cancelled',
      date: date('2028-Q2'),
    },
    {
      ...base,
      kind: 'activity',
      id: 'o1',
      title: 'Ongoing',
      track: 'a',
      status: 'planned',
      start: date('2028'),
    },
  ] as RoadmapItem[],
};
const hrefs: Record<string, string> = {
  'srida#introduction': '/srida/introduction/',
  'srida#rec-federated-identity': '/srida/governance/#rec-federated-identity',
};
const options = {
  idPrefix: 'rm',
  hrefFor: (ref: string) => hrefs[ref],
  labelFor: (ref: string) => (hrefs[ref] ? `SRIDA ${ref.split('#')[1]}` : undefined),
};

const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!);

/** Tags balance (the SVG is also parsed as XML when saved as a file); attribute values may hold `<`. */
function balanced(markup: string): boolean {
  const stack: string[] = [];
  for (const [, close, name, selfClosing] of markup
    .replace(/="[^"]*"/g, '=""')
    .matchAll(/<(\/?)([a-zA-Z][\w:-]*)(?:\s[^>]*?)?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!close) stack.push(name!);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

/** Tag names of every element in a hast tree. */
function elementNames(tree: Element): string[] {
  const names: string[] = [];
  visit(tree, 'element', (node: Element) => {
    names.push(node.tagName);
  });
  return names;
}

describe('renderRoadmapHtml', () => {
  const html = renderRoadmapHtml(roadmap, {}, options);
  const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
  const table = html.slice(html.indexOf('<table'), html.indexOf('</table>') + 8);

  it('is a figure with a scrollable SVG and a table in a details element', () => {
    expect(html).toMatch(
      /^<figure class="roadmap" id="rm" data-roadmap=""><div class="roadmap-scroll"><svg /,
    );
    expect(html).toContain(
      '<details class="roadmap-data"><summary>The roadmap as a table (5 items)</summary>',
    );
    expect(html.endsWith('</figure>')).toBe(true);
    expect(balanced(html.replace(/<(meta|br|hr|img|input)\b[^>]*>/g, ''))).toBe(true);
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('gives the SVG a name and a description, and sizes it by its viewBox', () => {
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="roadmap-svg" viewBox="0 0 720 \d+" width="100%" style="--roadmap-min-width: 576px"/,
    );
    expect(svg).toContain('role="group" aria-labelledby="rm-title" aria-describedby="rm-desc"');
    expect(svg).toMatch(/<title id="rm-title">Roadmap timeline, 2026 to 2029<\/title>/);
    expect(svg).toMatch(
      /<desc id="rm-desc">5 items \(2 milestones as diamonds, 3 activities as bars\) in 2 tracks: Track &#x3C;A>, Track B\. Phases: Foundation \(from Jul 2026 to Jun 2029\)\. Status is shown by fill: planned \(outline\), in progress \(hatched\), done \(solid\), at risk \(cross-hatched\), cancelled \(dashed outline, struck through\)\./,
    );
  });

  it('draws every item as a focusable link to its first resolvable section, else to its table row', () => {
    expect(all(svg, /<a id="rm-item-([^"]+)" class="rm-item"/g)).toEqual([
      'm1',
      'c1',
      'o1',
      'x1',
      'r1',
    ]);
    expect(all(svg, /class="rm-item" href="([^"]+)"/g)).toEqual([
      '/srida/introduction/',
      '#rm-row-c1',
      '#rm-row-o1',
      '/srida/governance/#rec-federated-identity',
      '#rm-row-r1',
    ]);
    expect(svg).toContain(
      'aria-label="Final &#x22;SRIDA&#x22; <b>: milestone, 3 Jun 2026, done (Track <A>)"',
    );
    expect(svg).toContain(
      '<title>Final "SRIDA" &#x3C;b>: milestone, 3 Jun 2026, done (Track &#x3C;A>)\nDone &#x26; dusted.\nOwner: WG1</title>',
    );
    expect(svg).toContain(
      '<title>Federated identity: activity, Jul 2026 – Jun 2029, in progress (Track B)\nDepends on: m1</title>',
    );
    // The serialiser escapes `<` in text; in an attribute value it is plain text already.
    expect(elementNames(renderRoadmap(roadmap, {}, options))).not.toContain('b');
  });

  it('shows status by fill as well as colour', () => {
    const markOf = (id: string) =>
      svg.slice(svg.indexOf(`id="rm-item-${id}"`)).match(/class="rm-mark"[^>]*>/)![0];
    expect(markOf('m1')).toContain('fill="#1f5fa8"');
    expect(markOf('x1')).toContain('fill="url(#rm-hatch)"');
    expect(markOf('r1')).toContain('fill="url(#rm-cross)"');
    expect(markOf('o1')).toContain('fill="#ffffff"');
    expect(markOf('c1')).toMatch(/fill="#ffffff".*stroke-dasharray="3 2"/);
    expect(svg.slice(svg.indexOf('id="rm-item-c1"'))).toMatch(
      /^[^]*?text-decoration="line-through"[^]*?<\/a>/,
    );
    expect(svg).toContain('<pattern id="rm-hatch"');
    expect(svg).toContain('<pattern id="rm-cross"');
  });

  it('lists the same items in the table, with links, dependencies and people', () => {
    expect(all(table, /<tr id="rm-row-([^"]+)"/g).sort()).toEqual(
      all(svg, /<a id="rm-item-([^"]+)"/g).sort(),
    );
    // Lane order, then date.
    expect(all(table, /<tr id="rm-row-([^"]+)"/g)).toEqual(['m1', 'o1', 'c1', 'x1', 'r1']);
    const row = (id: string) =>
      table.slice(
        table.indexOf(`<tr id="rm-row-${id}"`),
        table.indexOf('</tr>', table.indexOf(`<tr id="rm-row-${id}"`)),
      );
    expect(row('m1')).toContain(
      '<th scope="row"><span class="roadmap-item-title">Final "SRIDA" &#x3C;b></span><span class="roadmap-description">Done &#x26; dusted.</span></th>',
    );
    expect(row('m1')).toContain('<td>Milestone, 3 Jun 2026</td>');
    expect(row('m1')).toContain(
      '<td>srida#missing, <a href="/srida/introduction/">SRIDA introduction</a></td>',
    );
    expect(row('x1')).toContain('<td><a href="#rm-row-m1">Final "SRIDA" &#x3C;b></a></td>');
    expect(row('x1')).toContain('<td>Foundation</td>');
    expect(row('o1')).toContain('<td>Activity, from 2028 (ongoing)</td>');
    expect(row('r1')).toContain(
      '<span class="roadmap-status roadmap-status-at-risk">At risk</span>',
    );
    expect(table).toContain('<th scope="col">Item</th>');
  });

  it('gives every id once, and every reference in it a target', () => {
    const ids = all(html, /\sid="([^"]+)"/g);
    expect(new Set(ids).size).toBe(ids.length);
    const referenced = [
      ...all(html, /url\(#([^)]+)\)/g),
      ...all(html, /aria-(?:labelledby|describedby)="([^"]+)"/g),
      ...all(html, /href="#([^"]+)"/g),
    ];
    for (const id of referenced) expect(ids).toContain(id);
  });

  it('draws the dependency arrow and a legend', () => {
    expect(svg).toMatch(
      /<path class="rm-arrow" data-from="m1" data-to="x1" data-points="[\d. ]+"(?: data-vertical="")? d="M[^"]+" marker-end="url\(#rm-arrow\)"><\/path>/,
    );
    expect(
      all(svg, /<g role="listitem">.*?<text class="rm-legend-label"[^>]*>([^<]+)<\/text><\/g>/g),
    ).toEqual([
      'Planned',
      'In progress',
      'Done',
      'At risk',
      'Cancelled',
      'Milestone',
      'Activity',
      'Continues',
      'Depends on',
    ]);
  });

  it('applies the filter to the drawing and the table alike', () => {
    const filtered = renderRoadmapHtml(
      roadmap,
      { tracks: ['b'], statuses: ['at-risk'] },
      { ...options, idPrefix: 'f' },
    );
    expect(all(filtered, /<a id="f-item-([^"]+)"/g)).toEqual(['r1']);
    expect(all(filtered, /<tr id="f-row-([^"]+)"/g)).toEqual(['r1']);
    expect(filtered).not.toContain('class="rm-arrow"');
    const none = renderRoadmapHtml(
      roadmap,
      { statuses: ['at-risk'], tracks: ['a'] },
      { ...options, idPrefix: 'n' },
    );
    expect(none).toContain('<p class="roadmap-empty">No roadmap items match this selection.</p>');
  });

  it('uses the prefix for every id, so two figures can share a page', () => {
    const second = renderRoadmapHtml(roadmap, {}, { ...options, idPrefix: 'rm-2' });
    const first = new Set(all(html, /\sid="([^"]+)"/g));
    expect(all(second, /\sid="([^"]+)"/g).filter((id) => first.has(id))).toEqual([]);
  });

  it('draws a today line when asked, and a caption (text)', () => {
    const dated = renderRoadmapHtml(
      roadmap,
      {},
      { ...options, today: new Date(Date.UTC(2027, 2, 1)), caption: 'The <em>plan</em>' },
    );
    expect(dated).toContain('class="rm-today rm-span"');
    expect(dated).toContain('>Today: 1 Mar 2027</text>');
    expect(dated).toContain(
      '</svg></div><figcaption>The &#x3C;em>plan&#x3C;/em></figcaption><details class="roadmap-data">',
    );
    expect(html).not.toContain('rm-today');
  });

  it('renders large generated roadmaps with one link and one row per item', () => {
    const big = generateRoadmap(3, { items: 300, tracks: 12 });
    const out = renderRoadmapHtml(big, {}, { idPrefix: 'big', hrefFor: () => undefined });
    expect(all(out, /<a id="big-item-/g)).toHaveLength(300);
    expect(all(out, /<tr id="big-row-/g)).toHaveLength(300);
    expect(out).not.toMatch(/NaN|undefined/);
  });

  it('also draws a tall timeline in parts of whole tracks for print, on the same time axis', () => {
    const tall = generateRoadmap(5, { items: 60, tracks: 6, dependencies: 0.3 });
    const out = renderRoadmapHtml(
      tall,
      {},
      { idPrefix: 'tall', hrefFor: () => undefined, printByTrack: true },
    );
    const whole = out.slice(0, out.indexOf('<div class="roadmap-print">'));
    const print = out.slice(out.indexOf('<div class="roadmap-print">'), out.indexOf('<details'));
    const parts = print.split('<div class="roadmap-print-part">').slice(1);
    expect(parts.length).toBeGreaterThan(1);
    expect(Number(/data-height="(\d+)"/.exec(whole)![1])).toBeGreaterThan(900);
    // Every item in exactly one part, in track order; ids unique in the page.
    const itemsOf = (markup: string) => all(markup, /<a id="[^"]*-item-([^"]+)"/g);
    expect(parts.flatMap(itemsOf).sort()).toEqual(itemsOf(whole).sort());
    const ids = all(out, /\sid="([^"]+)"/g);
    expect(new Set(ids).size).toBe(ids.length);
    // The same ticks (year labels and their places) in every part, as in the whole drawing.
    const ticks = (markup: string) =>
      all(markup, /(<text[^>]*class="rm-tick-label"[^>]*>[^<]*<\/text>)/g).join('');
    expect(ticks(whole)).not.toBe('');
    for (const part of parts) expect(ticks(part)).toBe(ticks(whole));
    // The legend once, under the last part; each part is one whole track or more.
    expect(
      parts.map((part) => part.includes('class="rm-legend"') && part.includes('role="listitem"')),
    ).toEqual(parts.map((_, index) => index === parts.length - 1));
    expect(parts.map((part) => all(part, /class="rm-lane-label"[^>]*>([^<]+)</g)).flat()).toEqual(
      tall.tracks.map((track) => track.title),
    );
  });

  it('draws no print parts for a timeline that fits on a page, or when not asked', () => {
    expect(renderRoadmapHtml(roadmap, {}, { ...options, printByTrack: true })).not.toContain(
      'roadmap-print',
    );
    const tall = generateRoadmap(5, { items: 60, tracks: 6 });
    expect(
      renderRoadmapHtml(tall, {}, { idPrefix: 'tall', hrefFor: () => undefined }),
    ).not.toContain('roadmap-print');
  });
});
