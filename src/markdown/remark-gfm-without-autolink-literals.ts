import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/**
 * GFM (footnotes, strikethrough, tables, task lists) without autolink literals (bare
 * `https://…`, `www.…` and e-mail addresses turned into links), for parsing text that has
 * none. The autolink literal constructs are tried at every letter and digit, and a transform
 * searches every text node afterwards: about a third of the parse time of prose. The parts are
 * the ones remark-gfm adds, in the same order.
 */
export default function remarkGfmWithoutAutolinkLiterals(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(
    gfmFootnote(),
    gfmStrikethrough(),
    gfmTable(),
    gfmTaskListItem(),
  );
  (data.fromMarkdownExtensions ??= []).push([
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  ]);
}

/**
 * Whether a tree parsed without autolink literals may have missed one: some text holds what
 * starts a URL (`http://`, `https://`, `www.`) or an e-mail address (`name@domain.tld`, and
 * GFM also takes `name@.tld`; this covers `mailto:` and `xmpp:` too). Text values are checked after escapes and
 * character references are resolved, and any such text counts, so the answer is "no" only
 * when GFM would find no autolink literal either: then both parses give the same tree.
 */
export function mayHoldAutolinkLiteral(tree: Root): boolean {
  const stack: { type: string; value?: unknown; children?: unknown[] }[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' && typeof node.value === 'string' && candidate.test(node.value))
      return true;
    if (node.children) for (const child of node.children) stack.push(child as { type: string });
  }
  return false;
}

const candidate = /https?:\/\/|www\.|[\w+\-.]@[\w.-]*\./i;
