/**
 * Progressive enhancement of roadmap figures (`figure[data-roadmap]`): checkboxes that filter
 * the timeline by track and status, and a details panel on hover and focus. Without this
 * script the figure shows every item, each a link with its details in a `<title>`, and the
 * table; nothing here is needed to read the roadmap.
 *
 * Use in a page: `<script>import { enhanceRoadmaps } from '../roadmap/timeline-enhance.ts';
 * enhanceRoadmaps();</script>`.
 */
import { arrowPath } from './arrow-path.ts';

const statusLabels: Record<string, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  'at-risk': 'At risk',
  cancelled: 'Cancelled',
};

/**
 * Enhance every roadmap figure under `root` that is not enhanced yet.
 *
 * @param root where to look (default: the document).
 */
export function enhanceRoadmaps(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>(
    'figure[data-roadmap]:not([data-enhanced])',
  ))
    enhanceFigure(figure);
}

function enhanceFigure(figure: HTMLElement): void {
  const svg = figure.querySelector<SVGSVGElement>('svg.roadmap-svg');
  if (!svg) return;
  figure.dataset.enhanced = '';
  const items = [...svg.querySelectorAll<SVGAElement>('a.rm-item')];
  const lanes = [...svg.querySelectorAll<SVGGElement>('g.rm-lane')];
  const rows = [...figure.querySelectorAll<HTMLTableRowElement>('tr[data-id]')];
  const details = figure.querySelector<HTMLDetailsElement>('details.roadmap-data');

  // The panel replaces the native tooltips of the `<title>`s; `aria-label` keeps the names.
  for (const item of items) item.querySelector(':scope > title')?.remove();

  const tracks = lanes.map((lane) => ({
    id: lane.dataset.track!,
    title: lane.querySelector('.rm-lane-label')?.textContent ?? lane.dataset.track!,
  }));
  const statuses = [...new Set(items.map((item) => item.dataset.status!))].sort(
    (a, b) => Object.keys(statusLabels).indexOf(a) - Object.keys(statusLabels).indexOf(b),
  );
  const controls = document.createElement('div');
  controls.className = 'roadmap-controls';
  const status = document.createElement('p');
  status.className = 'roadmap-count';
  status.setAttribute('role', 'status');
  controls.append(
    checkboxGroup('Tracks', 'track', tracks),
    checkboxGroup(
      'Status',
      'status',
      statuses.map((id) => ({ id, title: statusLabels[id] ?? id })),
    ),
    status,
  );
  figure.querySelector('.roadmap-scroll')?.before(controls);

  const apply = () => {
    const hiddenTracks = unchecked(controls, 'track');
    const hiddenStatuses = unchecked(controls, 'status');
    const shift = new Map<string, number>();
    let removed = 0;
    for (const lane of lanes) {
      const track = lane.dataset.track!;
      const hide = hiddenTracks.has(track);
      shift.set(track, removed);
      lane.classList.toggle('is-hidden', hide);
      lane.setAttribute('transform', `translate(0 ${-removed})`);
      const background = svg.querySelector<SVGRectElement>(
        `.rm-lane-bg[data-track="${CSS.escape(track)}"]`,
      );
      background?.classList.toggle('is-hidden', hide);
      background?.setAttribute('transform', `translate(0 ${-removed})`);
      if (hide) removed += Number(lane.dataset.height);
    }
    let shown = 0;
    const visible = new Set<string>();
    for (const item of items) {
      const hide =
        hiddenStatuses.has(item.dataset.status!) || hiddenTracks.has(item.dataset.track!);
      item.classList.toggle('is-hidden', hide);
      if (!hide) {
        visible.add(item.dataset.id!);
        shown++;
      }
    }
    const laneOf = new Map(items.map((item) => [item.dataset.id!, item.dataset.track!]));
    for (const arrow of svg.querySelectorAll<SVGPathElement>('.rm-arrow')) {
      const { from, to, points } = arrow.dataset;
      const hide = !visible.has(from!) || !visible.has(to!);
      arrow.classList.toggle('is-hidden', hide);
      if (hide) continue;
      const [x1, y1, x2, y2] = points!.split(' ').map(Number) as [number, number, number, number];
      arrow.setAttribute(
        'd',
        arrowPath(
          x1,
          y1 - shift.get(laneOf.get(from!)!)!,
          x2,
          y2 - shift.get(laneOf.get(to!)!)!,
          arrow.dataset.vertical !== undefined,
        ),
      );
    }
    for (const span of svg.querySelectorAll<SVGElement>('.rm-span')) {
      if (span.dataset.h) span.setAttribute('height', String(Number(span.dataset.h) - removed));
      if (span.dataset.y2) span.setAttribute('y2', String(Number(span.dataset.y2) - removed));
    }
    svg.querySelector('.rm-below')?.setAttribute('transform', `translate(0 ${-removed})`);
    svg.setAttribute('viewBox', `0 0 ${svg.dataset.width} ${Number(svg.dataset.height) - removed}`);
    for (const row of rows)
      row.hidden = hiddenTracks.has(row.dataset.track!) || hiddenStatuses.has(row.dataset.status!);
    status.textContent = `Showing ${shown} of ${items.length} items.`;
  };
  controls.addEventListener('change', apply);
  apply();

  // Details panel on hover and focus, from the item's table row.
  const tip = document.createElement('div');
  tip.className = 'roadmap-tip';
  tip.hidden = true;
  figure.append(tip);
  const headers = [...figure.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
  const show = (item: SVGAElement) => {
    const row = rows.find((r) => r.dataset.id === item.dataset.id);
    if (!row) return;
    tip.replaceChildren();
    const title = document.createElement('strong');
    title.textContent = row.querySelector('.roadmap-item-title')?.textContent ?? '';
    tip.append(title);
    const description = row.querySelector('.roadmap-description')?.textContent;
    if (description) tip.append(paragraph(description));
    const list = document.createElement('dl');
    [...row.cells].slice(1).forEach((cell, index) => {
      const value = cell.textContent?.trim();
      if (!value) return;
      const dt = document.createElement('dt');
      dt.textContent = headers[index + 1] ?? '';
      const dd = document.createElement('dd');
      dd.textContent = value;
      list.append(dt, dd);
    });
    tip.append(list);
    tip.hidden = false;
    const box = item.getBoundingClientRect();
    const frame = figure.getBoundingClientRect();
    const left = Math.min(
      Math.max(box.left - frame.left, 0),
      Math.max(frame.width - tip.offsetWidth, 0),
    );
    tip.style.left = `${left}px`;
    tip.style.top = `${box.bottom - frame.top + 6}px`;
  };
  const hide = () => {
    tip.hidden = true;
  };
  for (const item of items) {
    item.addEventListener('pointerenter', () => show(item));
    item.addEventListener('pointerleave', hide);
    item.addEventListener('focus', () => show(item));
    item.addEventListener('blur', hide);
    item.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') hide();
    });
    // A link to the item's own row opens the table first.
    item.addEventListener('click', () => {
      const href = item.getAttribute('href') ?? '';
      const target = href.startsWith('#')
        ? document.getElementById(decodeURIComponent(href.slice(1)))
        : null;
      if (target && details?.contains(target)) details.open = true;
    });
  }
}

function checkboxGroup(
  legendText: string,
  name: string,
  options: { id: string; title: string }[],
): HTMLFieldSetElement {
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = legendText;
  fieldset.append(legend);
  for (const option of options) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = name;
    input.value = option.id;
    input.checked = true;
    label.append(input, ` ${option.title}`);
    fieldset.append(label);
  }
  return fieldset;
}

function unchecked(controls: HTMLElement, name: string): Set<string> {
  return new Set(
    [...controls.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)]
      .filter((input) => !input.checked)
      .map((input) => input.value),
  );
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}
