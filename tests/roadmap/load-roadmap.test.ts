import { describe, expect, it } from 'vitest';
import { baseTracks, load } from './helpers.ts';

/** An item as YAML lines (two-space list indentation), with the fields given. */
const item = (fields: string) =>
  `  - ${fields
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .join('\n    ')}\n`;

describe('loadRoadmap: valid input', () => {
  it('reads tracks, phases, milestones and activities from all files, with defaults', async () => {
    const { roadmap, messages } = await load({
      'a-tracks.yaml': baseTracks,
      'items.yaml': `items:
${item(`id: m
title: A milestone
track: alpha
phase: first
status: done
date: 2027-Q3
related: [srida#rec-data-federation]`)}${item(`id: act
title: An activity
label: Short
track: beta
status: in-progress
start: 2027-06
end: 2029
dependsOn: [m]
owner: WG1
stakeholders: [TG1, TG2]
description: What it is.`)}${item(`id: ongoing
title: Ongoing
track: beta
status: planned
start: 2030`)}`,
    });
    expect(messages).toEqual([]);
    expect(roadmap!.tracks.map((t) => t.id)).toEqual(['alpha', 'beta']);
    expect(roadmap!.phases.map((p) => [p.id, p.strict, p.end?.text])).toEqual([
      ['first', true, '2028'],
      ['second', false, undefined],
    ]);
    const [m, act, ongoing] = roadmap!.items;
    expect(m).toMatchObject({
      kind: 'milestone',
      id: 'm',
      date: { text: '2027-Q3', precision: 'quarter' },
      dependsOn: [],
      stakeholders: [],
      related: ['srida#rec-data-federation'],
    });
    expect(act).toMatchObject({
      kind: 'activity',
      label: 'Short',
      start: { precision: 'month' },
      end: { precision: 'year' },
      dependsOn: ['m'],
      owner: 'WG1',
      stakeholders: ['TG1', 'TG2'],
    });
    expect(ongoing).toMatchObject({ kind: 'activity', start: { text: '2030' } });
    expect(ongoing && 'end' in ongoing ? ongoing.end : undefined).toBeUndefined();
    expect(m!.source?.place(['related', 0])?.start).toEqual({
      line: 8,
      column: 15,
      offset: expect.any(Number),
    });
  });

  it('returns no roadmap when there is no roadmap/*.yaml', async () => {
    const result = await load({ 'notes.txt': 'not yaml' });
    expect(result.roadmap).toBeUndefined();
    expect(result.files).toEqual([]);
  });

  it('never throws on malformed files', async () => {
    const { messages, roadmap } = await load({
      'a-tracks.yaml': baseTracks,
      'b-empty.yaml': '',
      'c-list.yaml': '- just\n- a list\n',
      'd-scalar.yaml': 'just text\n',
      'e-latin1.yaml': Buffer.from('title: caf\xe9\n', 'latin1'),
      'f-bad.yaml': 'items:\n  - id: a\n    title: "unterminated\n    track: alpha\n',
      'g-items-map.yaml': 'items:\n  id: a\n',
    });
    expect(roadmap!.tracks).toHaveLength(2);
    expect(messages).toEqual([
      'roadmap/c-list.yaml:1:1: The file must be a mapping (`key: value` lines), not a list',
      'roadmap/d-scalar.yaml:1:1: The file must be a mapping (`key: value` lines), not the text `just text`',
      'roadmap/e-latin1.yaml:1:11: File is not valid UTF-8 (byte 0xe9 at offset 10)',
      'roadmap/f-bad.yaml:3:12: This quoted text never ends: the `"` opened here has no closing `"`',
      'roadmap/g-items-map.yaml:2:3: `items` must be a list, not a mapping',
    ]);
  });
});

describe('loadRoadmap: diagnostics at the offending node', () => {
  it('reports schema errors: wrong value, missing field, unknown field, wrong type, bad id', async () => {
    const { messages, roadmap, files } = await load({
      'a-tracks.yaml': baseTracks,
      'items.yaml': `items:
  - id: a
    title: A
    track: alpha
    status: in_progress
    date: 2027
  - id: b
    track: alpha
    status: planned
    date: 2027
    dependson: [a]
  - id: c
    title: C
    track: alpha
    status: planned
    date: 2027
    related: srida#x
  - title: no id
    track: alpha
    status: planned
    date: 2027
  - id: Bad Id
    title:
    track: alpha
    status: planned
    date: 2027
  - id: d
    title: D
    track: alpha
    status: planned
    date: 2027
    related: [srida#ok, not a ref]
  - id: kept
    title: Kept
    track: alpha
    status: planned
    date: 2027
`,
    });
    expect(messages).toEqual([
      'roadmap/items.yaml:5:13: Unknown value `in_progress` for `status` of item `a`',
      'roadmap/items.yaml:7:5: Missing field `title` in item `b`',
      'roadmap/items.yaml:11:5: Unknown field `dependson` in item `b`',
      'roadmap/items.yaml:17:14: `related` of item `c` must be a list, not the text `srida#x`',
      'roadmap/items.yaml:18:5: Missing field `id` in item 4',
      'roadmap/items.yaml:22:9: Invalid `id` of item `Bad Id`: ids use `a-z`, `0-9`, `-` and `_`, starting with a letter or digit',
      'roadmap/items.yaml:23:11: `title` of item `Bad Id` must be text, not empty',
      'roadmap/items.yaml:32:25: Invalid `related[1]` of item `d` (`not a ref`): a related section is written `document#id`, e.g. `srida#rec-data-federation`',
    ]);
    const notes = files[1]!.messages.map((m) => m.note);
    expect(notes[0]).toBe(
      'Did you mean `in-progress`? Use one of `planned`, `in-progress`, `done`, `at-risk`, `cancelled`.',
    );
    expect(notes[2]).toBe('Did you mean `dependsOn`?');
    expect(files[1]!.messages.every((m) => m.fatal === true && m.ruleId === 'roadmap-schema')).toBe(
      true,
    );
    expect(roadmap!.items.map((i) => i.id)).toEqual(['kept']);
  });

  it('reports invalid dates, missing or double dates and an end before the start', async () => {
    const { messages, roadmap, files } = await load({
      'a-tracks.yaml': baseTracks,
      'items.yaml': `items:
  - id: a
    title: A
    track: alpha
    status: planned
    date: 2027-13
  - id: b
    title: B
    track: alpha
    status: planned
    start: 2027-02-30
    end: 2028
  - id: c
    title: C
    track: alpha
    status: planned
    start: true
    end: 2028
  - id: d
    title: D
    track: alpha
    status: planned
    start: 2028-06
    end: 2027
  - id: e
    title: E
    track: alpha
    status: planned
    date: 2027
    start: 2027
  - id: f
    title: F
    track: alpha
    status: planned
  - id: g
    title: G
    track: alpha
    status: planned
    start: 2028-06
    end: 2028-06
`,
    });
    expect(messages).toEqual([
      'roadmap/items.yaml:6:11: Invalid `date` of item `a`: `2027-13` has no month 13 (use 01 to 12)',
      'roadmap/items.yaml:11:12: Invalid `start` of item `b`: `2027-02-30` is not a day of Feb 2027',
      'roadmap/items.yaml:17:12: Invalid `start` of item `c`: a date must be written as `YYYY`, `YYYY-QN`, `YYYY-MM` or `YYYY-MM-DD`',
      'roadmap/items.yaml:29:5: Item `e` has both `date` and `start`/`end`',
      'roadmap/items.yaml:31:5: Item `f` has no date',
      'roadmap/items.yaml:24:10: Activity `d` ends (2027) before it starts (Jun 2028)',
    ]);
    expect(files[1]!.messages.map((m) => m.ruleId)).toEqual([
      'roadmap-date',
      'roadmap-date',
      'roadmap-date',
      'roadmap-item-kind',
      'roadmap-item-kind',
      'roadmap-end-before-start',
    ]);
    // A one-month activity (same start and end month) is valid.
    expect(roadmap!.items.map((i) => i.id)).toEqual(['g']);
  });

  it('reports unknown tracks and phases with a did-you-mean, and items outside a strict phase', async () => {
    const { messages, roadmap, files } = await load({
      'a-tracks.yaml': baseTracks,
      'items.yaml': `items:
  - id: a
    title: A
    track: alpah
    phase: frist
    status: planned
    date: 2027
  - id: b
    title: B
    track: beta
    phase: first
    status: planned
    start: 2027-06
    end: 2028-03
  - id: c
    title: C
    track: beta
    phase: first
    status: planned
    date: 2026-12-31
  - id: d
    title: D
    track: beta
    phase: nothing-like-it
    status: planned
    date: 2027
  - id: e
    title: E
    track: beta
    phase: first
    status: planned
    start: 2027-06
    end: 2029-Q1
  - id: f
    title: F
    track: beta
    phase: first
    status: planned
    start: 2026-Q4
  - id: g
    title: G
    track: beta
    phase: second
    status: planned
    start: 2031
`,
    });
    expect(messages).toEqual([
      'roadmap/items.yaml:4:12: Item `a` has unknown track `alpah`',
      'roadmap/items.yaml:5:12: Item `a` has unknown phase `frist`',
      'roadmap/items.yaml:20:11: Milestone `c` (31 Dec 2026) lies outside its strict phase `first` (2027 – 2028)',
      'roadmap/items.yaml:24:12: Item `d` has unknown phase `nothing-like-it`',
      'roadmap/items.yaml:33:10: Activity `e` (Jun 2027 – Q1 2029) lies outside its strict phase `first` (2027 – 2028)',
      'roadmap/items.yaml:39:12: Activity `f` (from Q4 2026) lies outside its strict phase `first` (2027 – 2028)',
    ]);
    expect(files[1]!.messages.map((m) => m.note)).toEqual([
      'Did you mean `alpha`?',
      'Did you mean `first`?',
      'Move the date inside the phase, or put the item in another phase.',
      'Known phases: `first`, `second`.',
      'Move the end inside the phase, or put the item in another phase.',
      'Move the start inside the phase, or put the item in another phase.',
    ]);
    // Unknown track: left out; unknown phase: kept without a phase; outside a phase: kept.
    expect(roadmap!.items.map((i) => [i.id, i.phase])).toEqual([
      ['b', 'first'],
      ['c', 'first'],
      ['d', undefined],
      ['e', 'first'],
      ['f', 'first'],
      ['g', 'second'],
    ]);
  });

  it('reports duplicate ids at both places, across files', async () => {
    const { messages, roadmap } = await load({
      'a-tracks.yaml': baseTracks + '  - id: first\n    title: Again\n    start: 2030\n',
      'b.yaml':
        'items:\n  - id: x\n    title: X\n    track: alpha\n    status: planned\n    date: 2027\n',
      'c.yaml':
        'tracks:\n  - id: beta\n    title: Beta again\nitems:\n  - id: x\n    title: X again\n    track: beta\n    status: planned\n    date: 2028\n',
    });
    expect(messages).toEqual([
      'roadmap/a-tracks.yaml:4:9: Duplicate track id `beta` (defined again at roadmap/c.yaml:2:9)',
      'roadmap/a-tracks.yaml:15:9: Duplicate phase id `first` (first defined at roadmap/a-tracks.yaml:7:9)',
      'roadmap/a-tracks.yaml:7:9: Duplicate phase id `first` (defined again at roadmap/a-tracks.yaml:15:9)',
      'roadmap/b.yaml:2:9: Duplicate item id `x` (defined again at roadmap/c.yaml:5:9)',
      'roadmap/c.yaml:2:9: Duplicate track id `beta` (first defined at roadmap/a-tracks.yaml:4:9)',
      'roadmap/c.yaml:5:9: Duplicate item id `x` (first defined at roadmap/b.yaml:2:9)',
    ]);
    expect(roadmap!.items.map((i) => i.title)).toEqual(['X']);
    expect(roadmap!.tracks.map((t) => t.title)).toEqual(['Alpha', 'Beta']);
  });
});

describe('loadRoadmap: dependencies', () => {
  it('reports a dependency on a missing id and names each cycle at its first item', async () => {
    const { messages, roadmap, files } = await load({
      'a-tracks.yaml': baseTracks,
      'items.yaml': `items:
  - id: a
    title: A
    track: alpha
    status: planned
    date: 2027
    dependsOn: [ghost, c]
  - id: b
    title: B
    track: alpha
    status: planned
    date: 2027
    dependsOn:
      - a
  - id: c
    title: C
    track: alpha
    status: planned
    date: 2027
    dependsOn: [b]
  - id: d
    title: D
    track: alpha
    status: planned
    date: 2027
    dependsOn: [d]
  - id: e
    title: E
    track: alpha
    status: planned
    date: 2027
    dependsOn: [a, d]
`,
    });
    expect(messages).toEqual([
      'roadmap/items.yaml:7:17: Item `a` depends on missing item `ghost`',
      'roadmap/items.yaml:7:24: Dependency cycle: `a` → `c` → `b` → `a`',
      'roadmap/items.yaml:26:17: Dependency cycle: `d` → `d`',
    ]);
    expect(files[1]!.messages.map((m) => m.ruleId)).toEqual([
      'roadmap-missing-dependency',
      'roadmap-dependency-cycle',
      'roadmap-dependency-cycle',
    ]);
    // Missing dependencies are dropped; items in cycles stay (the drawing does not follow them).
    expect(roadmap!.items.map((i) => [i.id, i.dependsOn])).toEqual([
      ['a', ['c']],
      ['b', ['a']],
      ['c', ['b']],
      ['d', ['d']],
      ['e', ['a', 'd']],
    ]);
  });

  it('suggests the closest id for a misspelt dependency', async () => {
    const { files } = await load({
      'a-tracks.yaml': baseTracks,
      'items.yaml':
        'items:\n  - id: federated-identity\n    title: A\n    track: alpha\n    status: planned\n    date: 2027\n  - id: b\n    title: B\n    track: alpha\n    status: planned\n    date: 2028\n    dependsOn: [federated-identiy]\n',
    });
    expect(files[1]!.messages.map((m) => `${m.line}:${m.column}: ${m.reason} / ${m.note}`)).toEqual(
      [
        '12:17: Item `b` depends on missing item `federated-identiy` / Did you mean `federated-identity`?',
      ],
    );
  });
});

describe('loadRoadmap: one report per mistake', () => {
  it('does not report dependencies on items left out for another error', async () => {
    const { messages, roadmap } = await load({
      'a-tracks.yaml': baseTracks,
      'items.yaml':
        'items:\n  - id: a\n    title: A\n    track: nowhere\n    status: planned\n    date: 2027\n  - id: b\n    title: B\n    track: alpha\n    status: planned\n    date: 2028\n    dependsOn: [a]\n',
    });
    expect(messages).toEqual(['roadmap/items.yaml:4:12: Item `a` has unknown track `nowhere`']);
    expect(roadmap!.items.map((i) => [i.id, i.dependsOn])).toEqual([['b', []]]);
  });
});
