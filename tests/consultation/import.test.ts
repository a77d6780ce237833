import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportCsv, exportJson } from '../../src/consultation/export.ts';
import type { StoredComment } from '../../src/consultation/store.ts';
import { run } from '../release/helpers.ts';
import { makeConsultationRoot, removeTemporary, writeTree } from './helpers.ts';

afterAll(removeTemporary);

const record = (root: string) => path.join(root, 'consultation/alpha/0.9.0.yaml');
const readRecord = async (root: string) => parse(await readFile(record(root), 'utf8'));

/** Two stored comments as the server keeps them (one private name, one e-mail). */
const stored: StoredComment[] = [
  {
    id: 'c-7gk2m4qx9p',
    token: 'x'.repeat(22),
    document: 'alpha',
    version: '0.9.0',
    anchor: 'p-8qw1z',
    ref: '1.1 ¶2',
    type: 'technical',
    text: 'Say which storage systems are meant.',
    proposedChange: 'Name dCache and EOS.',
    name: 'Ada Example',
    organisation: 'Example Lab',
    email: 'ada@example.org',
    consent: true,
    received: '2025-11-03T10:22:11.000Z',
    hidden: false,
  },
  {
    id: 'c-b3n8v2wq4r',
    token: 'y'.repeat(22),
    document: 'alpha',
    version: '0.9.0',
    anchor: null,
    ref: null,
    type: 'general',
    text: '=1+1 is not a formula here.\nSecond line.',
    proposedChange: '',
    name: 'Bob Private',
    organisation: '',
    email: 'bob@example.org',
    consent: false,
    received: '2025-11-04T08:00:00.000Z',
    hidden: false,
  },
];

const noAnchors = () => undefined;

async function importFile(root: string, name: string, content: string) {
  const file = path.join(root, name);
  await writeFile(file, content);
  return run(['consult', 'import', 'alpha', '0.9.0', file, '--root', root]);
}

describe('srida consult import', () => {
  it('reads the server JSON export; a second import adds nothing and keeps what the editors wrote', async () => {
    const root = await makeConsultationRoot();
    const json = exportJson(stored, noAnchors, new Date('2025-12-01T00:00:00Z'));
    const first = await importFile(root, 'export.json', json);
    expect(first.code).toBe(0);
    expect(first.out).toContain(
      'srida consult import: consultation/alpha/0.9.0.yaml: 2 new, 0 already there',
    );
    const text = await readFile(record(root), 'utf8');
    expect(text.startsWith('# Comments of the public consultation on `alpha` 0.9.0')).toBe(true);
    expect(text).not.toContain('example.org');
    expect(text).not.toContain('Bob Private');
    expect((await readRecord(root)).comments).toEqual([
      {
        id: 'c-7gk2m4qx9p',
        anchor: 'p-8qw1z',
        ref: '1.1 ¶2',
        type: 'technical',
        respondent: 'Ada Example',
        organisation: 'Example Lab',
        received: '2025-11-03T10:22:11.000Z',
        comment: 'Say which storage systems are meant.',
        proposedChange: 'Name dCache and EOS.',
        disposition: null,
        response: null,
        changed: [],
      },
      {
        id: 'c-b3n8v2wq4r',
        type: 'general',
        received: '2025-11-04T08:00:00.000Z',
        comment: '=1+1 is not a formula here.\nSecond line.',
        disposition: null,
        response: null,
        changed: [],
      },
    ]);
    // The editors answer the first comment, by hand, with a YAML comment of their own.
    const edited = text
      .replace('    disposition:\n', '    disposition: accepted # agreed on 3 Dec\n')
      .replace('    response:\n', '    response: Both are named now.\n')
      .replace('    changed: []\n', '    changed: [p-new1]\n');
    await writeFile(record(root), edited);
    const more = [...stored, { ...stored[0]!, id: 'c-9zz9zz9zz9', text: 'A third one.' }];
    const second = await importFile(root, 'export.json', exportJson(more, noAnchors, new Date()));
    expect(second.out).toContain('1 new, 2 already there');
    const after = await readFile(record(root), 'utf8');
    expect(after.startsWith(edited.trimEnd())).toBe(true);
    expect(after).toContain('disposition: accepted # agreed on 3 Dec');
    expect((await readRecord(root)).comments.map((c: { id: string }) => c.id)).toEqual([
      'c-7gk2m4qx9p',
      'c-b3n8v2wq4r',
      'c-9zz9zz9zz9',
    ]);
    // Once more: nothing new, the file is not rewritten.
    const before = await readFile(record(root), 'utf8');
    expect(
      (await importFile(root, 'export.json', exportJson(more, noAnchors, new Date()))).out,
    ).toContain('0 new, 3 already there');
    expect(await readFile(record(root), 'utf8')).toBe(before);
    // A source whose text changed since is reported, and left as it is.
    const changed = [{ ...stored[0]!, text: 'Reworded by the respondent.' }];
    const report = await importFile(
      root,
      'export.json',
      exportJson(changed, noAnchors, new Date()),
    );
    expect(report.out).toContain(
      '1 comment changed in the source since the first import, left as they are in the record: c-7gk2m4qx9p',
    );
    expect(await readFile(record(root), 'utf8')).toBe(before);
  });

  it('appends to a record laid out by hand, too: comments first, a flow list, YAML comments kept', async () => {
    const root = await makeConsultationRoot();
    const laidOut = [
      '# Our record.',
      'comments: [{ id: c-byhand01, type: general, comment: "From a letter.", disposition: noted }]',
      'version: "0.9.0" # the draft',
      'document: alpha',
      '',
    ].join('\n');
    await writeTree(root, { 'consultation/alpha/0.9.0.yaml': laidOut });
    const result = await importFile(root, 'export.json', exportJson(stored, noAnchors, new Date()));
    expect(result.out).toContain('2 new, 0 already there');
    const text = await readFile(record(root), 'utf8');
    expect(text).toContain('# Our record.');
    expect(text).toContain('version: "0.9.0" # the draft');
    const data = await readRecord(root);
    expect(data.comments.map((c: { id: string }) => c.id)).toEqual([
      'c-byhand01',
      'c-7gk2m4qx9p',
      'c-b3n8v2wq4r',
    ]);
    expect(data.comments[0].disposition).toBe('noted');
    expect(data.comments[2].comment).toBe('=1+1 is not a formula here.\nSecond line.');
  });

  it('reads the server CSV export to the same ids (nothing doubled across formats)', async () => {
    const root = await makeConsultationRoot();
    await importFile(root, 'export.json', exportJson(stored, noAnchors, new Date()));
    const fromJson = await readFile(record(root), 'utf8');
    const csv = await importFile(root, 'export.csv', exportCsv(stored, noAnchors));
    expect(csv.out).toContain('0 new, 2 already there');
    expect(await readFile(record(root), 'utf8')).toBe(fromJson);
    // Read alone, the CSV gives the same record: the formula prefix is undone.
    const other = await makeConsultationRoot();
    await importFile(other, 'export.csv', exportCsv(stored, noAnchors));
    expect((await readRecord(other)).comments).toEqual((await readRecord(root)).comments);
  });

  it('reads a comment table CSV with the template headers, placing paragraphs by reference', async () => {
    const root = await makeConsultationRoot();
    const table = [
      'MB/NC;Line number;Clause/Subclause;Paragraph/Figure/Table;Type of comment;Comments;Proposed change',
      'DE;;2.3;2.3 ¶1;ed;"Hyphenate ""exabyte-scale"".";exabyte-scale',
      'FR;;;Figure 2.1;te;Give the source of the figures.;',
      'NL;;General;;ge;A general remark;',
      'IT;;9;9 ¶9;te;Nowhere to be found;',
    ].join('\r\n');
    const result = await importFile(root, 'table.csv', table);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'table.csv:5:1  warning  Paragraph `9 ¶9` is not in the anchor record of 0.9.0; imported without an anchor  consult-import-paragraph',
    );
    const comments = (await readRecord(root)).comments;
    expect(
      comments.map((c: Record<string, unknown>) => [c.anchor, c.ref, c.type, c.organisation]),
    ).toEqual([
      ['li-2mm9c', '2.3 ¶1', 'editorial', 'DE'],
      ['fig-data', 'Figure 2.1', 'technical', 'FR'],
      [undefined, undefined, 'general', 'NL'],
      [undefined, '9 ¶9', 'technical', 'IT'],
    ]);
    expect(comments[0].comment).toBe('Hyphenate "exabyte-scale".');
    expect(comments.every((c: { id: string }) => /^c-[a-z2-9]{10}$/.test(c.id))).toBe(true);
    // The same table again: the ids come from the rows' content, so nothing is added.
    expect((await importFile(root, 'table.csv', table)).out).toContain('0 new, 4 already there');
  });

  it('reads GitHub issues: the anchor from its line, a link or the reference; skips the rest', async () => {
    const root = await makeConsultationRoot();
    const issue = (n: number, title: string, body: string, extra: object = {}) => ({
      number: n,
      title,
      body,
      user: { login: `user${n}` },
      html_url: `https://github.com/spectrum/srida/issues/${n}`,
      created_at: `2025-11-0${n}T09:00:00Z`,
      labels: [],
      ...extra,
    });
    const issues = [
      issue(
        1,
        'Comment on 1 ¶1',
        'Document: alpha\nVersion: 0.9.0\nParagraph: 1 ¶1\nAnchor: p-3fk2a\nType: editorial\n\n> Science needs a data continuum.\n\nSay "data and compute".\n\n## Proposed change\nScience needs a data and compute continuum.',
      ),
      issue(
        2,
        'Figure 2.1 has no source',
        'See https://example.org/alpha/data/#fig-data — where do the numbers come from?',
        { labels: [{ name: 'technical' }] },
      ),
      issue(
        3,
        'On 2.3 ¶1',
        '**Document:** alpha\n**Version:** 0.9.0\n**Paragraph:** 2.3 ¶1\n\nShorter please.',
      ),
      issue(4, 'CI is broken', 'The build fails on main.'),
      issue(
        5,
        'Comment on the 1.0.0 draft',
        'Document: alpha\nVersion: 1.0.0\nAnchor: p-3fk2a\n\nLater.',
      ),
      issue(6, 'A pull request', 'Anchor: p-3fk2a', { pull_request: { url: 'x' } }),
      issue(7, 'General', 'Document: alpha\nVersion: v0.9.0\n\nThe whole draft is too long.'),
    ];
    const result = await importFile(root, 'issues.json', JSON.stringify(issues, null, 2));
    expect(result.out).toContain(
      '4 new, 0 already there; skipped 1 pull request, 1 issue that name no paragraph of the draft, 1 issue on another draft',
    );
    const comments = (await readRecord(root)).comments;
    expect(
      comments.map((c: Record<string, unknown>) => [c.anchor, c.type, c.respondent, c.source]),
    ).toEqual([
      ['p-3fk2a', 'editorial', 'user1', 'https://github.com/spectrum/srida/issues/1'],
      ['fig-data', 'technical', 'user2', 'https://github.com/spectrum/srida/issues/2'],
      ['li-2mm9c', 'general', 'user3', 'https://github.com/spectrum/srida/issues/3'],
      [undefined, 'general', 'user7', 'https://github.com/spectrum/srida/issues/7'],
    ]);
    expect(comments[0]).toMatchObject({
      comment: 'Say "data and compute".',
      proposedChange: 'Science needs a data and compute continuum.',
      received: '2025-11-01T09:00:00Z',
    });
    expect(comments[1].comment).toBe(
      'See https://example.org/alpha/data/#fig-data — where do the numbers come from?',
    );
    expect((await importFile(root, 'issues.json', JSON.stringify(issues))).out).toContain(
      '0 new, 4 already there',
    );
  });

  it('writes nothing when the input has errors, and says where', async () => {
    const root = await makeConsultationRoot();
    const bad = await importFile(
      root,
      'bad.csv',
      'Paragraph,Type,Comment\n1 ¶1,urgent,Hm\n1 ¶1,te,\n"unclosed,te,x\n',
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(
      'bad.csv:4:1  error  Invalid CSV: a quoted field is not closed  consult-import-csv',
    );
    const rows = await importFile(
      root,
      'rows.csv',
      'Paragraph,Type,Comment\n1 ¶1,urgent,Hm\n1 ¶1,te,\n',
    );
    expect(rows.err).toContain(
      'rows.csv:2:1  error  Unknown type of comment `urgent`  consult-import-csv',
    );
    expect(rows.err).toContain('rows.csv:3:1  error  Row has no comment  consult-import-csv');
    expect(rows.err).toContain(
      'srida consult import: nothing was written to consultation/alpha/0.9.0.yaml',
    );
    const json = await importFile(
      root,
      'bad.json',
      '{\n  "format": "srida-consultation-export",\n  "comments": [\n    { "id": "c-1234", "type": "technical" }\n  ]\n}\n',
    );
    expect(json.err).toMatch(
      /bad\.json:4:5 {2}error {2}Comment 1 of the export: `document` .+ {2}consult-import-format/,
    );
    expect((await importFile(root, 'other.json', '[1, 2]')).err).toContain(
      'The file is neither the server’s export, nor a CSV, nor a list of forge issues',
    );
    const unreleased = await run([
      'consult',
      'import',
      'alpha',
      '2.0.0',
      path.join(root, 'rows.csv'),
      '--root',
      root,
    ]);
    expect(unreleased.err).toContain('`alpha` has no release 2.0.0');
    await expect(readFile(record(root))).rejects.toThrow();
    expect((await run(['consult', 'import', 'alpha'])).code).toBe(2);
  });
});
