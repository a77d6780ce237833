/**
 * Problem markers for the live preview (`npm run dev`): each message of a chapter is shown in
 * the page where it is, as a visible marker with its text and `file:line:column`, so that a
 * broken cross-reference is not an invisible empty link. Only the dev server asks for them
 * (`AssembleOptions.markProblems`); a production build never contains markers, since
 * `srida build` fails on errors instead.
 */
import type { Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { replaceChildren } from './tree-edit.ts';

/** Class of every marker (styled by the site's global CSS). */
export const problemMarkerClass = 'srida-problem';

const inlineParents = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'link']);

/** Insert a marker for every positioned message of `file` into its chapter's tree. */
export function insertProblemMarkers(tree: Root, file: VFile): void {
  const messages = (file.messages as VFileMessage[]).filter((m) => m.line !== undefined);
  const unplaced: VFileMessage[] = [];
  for (const message of messages) {
    const found = findNode(tree, message.line!, message.column ?? 1);
    if (!found) {
      unplaced.push(message);
      continue;
    }
    const { parent, index } = found;
    const inline = inlineParents.has(parent.type);
    const marker = inline ? inlineMarker(message, file) : blockMarker([message], file);
    // Inline: right after the node it is about; a block: before the block.
    replaceChildren(parent, inline ? index + 1 : index, 0, marker);
  }
  // Messages about the front matter (or lines the tree does not cover) open the page.
  if (unplaced.length > 0) tree.children.unshift(blockMarker(unplaced, file));
}

/** The deepest node that starts at (or, failing that, contains) the message's line. */
function findNode(
  tree: Root,
  line: number,
  column: number,
): { parent: Parent; index: number } | undefined {
  let best: { parent: Parent; index: number; depth: number; exact: boolean } | undefined;
  const stack: { node: Parent; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    node.children.forEach((child: RootContent, index) => {
      const position = child.position;
      if (!position) return;
      if (position.start.line > line || position.end.line < line) return;
      const exact = position.start.line === line && position.start.column === column;
      if (!best || (exact && !best.exact) || (exact === best.exact && depth >= best.depth))
        best = { parent: node, index, depth, exact };
      if ('children' in child) stack.push({ node: child as Parent, depth: depth + 1 });
    });
  }
  return best;
}

function label(message: VFileMessage, file: VFile): string {
  const severity = message.fatal ? 'error' : 'warning';
  return `${file.path}:${message.line}:${message.column ?? 1} ${severity} [${message.ruleId ?? 'unknown'}]`;
}

function inlineMarker(message: VFileMessage, file: VFile): RootContent {
  return {
    type: 'text',
    value: '',
    data: {
      hName: 'mark',
      hProperties: {
        className: [
          problemMarkerClass,
          `${problemMarkerClass}-${message.fatal ? 'error' : 'warning'}`,
        ],
        role: 'note',
      },
      hChildren: [
        { type: 'text', value: `⚠ ${message.reason} ` },
        {
          type: 'element',
          tagName: 'code',
          properties: {},
          children: [{ type: 'text', value: label(message, file) }],
        },
      ],
    },
  };
}

function blockMarker(messages: readonly VFileMessage[], file: VFile): RootContent {
  return {
    type: 'paragraph',
    children: [],
    data: {
      hName: 'div',
      hProperties: { className: [problemMarkerClass, `${problemMarkerClass}-block`], role: 'note' },
      hChildren: messages.map((message) => ({
        type: 'element',
        tagName: 'p',
        properties: {},
        children: [
          { type: 'text', value: `⚠ ${message.reason} ` },
          {
            type: 'element',
            tagName: 'code',
            properties: {},
            children: [{ type: 'text', value: label(message, file) }],
          },
          ...(message.note ? [{ type: 'text' as const, value: ` — ${message.note}` }] : []),
        ],
      })),
    },
  } as RootContent;
}
