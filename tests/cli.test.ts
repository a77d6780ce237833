import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { parseCommandLine } from '../src/cli/parse-args.ts';
import { chapter, documentYaml, makeProject } from './helpers/project.ts';

/** Run the CLI in-process and capture what it prints. */
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { info: (t) => out.push(t), error: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('srida check', () => {
  it('exits 0 on clean content and says so', async () => {
    const result = await run(['check', '--root', 'tests/fixtures/basic']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatch(/^srida check: 2 documents, 4 chapters, no problems \(\d+ ms\)$/);
  });

  it('prints `path:line:column  severity  message  rule` with a hint, and exits 1 on errors', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md': chapter('A', '\n## Data\n\nSee [](#dta).\n'),
    });
    const result = await run(['check', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      'chapters/doc/01-a.md:8:5  error  Cannot find cross-reference target `#dta`  xref-unknown\n  hint: Did you mean `#data`?',
    );
    expect(result.out).toMatch(/1 error, 0 warnings/);
  });

  it('exits 0 on warnings, and 1 with --strict', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md': chapter('A', '\n:::table{#tbl-x}\n| a |\n| - |\n| 1 |\n:::\n'),
    });
    const lenient = await run(['check', '--root', root]);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toContain(
      'chapters/doc/01-a.md:6:1  warning  Table has no caption  table-caption',
    );
    expect((await run(['check', '--root', root, '--strict'])).code).toBe(1);
  });

  it('exits 2 on an unknown command or flag, with the usage', async () => {
    const unknown = await run(['publish']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command `publish`');
    expect(unknown.err).toContain('Usage: srida <command>');
    const flag = await run(['check', '--colour']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("Unknown option '--colour'");
  });

  it('refuses to build when check finds errors, writing nothing', async () => {
    const root = await makeProject({ 'chapters/doc/document.yaml': documentYaml() });
    const out = path.join(root, 'dist');
    const result = await run(['build', '--root', root, '--out', out, '--no-pdf']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('not building because `srida check` found errors');
    const { existsSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
  });

  it('parses --root and --out relative to the working folder', () => {
    const options = parseCommandLine(
      ['build', '--root', 'content', '--out', 'public'],
      '/tmp/project',
    );
    expect(options).toMatchObject({
      command: 'build',
      root: '/tmp/project/content',
      out: '/tmp/project/public',
    });
    expect(parseCommandLine(['check'], '/srv').out).toBe('/srv/dist');
  });

  it('runs as `npx srida` on Node 24 with the same exit code', async () => {
    const exec = promisify(execFile);
    const failure = await exec('npx', ['srida', 'check', '--root', 'tests/fixtures/none'], {
      env: { ...process.env, npm_config_loglevel: 'error' },
    }).catch((error) => error);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain(
      'chapters:1:1  error  No `chapters/` folder in the project root  project-layout',
    );
  });
});
