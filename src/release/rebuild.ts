import { pathToFileURL } from 'node:url';
import { contextOf } from './context.ts';
import { buildReleasePdf } from './build-release.ts';
import { readManifest } from './manifest.ts';
import type { PrintedReleasePdf } from './print-adapter.ts';

export interface RebuildOptions {
  /** A snapshot of the project at the release's tag. */
  snapshotRoot: string;
  documentId: string;
  version: string;
  workDir: string;
  out: string;
}

/**
 * Rebuild a release's PDF from a snapshot of its tag, with the release as its own manifest (in
 * that snapshot) records it. `srida verify-release` calls this in-process, or, when the tag's
 * tree holds the tool itself, the tag's own copy of it in a child process (see
 * {@link rebuildInChild}), so that later changes to the tool do not change the rebuild.
 */
export async function rebuildRelease(options: RebuildOptions): Promise<PrintedReleasePdf> {
  const loaded = await readManifest(options.snapshotRoot, options.documentId);
  const entry = loaded?.manifest?.releases.find((release) => release.version === options.version);
  if (!entry)
    throw new Error(
      `The tag's \`releases/${options.documentId}/releases.yaml\` has no release \`${options.version}\``,
    );
  return buildReleasePdf({
    snapshotRoot: options.snapshotRoot,
    context: contextOf(options.documentId, entry),
    workDir: options.workDir,
    out: options.out,
  });
}

/**
 * Entry point of the child process: `node <tag>/src/release/rebuild.ts '<json options>'`.
 * Prints the result as one JSON line.
 */
async function childMain(): Promise<void> {
  const options = JSON.parse(process.argv[2]!) as RebuildOptions;
  const result = await rebuildRelease(options);
  process.stdout.write(`\n@@srida-rebuild ${JSON.stringify(result)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  childMain().catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  });
}
