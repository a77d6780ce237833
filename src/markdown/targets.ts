import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { didYouMean } from '../util/did-you-mean.ts';

/** What a cross-reference can point at. */
export type TargetKind = 'chapter' | 'section' | 'figure' | 'table' | 'recommendation' | 'term';

/** A referencable place in a document. */
export interface Target {
  documentId: string;
  id: string;
  kind: TargetKind;
  /** "Section", "Figure", "Priority", … */
  label: string;
  /** "3.2", "A.1", "P3"; empty for unnumbered targets. */
  number: string;
  /** Heading text, caption or recommendation title (plain text). */
  title: string;
  /** Id of the chapter holding the target. */
  chapterId: string;
  /** Site path of the chapter page plus fragment: `/srida/introduction/#scope`. */
  href: string;
  file: VFile;
  position?: Position;
}

/** All targets of all documents, keyed `document#id`. */
export class TargetRegistry {
  readonly #targets = new Map<string, Target>();

  /** Add a target; returns the one already registered under the same key, if any. */
  add(target: Target): Target | undefined {
    const key = `${target.documentId}#${target.id}`;
    const existing = this.#targets.get(key);
    if (existing) return existing;
    this.#targets.set(key, target);
    return undefined;
  }

  get(documentId: string, id: string): Target | undefined {
    return this.#targets.get(`${documentId}#${id}`);
  }

  /** Resolve `doc#id` or `#id` (relative to `fromDocument`). */
  resolve(reference: string, fromDocument: string): Target | undefined {
    const { documentId, id } = splitReference(reference, fromDocument);
    return this.get(documentId, id);
  }

  /** Closest existing id in the same document, for a did-you-mean hint. */
  suggest(reference: string, fromDocument: string): string | undefined {
    const { documentId, id } = splitReference(reference, fromDocument);
    const ids = [...this.#targets.values()]
      .filter((t) => t.documentId === documentId)
      .map((t) => t.id);
    const best = didYouMean(id, ids);
    if (!best) return undefined;
    return documentId === fromDocument ? `#${best}` : `${documentId}#${best}`;
  }

  /** Targets of one document in registration (reading) order. */
  ofDocument(documentId: string): Target[] {
    return [...this.#targets.values()].filter((t) => t.documentId === documentId);
  }
}

/** `blueprint#data` → { blueprint, data }; `#data` → { fromDocument, data }. */
export function splitReference(
  reference: string,
  fromDocument: string,
): { documentId: string; id: string } {
  const hash = reference.indexOf('#');
  if (hash <= 0) return { documentId: fromDocument, id: reference.slice(hash + 1) };
  return { documentId: reference.slice(0, hash), id: reference.slice(hash + 1) };
}
