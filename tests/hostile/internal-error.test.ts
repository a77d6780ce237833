import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type * as Processor from '../../src/markdown/processor.ts';
import { hostileProject, run } from './helpers.ts';

// A stand-in for a bug: the Markdown parser throws on a chapter that holds `BOOM`.
vi.mock('../../src/markdown/processor.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Processor>();
  return {
    ...actual,
    parseMarkdown: (markdown: string) => {
      if (markdown.includes('BOOM')) throw new TypeError('Cannot read properties of undefined');
      return actual.parseMarkdown(markdown);
    },
  };
});

describe('an unexpected exception is an internal error, not a stack trace', () => {
  it('names the file, asks for a report, keeps the stack in a debug log', async () => {
    const root = await hostileProject('Text with BOOM in it.');
    const result = await run(['check', '--root', root]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /^srida check: internal error while processing .*chapters\/doc\/01-intro\.md: TypeError: Cannot read properties of undefined\n/,
    );
    expect(result.err).toContain('This is a bug in srida');
    expect(result.err).toContain('please report it');
    expect(result.err).not.toMatch(/\n\s+at /);
    const log = /the debug log (\S+)\./.exec(result.err)?.[1];
    expect(log && existsSync(log)).toBe(true);
    expect(readFileSync(log!, 'utf8')).toMatch(/\n\s+at /);
  });

  it('prints the stack with --debug or SRIDA_DEBUG=1', async () => {
    const root = await hostileProject('Text with BOOM in it.');
    const flag = await run(['check', '--root', root, '--debug']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/\n\s+at /);
    const env = await run(['check', '--root', root], { SRIDA_DEBUG: '1' });
    expect(env.err).toMatch(/\n\s+at /);
  });
});
