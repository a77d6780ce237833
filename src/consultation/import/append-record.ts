/**
 * Appending comments to a record's text without parsing and writing the whole document again:
 * possible when `comments` is the record's last top-level key and a block sequence (or `[]`),
 * as `srida consult import` writes it. The new text is read back and must hold exactly the old
 * comments and then the new ones; otherwise (a record the editors laid out differently) the
 * caller falls back to editing the YAML document.
 */
import { isDeepStrictEqual } from 'node:util';
import { dumpItems, loadFast } from '../yaml-fast.ts';

/** The text with `items` appended to its `comments`, or undefined when that is not safe. */
export function appendComments(
  text: string,
  before: readonly unknown[],
  items: readonly Record<string, unknown>[],
): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^comments:\s*(\[\s*\])?\s*(#.*)?$/.test(line));
  if (start < 0) return undefined;
  if (lines.slice(start + 1).some((line) => /^[^\s#-]/.test(line))) return undefined;
  const empty = /\[\s*\]/.test(lines[start]!);
  const first = lines.slice(start + 1).find((line) => /^\s*- /.test(line));
  const indent = empty || !first ? '  ' : /^(\s*)- /.exec(first)![1]!;
  if (empty) lines[start] = 'comments:';
  let head = lines.join('\n');
  if (!head.endsWith('\n')) head += '\n';
  const result = head + dumpItems(items, indent);
  const check = loadFast(result) as { comments?: unknown } | undefined;
  const comments = check?.comments;
  if (!Array.isArray(comments) || comments.length !== before.length + items.length)
    return undefined;
  const normalised = JSON.parse(JSON.stringify(items)) as unknown[];
  return isDeepStrictEqual(comments.slice(before.length), normalised) ? result : undefined;
}
