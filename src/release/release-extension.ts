/**
 * Releases as a stage of the assembly pipeline (`src/assemble/extension.ts`): `load` reads every
 * `releases/<document>/releases.yaml` and verifies each released file against its SHA-256, so
 * `srida check` reports a changed or missing released file at its line in the manifest; the
 * document pass hands the site the release history (`releasesOf(document)`) and, in a
 * release build, what the print page must mark.
 */
import type { ExtensionFactory } from '../assemble/extension.ts';
import { report } from '../diagnostics/report.ts';
import type { ReleaseContext } from './context.ts';
import { readManifests, verifyManifest, type LoadedManifest } from './manifest.ts';
import { releasesKey, toReleasesData, type ReleasesData } from './site-data.ts';
import { readSourceState, type SourceState } from './source-state.ts';

/** Options of {@link releasesExtension}. */
export interface ReleasesExtensionOptions {
  /** The release being built (`srida release`, `verify-release`), if any. */
  building?: ReleaseContext;
  /** The source the build is made from; default: read from git under the root in `load`. */
  source?: SourceState;
}

/** The releases extension, for the stage list (src/stages.ts). */
export function releasesExtension(
  options: ReleasesExtensionOptions = {},
): ExtensionFactory<ReleasesData> {
  return (context) => {
    let manifests = new Map<string, LoadedManifest>();
    const unverified = new Map<string, Set<string>>();
    let source: SourceState = options.source ?? { dirty: false };
    return {
      name: 'releases',
      key: releasesKey,
      async load() {
        // Once per assembly: every page and PDF of a build names the same commit.
        if (!options.source) source = await readSourceState(context.root);
        const read = await readManifests(context.root);
        for (const loaded of read.manifests) {
          const before = loaded.file.messages.length;
          await verifyManifest(context.root, loaded);
          const failed = new Set(
            loaded.file.messages
              .slice(before)
              .filter(
                (message) =>
                  message.ruleId === 'release-checksum' ||
                  message.ruleId === 'release-file-missing',
              )
              .map((message) => versionAtLine(loaded, message.line ?? 0))
              .filter((version): version is string => version !== undefined),
          );
          unverified.set(loaded.documentId, failed);
        }
        manifests = new Map(read.manifests.map((m) => [m.documentId, m]));
        return read.files;
      },
      registered() {
        if (context.documents.length === 0) return;
        const ids = new Set(context.documents.map((d) => d.id));
        for (const manifest of manifests.values()) {
          if (ids.has(manifest.documentId)) continue;
          report(
            manifest.file,
            'warning',
            `Releases of \`${manifest.documentId}\`, which is not a document of this project`,
            { line: 1, column: 1 },
            'release-document-unknown',
            `Documents: ${[...ids].map((id) => `\`${id}\``).join(', ')}. Its releases stay on disk but the site does not list them.`,
          );
        }
      },
      document({ document }) {
        const data = toReleasesData({
          documentId: document.id,
          metadata: document.metadata,
          manifest: manifests.get(document.id)?.manifest,
          unverified: unverified.get(document.id),
          building: options.building,
          source,
          now: context.now,
          filePrefix: context.project.filePrefix,
        });
        return { data };
      },
    };
  };
}

/** The version of the release whose entry holds a line of the manifest. */
function versionAtLine(loaded: LoadedManifest, line: number): string | undefined {
  const releases = loaded.manifest?.releases ?? [];
  let found: string | undefined;
  for (const [index, entry] of releases.entries()) {
    if (loaded.located!.placeOf(['releases', index]).line <= line) found = entry.version;
  }
  return found;
}
