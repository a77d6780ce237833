import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  assembleProject,
  type AssembledDocument,
  type AssembledProject,
} from '../assemble/assemble-project.ts';
import { collectDiagnostics, formatDiagnostic } from '../diagnostics/collect.ts';
import { projectStages } from '../stages.ts';
import type {
  NextRelease,
  ReleaseEntry,
  ReleaseManifest,
  ReleaseStage,
} from '../schemas/release-manifest.ts';
import { undisposedComments } from '../consultation/undisposed.ts';
import { ReleaseRefusal } from './errors.ts';
import { isWorkTree, resolveCommit, tagExists, uncleanEntries } from './git.ts';
import { readManifest, readManifestText } from './manifest.ts';
import { manifestPath, releaseDir, releaseTag } from './paths.ts';
import { endOfDate, formatReleaseDate, sourceDateEpoch, today } from './release-date.ts';
import { compareVersions } from './semver.ts';

export interface ReleaseRequest {
  root: string;
  documentId: string;
  version: string;
  stage: ReleaseStage;
  /**
   * `--force "reason"`: release a final although some chapters are not final, or a draft whose
   * consultation has already closed.
   */
  force?: string;
  /** The clock, for the default release date. */
  now?: Date;
}

/** Everything the release needs, once every precondition holds. */
export interface PreparedRelease {
  request: ReleaseRequest;
  /** The commit being released (HEAD). */
  head: string;
  project: AssembledProject;
  document: AssembledDocument;
  manifest?: ReleaseManifest;
  /** The manifest's text before the release (restored if the release fails). */
  manifestText?: string;
  next: NextRelease;
  date: string;
  previous?: ReleaseEntry;
  /** Set when `--force` overrode the chapter check: the reason. */
  forced?: string;
  /** Chapters that are not final (listed in the refusal, or recorded when forced). */
  notFinal: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Check that a release may be cut, in order: a git work tree with a commit, no uncommitted
 * changes, `srida check` without errors, a known document, a new version greater than the last,
 * a date not before the last release's, the consultation of a draft described, and for a final no
 * chapter left unfinished and no comment of the consultation on the drafts before it left without
 * a disposition (both unless forced). Throws a {@link ReleaseRefusal}; changes nothing.
 */
export async function prepareRelease(request: ReleaseRequest): Promise<PreparedRelease> {
  const { root, documentId, version, stage } = request;
  const name = `\`${documentId}\` ${version}`;
  if (!(await isWorkTree(root))) {
    throw new ReleaseRefusal(
      `Cannot release ${name}: \`${root}\` is not in a git repository`,
      'Releases are tagged commits: run `git init`, commit the project, and try again.',
    );
  }
  const head = await resolveCommit(root, 'HEAD');
  if (!head)
    throw new ReleaseRefusal(
      `Cannot release ${name}: the repository has no commit yet`,
      'Commit the project first; a release is built from a commit.',
    );
  const unclean = await uncleanEntries(root);
  if (unclean.length > 0) {
    throw new ReleaseRefusal(
      `Cannot release ${name}: the working tree is not clean (${plural(unclean.length, 'uncommitted change')})`,
      'Commit or stash them first: a release is built from a commit, so that it can be rebuilt from its tag.',
      unclean.slice(0, 20).concat(unclean.length > 20 ? [`… and ${unclean.length - 20} more`] : []),
    );
  }
  const project = await assembleProject(root, { extensions: projectStages() });
  const errors = collectDiagnostics(project.files).filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    throw new ReleaseRefusal(
      `Cannot release ${name}: \`srida check\` found ${plural(errors.length, 'error')}`,
      'Fix them (run `npx srida check`) and commit; a release never ships content with errors.',
      errors.map(formatDiagnostic),
    );
  }
  const document = project.documents.find((d) => d.id === documentId);
  if (!document) {
    throw new ReleaseRefusal(
      `Cannot release ${name}: there is no document \`${documentId}\``,
      `Documents: ${project.documents.map((d) => `\`${d.id}\``).join(', ') || 'none'}.`,
    );
  }
  const loaded = await readManifest(root, documentId);
  const manifest = loaded?.manifest;
  const releases = manifest?.releases ?? [];
  const tag = releaseTag(documentId, version);
  const existing = releases.find((release) => release.version === version);
  const dirExists = await stat(path.join(root, releaseDir(documentId, version))).then(
    () => true,
    () => false,
  );
  if (existing || (await tagExists(root, tag)) || dirExists) {
    const where = existing
      ? `listed in \`${manifestPath(documentId)}\``
      : dirExists
        ? `\`${releaseDir(documentId, version)}/\` exists`
        : `tag \`${tag}\` exists`;
    throw new ReleaseRefusal(
      `Cannot release ${name}: version ${version} already exists (${where})`,
      'A published release is immutable and is never overwritten: choose a new, greater version.',
    );
  }
  const previous = releases.at(-1);
  if (previous && compareVersions(version, previous.version) <= 0) {
    throw new ReleaseRefusal(
      `Cannot release ${name}: the version must be greater than the last release, ${previous.version}`,
      `Choose a version after ${previous.version}, e.g. the next patch, minor or major version.`,
    );
  }
  const next = manifest?.next ?? {};
  const date = next.date ?? today(request.now);
  if (previous && date < previous.date) {
    throw new ReleaseRefusal(
      `Cannot release ${name}: its date ${date} is before the last release's (${previous.date})`,
      `Correct \`next.date\` in \`${manifestPath(documentId)}\`, or leave it out to use today's date.`,
    );
  }
  if (stage === 'draft' && !next.consultation) {
    throw new ReleaseRefusal(
      `Cannot release ${name} as a draft: its consultation is not described`,
      `Add \`next.consultation\` to \`${manifestPath(documentId)}\` (\`opens\`, \`respond\`, and \`closes\`, \`note\`, \`url\` where known) and commit it; a draft's cover says when and how to respond.`,
    );
  }
  if (stage === 'final' && next.consultation) {
    throw new ReleaseRefusal(
      `Cannot release ${name} as final: \`next.consultation\` describes a consultation, which only drafts have`,
      `Remove \`next.consultation\` from \`${manifestPath(documentId)}\`, or release a draft.`,
    );
  }
  let forced: string | undefined;
  const closes = stage === 'draft' ? next.consultation?.closes : undefined;
  // Closed when its last day ends before the release date, or before today.
  if (
    closes &&
    endOfDate(closes) <=
      Math.max(sourceDateEpoch(date) * 1000, (request.now ?? new Date()).getTime())
  ) {
    if (!request.force) {
      throw new ReleaseRefusal(
        `Cannot release ${name} as a draft: its consultation closes on ${formatReleaseDate(closes)}, which has passed`,
        `Set \`next.consultation.closes\` in \`${manifestPath(documentId)}\` to a date after the release (${formatReleaseDate(date)}), or release anyway with \`--force "reason"\` (the reason is recorded in the manifest and the release notes).`,
      );
    }
    forced = request.force;
  }
  const notFinal = document.chapters
    .filter((chapter) => chapter.kind !== 'back' && chapter.status !== 'final')
    .map((chapter) => `${chapter.sourcePath}: ${chapter.status}`);
  if (stage === 'final' && notFinal.length > 0) {
    if (!request.force) {
      throw new ReleaseRefusal(
        `Cannot release ${name} as final: ${plural(notFinal.length, 'chapter')} ${notFinal.length === 1 ? 'is' : 'are'} not final`,
        'Mark them `status: final` and commit, or release anyway with `--force "reason"` (the reason is recorded in the manifest and the release notes).',
        notFinal,
      );
    }
    forced = request.force;
  }
  if (stage === 'final') {
    const consultation = await undisposedComments(root, documentId, releases);
    if (consultation.errors.length > 0) {
      throw new ReleaseRefusal(
        `Cannot release ${name} as final: the consultation record of ${consultation.drafts.join(', ')} has ${plural(consultation.errors.length, 'error')}`,
        'Fix them and commit; the final answers the consultation, so its record must be readable.',
        consultation.errors,
      );
    }
    const missing = consultation.missing;
    if (missing.length > 0 && !request.force) {
      throw new ReleaseRefusal(
        `Cannot release ${name} as final: ${plural(missing.length, 'comment')} of the consultation on ${consultation.drafts.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no disposition`,
        'Give each a `disposition` (accepted, partially-accepted, noted, declined, out-of-scope) and a `response`, and commit; or release anyway with `--force "reason"` (recorded in the manifest and the release notes).',
        missing
          .slice(0, 20)
          .concat(missing.length > 20 ? [`… and ${missing.length - 20} more`] : []),
      );
    }
    if (missing.length > 0) forced = request.force;
  }
  return {
    request,
    head,
    project,
    document,
    manifest,
    manifestText: await readManifestText(root, documentId),
    next,
    date,
    previous,
    forced,
    notFinal,
  };
}
