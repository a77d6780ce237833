import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { isMap, isSeq, parseDocument } from 'yaml';
import { parseYaml, validateYaml, type LocatedYaml } from '../content/parse-yaml.ts';
import { readSource } from '../content/read-source.ts';
import { report } from '../diagnostics/report.ts';
import {
  releaseManifestSchema,
  type ReleaseEntry,
  type ReleaseManifest,
} from '../schemas/release-manifest.ts';
import { digestFile } from './checksum.ts';
import {
  isReleasePdfName,
  manifestPath,
  releaseDir,
  releasePdfName,
  releasesFolder,
  releaseTag,
} from './paths.ts';
import { compareVersions } from './semver.ts';

/** One document's manifest, read and validated, with a way to point at its lines. */
export interface LoadedManifest {
  /** The folder name under `releases/`: the document id. */
  documentId: string;
  file: VFile;
  located?: LocatedYaml;
  /** Undefined when the file is not valid (its messages say why). */
  manifest?: ReleaseManifest;
}

/** Read and validate `releases/<document>/releases.yaml`, if there is one. */
export async function readManifest(
  root: string,
  documentId: string,
): Promise<LoadedManifest | undefined> {
  const relative = manifestPath(documentId);
  const found = await stat(path.join(root, relative)).catch(() => undefined);
  if (!found?.isFile()) return undefined;
  const { file, ok } = await readSource(root, relative);
  const located = ok ? parseYaml(file, String(file.value)) : undefined;
  const manifest = located
    ? validateYaml(file, located, releaseManifestSchema, 'release-manifest')
    : undefined;
  return { documentId, file, located, manifest };
}

/** Every manifest under `<root>/releases/`, plus a file with a message for each folder that has none. */
export async function readManifests(
  root: string,
): Promise<{ manifests: LoadedManifest[]; files: VFile[] }> {
  const entries = await readdir(path.join(root, releasesFolder), { withFileTypes: true }).catch(
    () => [],
  );
  const manifests: LoadedManifest[] = [];
  const files: VFile[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const loaded = await readManifest(root, entry.name);
    if (loaded) {
      manifests.push(loaded);
      files.push(loaded.file);
      continue;
    }
    const file = new VFile({ path: `${releasesFolder}/${entry.name}`, cwd: root });
    report(
      file,
      'warning',
      `Release folder \`${releasesFolder}/${entry.name}/\` has no \`releases.yaml\``,
      { line: 1, column: 1 },
      'release-manifest-missing',
      'Releases are made with `srida release`, which writes the manifest; remove the folder if it holds nothing released.',
    );
    files.push(file);
  }
  return { manifests, files };
}

/**
 * Check a manifest against the files on disk: the entries are in version order with the tags
 * `srida release` gives them, and every released file is there with the SHA-256 and size the
 * manifest recorded. A changed byte in a released PDF is an error at its `sha256:` line.
 */
export async function verifyManifest(root: string, loaded: LoadedManifest): Promise<void> {
  const { file, located, manifest, documentId } = loaded;
  if (!manifest || !located) return;
  const at = (...keys: PropertyKey[]) => located.placeOf(keys);
  if (manifest.document !== documentId) {
    report(
      file,
      'error',
      `Manifest is for \`${manifest.document}\` but lies in \`${releasesFolder}/${documentId}/\``,
      at('document'),
      'release-manifest-document',
      `Set \`document: ${documentId}\`, or move the folder.`,
    );
  }
  const listedDirs = new Set<string>();
  for (const [index, entry] of manifest.releases.entries()) {
    listedDirs.add(entry.version);
    const previous = manifest.releases[index - 1];
    if (previous && compareVersions(entry.version, previous.version) <= 0) {
      report(
        file,
        'error',
        `Release \`${entry.version}\` is listed after \`${previous.version}\``,
        at('releases', index, 'version'),
        'release-order',
        'Releases are listed oldest first, each version greater than the one before.',
      );
    }
    const tag = releaseTag(manifest.document, entry.version);
    if (entry.tag !== tag) {
      report(
        file,
        'error',
        `Release \`${entry.version}\` has tag \`${entry.tag}\`, expected \`${tag}\``,
        at('releases', index, 'tag'),
        'release-tag',
        'Tags are `<document>-v<version>`; the manifest records the one `srida release` created.',
      );
    }
    const pdfName = releasePdfName(manifest.document, entry.version, entry.stage);
    if (!isReleasePdfName(entry.pdf.file, manifest.document, entry.version, entry.stage)) {
      report(
        file,
        'error',
        `Release \`${entry.version}\` names its PDF \`${entry.pdf.file}\`, expected \`${pdfName}\` (after the project's file prefix)`,
        at('releases', index, 'pdf', 'file'),
        'release-file-name',
        'Released PDFs keep the stable name `<prefix><document>-v<version>-<stage>.pdf` (`filePrefix` in `project.yaml`).',
      );
    }
    await verifyFiles(root, loaded, index, entry);
  }
  const dir = path.join(root, releasesFolder, documentId);
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory() && !listedDirs.has(entry.name)) {
      report(
        file,
        'warning',
        `Folder \`${releasesFolder}/${documentId}/${entry.name}/\` is not a release in this manifest`,
        { line: 1, column: 1 },
        'release-unlisted',
        'Only `srida release` adds releases; remove the folder if it was not made by it.',
      );
    }
  }
}

async function verifyFiles(
  root: string,
  loaded: LoadedManifest,
  index: number,
  entry: ReleaseEntry,
): Promise<void> {
  const { file, located, documentId } = loaded;
  const dir = releaseDir(documentId, entry.version);
  const listed = [
    { record: entry.pdf, keys: ['releases', index, 'pdf'] as PropertyKey[] },
    ...entry.files.map((record, i) => ({
      record,
      keys: ['releases', index, 'files', i] as PropertyKey[],
    })),
  ];
  for (const { record, keys } of listed) {
    const relative = `${dir}/${record.file}`;
    const actual = await digestFile(path.join(root, relative));
    if (!actual) {
      report(
        file,
        'error',
        `Released file \`${relative}\` is missing`,
        located!.placeOf([...keys, 'file']),
        'release-file-missing',
        `A published release stays downloadable forever: restore it with \`git checkout ${entry.tag} -- ${relative}\`.`,
      );
    } else if (actual.sha256 !== record.sha256 || actual.bytes !== record.bytes) {
      report(
        file,
        'error',
        `Released file \`${relative}\` does not match its checksum: it was changed after release (SHA-256 \`${actual.sha256.slice(0, 12)}…\`, ${actual.bytes} bytes; recorded \`${record.sha256.slice(0, 12)}…\`, ${record.bytes} bytes)`,
        located!.placeOf([...keys, 'sha256']),
        'release-checksum',
        `A published release is immutable: restore it with \`git checkout ${entry.tag} -- ${relative}\`, and cut a new version for new content.`,
      );
    }
  }
  const present = await readdir(path.join(root, dir)).catch(() => [] as string[]);
  const known = new Set(listed.map((l) => l.record.file));
  for (const name of present.sort()) {
    // A release made before anchors existed has its anchor record derived afterwards from its
    // source commit (scripts/derive-anchor-records.ts): a new file, not a change (docs/anchors.md).
    if (known.has(name) || name === derivedAnchorRecord) continue;
    report(
      file,
      'warning',
      `File \`${dir}/${name}\` is not part of release \`${entry.version}\``,
      located!.placeOf(['releases', index, 'version']),
      'release-unlisted',
      'Released folders hold only what `srida release` wrote; remove the file.',
    );
  }
}

/** The one file a published release's folder may gain afterwards. */
const derivedAnchorRecord = 'anchors.json';

/** Header of a manifest the release command creates. */
function newManifestText(documentId: string): string {
  return `# Releases of \`${documentId}\`, oldest first. \`srida release\` appends to \`releases\`;
# published entries and their files never change (\`srida check\` verifies the checksums).
# Before a release, describe it under \`next:\` (date, consultation for a draft, DOI for a final):
# see docs/releases.md.
document: ${documentId}
releases: []
`;
}

/**
 * The manifest text with a new release appended and `next` (consumed by it) removed. Comments
 * and the layout of the rest of the file are kept.
 */
export function manifestWithRelease(
  text: string | undefined,
  documentId: string,
  entry: ReleaseEntry,
): string {
  const document = parseDocument(text ?? newManifestText(documentId));
  document.delete('next');
  const releases = document.get('releases', true);
  const plain = JSON.parse(JSON.stringify(entry)) as Record<string, unknown>;
  if (isSeq(releases) && releases.items.length > 0) {
    releases.items.push(document.createNode(plain));
  } else {
    const seq = document.createNode([plain]);
    if (isSeq(seq)) seq.flow = false;
    document.set('releases', seq);
  }
  if (!isMap(document.contents)) throw new Error('`releases.yaml` is not a mapping');
  return document.toString({ lineWidth: 100 });
}

/** The raw text of a manifest, if it exists (to restore it when a release is rolled back). */
export async function readManifestText(
  root: string,
  documentId: string,
): Promise<string | undefined> {
  return readFile(path.join(root, manifestPath(documentId)), 'utf8').catch(() => undefined);
}
