/**
 * The glossary appendix of a document, generated from the data: a definition list of the
 * entries the document uses (abbreviations, terms, or both), each with its expansion or
 * definition, "see also" links and back-links to where each chapter first uses it.
 */
import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import { parseMarkdown } from '../markdown/processor.ts';
import { termTargetId, type GlossaryEntry } from './types.ts';

/** A first use of an entry, as the glossary links back to it. */
export interface BackLink {
  /** "Chapter 3", "Appendix A", or the chapter's title. */
  label: string;
  /** The chapter page with the fragment of the first use. */
  href: string;
}

/** Which entries a `::glossary` block lists (`show="abbreviations"`, `"terms"`, default both). */
export type GlossaryShow = 'all' | 'abbreviations' | 'terms';

/** Options of {@link glossaryList}. */
export interface GlossaryListOptions {
  entries: readonly GlossaryEntry[];
  show: GlossaryShow;
  backLinks: ReadonlyMap<string, readonly BackLink[]>;
  /** Every entry the document's glossary lists: "see also" names only these. */
  listed: ReadonlySet<string>;
  /** Turn a definition's citation syntax into citation nodes (the citations stage does it). */
  prepareInline?: (tree: Root, markdown: string) => void;
  /** Where the block is: every generated node gets this position (messages point at it). */
  position?: Position;
}

/** The words an entry is listed under. */
export function headword(entry: GlossaryEntry): string {
  return entry.abbreviation ?? entry.term!;
}

/** The mdast of one `::glossary` block. */
export function glossaryList(options: GlossaryListOptions): RootContent[] {
  const listed = options.entries
    .filter((entry) =>
      options.show === 'all'
        ? true
        : options.show === 'abbreviations'
          ? entry.abbreviation !== undefined
          : entry.abbreviation === undefined,
    )
    .sort((a, b) => headword(a).localeCompare(headword(b), 'en', { sensitivity: 'base' }));
  if (listed.length === 0) {
    return [paragraph([text('No entries of the glossary are used in this document.')])];
  }
  const items: RootContent[] = [];
  for (const entry of listed) {
    items.push(
      element('dt', { id: termTargetId(entry), className: ['glossary-headword'] }, [
        entry.abbreviation
          ? element('abbr', { className: ['glossary-abbr'] }, [text(entry.abbreviation)])
          : text(entry.term!),
      ]),
      element('dd', { className: ['glossary-definition'] }, definition(entry, options)),
    );
  }
  const list = element('dl', { className: ['glossary'] }, items);
  setPosition(list, options.position);
  return [list];
}

function definition(entry: GlossaryEntry, options: GlossaryListOptions): RootContent[] {
  const blocks: RootContent[] = [];
  const lead: PhrasingContent[] = [];
  if (entry.abbreviation) lead.push(text(capitalise(entry.expansion!)));
  if (entry.definition) {
    const tree = parseMarkdown(entry.definition);
    options.prepareInline?.(tree, entry.definition);
    const inline = tree.children.flatMap((child) =>
      child.type === 'paragraph' ? child.children : [],
    );
    if (lead.length > 0) lead.push(text('. '));
    lead.push(...inline);
  }
  blocks.push(paragraph(lead));
  const seeAlso = entry.seeAlso.filter((other) => options.listed.has(other));
  if (seeAlso.length > 0) {
    const links: PhrasingContent[] = [text('See also: ')];
    seeAlso.forEach((other, index) => {
      if (index > 0) links.push(text(', '));
      links.push({ type: 'link', url: `#term-${other}`, children: [] });
    });
    blocks.push(paragraph(links, 'glossary-see-also'));
  }
  const back = options.backLinks.get(entry.id) ?? [];
  if (back.length > 0) {
    const links: PhrasingContent[] = [
      text(back.length === 1 ? 'First used in ' : 'First used in: '),
    ];
    back.forEach((link, index) => {
      if (index > 0) links.push(text(', '));
      links.push({ type: 'link', url: link.href, children: [text(link.label)] });
    });
    blocks.push(paragraph(links, 'glossary-uses'));
  }
  return blocks;
}

function element(
  tagName: string,
  properties: Record<string, unknown>,
  children: RootContent[],
): BlockContent {
  // An mdast node that remark-rehype turns into `tagName` (through `data.hName`).
  return {
    type: `glossary-${tagName}`,
    children,
    data: { hName: tagName, hProperties: properties },
  } as unknown as BlockContent;
}

function paragraph(children: PhrasingContent[], className?: string): BlockContent {
  return {
    type: 'paragraph',
    children,
    ...(className ? { data: { hProperties: { className: [className] } } } : {}),
  };
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Give a generated subtree one position (the block's), so messages about it point there. */
function setPosition(node: RootContent, position: Position | undefined): void {
  const stack: RootContent[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (position) current.position = position;
    else delete current.position;
    if ('children' in current)
      for (const child of current.children) stack.push(child as RootContent);
  }
}
