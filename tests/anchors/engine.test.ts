import { describe, expect, it } from 'vitest';
import { anchorPattern, newAnchor } from '../../src/anchors/anchor-id.ts';
import { matchAnchors, type MatchBlock, type StateEntry } from '../../src/anchors/match.ts';
import { parseState, serialiseState } from '../../src/anchors/state-file.ts';

const texts = [
  'Federation of storage across the sites of the continuum needs one identity layer for every user.',
  'The radio telescopes send their visibilities to regional centres that keep them for a decade.',
  'Workflow engines must run the same pipeline on a grid site, a cloud and a supercomputer alike.',
  'Training of research software engineers is a long-term investment that funders rarely cover.',
  'Energy use of the data centres is measured per job and published every quarter in the dashboard.',
];

function blocks(list: string[], chapter = 'one'): MatchBlock[] {
  return list.map((text) => ({ chapterId: chapter, text }));
}

/** First run: a state for `texts`. */
function initial(): { anchors: string[]; state: StateEntry[] } {
  return matchAnchors('doc', [], blocks(texts));
}

describe('anchor engine', () => {
  it('makes short, URL-safe, deterministic anchors, each different', () => {
    const a = initial();
    const b = initial();
    expect(a.anchors).toEqual(b.anchors);
    for (const anchor of a.anchors) expect(anchor).toMatch(anchorPattern);
    expect(new Set(a.anchors).size).toBe(texts.length);
  });

  it('keeps every anchor when nothing changed', () => {
    const { anchors, state } = initial();
    const again = matchAnchors('doc', state, blocks(texts));
    expect(again.anchors).toEqual(anchors);
    expect(again.how.every((how) => how === 'exact')).toBe(true);
    expect(serialiseState(again.state)).toBe(serialiseState(state));
  });

  it('keeps anchors when a block is inserted before the others', () => {
    const { anchors, state } = initial();
    const inserted = 'A new opening paragraph about the scope of this chapter and its readers.';
    const next = matchAnchors('doc', state, blocks([inserted, ...texts]));
    expect(next.anchors.slice(1)).toEqual(anchors);
    expect(anchors).not.toContain(next.anchors[0]);
    expect(next.how[0]).toBe('new');
  });

  it('keeps anchors when a block is removed, and never reuses the removed one', () => {
    const { anchors, state } = initial();
    const removed = matchAnchors('doc', state, blocks(texts.filter((_, i) => i !== 2)));
    expect(removed.anchors).toEqual(anchors.filter((_, i) => i !== 2));
    const retired = removed.state.find((entry) => entry.anchor === anchors[2]);
    expect(retired?.retired).toBe(true);
    // A new block with text close to the removed one does not get its anchor back.
    const added = matchAnchors(
      'doc',
      removed.state,
      blocks([...texts.filter((_, i) => i !== 2), texts[2]!]),
    );
    expect(added.anchors.at(-1)).not.toBe(anchors[2]);
    expect(added.state.filter((entry) => entry.anchor === anchors[2])).toHaveLength(1);
  });

  it('keeps anchors when blocks move within a chapter and to another chapter', () => {
    const { anchors, state } = initial();
    const moved: MatchBlock[] = [
      { chapterId: 'one', text: texts[3]! },
      { chapterId: 'one', text: texts[0]! },
      { chapterId: 'one', text: texts[1]! },
      { chapterId: 'two', text: texts[4]! },
      { chapterId: 'two', text: texts[2]! },
    ];
    const next = matchAnchors('doc', state, moved);
    expect(next.anchors).toEqual([anchors[3], anchors[0], anchors[1], anchors[4], anchors[2]]);
    expect(next.state.find((e) => e.anchor === anchors[2])?.chapter).toBe('two');
  });

  it('keeps the anchor of a block with up to a third of its words changed', () => {
    const { anchors, state } = initial();
    const edited = [...texts];
    // 17 words, 5 replaced (29%).
    edited[0] =
      'Federation of disks across the centres of the continuum needs a single identity service for each user.';
    const next = matchAnchors('doc', state, blocks(edited));
    expect(next.anchors).toEqual(anchors);
    expect(next.how[0]).toBe('similar');
    expect(next.state.find((e) => e.anchor === anchors[0])?.text).toBe(edited[0]);
  });

  it('gives a rewritten block a new anchor, and carries none to an unrelated block', () => {
    const { anchors, state } = initial();
    const rewritten = [...texts];
    rewritten[1] =
      'Observatories archive calibrated images; astronomers query them through portals.';
    const next = matchAnchors('doc', state, blocks(rewritten));
    expect(next.how[1]).toBe('new');
    expect(anchors).not.toContain(next.anchors[1]);
  });

  it('keeps the anchor with the larger part of a split block, and of a merge', () => {
    const { anchors, state } = initial();
    const long = `${texts[0]} It also needs a shared access policy.`;
    const first = matchAnchors('doc', state, blocks([long, ...texts.slice(1)]));
    expect(first.anchors[0]).toBe(anchors[0]);
    // Split: the first sentence alone keeps the anchor; the second part is new.
    const split = matchAnchors(
      'doc',
      first.state,
      blocks([texts[0]!, 'It also needs a shared access policy.', ...texts.slice(1)]),
    );
    expect(split.anchors[0]).toBe(anchors[0]);
    expect(anchors).not.toContain(split.anchors[1]);
    // Merge: two blocks become one; it keeps one of the two anchors, the other is retired.
    const merged = matchAnchors(
      'doc',
      state,
      blocks([`${texts[0]} ${texts[1]}`, ...texts.slice(2)]),
    );
    expect([anchors[0], anchors[1]]).toContain(merged.anchors[0]);
    expect(merged.state.filter((e) => e.retired)).toHaveLength(1);
  });

  it('tells equal texts apart, keeping each anchor in its own chapter', () => {
    const same = 'See the table below.';
    const first = matchAnchors(
      'doc',
      [],
      [
        { chapterId: 'a', text: same },
        { chapterId: 'b', text: same },
      ],
    );
    expect(first.anchors[0]).not.toBe(first.anchors[1]);
    const swapped = matchAnchors('doc', first.state, [
      { chapterId: 'b', text: same },
      { chapterId: 'a', text: same },
    ]);
    expect(swapped.anchors).toEqual([first.anchors[1], first.anchors[0]]);
  });

  it('never gives a new anchor that is reserved or was used before', () => {
    const candidate = newAnchor('doc', 'Hello.', new Set());
    expect(newAnchor('doc', 'Hello.', new Set([candidate]))).not.toBe(candidate);
    const result = matchAnchors('doc', [], blocks(['Hello.']), new Set([candidate]));
    expect(result.anchors[0]).not.toBe(candidate);
  });
});

describe('state file', () => {
  it('is one sorted JSON line per anchor and reads back the same', () => {
    const { state } = matchAnchors('doc', initial().state, blocks(texts.slice(1)));
    const text = serialiseState(state);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(texts.length);
    expect([...lines].sort()).toEqual(lines);
    expect(lines.filter((line) => line.includes('"retired":true'))).toHaveLength(1);
    const back = parseState(text);
    expect(back.problems).toEqual([]);
    expect(serialiseState(back.state)).toBe(text);
  });

  it('skips merge-conflict markers and repeated anchors, with the line', () => {
    const text = serialiseState(initial().state);
    const [a, b] = text.split('\n');
    const broken = `<<<<<<< ours\n${a}\n=======\n${a}\n${b}\n>>>>>>> theirs\n`;
    const { state, problems } = parseState(broken);
    expect(state).toHaveLength(2);
    expect(problems.map((p) => p.line)).toEqual([1, 3, 4, 6]);
  });
});
