import type { Root } from 'mdast';
import { parseMarkdown } from './processor.ts';

/**
 * Parsed chapters kept between assemblies of one long-lived process (the dev server's content
 * loader), keyed by the chapter's text: an edit re-parses only the chapter that changed. The
 * stages transform the trees they are given, so every hit is a deep copy of the kept tree
 * (copying is about twenty times cheaper than parsing). A tree not asked for during an assembly
 * is dropped after it (see {@link ParseCache.sweep}), so the cache holds one project's chapters.
 */
export class ParseCache {
  readonly #trees = new Map<string, Root>();
  #used = new Set<string>();

  parse(markdown: string): Root {
    this.#used.add(markdown);
    const kept = this.#trees.get(markdown);
    if (kept) return structuredClone(kept);
    const tree = parseMarkdown(markdown);
    this.#trees.set(markdown, structuredClone(tree));
    return tree;
  }

  /** Forget the trees that the last assembly did not ask for. */
  sweep(): void {
    for (const key of this.#trees.keys()) if (!this.#used.has(key)) this.#trees.delete(key);
    this.#used = new Set();
  }

  get size(): number {
    return this.#trees.size;
  }
}
