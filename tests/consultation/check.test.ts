import { afterAll, describe, expect, it } from 'vitest';
import { checkConsultation } from '../../src/consultation/check-consultation.ts';
import { collectDiagnostics } from '../../src/diagnostics/collect.ts';
import { makeConsultationRoot, removeTemporary, writeTree } from './helpers.ts';

afterAll(removeTemporary);

/** Check a record of `alpha` 0.9.0 and list the messages with positions and hints. */
async function messagesOf(
  yaml: string,
  working: string[] | null = ['p-new1', 'p-new2', 'p-3fk2a'],
) {
  const root = await makeConsultationRoot();
  await writeTree(root, { 'consultation/alpha/0.9.0.yaml': yaml });
  const files = await checkConsultation(root, {
    workingAnchors: () => (working ? new Set(working) : undefined),
  });
  return collectDiagnostics(files).map(
    (d) =>
      `${d.path}:${d.line}:${d.column}: ${d.severity}: ${d.reason} [${d.ruleId}]${d.hint ? ` (${d.hint})` : ''}`,
  );
}

const head = 'document: alpha\nversion: "0.9.0"\ncomments:\n';
const comment = (id: string, extra = '') =>
  `  - id: ${id}\n    anchor: p-3fk2a\n    ref: 1 ¶1\n    type: technical\n    comment: Text.\n${extra}`;

describe('srida check: consultation records', () => {
  it('a valid record has no messages', async () => {
    expect(
      await messagesOf(
        head +
          comment(
            'c-aaaa',
            '    disposition: accepted\n    response: Done.\n    changed: [p-new1]\n',
          ) +
          comment('c-bbbb', '    disposition: out-of-scope\n    changed:\n') +
          '  - id: c-cccc\n    type: general\n    comment: On the whole draft.\n    disposition:\n',
      ),
    ).toEqual([]);
  });

  it('an anchor the release does not have, with a did-you-mean or the anchor of its ref', async () => {
    expect(
      await messagesOf(
        head +
          '  - id: c-aaaa\n    anchor: p-3fk2b\n    type: technical\n    comment: Text.\n' +
          '  - id: c-bbbb\n    anchor: p-zzzzzzzzzz\n    ref: 2.3 ¶1\n    type: technical\n    comment: Text.\n' +
          '  - id: c-cccc\n    anchor: p-zzzzzzzzzz\n    type: technical\n    comment: Text.\n',
      ),
    ).toEqual([
      'consultation/alpha/0.9.0.yaml:5:13: error: Release 0.9.0 has no block with the anchor `p-3fk2b` [consultation-anchor-unknown] (Did you mean `p-3fk2a`?)',
      'consultation/alpha/0.9.0.yaml:9:13: error: Release 0.9.0 has no block with the anchor `p-zzzzzzzzzz` [consultation-anchor-unknown] (Paragraph 2.3 ¶1 of 0.9.0 has the anchor `li-2mm9c`.)',
      'consultation/alpha/0.9.0.yaml:14:13: error: Release 0.9.0 has no block with the anchor `p-zzzzzzzzzz` [consultation-anchor-unknown] (The anchors of 0.9.0 are in `releases/alpha/0.9.0/anchors.json`; remove `anchor` for a comment on the whole draft.)',
    ]);
  });

  it('a ref that disagrees with its anchor (a warning)', async () => {
    expect(
      await messagesOf(
        head +
          '  - id: c-aaaa\n    anchor: p-3fk2a\n    ref: 4.2 ¶3\n    type: general\n    comment: x\n',
      ),
    ).toEqual([
      'consultation/alpha/0.9.0.yaml:6:10: warning: `ref` says 4.2 ¶3 but `p-3fk2a` is 1 ¶1 in 0.9.0 [consultation-ref-mismatch] (Set `ref: 1 ¶1` (the anchor decides the place).)',
    ]);
  });

  it('a changed anchor the working text does not have; skipped when the working anchors are unknown', async () => {
    const yaml =
      head +
      comment(
        'c-aaaa',
        '    disposition: accepted\n    changed:\n      - p-new1\n      - p-new3\n      - q-unrelated-9\n',
      );
    expect(await messagesOf(yaml)).toEqual([
      'consultation/alpha/0.9.0.yaml:12:9: error: The working text of `alpha` has no block with the anchor `p-new3` [consultation-changed-unknown] (Did you mean `p-new1`?)',
      'consultation/alpha/0.9.0.yaml:13:9: error: The working text of `alpha` has no block with the anchor `q-unrelated-9` [consultation-changed-unknown] (`changed` lists anchors of the current text (shown in the draft edition’s margins) that the comment led to.)',
    ]);
    expect(await messagesOf(yaml, null)).toEqual([]);
  });

  it('a duplicate id, at the second one, naming the first', async () => {
    expect(
      await messagesOf(head + comment('c-aaaa') + comment('c-bbbb') + comment('c-aaaa')),
    ).toEqual([
      'consultation/alpha/0.9.0.yaml:14:9: error: Duplicate comment id `c-aaaa` [consultation-id-duplicate] (It is also the id of the comment at line 4; every comment needs its own id.)',
    ]);
  });

  it('an unknown disposition, with a did-you-mean', async () => {
    expect(
      await messagesOf(
        head +
          comment('c-aaaa', '    disposition: acepted\n') +
          comment('c-bbbb', '    disposition: partially accepted\n') +
          comment('c-cccc', '    disposition: rejected\n') +
          comment('c-dddd', '    disposition: maybe later\n'),
      ),
    ).toEqual([
      'consultation/alpha/0.9.0.yaml:9:18: error: Unknown disposition `acepted` [consultation-disposition-unknown] (Did you mean `accepted`? Use one of `accepted`, `partially-accepted`, `noted`, `declined`, `out-of-scope`.)',
      'consultation/alpha/0.9.0.yaml:15:18: error: Unknown disposition `partially accepted` [consultation-disposition-unknown] (Did you mean `partially-accepted`? Use one of `accepted`, `partially-accepted`, `noted`, `declined`, `out-of-scope`.)',
      'consultation/alpha/0.9.0.yaml:21:18: error: Unknown disposition `rejected` [consultation-disposition-unknown] (Did you mean `declined`? Use one of `accepted`, `partially-accepted`, `noted`, `declined`, `out-of-scope`.)',
      'consultation/alpha/0.9.0.yaml:27:18: error: Unknown disposition `maybe later` [consultation-disposition-unknown] (Use one of `accepted`, `partially-accepted`, `noted`, `declined`, `out-of-scope`.)',
    ]);
  });

  it('schema problems of one comment do not hide the others; misspelt fields get a did-you-mean', async () => {
    const messages = await messagesOf(
      head +
        '  - id: c-aaaa\n    type: technical\n    coment: Text.\n' +
        '  - id: C_1\n    type: urgent\n    comment: Text.\n' +
        comment('c-cccc', '    disposition: acepted\n'),
    );
    expect(messages).toEqual([
      'consultation/alpha/0.9.0.yaml:4:5: error: Missing field `comment` [consultation-record] (Add `comment:` to the entry; docs/authoring.md describes every field and its form.)',
      'consultation/alpha/0.9.0.yaml:6:5: error: Unknown field `coment` [consultation-record] (Did you mean `comment`?)',
      'consultation/alpha/0.9.0.yaml:7:9: error: Invalid `id`: ids look like `c-7gk2m4qx9p` (lower case, after `c-`) [consultation-record] (docs/authoring.md describes every field and its form.)',
      'consultation/alpha/0.9.0.yaml:8:11: error: Unknown value `urgent` for `type` [consultation-record] (Use one of `general`, `technical`, `editorial`.)',
      'consultation/alpha/0.9.0.yaml:15:18: error: Unknown disposition `acepted` [consultation-disposition-unknown] (Did you mean `accepted`? Use one of `accepted`, `partially-accepted`, `noted`, `declined`, `out-of-scope`.)',
    ]);
  });

  it('a record in the wrong place, of an unreleased version, and YAML that does not parse', async () => {
    expect(await messagesOf('document: beta\nversion: "0.9.1"\ncomments: []\n')).toEqual([
      'consultation/alpha/0.9.0.yaml:1:11: error: Record is for `beta` but lies in `consultation/alpha/` [consultation-draft] (Set `document: alpha`, or move the file.)',
      'consultation/alpha/0.9.0.yaml:2:10: error: Record is for version `0.9.1` but is named `0.9.0.yaml` [consultation-draft] (Set `version: "0.9.0"`, or rename the file.)',
    ]);
    const root = await makeConsultationRoot();
    await writeTree(root, {
      'consultation/alpha/0.8.0.yaml': 'document: alpha\nversion: "0.8.0"\ncomments: []\n',
      'consultation/alpha/0.9.0.yaml': 'document: alpha\ncomments: [\n',
      'consultation/alpha/comments.sqlite': 'x',
    });
    const messages = collectDiagnostics(await checkConsultation(root)).map(
      (d) => `${d.path}:${d.line}:${d.column}: ${d.reason} [${d.ruleId}]`,
    );
    expect(messages[0]).toBe(
      'consultation/alpha/0.8.0.yaml:2:10: `alpha` has no release 0.8.0 [consultation-draft]',
    );
    expect(messages[1]).toBe(
      'consultation/alpha/0.9.0.yaml:2:11: This `[` is never closed with `]` [yaml-syntax]',
    );
    expect(messages.at(-1)).toBe(
      'consultation/alpha/comments.sqlite:1:1: `consultation/alpha/comments.sqlite` looks like the comment database, which holds e-mail addresses [consultation-stray-file]',
    );
  });

  it('a record with an alias bomb is a positioned error (js-yaml, which has no alias bound, is not used)', async () => {
    const levels = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++)
      levels.push(
        `l${level}: &l${level} [${Array(9)
          .fill(`*l${level - 1}`)
          .join(', ')}]`,
      );
    const record = `document: alpha\nversion: "0.9.0"\n${levels.join('\n')}\ncomments: []\n`;
    const messages = await messagesOf(record);
    expect(messages).toEqual([
      'consultation/alpha/0.9.0.yaml:4:10: error: Too many YAML aliases: expanding them would make this file enormous [yaml-alias-limit] (A file may expand aliases (`*name`) at most 100 times; write the values out instead.)',
    ]);
  });

  it('a release without an anchor record: a warning, and no anchor errors', async () => {
    const root = await makeConsultationRoot([
      { document: 'alpha', version: '0.9.0', opens: '2025-10', blocks: null },
    ]);
    await writeTree(root, {
      'consultation/alpha/0.9.0.yaml':
        head + '  - id: c-aaaa\n    anchor: p-anything\n    type: general\n    comment: x\n',
    });
    expect(
      collectDiagnostics(await checkConsultation(root)).map(
        (d) => `${d.line}:${d.column}: ${d.reason} [${d.ruleId}]`,
      ),
    ).toEqual([
      "2:10: The comments' anchors are not checked: `releases/alpha/0.9.0/anchors.json` does not exist [consultation-anchors-missing]",
    ]);
  });
});

describe('srida consult check', () => {
  it('prints the messages as srida check does and exits 1 on errors', async () => {
    const root = await makeConsultationRoot();
    await writeTree(root, {
      'consultation/alpha/0.9.0.yaml': head + comment('c-aaaa', '    disposition: acepted\n'),
    });
    const { run } = await import('../release/helpers.ts');
    const result = await run(['consult', 'check', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'consultation/alpha/0.9.0.yaml:9:18  error  Unknown disposition `acepted`  consultation-disposition-unknown\n  hint: Did you mean `accepted`? Use one of `accepted`, `partially-accepted`, `noted`, `declined`, `out-of-scope`.',
    );
    expect(result.out).toMatch(/^srida consult check: 1 file, 1 error, 0 warnings \(\d+ ms\)$/);
  });
});
