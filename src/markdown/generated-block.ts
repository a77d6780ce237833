/**
 * A block the project generates (`::roadmap`, `::bibliography`, `::recommendations`) travels
 * through the chapter's trees as ready hast: in mdast as a {@link GeneratedBlock} node, which
 * remark-rehype passes on unchanged ({@link generatedBlockHandler}), past `rehype-raw` (which
 * re-parses only authors' raw HTML) and past `rehype-safe-html` (which filters only what
 * authors wrote), until {@link rehypeUnfoldGeneratedBlocks} puts its content in place. So the
 * project's own markup is never serialised, re-parsed or sanitised before the one serialiser
 * (`rehype-stringify`) writes the page.
 */
import type { ElementContent, Parents, Root as HastRoot } from 'hast';
import type { Node } from 'unist';
import { SKIP, visit } from 'unist-util-visit';

/** Node type of a generated block, in mdast and (until unfolded) in hast. */
export const generatedBlockType = 'generatedBlock';

/**
 * A generated block. Its hast is in `content`, not in `children`, so that tree walkers of the
 * Markdown side (and the raw-HTML sanitiser) do not step into it.
 */
export interface GeneratedBlock extends Node {
  type: typeof generatedBlockType;
  content: ElementContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    generatedBlock: GeneratedBlock;
  }
  interface BlockContentMap {
    generatedBlock: GeneratedBlock;
  }
}

/** The mdast node of a generated block. */
export function generatedBlock(content: ElementContent[]): GeneratedBlock {
  return { type: generatedBlockType, content };
}

/**
 * remark-rehype handler: keep the node as it is (its hast is final). The return type is
 * remark-rehype's; the node is not one of hast's own types, which is why later steps skip it.
 */
export function generatedBlockHandler(_state: unknown, node: GeneratedBlock): ElementContent {
  // Not a hast node type on purpose (see above); rehype-raw is told to pass it through.
  return { type: generatedBlockType, content: node.content } as unknown as ElementContent;
}

/** Replace every generated block in a hast tree by its content. */
export function rehypeUnfoldGeneratedBlocks() {
  return (tree: HastRoot) => {
    visit(tree, (node, index, parent: Parents | undefined) => {
      if ((node.type as string) !== generatedBlockType || !parent || index === undefined)
        return undefined;
      // Cast: a node of type `generatedBlock` is a GeneratedBlock (generated-block.ts).
      parent.children.splice(index, 1, ...(node as unknown as GeneratedBlock).content);
      return [SKIP, index + (node as unknown as GeneratedBlock).content.length];
    });
  };
}
