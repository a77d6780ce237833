/**
 * Regenerate the table of diagnostic rules in docs/authoring.md from the code
 * (`node scripts/rule-reference.ts`); tests/docs/rule-reference.test.ts fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ruleReference } from '../tests/docs/rule-ids.ts';

const file = 'docs/authoring.md';
const text = readFileSync(file, 'utf8');
const start = '<!-- rules:start -->';
const end = '<!-- rules:end -->';
const before = text.slice(0, text.indexOf(start) + start.length);
const after = text.slice(text.indexOf(end));
if (!text.includes(start) || !text.includes(end)) throw new Error(`${file} has no ${start}/${end}`);
writeFileSync(file, `${before}\n${ruleReference()}\n${after}`);
