import type { Heading, Text } from 'mdast';

const explicitId = /\s*\{#([A-Za-z0-9_][A-Za-z0-9_-]*)\}\s*$/;

/**
 * Take a trailing `{#id}` off a heading, returning the id (or undefined when there is none).
 * The attribute must be at the end of the heading's last text node.
 */
export function takeExplicitId(heading: Heading): string | undefined {
  const last = heading.children.at(-1);
  if (!last || last.type !== 'text') return undefined;
  const match = explicitId.exec((last as Text).value);
  if (!match) return undefined;
  (last as Text).value = (last as Text).value.slice(0, match.index);
  if ((last as Text).value === '') heading.children.pop();
  return match[1];
}

/** GitHub-style slug of heading text: lower case, letters/digits kept, spaces to dashes. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s+/g, '-')
      .replace(/-+/g, '-') || 'section'
  );
}

/** A slug not yet used in the document: `slug`, `slug-1`, `slug-2`, … */
export function uniqueSlug(base: string, used: Set<string>): string {
  let candidate = base;
  for (let n = 1; used.has(candidate); n++) candidate = `${base}-${n}`;
  used.add(candidate);
  return candidate;
}
