/**
 * The part of pagination that runs inside the print page (passed to `page.evaluate`, so it must
 * be self-contained: no imports, no closures).
 */

/** What one pagination step changed. */
export interface PaginationStep {
  /** Contents entries whose number was missing or wrong before this step. */
  changedNumbers: number;
  /** Blank pages inserted or removed (two-sided printing). */
  changedBlanks: number;
  /** `data-page-of` targets that have no destination in the printed PDF. */
  missing: string[];
}

/**
 * Given where each anchor landed in the last print (`pages`: id → page number), fill every
 * `[data-page-of]` with its page and, when two-sided, put a blank page before every
 * `[data-recto]` element that would otherwise open on a left-hand (even) page.
 *
 * Page numbers go into fixed-width boxes, so filling them moves nothing. Blank pages move
 * everything after them by one page; since a chapter's layout does not depend on which page it
 * starts on, the pages of the next print are known exactly: each target's page without any
 * blanks, plus the blanks now before it. The printer prints again and checks.
 */
export function applyPagination(pages: Record<string, number>, duplex: boolean): PaginationStep {
  const blankClass = 'blank-page';
  const inserted = 'data-printer-blank';
  const before = (a: Element, b: Element) =>
    (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const oldBlanks = [...document.querySelectorAll(`[${inserted}]`)];
  const blanksBefore = (element: Element, blanks: Element[]) =>
    blanks.filter((blank) => before(blank, element)).length;
  const targetOf = (id: string) => document.getElementById(id);
  const base = (id: string): number | undefined => {
    const element = targetOf(id);
    const page = pages[id];
    if (!element || page === undefined) return undefined;
    return page - blanksBefore(element, oldBlanks);
  };

  // 1. Blank pages: recompute from the layout without any of them.
  const wanted: Element[] = [];
  if (duplex) {
    let shift = 0;
    for (const element of document.querySelectorAll('[data-recto]')) {
      const start = base(element.getAttribute('data-recto') ?? '');
      if (start === undefined) continue;
      if ((start + shift) % 2 === 0) {
        wanted.push(element);
        shift += 1;
      }
    }
  }
  let changedBlanks = 0;
  const keep = new Set<Element>();
  for (const blank of oldBlanks) {
    const next = blank.nextElementSibling;
    if (next && wanted.includes(next)) keep.add(next);
    else {
      blank.remove();
      changedBlanks += 1;
    }
  }
  for (const element of wanted) {
    if (keep.has(element)) continue;
    const blank = document.createElement('div');
    blank.className = blankClass;
    blank.setAttribute(inserted, '');
    blank.setAttribute('aria-hidden', 'true');
    element.before(blank);
    changedBlanks += 1;
  }
  const newBlanks = [...document.querySelectorAll(`[${inserted}]`)];

  // 2. Page numbers of contents and list entries.
  let changedNumbers = 0;
  const missing: string[] = [];
  for (const box of document.querySelectorAll('[data-page-of]')) {
    const id = box.getAttribute('data-page-of') ?? '';
    const start = base(id);
    const element = targetOf(id);
    if (start === undefined || !element) {
      missing.push(id);
      continue;
    }
    const text = String(start + blanksBefore(element, newBlanks));
    if (box.textContent !== text) {
      box.textContent = text;
      changedNumbers += 1;
    }
  }
  return { changedNumbers, changedBlanks, missing };
}

/** Switch the page to two-sided printing: the `duplex` class and the left/right page rules. */
export function enableDuplex(): void {
  document.documentElement.classList.add('duplex');
  const rules = document.getElementById('duplex-pages');
  if (!rules) return;
  rules.setAttribute('media', 'all');
  // Last in the head: Chromium lets the later of two margin-box rules win, whatever their
  // page selectors' specificity, so the left/right rules must come after print.css.
  document.head.append(rules);
}

/** The PDF metadata the print page carries (`#srida-print-data`), or null when it has none. */
export function readPrintData(): unknown {
  const element = document.getElementById('srida-print-data');
  return element?.textContent ? JSON.parse(element.textContent) : null;
}

/** The text of every heading, in document order, as bookmarks should read. */
export function readHeadings(): string[] {
  return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) =>
    (heading.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

/**
 * Put every SVG image of the page inline. An SVG drawn through `<img>` is a separate document
 * that cannot use the page's fonts, so its labels would fall back to whatever serif the machine
 * has; inline, they are set in the project's fonts and stay vector text. Scripts and event
 * handlers are dropped, ids are made unique per image (gradients and markers of two figures
 * must not collide), and the image's alt text becomes the SVG's accessible name.
 * Returns how many images were inlined; an image that fails to load is left to the page guard.
 */
export async function inlineSvgImages(): Promise<number> {
  const images = [...document.querySelectorAll('img')].filter((img) =>
    /\.svg$/i.test(new URL(img.src, location.href).pathname),
  );
  let count = 0;
  for (const img of images) {
    const response = await fetch(img.src);
    if (!response.ok) continue;
    const parsed = new DOMParser().parseFromString(await response.text(), 'image/svg+xml');
    const svg = parsed.documentElement;
    if (svg.nodeName !== 'svg' || parsed.querySelector('parsererror')) continue;
    svg.querySelectorAll('script, foreignObject').forEach((element) => element.remove());
    const prefix = `svg${count + 1}-`;
    const elements = [svg, ...svg.querySelectorAll('*')];
    for (const element of elements) {
      for (const attribute of [...element.attributes])
        if (/^on/i.test(attribute.name)) element.removeAttribute(attribute.name);
      if (element.id) element.id = prefix + element.id;
    }
    const rewrite = (value: string) =>
      value.replace(
        /url\(\s*(['"]?)#([^)'"]+)\1\s*\)/g,
        (_all, quote: string, id: string) => `url(${quote}#${prefix}${id}${quote})`,
      );
    for (const element of elements) {
      for (const attribute of [...element.attributes]) {
        if (attribute.localName === 'href' && attribute.value.startsWith('#'))
          attribute.value = `#${prefix}${attribute.value.slice(1)}`;
        else if (attribute.value.includes('url(')) attribute.value = rewrite(attribute.value);
      }
      if (element.localName === 'style' && element.textContent)
        element.textContent = rewrite(element.textContent).replace(
          /#([A-Za-z_][\w-]*)/g,
          (all, id: string) =>
            svg.querySelector(`[id="${prefix}${id}"]`) ? `#${prefix}${id}` : all,
        );
    }
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', img.alt);
    svg.classList.add('inlined-svg');
    img.replaceWith(document.importNode(svg, true));
    count += 1;
  }
  return count;
}

/**
 * Wait for every font and image, then lay the page out again from scratch. The first layout ran
 * while fonts were still arriving (the italic face, say, is only fetched once text needs it), and
 * what Chromium keeps from that history can change the print without changing the text: whether
 * a link over two runs ("Chapter 2 *Science drivers*") becomes one link annotation or two.
 * Taking the root out of the layout and putting it back rebuilds every layout object with the
 * fonts in place, so each print starts from the same state.
 */
export async function settleLayout(): Promise<void> {
  await document.fonts.ready;
  await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
  const root = document.documentElement;
  const style = root.getAttribute('style');
  root.style.setProperty('display', 'none', 'important');
  void root.offsetHeight;
  if (style === null) root.removeAttribute('style');
  else root.setAttribute('style', style);
  void root.offsetHeight;
  await document.fonts.ready;
  await new Promise<void>((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );
}
