import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { ReleaseEntry } from '../schemas/release-manifest.ts';
import { digest } from './checksum.ts';
import { ReleaseRefusal } from './errors.ts';
import { exportTree, resolveCommit } from './git.ts';
import { readManifest } from './manifest.ts';
import { normalise, pageTexts } from './pdf-text.ts';
import { releaseDir, releaseTag } from './paths.ts';
import type { PrintedReleasePdf } from './print-adapter.ts';
import { rebuildRelease, type RebuildOptions } from './rebuild.ts';

/** How a rebuild compares with the published file. */
export type VerifyOutcome =
  /** Same bytes. */
  | 'identical'
  /** Different bytes, same text on every page. */
  | 'same-text'
  /** The text differs. */
  | 'different';

export interface VerifyResult {
  outcome: VerifyOutcome;
  entry: ReleaseEntry;
  /** Path of the published PDF, relative to the root. */
  published: string;
  rebuilt: { sha256: string; bytes: number; pages: number };
  /** Chromium that printed the release, and the one that rebuilt it. */
  chromium: { recorded: string; now: string };
  /** Which srida rebuilt it: the one in the snapshot's tree (tag or source), or the one running. */
  tool: 'tag' | 'current';
  /**
   * What was rebuilt: the release's tag, or, when the tag is not in this clone (tags may not
   * travel), the `source` commit its manifest entry records.
   */
  revision: { kind: 'tag' | 'source'; name: string; commit: string };
  /** For `different`: where the text first differs, as short lines. */
  differences: string[];
}

export interface VerifyOptions {
  root: string;
  documentId: string;
  version: string;
  /**
   * `tag` (default when the tag's tree holds srida itself): rebuild with the tag's own srida, so
   * that later changes to the tool cannot change the result. `current`: with the running one.
   */
  tool?: 'auto' | 'current';
  onProgress?: (text: string) => void;
}

/**
 * `srida verify-release`: check the published PDF against its manifest, rebuild the release from
 * a snapshot of its tag, and compare: the same bytes (expected on the same Chromium), else the
 * same text on every page (`pdftotext`), else a difference. Throws a {@link ReleaseRefusal} when
 * there is nothing to compare (no such release or tag) or the published file was changed.
 */
export async function verifyRelease(options: VerifyOptions): Promise<VerifyResult> {
  const { root, documentId, version } = options;
  const progress = options.onProgress ?? (() => undefined);
  const name = `\`${documentId}\` ${version}`;
  const loaded = await readManifest(root, documentId);
  const entry = loaded?.manifest?.releases.find((release) => release.version === version);
  if (!entry) {
    const known = loaded?.manifest?.releases.map((release) => release.version) ?? [];
    throw new ReleaseRefusal(
      `Cannot verify ${name}: it is not a release of \`${documentId}\``,
      known.length > 0
        ? `Releases: ${known.join(', ')}.`
        : `\`releases/${documentId}/releases.yaml\` lists no releases.`,
    );
  }
  const published = `${releaseDir(documentId, version)}/${entry.pdf.file}`;
  const publishedBytes = await readFile(path.join(root, published)).catch(() => undefined);
  if (!publishedBytes)
    throw new ReleaseRefusal(
      `Cannot verify ${name}: the published file \`${published}\` is missing`,
      `Restore it with \`git checkout ${entry.tag} -- ${published}\`.`,
    );
  const publishedDigest = digest(publishedBytes);
  if (publishedDigest.sha256 !== entry.pdf.sha256) {
    throw new ReleaseRefusal(
      `${name} fails: the published file \`${published}\` does not match the checksum in its manifest`,
      `It was changed after release. Restore it with \`git checkout ${entry.tag} -- ${published}\`.`,
      [`recorded ${entry.pdf.sha256}`, `found    ${publishedDigest.sha256}`],
    );
  }
  const tag = releaseTag(documentId, version);
  const revision = await rebuildRevision(root, tag, entry.source);
  if (!revision)
    throw new ReleaseRefusal(
      `Cannot verify ${name}: there is no tag \`${tag}\`, and its source commit \`${entry.source.slice(0, 12)}\` (recorded in the manifest) is not in this clone`,
      'Fetch the full history (`git fetch --unshallow`, or `git fetch --tags`): a release is rebuilt from its tag or its source commit.',
    );

  const workDir = await mkdtemp(path.join(tmpdir(), 'srida-verify-'));
  try {
    progress(
      `rebuilding ${documentId} v${version} from ${revision.kind === 'tag' ? `tag ${tag}` : `source commit ${revision.commit.slice(0, 12)} (no tag \`${tag}\` here)`} (${revision.commit.slice(0, 12)})`,
    );
    const snapshotRoot = await exportTree(root, revision.commit, path.join(workDir, 'snapshot'));
    if (revision.kind === 'tag') {
      const atTag = (await readManifest(snapshotRoot, documentId))?.manifest?.releases.find(
        (release) => release.version === version,
      );
      if (!atTag || atTag.pdf.sha256 !== entry.pdf.sha256) {
        throw new ReleaseRefusal(
          `${name} fails: the manifest's record of it differs from the one at tag \`${tag}\``,
          'A published release is immutable: restore its entry in the manifest from the tag.',
        );
      }
    } else {
      await addReleaseToSnapshot(root, snapshotRoot, documentId, entry);
    }
    const out = path.join(workDir, `rebuilt-${entry.pdf.file}`);
    const rebuildOptions: RebuildOptions = {
      snapshotRoot,
      documentId,
      version,
      workDir: path.join(workDir, 'build'),
      out,
    };
    const useTagTool = options.tool !== 'current' && holdsTool(snapshotRoot);
    const printed = useTagTool
      ? await rebuildInChild(snapshotRoot, rebuildOptions)
      : await rebuildRelease(rebuildOptions);
    const rebuiltBytes = await readFile(out);
    const rebuilt = { ...digest(rebuiltBytes), pages: printed.pages };
    const base = {
      entry,
      published,
      rebuilt,
      chromium: { recorded: entry.printer.chromium, now: printed.chromium },
      tool: useTagTool ? ('tag' as const) : ('current' as const),
      revision,
    };
    if (rebuilt.sha256 === entry.pdf.sha256)
      return { ...base, outcome: 'identical', differences: [] };
    const differences = compareTexts(
      await pageTexts(path.join(root, published)),
      await pageTexts(out),
    );
    return { ...base, outcome: differences.length === 0 ? 'same-text' : 'different', differences };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * The revision a release is rebuilt from: its tag when this clone has it, else the `source`
 * commit of its manifest entry (the commit `srida release` built it from), else undefined.
 */
async function rebuildRevision(
  root: string,
  tag: string,
  source: string,
): Promise<VerifyResult['revision'] | undefined> {
  const tagged = await resolveCommit(root, `refs/tags/${tag}`);
  if (tagged) return { kind: 'tag', name: tag, commit: tagged };
  const commit = await resolveCommit(root, source);
  return commit ? { kind: 'source', name: source.slice(0, 12), commit } : undefined;
}

/**
 * Make a snapshot of a release's source commit look like its tag: the release commit that
 * followed the source added the manifest entry and the released files, which the rebuild reads
 * (the entry for its context, the files for their checksums). Both come from this checkout,
 * whose entry was just checked against the published file.
 */
async function addReleaseToSnapshot(
  root: string,
  snapshotRoot: string,
  documentId: string,
  entry: ReleaseEntry,
): Promise<void> {
  const dir = releaseDir(documentId, entry.version);
  await cp(path.join(root, dir), path.join(snapshotRoot, dir), { recursive: true });
  const file = path.join(snapshotRoot, 'releases', documentId, 'releases.yaml');
  const text = await readFile(file, 'utf8').catch(() => `document: ${documentId}\nreleases: []\n`);
  const manifest = parseDocument(text);
  const releases = (manifest.toJS() as { releases?: ReleaseEntry[] }).releases ?? [];
  manifest.set('releases', [
    ...releases.filter((release) => release.version !== entry.version),
    entry,
  ]);
  await writeFile(file, manifest.toString());
}

/** Page-by-page text comparison; the first differences, as readable lines (empty when equal). */
export function compareTexts(published: readonly string[], rebuilt: readonly string[]): string[] {
  const out: string[] = [];
  if (published.length !== rebuilt.length)
    out.push(`pages: published ${published.length}, rebuilt ${rebuilt.length}`);
  for (let page = 0; page < Math.max(published.length, rebuilt.length) && out.length < 8; page++) {
    const a = (published[page] ?? '').split('\n').map(normalise).filter(Boolean);
    const b = (rebuilt[page] ?? '').split('\n').map(normalise).filter(Boolean);
    for (let line = 0; line < Math.max(a.length, b.length); line++) {
      if (a[line] === b[line]) continue;
      out.push(
        `page ${page + 1}, line ${line + 1}:`,
        `  published: ${a[line] ?? '(nothing)'}`,
        `  rebuilt:   ${b[line] ?? '(nothing)'}`,
      );
      break;
    }
  }
  return out;
}

/** Whether a snapshot holds srida itself (the tool and the content in one repository). */
function holdsTool(snapshotRoot: string): boolean {
  return ['src/release/rebuild.ts', 'astro.config.mjs', 'package.json', 'bin/srida.mjs'].every(
    (file) => existsSync(path.join(snapshotRoot, file)),
  );
}

/**
 * Rebuild with the tag's own srida: its `src/release/rebuild.ts` runs in a child Node (this
 * one, Node 24) with this checkout's `node_modules` linked in, as the packages are not in git.
 */
async function rebuildInChild(
  snapshotRoot: string,
  options: RebuildOptions,
): Promise<PrintedReleasePdf> {
  const modules = fileURLToPath(new URL('../../node_modules', import.meta.url));
  if (!existsSync(path.join(snapshotRoot, 'node_modules')))
    await symlink(modules, path.join(snapshotRoot, 'node_modules'), 'dir');
  const script = path.join(snapshotRoot, 'src/release/rebuild.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(options)], {
      cwd: snapshotRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = /^@@srida-rebuild (.*)$/m.exec(stdout)?.[1];
      if (code === 0 && line) resolve(JSON.parse(line) as PrintedReleasePdf);
      else
        reject(
          new Error(
            `Rebuilding with the tag's srida failed (exit ${code}):\n${stderr.trim().split('\n').slice(-15).join('\n')}`,
          ),
        );
    });
  });
}
