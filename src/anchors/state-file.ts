/**
 * The committed state of one document's anchors, `anchors/<document>.jsonl`: one JSON object a
 * line, sorted by anchor, keys in a fixed order. A line changes only when its block changes, so
 * diffs are small and two branches that edit different paragraphs merge without conflict.
 */
import type { StateEntry } from './match.ts';

/** Path of a document's state file, relative to the content root. */
export function stateFilePath(documentId: string): string {
  return `anchors/${documentId}.jsonl`;
}

/** The file's text for a state (already sorted by the engine). */
export function serialiseState(state: readonly StateEntry[]): string {
  return state
    .map((entry) =>
      JSON.stringify(
        entry.retired
          ? { anchor: entry.anchor, chapter: entry.chapter, retired: true, text: entry.text }
          : { anchor: entry.anchor, chapter: entry.chapter, text: entry.text },
      ),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** A problem with one line of a state file. */
export interface StateProblem {
  line: number;
  reason: string;
}

/** Read a state file's text; bad lines are skipped and reported (their anchors stay reserved when readable). */
export function parseState(text: string): { state: StateEntry[]; problems: StateProblem[] } {
  const state: StateEntry[] = [];
  const problems: StateProblem[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    // A merge conflict's markers, or an empty line: skip (the next write tidies the file).
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ line: index + 1, reason: 'is not a JSON object' });
      return;
    }
    const entry = value as Partial<StateEntry> | null;
    if (
      !entry ||
      typeof entry.anchor !== 'string' ||
      typeof entry.chapter !== 'string' ||
      typeof entry.text !== 'string'
    ) {
      problems.push({ line: index + 1, reason: 'needs `anchor`, `chapter` and `text`' });
      return;
    }
    if (seen.has(entry.anchor)) {
      problems.push({ line: index + 1, reason: `repeats the anchor \`${entry.anchor}\`` });
      return;
    }
    seen.add(entry.anchor);
    state.push({
      anchor: entry.anchor,
      chapter: entry.chapter,
      text: entry.text,
      ...(entry.retired === true ? { retired: true as const } : {}),
    });
  });
  return { state, problems };
}
