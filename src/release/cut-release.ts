import { constants } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReleaseEntry, ReleasedFile } from '../schemas/release-manifest.ts';
import { buildReleasePdf } from './build-release.ts';
import { digest, digestFile } from './checksum.ts';
import { citationCff, zenodoJson } from './citation-files.ts';
import { contextOf, stageLabels } from './context.ts';
import { ReleaseRefusal } from './errors.ts';
import { exportTree, git, resolveCommit } from './git.ts';
import { manifestWithRelease } from './manifest.ts';
import { checkMarks } from './marks-check.ts';
import {
  citationName,
  manifestPath,
  releaseDir,
  releaseNotesName,
  releasePdfName,
  releasesPageHref,
  releaseTag,
  zenodoName,
} from './paths.ts';
import { prepareRelease, type ReleaseRequest } from './preconditions.ts';
import { releaseNotes } from './release-notes.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';
import { anchorsOf } from '../anchors/anchors-data.ts';
import { anchorRecordName, anchorRecordText } from '../anchors/record.ts';

export interface CutReleaseResult {
  entry: ReleaseEntry;
  /** The release commit ("Release <doc> v<version>") and its annotated tag. */
  commit: string;
  tag: string;
  /** Paths relative to the project root. */
  pdf: string;
  files: string[];
  /** `--force` was given but nothing needed forcing. */
  forceUnused: boolean;
}

/**
 * Cut a release (`srida release`): check every precondition (see `prepareRelease`), build the
 * site and print the document from a snapshot of HEAD with the release's fixed date, check the
 * draft marks, write the PDF under its stable name with the release notes, CITATION.cff and
 * .zenodo.json into `releases/<doc>/<version>/`, record checksums in the manifest, commit those
 * files alone as "Release <doc> v<version>" and tag that commit `<doc>-v<version>` (annotated).
 * On any failure, everything written is removed and the repository is as before.
 */
export async function cutRelease(
  request: ReleaseRequest & { onProgress?: (text: string) => void },
): Promise<CutReleaseResult> {
  const progress = request.onProgress ?? (() => undefined);
  const prepared = await prepareRelease(request);
  const { root, documentId, version, stage } = request;
  const { head, document, next, date } = prepared;
  const tag = releaseTag(documentId, version);
  const pdfName = releasePdfName(documentId, version, stage, prepared.project.metadata.filePrefix);
  const context = contextOf(documentId, {
    version,
    stage,
    date,
    consultation: next.consultation,
    doi: next.doi,
  });
  const workDir = await mkdtemp(path.join(tmpdir(), 'srida-release-'));
  try {
    progress(`building ${documentId} v${version} (${stage}) from ${head.slice(0, 12)}`);
    const snapshotRoot = await exportTree(root, head, path.join(workDir, 'snapshot'));
    const builtPdf = path.join(workDir, pdfName);
    const printed = await buildReleasePdf({ snapshotRoot, context, workDir, out: builtPdf });
    await checkMarks(builtPdf, context);
    const pdfDigest = (await digestFile(builtPdf))!;
    progress(`printed ${pdfName}: ${printed.pages} pages, ${pdfDigest.bytes} bytes`);

    const pdfRecord = { file: pdfName, ...pdfDigest, pages: printed.pages };
    const base = {
      version,
      stage,
      date,
      tag,
      source: head,
      ...(next.consultation ? { consultation: next.consultation } : {}),
      ...(next.doi ? { doi: next.doi } : {}),
      ...(prepared.forced ? { forced: prepared.forced } : {}),
    };
    const previous = prepared.previous
      ? {
          version: prepared.previous.version,
          stage: prepared.previous.stage,
          revision: (await resolveCommit(root, prepared.previous.tag)) ?? prepared.previous.source,
        }
      : undefined;
    const siteUrl = process.env.SRIDA_SITE_URL?.replace(/\/+$/, '');
    const citation = {
      metadata: document.metadata,
      project: prepared.project.metadata,
      version,
      stage,
      date,
      doi: next.doi,
      pdfFile: pdfName,
      url: siteUrl ? `${siteUrl}${releasesPageHref(documentId)}` : undefined,
    };
    const texts: [string, string][] = [
      [
        releaseNotesName,
        await releaseNotes({ root, document, entry: { ...base, pdf: pdfRecord }, previous, head }),
      ],
      [citationName, citationCff(citation)],
      [zenodoName, zenodoJson(citation)],
      // The anchors the release publishes (docs/anchors.md): the consultation checks comments
      // against them, and later editions resolve old links through them.
      [anchorRecordName, anchorRecordText(documentId, version, anchorsOf(document)?.blocks ?? [])],
    ];
    const files: ReleasedFile[] = texts.map(([file, text]) => ({
      file,
      ...digest(new TextEncoder().encode(text)),
    }));
    const entry: ReleaseEntry = {
      ...base,
      printer: { tool: printed.tool, chromium: printed.chromium },
      pdf: pdfRecord,
      files,
    };

    const commit = await writeAndCommit({
      root,
      documentId,
      version,
      tag,
      builtPdf,
      pdfName,
      texts,
      entry,
      manifestText: prepared.manifestText,
      head,
      message: tagMessage(document.metadata.shortTitle, entry),
    });
    const dir = releaseDir(documentId, version);
    return {
      entry,
      commit,
      tag,
      pdf: `${dir}/${pdfName}`,
      files: texts.map(([file]) => `${dir}/${file}`),
      forceUnused: Boolean(request.force) && !prepared.forced,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

interface WriteInput {
  root: string;
  documentId: string;
  version: string;
  tag: string;
  builtPdf: string;
  pdfName: string;
  texts: [string, string][];
  entry: ReleaseEntry;
  manifestText?: string;
  head: string;
  message: string;
}

/** Write the release's files and manifest, commit them alone, tag the commit; undo it all on failure. */
async function writeAndCommit(input: WriteInput): Promise<string> {
  const { root, documentId, version, tag } = input;
  const dirRelative = releaseDir(documentId, version);
  const dir = path.join(root, dirRelative);
  const manifestRelative = manifestPath(documentId);
  const manifestFile = path.join(root, manifestRelative);
  const undo: (() => Promise<unknown>)[] = [];
  try {
    await mkdir(path.dirname(dir), { recursive: true });
    // Not recursive: fails if the folder appeared since the checks. Never overwrite a release.
    await mkdir(dir);
    undo.push(() => rm(dir, { recursive: true, force: true }));
    await copyFile(input.builtPdf, path.join(dir, input.pdfName), constants.COPYFILE_EXCL);
    for (const [file, text] of input.texts)
      await writeFile(path.join(dir, file), text, { flag: 'wx' });
    const manifest = manifestWithRelease(input.manifestText, documentId, input.entry);
    await writeFileAtomic(manifestFile, Buffer.from(manifest));
    undo.push(() =>
      input.manifestText === undefined
        ? rm(manifestFile, { force: true })
        : writeFile(manifestFile, input.manifestText),
    );
    const paths = [manifestRelative, dirRelative];
    await git(root, ['add', '--', ...paths]);
    undo.push(() => git(root, ['reset', '-q', '--', ...paths]));
    await git(root, ['commit', '-q', '-m', `Release ${documentId} v${version}`, '--', ...paths]);
    undo.push(() => git(root, ['reset', '-q', '--soft', input.head]));
    await git(root, ['tag', '-a', tag, '-m', input.message]);
    return (await resolveCommit(root, 'HEAD'))!;
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    if (error instanceof ReleaseRefusal) throw error;
    throw new ReleaseRefusal(
      `Release of \`${documentId}\` ${version} failed and was undone: ${(error as Error).message}`,
      'Nothing was changed. Fix the cause (e.g. set `git config user.name` and `user.email`) and run the command again.',
    );
  }
}

/** The annotated tag's message: what the release is and its PDF's checksum. */
function tagMessage(shortTitle: string, entry: ReleaseEntry): string {
  return [
    `${shortTitle} v${entry.version}: ${stageLabels[entry.stage].toLowerCase()} (${entry.date})`,
    '',
    `${entry.pdf.file}: ${entry.pdf.pages} pages, ${entry.pdf.bytes} bytes`,
    `SHA-256 ${entry.pdf.sha256}`,
    ...(entry.forced
      ? ['', `Released ${entry.stage === 'final' ? 'as final ' : ''}with --force: ${entry.forced}`]
      : []),
  ].join('\n');
}
