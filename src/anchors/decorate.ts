/**
 * Put a block's anchor into its tree: the `id` of the element that renders it,
 * and, where asked, the block's reference in the margin and its "Comment" link.
 */
import type { Paragraph, Parent, PhrasingContent, RootContent } from 'mdast';
import type { FoundBlock } from './blocks.ts';

/** What to show beside a block. */
export interface Decoration {
  anchor: string;
  ref: string;
  /** Show the reference in the margin (drafts, by default). */
  showRef: boolean;
  /** The "Comment on this paragraph" link, when a consultation is open. */
  commentHref?: string;
}

type WithData = { data?: { hName?: string; hProperties?: Record<string, unknown> } };

function setProperties(node: WithData, properties: Record<string, unknown>): void {
  const data = (node.data ??= {});
  data.hProperties = { ...(data.hProperties ?? {}), ...properties };
}

/** Decorate one block in place (a bare table is wrapped in a `div` that carries the id). */
export function decorateBlock(block: FoundBlock, decoration: Decoration): void {
  const { anchor } = decoration;
  let carrier = block.node as RootContent & WithData;
  if (block.kind === 'table' && carrier.type === 'table') {
    // Cast: an mdast node that remark-rehype renders through `data.hName`/`hChildren`, holding
    // content mdast's types do not allow there (hast elements, blocks in a paragraph).
    const wrapper = {
      type: 'blockquote',
      data: { hName: 'div', hProperties: { className: ['table-block'] } },
      children: [carrier],
    } as unknown as RootContent & WithData;
    const siblings = block.parent.children as RootContent[];
    siblings.splice(siblings.indexOf(carrier), 1, wrapper);
    carrier = wrapper;
  }
  const existing = carrier.data?.hProperties?.id;
  if (typeof existing !== 'string') setProperties(carrier, { id: anchor });
  const tools = toolsOf(decoration);
  if (tools.length === 0) return;
  const host = hostParagraph(carrier);
  if (host) host.children.unshift(...tools);
  else
    // Cast: a block the anchors stage decorates is a parent (a list item, quote, callout).
    (carrier as unknown as Parent).children.unshift({
      type: 'paragraph',
      data: { hName: 'div', hProperties: { className: ['block-tools-host'] } },
      children: tools,
    } as Paragraph);
}

/** The paragraph the tools go into: the block itself, or its first paragraph (a caption, a title). */
function hostParagraph(node: RootContent): Paragraph | undefined {
  if (node.type === 'paragraph') return node;
  if (!('children' in node)) return undefined;
  const children = node.children as RootContent[];
  const caption = children.find(
    (child) => child.type === 'paragraph' && (child as WithData).data?.hName === 'figcaption',
  );
  if (caption) return caption as Paragraph;
  const first = children[0];
  return first?.type === 'paragraph' && !(first as WithData).data?.hName ? first : undefined;
}

/** The margin reference and the comment link, as inline nodes (one `span.block-tools`). */
function toolsOf(decoration: Decoration): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  if (decoration.showRef)
    parts.push({
      type: 'text',
      value: decoration.ref,
      data: { hName: 'span', hProperties: { className: ['block-ref'] } },
    } as PhrasingContent);
  if (decoration.commentHref)
    parts.push({
      type: 'link',
      url: decoration.commentHref,
      data: { hProperties: { className: ['block-comment'] } },
      children: [
        { type: 'text', value: 'Comment' },
        {
          type: 'text',
          value: ` on paragraph ${decoration.ref}`,
          data: { hName: 'span', hProperties: { className: ['visually-hidden'] } },
        } as PhrasingContent,
      ],
    });
  if (parts.length === 0) return [];
  return [
    {
      type: 'emphasis',
      data: {
        hName: 'span',
        hProperties: { className: ['block-tools'], dataPagefindIgnore: '' },
      },
      children: parts,
    } as PhrasingContent,
  ];
}
