/**
 * The addressable blocks of a chapter: paragraphs, list items, block quotes, tables, figures,
 * recommendations, footnotes and callouts, in reading order, each with its source text, its
 * explicit id (if any) and its human reference ("4.2 ¶3").
 *
 * A block is the outermost unit a reader cites: a callout, quote, figure, table, recommendation
 * or footnote is one block with everything inside it; a list item is one block (its nested lists'
 * items are blocks of their own); a paragraph is a block where it stands in the chapter's flow.
 */
import type { Heading, Nodes, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Kinds of blocks (the record's `kind`). */
export type BlockKind =
  'paragraph' | 'item' | 'quote' | 'table' | 'figure' | 'recommendation' | 'footnote' | 'callout';

/** One addressable block of a chapter. */
export interface FoundBlock {
  kind: BlockKind;
  chapterId: string;
  /** The node that carries the id (a footnote's first paragraph carries it for the footnote). */
  node: RootContent;
  parent: Parent;
  /** The block's Markdown source (what the matcher compares). */
  text: string;
  /** `{#id}` of a paragraph or list item, or the id of a figure, table or recommendation. */
  explicit?: string;
  /** "4.2 ¶3": the clause (section number) and the block's place in it. */
  ref: string;
}

const explicitId = /\s*\{#([A-Za-z][A-Za-z0-9_-]*)\}\s*$/;

/**
 * Take a trailing `{#id}` off a paragraph (the attribute must end its last text node), returning
 * the id.
 */
export function takeParagraphId(paragraph: Paragraph): string | undefined {
  const last = paragraph.children.at(-1);
  if (!last || last.type !== 'text') return undefined;
  const match = explicitId.exec((last as Text).value);
  if (!match) return undefined;
  (last as Text).value = (last as Text).value.slice(0, match.index);
  if ((last as Text).value === '') paragraph.children.pop();
  return match[1];
}

/** What a chapter is, for the clauses of its references. */
export interface ChapterInfo {
  id: string;
  /** "4", "A", or "" for an unnumbered (front matter) chapter. */
  number: string;
  title: string;
  /** The chapter's Markdown (front matter blanked: offsets are the tree's). */
  markdown: string;
}

/** Collect the blocks of one chapter, in reading order. */
export function collectBlocks(tree: Root, chapter: ChapterInfo): FoundBlock[] {
  const found: FoundBlock[] = [];
  let clause = chapter.number || chapter.title;
  let count = 0;
  const source = (node: Nodes): string => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start !== undefined && end !== undefined
      ? chapter.markdown.slice(start, end)
      : toString(node);
  };
  const add = (block: Omit<FoundBlock, 'ref' | 'chapterId'>) => {
    found.push({ ...block, chapterId: chapter.id, ref: `${clause} ¶${++count}` });
  };
  const walk = (parent: Parent) => {
    for (const node of parent.children as RootContent[]) {
      switch (node.type) {
        case 'heading': {
          const number = sectionNumber(node);
          if (number) {
            clause = number;
            count = 0;
          }
          break;
        }
        case 'paragraph': {
          const explicit = takeParagraphId(node);
          add({ kind: 'paragraph', node, parent, text: source(node), explicit });
          break;
        }
        case 'list':
          for (const item of node.children) {
            const first = item.children[0];
            const explicit = first?.type === 'paragraph' ? takeParagraphId(first) : undefined;
            const own = item.children.filter((child) => child.type !== 'list');
            add({
              kind: 'item',
              node: item,
              parent: node,
              text: own.map((child) => source(child)).join('\n'),
              explicit,
            });
            for (const child of item.children)
              if (child.type === 'list') walk({ ...item, children: [child] } as Parent);
          }
          break;
        case 'blockquote':
          add({
            kind: blockquoteKind(node),
            node,
            parent,
            text: source(node),
            explicit: idOf(node),
          });
          break;
        case 'table':
          add({ kind: 'table', node, parent, text: source(node) });
          break;
        case 'footnoteDefinition': {
          const first = node.children.find((child) => child.type === 'paragraph');
          if (first) add({ kind: 'footnote', node: first, parent: node, text: source(node) });
          break;
        }
        case 'containerDirective':
          walk(node);
          break;
        default:
          break;
      }
    }
  };
  walk(tree);
  return found;
}

/** "4.2" of a numbered heading (its `secno` span), or undefined. */
function sectionNumber(heading: Heading): string | undefined {
  const first = heading.children[0];
  const className = (first?.data as { hProperties?: { className?: unknown } } | undefined)
    ?.hProperties?.className;
  return first?.type === 'text' && Array.isArray(className) && className.includes('secno')
    ? first.value
    : undefined;
}

interface HData {
  hName?: string;
  hProperties?: { id?: unknown; className?: unknown };
}

function classesOf(node: Nodes): string[] {
  const className = (node.data as HData | undefined)?.hProperties?.className;
  return Array.isArray(className) ? (className as string[]) : [];
}

function idOf(node: Nodes): string | undefined {
  const id = (node.data as HData | undefined)?.hProperties?.id;
  return typeof id === 'string' ? id : undefined;
}

/** A blockquote node is a quote, or a figure, table, recommendation or callout made by numbering. */
function blockquoteKind(node: Nodes): BlockKind {
  const classes = classesOf(node);
  if (classes.includes('table-figure')) return 'table';
  if (classes.includes('figure')) return 'figure';
  if (classes.includes('recommendation')) return 'recommendation';
  if (classes.includes('callout')) return 'callout';
  return 'quote';
}
