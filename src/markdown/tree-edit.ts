import type { Parent, RootContent } from 'mdast';

/**
 * Replace `count` children of `parent` from `index` with `nodes`. mdast gives each kind of
 * parent its own children type (a paragraph holds only phrasing content), so a plugin that
 * puts a node back where one of the same kind was, or unwraps a container into its parent,
 * would need a cast at each edit; taken as a plain `Parent` here, none is needed.
 */
export function replaceChildren(
  parent: Parent,
  index: number,
  count: number,
  ...nodes: RootContent[]
): void {
  parent.children.splice(index, count, ...nodes);
}
