/**
 * Mark a chapter's uses of the glossary: every defined abbreviation becomes `<abbr>` with its
 * expansion; the first in the chapter's body text is also expanded in full ("authentication and
 * authorisation infrastructure (AAI)") unless the author wrote it so; the first use of a term
 * links to its glossary entry, with the definition shown on hover and focus. `:plain[…]` keeps
 * its words as they are.
 */
import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Point } from 'unist';
import type { Use, UseFinder } from './find-uses.ts';
import { termTargetId, type GlossaryEntry } from './types.ts';
import { replaceChildren } from '../markdown/tree-edit.ts';

/** Where an entry is first used in a chapter (for the glossary's back-links). */
export interface FirstUse {
  entry: GlossaryEntry;
  /** Id of the element at the first use. */
  id: string;
}

/** A capitalised word that looks like an abbreviation but is not defined. */
export interface UndefinedUse {
  text: string;
  place: Point;
}

/** What marking one chapter found. */
export interface ChapterUses {
  firstUses: FirstUse[];
  /** Entries referenced with `[](#term-…)` (they count as used even if never written). */
  referenced: Set<string>;
  undefinedUses: UndefinedUse[];
}

/** Options of {@link markChapter}. */
export interface MarkOptions {
  finder: UseFinder;
  /** Entries by id (for `[](#term-…)` links). */
  entries: ReadonlyMap<string, GlossaryEntry>;
  chapterId: string;
  /** Plain text of each entry's definition (or expansion), for the tooltips. */
  tipText(entry: GlossaryEntry): string;
  /** Whether this document has a glossary to link terms to. */
  linkTerms: boolean;
}

/** Nodes whose text is never marked. */
const opaque = new Set([
  'heading',
  'code',
  'inlineCode',
  'html',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'definition',
  'citation',
  'leafDirective',
  'yaml',
]);

interface Frame {
  parent: Parent;
  /** The next child to visit. */
  index: number;
  /** Abbreviations are marked but not expanded, terms not linked (captions, table cells). */
  compact: boolean;
}

/** Mark one chapter's tree in place; returns the uses found. */
export function markChapter(tree: Root, options: MarkOptions): ChapterUses {
  const uses: ChapterUses = { firstUses: [], referenced: new Set(), undefinedUses: [] };
  const seen = new Set<string>();
  /** Entries whose expansion the reader has seen in this chapter (ours or the author's). */
  const expanded = new Set<string>();
  let tips = 0;
  const firstUseId = (entry: GlossaryEntry) => `glossary-use-${entry.id}-${options.chapterId}`;

  const replacement = (use: Use, text: Text, compact: boolean, atSentenceStart: boolean) => {
    const entry = use.entry!;
    const first = !seen.has(entry.id);
    const id = first ? firstUseId(entry) : undefined;
    if (first) {
      seen.add(entry.id);
      uses.firstUses.push({ entry, id: id! });
    }
    if (use.kind === 'abbreviation') {
      const abbr = abbrNode(use.text, entry, id);
      const before = text.value.slice(0, use.start);
      const after = text.value.slice(use.end);
      const writtenOut = /\(\s*$/.test(before) || hasExpansionBefore(before, entry);
      if (writtenOut && !compact) expanded.add(entry.id);
      if (expanded.has(entry.id) || compact || !expandable(before, after, atSentenceStart))
        return [abbr];
      expanded.add(entry.id);
      const expansion =
        (use.plural ? entry.expansionPlural : undefined) ??
        (use.plural ? `${entry.expansion}s` : entry.expansion!);
      const lead = atSentenceStart ? capitalise(expansion) : expansion;
      return [
        { type: 'text', value: `${lead} (` } as Text,
        abbr,
        { type: 'text', value: ')' } as Text,
      ];
    }
    if (!first) return [{ type: 'text', value: use.text } as Text];
    // Not linked here (a caption, a table cell, no glossary): the first use still carries the
    // id the glossary links back to.
    if (compact || !options.linkTerms) return [useNode(use.text, id!)];
    const tipId = `glossary-tip-${options.chapterId}-${++tips}`;
    return [
      {
        type: 'link',
        url: `#${termTargetId(entry)}`,
        children: [{ type: 'text', value: use.text }],
        data: { hProperties: { id, className: ['glossary-term'], ariaDescribedBy: [tipId] } },
      } as PhrasingContent,
      tipNode(tipId, options.tipText(entry)),
    ];
  };

  const markText = (text: Text, parent: Parent, index: number, compact: boolean) => {
    const found = options.finder.find(text.value);
    if (found.length === 0) return 0;
    const pieces: PhrasingContent[] = [];
    let last = 0;
    for (const use of found) {
      if (use.kind === 'undefined-abbreviation') {
        uses.undefinedUses.push({ text: use.text, place: placeIn(text, use.start) });
        continue;
      }
      if (use.start > last) pieces.push({ type: 'text', value: text.value.slice(last, use.start) });
      const sentenceStart = atSentenceStart(text.value.slice(0, use.start), index === 0);
      pieces.push(...(replacement(use, text, compact, sentenceStart) as PhrasingContent[]));
      last = use.end;
    }
    if (pieces.length === 0) return 0;
    if (last < text.value.length) pieces.push({ type: 'text', value: text.value.slice(last) });
    replaceChildren(parent, index, 1, ...pieces);
    return pieces.length;
  };

  // Iterative, in document order (first uses are first in reading order): chapters from pull
  // requests may nest deeply.
  const stack: Frame[] = [{ parent: tree, index: 0, compact: false }];
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const { parent, compact } = frame;
    if (frame.index >= parent.children.length) {
      stack.pop();
      continue;
    }
    const index = frame.index++;
    const child = parent.children[index] as Nodes;
    if (child.type === 'text') {
      const added = markText(child, parent, index, compact);
      if (added > 0) frame.index = index + added;
    } else if (child.type === 'textDirective' && child.name === 'plain') {
      replaceChildren(parent, index, 1, ...child.children);
      frame.index = index + child.children.length;
    } else if (child.type === 'link' && /^(?:[a-z][a-z0-9-]*)?#term-/.test(child.url)) {
      const entry = options.entries.get(child.url.slice(child.url.indexOf('#term-') + 6));
      if (!entry) continue;
      uses.referenced.add(entry.id);
      // A reference written by the author: the definition on hover and focus, as for a term
      // linked at its first use; the first one is where the glossary links back to.
      const tipId = `glossary-tip-${options.chapterId}-${++tips}`;
      const properties: { ariaDescribedBy: string[]; id?: string } = { ariaDescribedBy: [tipId] };
      if (!seen.has(entry.id)) {
        seen.add(entry.id);
        properties.id = firstUseId(entry);
        uses.firstUses.push({ entry, id: firstUseId(entry) });
      }
      const data = (child.data ??= {});
      data.hProperties = { ...data.hProperties, ...properties };
      replaceChildren(parent, index + 1, 0, tipNode(tipId, options.tipText(entry)));
      frame.index = index + 2;
    } else if ('children' in child && !opaque.has(child.type) && child.type !== 'textDirective') {
      const inner = compact || isCaption(child) || child.type === 'tableCell';
      stack.push({ parent: child as Parent, index: 0, compact: inner });
    }
  }
  return uses;
}

function abbrNode(text: string, entry: GlossaryEntry, id: string | undefined): PhrasingContent {
  // Cast: an mdast node that remark-rehype renders through `data.hName`/`hChildren`, holding
  // content mdast's types do not allow there (hast elements, blocks in a paragraph).
  return {
    type: 'glossaryAbbr',
    children: [{ type: 'text', value: text }],
    data: {
      hName: 'abbr',
      hProperties: { title: entry.expansion, className: ['glossary-abbr'], ...(id ? { id } : {}) },
    },
  } as unknown as PhrasingContent;
}

/** A term's first use that is not a link: a span with the id the glossary links back to. */
function useNode(text: string, id: string): PhrasingContent {
  return {
    type: 'glossaryUse',
    children: [{ type: 'text', value: text }],
    data: { hName: 'span', hProperties: { id, className: ['glossary-use'] } },
  } as unknown as PhrasingContent;
}

/** A tooltip element that exists only in the HTML (no text for `toString`). */
function tipNode(id: string, text: string): PhrasingContent {
  return {
    type: 'glossaryTip',
    data: {
      hName: 'span',
      hProperties: { id, role: 'tooltip', className: ['glossary-tip'] },
      hChildren: [{ type: 'text', value: text }],
    },
  } as unknown as PhrasingContent;
}

function isCaption(node: Nodes): boolean {
  const name = (node.data as { hName?: string } | undefined)?.hName;
  return name === 'figcaption' || name === 'caption';
}

/** Whether the author wrote the expansion right before (`… infrastructure AAI`) — rare, but kept. */
function hasExpansionBefore(before: string, entry: GlossaryEntry): boolean {
  const expansion = entry.expansion?.toLowerCase();
  return expansion !== undefined && before.toLowerCase().trimEnd().endsWith(expansion);
}

/**
 * Whether a use may be expanded where it stands: not inside a name ("the Worldwide LHC Computing
 * Grid", "AARC Blueprint Architecture": a capitalised word after it, or before it mid-sentence),
 * and not as a possessive ("SRIDA's"), which reads badly expanded; a later use is expanded then.
 */
function expandable(before: string, after: string, sentenceStart: boolean): boolean {
  if (/^['’]s\b/.test(after)) return false;
  if (/^\s+\p{Lu}/u.test(after)) return false;
  const previous = /(\S+)\s+$/.exec(before)?.[1];
  if (previous && /^\p{Lu}/u.test(previous) && !sentenceStart && !/[.!?:]$/.test(previous)) {
    const beforePrevious = before.slice(0, before.lastIndexOf(previous));
    if (!/(^|[.!?]\s+)$/.test(beforePrevious)) return false;
  }
  return true;
}

function atSentenceStart(before: string, firstChild: boolean): boolean {
  return before.trim() === '' ? firstChild : /[.!?]\s+$/.test(before);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The source point of an offset in a text node (exact for text written without escapes). */
function placeIn(text: Text, offset: number): Point {
  const start = text.position?.start ?? { line: 1, column: 1 };
  const before = text.value.slice(0, offset);
  const lines = before.split('\n');
  if (lines.length === 1) return { line: start.line, column: start.column + offset };
  return { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}
