/**
 * Releases as a stage of the assembly pipeline (`src/assemble/extension.ts`): `load` reads every
 * `releases/<document>/releases.yaml` and verifies each released file against its SHA-256, so
 * `srida check` reports a changed or missing released file at its line in the manifest; the
 * document pass hands the site the release history (`document.extensions.releases`) and, in a
 * release build, what the print page must mark.
 */
import type { VFile } from 'vfile';
import type { Extension } from '../assemble/extension.ts';
import { report } from '../diagnostics/report.ts';
import { readReleaseContext } from './context.ts';
import { readManifests, verifyManifest, type LoadedManifest } from './manifest.ts';
import { toReleasesData } from './site-data.ts';

/** The extension's name: its data is `document.extensions[releasesExtensionName]`. */
export const releasesExtensionName = 'releases';

interface Loaded {
  manifests: Map<string, LoadedManifest>;
  unverified: Map<string, Set<string>>;
}

/** Create the releases extension. Registered in `src/assemble/extensions.ts`. */
export function releasesExtension(): Extension {
  // Keyed by project root: one extension object serves every assembly (tests assemble several
  // projects in one process), and `document` receives the root only through the file's cwd.
  const byRoot = new Map<string, Loaded>();
  return {
    name: releasesExtensionName,
    async load(root) {
      const { manifests, files } = await readManifests(root);
      const unverified = new Map<string, Set<string>>();
      for (const loaded of manifests) {
        const before = loaded.file.messages.length;
        await verifyManifest(root, loaded);
        const failed = new Set(
          loaded.file.messages
            .slice(before)
            .filter(
              (message) =>
                message.ruleId === 'release-checksum' || message.ruleId === 'release-file-missing',
            )
            .map((message) => versionAtLine(loaded, message.line ?? 0))
            .filter((version): version is string => version !== undefined),
        );
        unverified.set(loaded.documentId, failed);
      }
      byRoot.set(root, { manifests: new Map(manifests.map((m) => [m.documentId, m])), unverified });
      return files;
    },
    registered(_registry, documents) {
      const root = documents[0]?.metadataFile.cwd;
      const loaded = root ? byRoot.get(root) : undefined;
      if (!loaded) return;
      const ids = new Set(documents.map((d) => d.id));
      for (const manifest of loaded.manifests.values()) {
        if (ids.has(manifest.documentId)) continue;
        report(
          manifest.file as VFile,
          'warning',
          `Releases of \`${manifest.documentId}\`, which is not a document of this project`,
          { line: 1, column: 1 },
          'release-document-unknown',
          `Documents: ${[...ids].map((id) => `\`${id}\``).join(', ')}. Its releases stay on disk but the site does not list them.`,
        );
      }
    },
    document({ document }) {
      const loaded = byRoot.get(document.metadataFile.cwd);
      const manifest = loaded?.manifests.get(document.id);
      const data = toReleasesData({
        documentId: document.id,
        metadata: document.metadata,
        manifest: manifest?.manifest,
        unverified: loaded?.unverified.get(document.id),
        building: readReleaseContext(),
      });
      return { data };
    },
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
