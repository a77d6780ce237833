import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleIdsInCode, ruleIdsInDocs, ruleReference } from './rule-ids.ts';
import { assembleWithMessages, chapter, documentYaml, makeProject } from '../helpers/project.ts';

const authoring = readFileSync('docs/authoring.md', 'utf8');

describe('docs/authoring.md lists every diagnostic rule', () => {
  it('has a row for every rule id the code reports, and no row for one it does not', () => {
    const inCode = [...ruleIdsInCode().keys()].sort();
    expect(inCode.length).toBeGreaterThan(80);
    expect(ruleIdsInDocs(authoring).sort()).toEqual(inCode);
  });

  it('is the table generated from the code (run `node scripts/rule-reference.ts`)', () => {
    const table = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(authoring)?.[1];
    expect(table).toBe(ruleReference());
  });

  it('documents examples that produce their rule', async () => {
    // The examples written out in the guide's prose, each run through the pipeline.
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md': chapter('A', '\nSee [](blueprnt#x).\n\n:::note\nOpen.\n'),
      'chapters/doc/02-b.md': chapter('B', 'Text.\n', 'status: fianl'),
      'chapters/doc/03-c.md': chapter('C', 'Text.\n\n# Late\n', 'status: draft\nkind: appendix'),
      'chapters/doc/04-d.md': chapter('D', 'Text.\n:::\n'),
    });
    const rules = new Set(
      (await assembleWithMessages(root)).messages.map((m) => /\[([a-z0-9-]+)\]$/.exec(m)![1]),
    );
    for (const rule of [
      'xref-unknown-document',
      'block-unclosed',
      'block-stray-close',
      'chapter-front-matter',
      'heading-level',
      'chapter-after-appendix',
    ]) {
      expect(authoring).toContain(`\`${rule}\``);
      expect(rules).toContain(rule);
    }
  });
});
