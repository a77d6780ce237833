/**
 * The anchor engine: give the blocks of one document their anchors, carrying each anchor of the
 * previous state to the block it belongs to now. Pure: state and blocks in, anchors and the next
 * state out (docs/anchors.md).
 *
 * 1. Exact text: a block whose normalised text equals a live entry's text takes its anchor
 *    (several equal texts: the entry of the same chapter first, then in anchor order).
 * 2. Similar text: among what is left, a block and an entry whose word sets overlap enough
 *    (Jaccard ≥ {@link similarityThreshold}; short blocks need more) pair up, best pairs first.
 * 3. A block left over gets a new anchor; an entry left over is retired, and a retired anchor is
 *    never given to another block.
 */
import { newAnchor } from './anchor-id.ts';
import { normaliseText, overlap, wordSet } from './text.ts';

/** One block of the current text, in document order. */
export interface MatchBlock {
  chapterId: string;
  /** The block's source text (normalised here). */
  text: string;
}

/** One line of the state file. */
export interface StateEntry {
  anchor: string;
  chapter: string;
  text: string;
  /** The block was deleted: the anchor stays reserved, never reused. */
  retired?: true;
}

/** How each anchor was decided, for the benchmark and for tests. */
export type MatchHow = 'exact' | 'similar' | 'new';

export interface MatchResult {
  /** The anchor of each block, in the order of the blocks given. */
  anchors: string[];
  how: MatchHow[];
  /** The next state, sorted by anchor. */
  state: StateEntry[];
}

/** Jaccard similarity of word sets above which an edited block keeps its anchor. */
export const similarityThreshold = 0.45;
/** Blocks with fewer distinct words than this need {@link shortThreshold}. */
const shortWords = 8;
const shortThreshold = 0.65;

/** Whether an edited block and an old entry are close enough to share an anchor. */
export function similarEnough(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = overlap(a, b);
  if (shared === 0) return 0;
  const score = shared / (a.size + b.size - shared);
  const threshold = Math.min(a.size, b.size) < shortWords ? shortThreshold : similarityThreshold;
  return score >= threshold ? score : 0;
}

/**
 * Anchors for `blocks` given the previous `state`. `reserved` holds ids that a new anchor must
 * not take (explicit ids, headings).
 */
export function matchAnchors(
  documentId: string,
  state: readonly StateEntry[],
  blocks: readonly MatchBlock[],
  reserved: ReadonlySet<string> = new Set(),
): MatchResult {
  const texts = blocks.map((block) => normaliseText(block.text));
  const anchors: (string | undefined)[] = blocks.map(() => undefined);
  const how: MatchHow[] = blocks.map(() => 'new');
  const live = state.filter((entry) => !entry.retired);
  const used = new Set<StateEntry>();

  // 1. Exact text.
  const byText = new Map<string, StateEntry[]>();
  for (const entry of [...live].sort((a, b) => compare(a.anchor, b.anchor))) {
    const key = normaliseText(entry.text);
    const list = byText.get(key);
    if (list) list.push(entry);
    else byText.set(key, [entry]);
  }
  blocks.forEach((block, index) => {
    const list = byText.get(texts[index]!);
    if (!list || list.length === 0) return;
    const at = Math.max(
      0,
      list.findIndex((entry) => entry.chapter === block.chapterId),
    );
    const [entry] = list.splice(at, 1);
    anchors[index] = entry!.anchor;
    how[index] = 'exact';
    used.add(entry!);
  });

  // 2. Similar text, through an index of the words of the entries left.
  const open = live.filter((entry) => !used.has(entry));
  const openWords = open.map((entry) => wordSet(entry.text));
  const postings = new Map<string, number[]>();
  openWords.forEach((words, e) => {
    for (const word of words) {
      const list = postings.get(word);
      if (list) list.push(e);
      else postings.set(word, [e]);
    }
  });
  const pairs: { score: number; block: number; entry: number; sameChapter: boolean }[] = [];
  blocks.forEach((block, index) => {
    if (anchors[index] !== undefined) return;
    const words = wordSet(texts[index]!);
    const candidates = new Set<number>();
    for (const word of words) for (const e of postings.get(word) ?? []) candidates.add(e);
    for (const e of candidates) {
      const score = similarEnough(words, openWords[e]!);
      if (score > 0)
        pairs.push({
          score,
          block: index,
          entry: e,
          sameChapter: open[e]!.chapter === block.chapterId,
        });
    }
  });
  pairs.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.sameChapter) - Number(a.sameChapter) ||
      a.block - b.block ||
      compare(open[a.entry]!.anchor, open[b.entry]!.anchor),
  );
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (anchors[pair.block] !== undefined || taken.has(pair.entry)) continue;
    anchors[pair.block] = open[pair.entry]!.anchor;
    how[pair.block] = 'similar';
    taken.add(pair.entry);
    used.add(open[pair.entry]!);
  }

  // 3. New anchors; retire what is left.
  const ever = new Set<string>([...reserved, ...state.map((entry) => entry.anchor)]);
  blocks.forEach((_block, index) => {
    if (anchors[index] !== undefined) return;
    const anchor = newAnchor(documentId, texts[index]!, ever);
    ever.add(anchor);
    anchors[index] = anchor;
  });
  const next: StateEntry[] = blocks.map((block, index) => ({
    anchor: anchors[index]!,
    chapter: block.chapterId,
    text: texts[index]!,
  }));
  for (const entry of state) {
    if (entry.retired) next.push(entry);
    else if (!used.has(entry)) next.push({ ...entry, retired: true });
  }
  next.sort((a, b) => compare(a.anchor, b.anchor));
  return { anchors: anchors as string[], how, state: next };
}

/** Code-unit order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
