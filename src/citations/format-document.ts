import { escapeHtml } from '../util/escape-html.ts';
import type { CslItem } from './bib-types.ts';
import { engineFor, type Engine } from './engines.ts';

/** One cite item as the engine gets it. */
export interface JobItem {
  id: string;
  locator?: string;
  label?: string;
  /** Micro-HTML (`<i>`, `<b>`), see remark-citations. */
  prefix?: string;
  suffix?: string;
  suppressAuthor?: boolean;
}

/** One citation of the document, in reading order. */
export interface JobCluster {
  mode: 'normal' | 'narrative';
  items: JobItem[];
}

/** Everything one document's formatting needs: plain data (cacheable, and fit for a worker). */
export interface FormatJob {
  /** Style name as registered with citation-js. */
  style: string;
  /** Locale as registered with citation-js (`en-US`). */
  locale: string;
  /**
   * The works of the reference list, each with a unique `id`: those the clusters cite, and any
   * others (listed with `nocite`), which are listed without being cited.
   */
  items: CslItem[];
  clusters: JobCluster[];
}

/** One entry of the reference list. */
export interface FormattedEntry {
  id: string;
  /** citeproc's `<div class="csl-entry">…</div>`, DOIs and URLs linked. */
  html: string;
}

/** What the engine made of a document. */
export interface FormatResult {
  /**
   * The HTML of each cluster, same order as the job. Each cite is an `<a data-ref="id">`
   * (the caller turns it into a link to the entry); the style's brackets are included.
   */
  clusters: string[];
  bibliography: FormattedEntry[];
  /** Layout of the list, from the style: hanging indent, number column, spacing. */
  layout: {
    hangingIndent: boolean;
    secondFieldAlign: string | false;
    lineSpacing: number;
    entrySpacing: number;
  };
  /** Citation number of each id in numeric styles (for narrative fallbacks and tests). */
  numbers: Record<string, number>;
}

/** citeproc's position codes (CSL `position` conditions). */
const position = { first: 0, subsequent: 1, ibid: 2, ibidWithLocator: 3 } as const;

/**
 * Format every citation of a document and its reference list in ONE engine pass: the cited
 * works are registered once, in order of first citation (so numeric styles number across all
 * chapters and disambiguation such as 2020a/2020b sees the whole document), then each citation
 * is rendered with the position (first, subsequent, ibid) computed here in reading order, and
 * the list is made once. Identical citations are rendered once.
 *
 * @param job what to format.
 */
export function formatDocument(job: FormatJob): FormatResult {
  // `system_id` lets citeproc's citation wrapper (below) name each cite's work.
  const items = job.items.map((item) => ({ ...item, system_id: item.id }));
  const engine = engineFor(job.style, job.locale, items);
  const extensions = engine.opt.development_extensions;
  try {
    const order: string[] = [];
    const seen = new Set<string>();
    for (const cluster of job.clusters) {
      for (const item of cluster.items) {
        if (!seen.has(item.id)) order.push(item.id);
        seen.add(item.id);
      }
    }
    engine.updateItems(order);
    // Works listed but not cited (`nocite`): in the reference list, after the cited ones.
    const uncited = job.items.map((item) => item.id).filter((id) => !seen.has(id));
    if (uncited.length) engine.updateUncitedItems(uncited);
    const numbers: Record<string, number> = {};
    const bySeq = new Map<number, string>();
    for (const id of [...order, ...uncited]) {
      const seq = engine.registry.registry[id]?.seq;
      if (seq !== undefined) {
        numbers[id] = seq;
        bySeq.set(seq, id);
      }
    }
    // Each cite becomes `<a data-ref="id">`. Numeric styles pass no id for collapsed numbers
    // ("1–3"): the number itself says which work it is.
    extensions.apply_citation_wrapper = true;
    engine.sys.wrapCitationEntry = (html, id) => {
      const ref = id ?? bySeq.get(Number(/\d+/.exec(html.replace(/<[^>]*>/g, ''))?.[0]));
      return ref === undefined ? html : `<a data-ref="${escapeHtml(ref)}">${html}</a>`;
    };
    const { layout_prefix: open, layout_suffix: close } = engine.citation.opt;
    const memo = new Map<string, string>();
    const render = (cites: Record<string, unknown>[]) => {
      const key = JSON.stringify(cites);
      let html = memo.get(key);
      if (html === undefined) {
        html = engine.makeCitationCluster(cites);
        memo.set(key, html);
      }
      return html;
    };
    const positions = computePositions(job.clusters);
    const clusters = job.clusters.map((cluster, index) => {
      const cites = cluster.items.map((item, at) => citeOf(item, positions[index]![at]!));
      if (cluster.mode === 'narrative') {
        const item = cluster.items[0]!;
        const author = narrativeAuthor(engine, render, item.id, items);
        const rest = render([{ ...cites[0], 'suppress-author': true }]);
        return `<a data-ref="${escapeHtml(item.id)}">${author}</a> ${escapeHtml(open)}${rest}${escapeHtml(close)}`;
      }
      return `${escapeHtml(open)}${render(cites)}${escapeHtml(close)}`;
    });
    extensions.apply_citation_wrapper = false;
    extensions.wrap_url_and_doi = true;
    // A style without a <bibliography> (some note styles) makes no list.
    const [meta, entries] = engine.makeBibliography() || [{ entry_ids: [] }, []];
    const bibliography = entries.map((html, index) => ({
      id: meta.entry_ids[index]![0]!,
      html: html.trim(),
    }));
    return {
      clusters,
      bibliography,
      layout: {
        hangingIndent: Boolean(meta.hangingindent),
        secondFieldAlign: meta['second-field-align'] ?? false,
        lineSpacing: meta.linespacing ?? 1,
        entrySpacing: meta.entryspacing ?? 1,
      },
      numbers,
    };
  } finally {
    extensions.apply_citation_wrapper = false;
    extensions.wrap_url_and_doi = false;
    engine.sys.wrapCitationEntry = undefined;
  }
}

/** A cite item in citeproc's terms. */
function citeOf(item: JobItem, at: number): Record<string, unknown> {
  const cite: Record<string, unknown> = { id: item.id, position: at };
  if (item.locator) {
    cite.locator = item.locator;
    cite.label = item.label ?? 'page';
  }
  if (item.prefix) cite.prefix = item.prefix;
  if (item.suffix) cite.suffix = item.suffix;
  if (item.suppressAuthor) cite['suppress-author'] = true;
  return cite;
}

/**
 * CSL positions in reading order: `first` the first time a work is cited; `ibid` when the cite
 * follows a cite of the same work (in the same citation, or alone in the one before) with the
 * same locator, `ibid-with-locator` with another one; `subsequent` otherwise.
 */
export function computePositions(clusters: readonly JobCluster[]): number[][] {
  const seen = new Set<string>();
  let previous: JobCluster | undefined;
  return clusters.map((cluster) => {
    const result = cluster.items.map((item, index) => {
      if (!seen.has(item.id)) {
        seen.add(item.id);
        return position.first;
      }
      const before =
        index > 0
          ? cluster.items[index - 1]
          : previous?.items.length === 1
            ? previous.items[0]
            : undefined;
      if (!before || before.id !== item.id) return position.subsequent;
      if (!item.locator) return before.locator ? position.subsequent : position.ibid;
      return item.locator === before.locator && item.label === before.label
        ? position.ibid
        : position.ibidWithLocator;
    });
    previous = cluster;
    return result;
  });
}

/**
 * The author part of a narrative citation ("Doe & Roe" in "Doe & Roe (2020)"). Numeric styles
 * print no author in citations; then the names are made here: "Doe", "Doe and Roe", "Doe et al.".
 */
function narrativeAuthor(
  engine: Engine,
  render: (cites: Record<string, unknown>[]) => string,
  id: string,
  items: CslItem[],
): string {
  const html = render([{ id, 'author-only': true }]);
  if (html && !html.includes('NO_PRINTED_FORM'))
    return html.replace(/^<a data-ref="[^"]*">([\s\S]*)<\/a>$/, '$1');
  const item = items.find((candidate) => candidate.id === id);
  const names = (item?.author ?? item?.editor) as
    { family?: string; literal?: string }[] | undefined;
  const name = (entry: { family?: string; literal?: string }) =>
    escapeHtml(entry.family ?? entry.literal ?? '');
  if (!names || names.length === 0) return escapeHtml(String(item?.title ?? id));
  if (names.length === 1) return name(names[0]!);
  if (names.length === 2)
    return `${name(names[0]!)} ${escapeHtml(engine.getTerm('and') || 'and')} ${name(names[1]!)}`;
  return `${name(names[0]!)} ${escapeHtml(engine.getTerm('et-al') || 'et al.')}`;
}
