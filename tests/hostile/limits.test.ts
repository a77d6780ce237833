import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxSourceBytes } from '../../src/content/read-source.ts';
import { limits } from '../../src/markdown/limits.ts';
import { buildSite } from '../../src/site/build-site.ts';
import { assembleWithMessages } from '../helpers/project.ts';
import { hostileProject } from './helpers.ts';

/** Messages of a one-chapter project (no exception may escape). */
async function messagesOf(body: string): Promise<string[]> {
  const root = await hostileProject(body);
  return (await assembleWithMessages(root)).messages;
}

const nested = (n: number) =>
  Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');

describe('deep or huge input is a positioned error, never a stack overflow', () => {
  const cases: [string, string, RegExp][] = [
    [
      '5,000 nested block quotes',
      `${'>'.repeat(5000)} deep\n`,
      /:6:1: Nesting too deep: this line starts with more than 400/,
    ],
    [
      '300 nested block quotes (short prefix)',
      `${'>'.repeat(300)} deep\n`,
      /:6:\d+: Nesting too deep: more than 100 levels/,
    ],
    [
      '300 block quotes, one per line',
      Array.from({ length: 300 }, (_, i) => `${'> '.repeat(i + 1)}x`).join('\n'),
      /Nesting too deep/,
    ],
    ['600 nested list items', nested(600), /Nesting too deep: this line starts/],
    ['150 nested list items', nested(150), /Nesting too deep: more than 100 levels/],
    [
      '300 nested ordered items',
      Array.from({ length: 300 }, (_, i) => `${'   '.repeat(i)}1. x`).join('\n'),
      /Nesting too deep/,
    ],
    [
      '400 nested emphasis',
      `${'*a '.repeat(400)}x${' b*'.repeat(400)}`,
      /Nesting too deep: more than 100 levels/,
    ],
    [
      '5,000 nested raw <div>',
      `${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}`,
      /Raw HTML nested too deep/,
    ],
    [
      '5,000 nested raw <span> inline',
      `text ${'<span>'.repeat(5000)}x`,
      /Raw HTML nested too deep/,
    ],
  ];
  for (const [name, body, expected] of cases) {
    it(name, async () => {
      const messages = await messagesOf(`\n${body}\n`);
      expect(messages.join('\n')).toMatch(expected);
      expect(messages.join('\n')).toContain('[nesting-too-deep]');
    });
  }

  it('a file over the size limit is an error and is not parsed', async () => {
    const messages = await messagesOf('word '.repeat(Math.ceil(maxSourceBytes / 5) + 10));
    expect(messages).toEqual([
      'chapters/doc/01-intro.md:1:1: File is 5.0 MB, more than the limit of 5 MB; it is not read [file-too-large]',
    ]);
  });

  it('nesting just within the limits passes', async () => {
    expect(await messagesOf(`\n${'>'.repeat(limits.maxDepth - 10)} ok\n`)).toEqual([]);
    expect(await messagesOf(`\n${nested(30)}\n`)).toEqual([]);
  });

  it(
    'a multi-megabyte paragraph and deep-but-allowed nesting build a site',
    { timeout: 240_000 },
    async () => {
      const paragraph = 'word '.repeat(800_000);
      const root = await hostileProject(
        `\n${paragraph}\n\n${'>'.repeat(90)} deep\n\n${nested(40)}\n`,
      );
      const out = path.join(await mkdtemp(path.join(tmpdir(), 'srida-limits-')), 'site');
      await buildSite({ root, out, quiet: true });
      const page = path.join(out, 'doc/intro/index.html');
      expect(existsSync(page)).toBe(true);
      expect(readFileSync(page, 'utf8').length).toBeGreaterThan(paragraph.length);
    },
  );
});
