import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { main } from '../../src/cli/main.ts';

const exec = promisify(execFile);
export const toolRoot = path.resolve(import.meta.dirname, '../..');

/** Run git in a test repository. */
export async function git(root: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd: root });
  return stdout.trim();
}

/** The consultation block of a draft, as an editor writes it under `next:`. */
export const consultationYaml = `  consultation:
    opens: 2025-10
    note: The closing date was not published.
    respond: Answer the survey or write to the editors.
    url: https://example.org/consultation
`;

/**
 * A temporary git repository holding the `basic` fixture (documents `alpha` and `beta`), with
 * `files` written over it (paths relative to the root), committed once.
 */
export async function makeRepo(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const root = await tempDir('srida-release-test-');
  await cp(path.join(toolRoot, 'tests/fixtures/basic/chapters'), path.join(root, 'chapters'), {
    recursive: true,
  });
  // The file prefix of the released PDFs' names (`spectrum-alpha-v1.0.0-final.pdf`).
  await writeFiles(root, { 'project.yaml': 'filePrefix: spectrum-\n', ...files });
  await git(root, 'init', '-q', '-b', 'main');
  await git(root, 'config', 'user.name', 'Test Editor');
  await git(root, 'config', 'user.email', 'editor@example.org');
  await git(root, 'config', 'commit.gpgsign', 'false');
  await git(root, 'config', 'tag.gpgsign', 'false');
  await commitAll(root, 'Content');
  return root;
}

const created: string[] = [];

/** A new temporary folder, removed by {@link removeTempDirs}. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Remove every folder made by {@link tempDir} (call in `afterAll`). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Write files (paths relative to the root). */
export async function writeFiles(
  root: string,
  files: Record<string, string | Uint8Array>,
): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
}

/** Stage everything and commit. */
export async function commitAll(root: string, message: string): Promise<void> {
  await git(root, 'add', '-A');
  await git(root, 'commit', '-q', '-m', message);
}

/** Set the `status:` of every chapter of the fixture's `alpha` to final. */
export async function finaliseAlpha(root: string): Promise<void> {
  for (const name of ['00-summary.md', '01-intro.md', '02-appendix.md']) {
    const file = path.join(root, 'chapters/alpha', name);
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(/^status: \w+$/m, 'status: final'),
    );
  }
}

/** Run the CLI in this process and capture what it prints. */
export async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { info: (t) => out.push(t), error: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Run `srida` as its own process (Node 24, as `npx srida` does), without Vitest's environment,
 * which changes how Vite (inside Astro) behaves.
 */
export function runCli(
  argv: string[],
  env: Record<string, string> = {},
  tool = toolRoot,
): Promise<{ code: number; out: string; err: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'TEST',
    ),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(tool, 'bin/srida.mjs'), ...argv], {
      cwd: tool,
      env: { ...clean, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out: out.trim(), err: err.trim() }));
  });
}

/**
 * Everything a release could change: every file outside `.git` with its SHA-256, HEAD, the
 * branch's history, the tags, the index and `git status`. Equal states mean nothing changed.
 */
export async function repoState(root: string): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const name of (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) =>
    e.isFile(),
  )) {
    const file = path.join(name.parentPath, name.name);
    const relative = path.relative(root, file);
    if (relative.split(path.sep)[0] === '.git') continue;
    state[relative] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  state['git:HEAD'] = await git(root, 'rev-parse', 'HEAD').catch(() => '(none)');
  state['git:log'] = await git(root, 'log', '--all', '--format=%H %s').catch(() => '');
  state['git:tags'] = await git(root, 'tag', '-l').catch(() => '(no repository)');
  state['git:index'] = await git(root, 'ls-files', '-s').catch(() => '(no repository)');
  state['git:status'] = await git(root, 'status', '--porcelain', '--untracked-files=all').catch(
    () => '(no repository)',
  );
  state['git:worktrees'] = await git(root, 'worktree', 'list', '--porcelain').catch(
    () => '(no repository)',
  );
  return state;
}

/** SHA-256 of bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Record a release without building it (for tests that need a release history, not a PDF): a
 * stand-in PDF and notes with their real checksums in the manifest, committed and tagged as
 * `srida release` does.
 */
export async function fakeRelease(
  root: string,
  documentId: string,
  version: string,
  stage: 'draft' | 'final',
  date: string,
): Promise<void> {
  const { manifestWithRelease } = await import('../../src/release/manifest.ts');
  const pdf = `spectrum-${documentId}-v${version}-${stage}.pdf`;
  const pdfBytes = new TextEncoder().encode(`%PDF-1.7 stand-in for ${documentId} ${version}\n`);
  const notes = new TextEncoder().encode(`# ${documentId} ${version}\n`);
  const dir = `releases/${documentId}/${version}`;
  await writeFiles(root, { [`${dir}/${pdf}`]: pdfBytes, [`${dir}/NOTES.md`]: notes });
  const manifestFile = path.join(root, `releases/${documentId}/releases.yaml`);
  const before = await readFile(manifestFile, 'utf8').catch(() => undefined);
  const entry = {
    version,
    stage,
    date,
    tag: `${documentId}-v${version}`,
    source: await git(root, 'rev-parse', 'HEAD'),
    ...(stage === 'draft'
      ? { consultation: { opens: '2025-10', respond: 'Write to the editors.' } }
      : {}),
    printer: { tool: 'srida test', chromium: 'none' },
    pdf: { file: pdf, sha256: sha256(pdfBytes), bytes: pdfBytes.length, pages: 1 },
    files: [{ file: 'NOTES.md', sha256: sha256(notes), bytes: notes.length }],
  };
  await writeFile(manifestFile, manifestWithRelease(before, documentId, entry));
  await commitAll(root, `Release ${documentId} v${version}`);
  await git(root, 'tag', '-a', `${documentId}-v${version}`, '-m', `${documentId} v${version}`);
}
