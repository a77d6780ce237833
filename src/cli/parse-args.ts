import path from 'node:path';
import { parseArgs } from 'node:util';

/** Options every command understands. */
export interface CommandOptions {
  command: string;
  positionals: string[];
  /** Absolute project root (holds chapters/, bibliography/, roadmap/). */
  root: string;
  /** Absolute output folder of the site (default `<root>/dist`). */
  out: string;
  strict: boolean;
  /** Skip the PDFs in `build`. */
  noPdf: boolean;
  /** Two-sided PDFs (chapters open on right-hand pages). */
  duplex: boolean;
  quiet: boolean;
  /** `check`, `build`, `pdf`: print the time of each step at the end. */
  timings: boolean;
  force?: string;
  stage?: string;
  help: boolean;
  /** Show the stack of an internal error (also `SRIDA_DEBUG=1`). */
  debug: boolean;
  /** `consult serve`: the options of the consultation server (see `src/cli/commands/consult-serve.ts`). */
  consult: ConsultOptions;
}

/** Options of `srida consult serve`, as given (checked by the command). */
export interface ConsultOptions {
  db?: string;
  port?: string;
  host?: string;
  trustProxy: boolean;
  draft?: string;
  opens?: string;
  closes?: string;
  rateLimit?: string;
}

/** Parse `srida <command> [options]`; throws an `Error` with a usage hint on bad flags. */
export function parseCommandLine(argv: readonly string[], cwd = process.cwd()): CommandOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      root: { type: 'string' },
      out: { type: 'string' },
      strict: { type: 'boolean', default: false },
      'no-pdf': { type: 'boolean', default: false },
      duplex: { type: 'boolean', default: false },
      quiet: { type: 'boolean', short: 'q', default: false },
      timings: { type: 'boolean', default: false },
      force: { type: 'string' },
      stage: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      debug: { type: 'boolean', default: false },
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'trust-proxy': { type: 'boolean', default: false },
      draft: { type: 'string' },
      opens: { type: 'string' },
      closes: { type: 'string' },
      'rate-limit': { type: 'string' },
    },
  });
  const root = path.resolve(cwd, values.root ?? '.');
  return {
    command: positionals[0] ?? 'help',
    positionals: positionals.slice(1),
    root,
    out: path.resolve(cwd, values.out ?? path.join(root, 'dist')),
    strict: values.strict ?? false,
    noPdf: values['no-pdf'] ?? false,
    duplex: values.duplex ?? false,
    quiet: values.quiet ?? false,
    timings: values.timings ?? false,
    force: values.force,
    stage: values.stage,
    help: values.help ?? false,
    debug: values.debug ?? false,
    consult: {
      db: values.db === undefined ? undefined : path.resolve(cwd, values.db),
      port: values.port,
      host: values.host,
      trustProxy: values['trust-proxy'] ?? false,
      draft: values.draft,
      opens: values.opens,
      closes: values.closes,
      rateLimit: values['rate-limit'],
    },
  };
}

export const usage = `Usage: srida <command> [options]

Commands:
  check               validate chapters, metadata, bibliography and roadmap
  build               check, then build the website (and the PDFs) into --out
  pdf [document...]   print the PDFs of the site built in --out
  release <document> <version> --stage draft|final [--force "reason"]
                      cut a release: print, checksum, notes, commit and tag it
  verify-release <document> <version>
                      rebuild a release from its tag and compare with the published PDF
  consult serve       run the public consultation's comment form (srida consult --help)
  consult import <document> <version> FILE
                      turn exported comments into consultation/<document>/<version>.yaml
  consult check       check the consultation records (dispositions, anchors, ids)

Options:
  --root DIR          project folder holding chapters/, bibliography/, roadmap/ (default: .)
  --out DIR           output folder of build (default: <root>/dist)
  --strict            check: warnings fail too; verify-release: differing bytes on the same Chromium fail
  --stage STAGE       release: draft (for consultation) or final
  --force REASON      release: a final although some chapters are not final
  --no-pdf            build: skip the PDFs
  --duplex            build, pdf: two-sided layout, chapters open on right-hand pages
  --timings           check, build, pdf: print the time of each step (assembly phases, each
                      stage's hooks, the site, each print) at the end
  -q, --quiet         print only problems
  --debug             on an internal error, print its stack (also SRIDA_DEBUG=1)
  -h, --help          show this help`;
