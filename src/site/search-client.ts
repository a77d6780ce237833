/**
 * The search dialog of the site (browser code): turns the header's "Search" link (which goes to
 * the single-page view when JavaScript is off) into a button opening a modal dialog, also opened
 * by `/`. Queries run against the Pagefind index that `srida build` writes to `/pagefind/`; the
 * arrow keys move between the input and the results; the number of results is announced.
 */

/** The part of Pagefind's browser API (`pagefind.js`) this dialog uses. */
interface PagefindApi {
  options(options: { excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    query: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<PagefindResult> }[] } | null>;
}
interface PagefindResult {
  url: string;
  meta: Record<string, string>;
  excerpt: string;
  sub_results?: PagefindSection[];
}
interface PagefindSection {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { balanced_score: number }[];
}

/** Most pages whose sections are listed, and most sections listed per page. */
const maxPages = 10;
const maxSectionsPerPage = 3;

export function enhanceSearch(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-search-open]')];
  const dialog = document.querySelector<HTMLDialogElement>('#search-dialog');
  const input = document.querySelector<HTMLInputElement>('#search-input');
  const filter = document.querySelector<HTMLSelectElement>('#search-filter');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  if (links.length === 0 || !dialog || !input || !filter || !status || !list) return;

  const buttons = links.map((link) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = link.className;
    button.setAttribute('aria-haspopup', 'dialog');
    button.innerHTML = link.innerHTML;
    link.replaceWith(button);
    return button;
  });
  let opener: HTMLElement = buttons[0]!;

  let api: Promise<PagefindApi | undefined> | undefined;
  const load = () =>
    (api ??= loadPagefind().then(
      async (pagefind) => {
        const documents = Object.keys((await pagefind.filters()).document ?? {}).sort();
        for (const name of documents) filter.add(new Option(name, name));
        return pagefind;
      },
      () => undefined,
    ));

  const open = () => {
    if (dialog.open) return;
    dialog.showModal();
    input.focus();
    input.select();
    void load();
  };
  for (const button of buttons)
    button.addEventListener('click', () => {
      opener = button;
      open();
    });
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => opener.focus());
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    if (dialog.open || isEditable(event.target)) return;
    event.preventDefault();
    opener = buttons[0]!;
    open();
  });
  dialog.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());

  let latest = 0;
  const run = async () => {
    const ticket = ++latest;
    const query = input.value.trim();
    if (query === '') {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const pagefind = await load();
    if (ticket !== latest) return;
    if (!pagefind) {
      status.textContent = 'Search is available in the built site (run `srida build`).';
      return;
    }
    const found = await pagefind.search(query, {
      filters: filter.value ? { document: filter.value } : {},
    });
    const pages = await Promise.all((found?.results ?? []).slice(0, maxPages).map((r) => r.data()));
    if (ticket !== latest) return;
    const items = pages.flatMap((page) => resultItems(page));
    list.replaceChildren(...items);
    const more = (found?.results.length ?? 0) > maxPages ? ' (the best are shown)' : '';
    status.textContent =
      items.length === 0
        ? `No results for “${query}”.`
        : `${items.length} ${items.length === 1 ? 'result' : 'results'} for “${query}”${more}.`;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 120);
  });
  filter.addEventListener('change', () => void run());

  // Arrow keys: from the input into the results, between results, and back to the input.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at === -1 && document.activeElement !== input) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)]!.focus();
  });
}

/** One list item per matching section of a page (the page itself when no section matched). */
function resultItems(page: PagefindResult): HTMLLIElement[] {
  // Pagefind lists a page's sections in page order: the best matching come first here.
  const sections = [...(page.sub_results ?? [])]
    .sort((a, b) => score(b) - score(a))
    .slice(0, maxSectionsPerPage);
  const entries =
    sections.length > 0 ? sections : [{ title: '', url: page.url, excerpt: page.excerpt }];
  return entries.map((section) => {
    const item = document.createElement('li');
    const anchor = document.createElement('a');
    anchor.href = section.url;
    const where = document.createElement('span');
    where.className = 'search-where';
    const chapter = page.meta.title ?? '';
    where.textContent = [page.meta.document, chapter].filter(Boolean).join(' · ');
    const title = document.createElement('span');
    title.className = 'search-title';
    title.textContent = section.title && section.title !== chapter ? section.title : chapter;
    anchor.append(title, where);
    const excerpt = document.createElement('p');
    excerpt.className = 'search-excerpt';
    excerpt.append(...excerptNodes(section.excerpt));
    item.append(anchor, excerpt);
    return item;
  });
}

function score(section: PagefindSection): number {
  return (section.weighted_locations ?? []).reduce((sum, at) => sum + at.balanced_score, 0);
}

/** The excerpt's text with Pagefind's `<mark>` highlights, and nothing else of its markup. */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  return [...(parsed.body.firstElementChild?.childNodes ?? [])].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

async function loadPagefind(): Promise<PagefindApi> {
  const url = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/pagefind.js`;
  const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
  return pagefind;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}
