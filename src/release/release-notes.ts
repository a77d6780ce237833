import type { AssembledDocument } from '../assemble/assemble-project.ts';
import { git } from './git.ts';
import { stageLabels } from './context.ts';
import { consultationWindow } from './print-marks.ts';
import { formatReleaseDate } from './release-date.ts';
import type { ReleaseEntry } from '../schemas/release-manifest.ts';

/** One changed file between two releases. */
export interface FileChange {
  status: 'added' | 'modified' | 'removed' | 'renamed';
  path: string;
  /** For a rename: where it was. */
  from?: string;
  added: number;
  removed: number;
  /** Commits that touched it: `abc1234 Subject`. */
  commits: string[];
}

export interface ReleaseNotesInput {
  root: string;
  document: AssembledDocument;
  entry: Omit<ReleaseEntry, 'pdf' | 'files' | 'printer'> & {
    pdf: { file: string; sha256: string; bytes: number; pages: number };
  };
  /** The previous release and the revision to compare with (its tag, else its source commit). */
  previous?: { version: string; stage: ReleaseEntry['stage']; revision: string };
  /** The commit being released. */
  head: string;
}

/** Changes to files under `paths` between two revisions, paths relative to the project root. */
export async function changesBetween(
  root: string,
  from: string,
  to: string,
  paths: readonly string[],
): Promise<FileChange[]> {
  const status = await git(root, [
    'diff',
    '--relative',
    '--name-status',
    '-M',
    '-z',
    from,
    to,
    '--',
    ...paths,
  ]);
  const numstat = await git(root, [
    'diff',
    '--relative',
    '--numstat',
    '-M',
    '-z',
    from,
    to,
    '--',
    ...paths,
  ]);
  const counts = new Map<string, { added: number; removed: number }>();
  const numFields = numstat.split('\0');
  for (let i = 0; i < numFields.length - 1;) {
    const [added, removed, pathField] = numFields[i]!.split('\t');
    let target = pathField ?? '';
    i++;
    if (target === '') {
      // A rename: the two paths follow as their own fields.
      i++;
      target = numFields[i] ?? '';
      i++;
    }
    counts.set(target, { added: Number(added) || 0, removed: Number(removed) || 0 });
  }
  const fields = status.split('\0');
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length - 1;) {
    const code = fields[i++]!;
    let oldPath: string | undefined;
    let file = fields[i++]!;
    if (code.startsWith('R') || code.startsWith('C')) {
      oldPath = file;
      file = fields[i++]!;
    }
    const kind =
      code[0] === 'A'
        ? 'added'
        : code[0] === 'D'
          ? 'removed'
          : code[0] === 'R'
            ? 'renamed'
            : 'modified';
    const log = await git(root, [
      'log',
      '--format=%h %s',
      `${from}..${to}`,
      '--',
      ...(oldPath ? [oldPath, file] : [file]),
    ]).catch(() => '');
    changes.push({
      status: kind,
      path: file,
      from: oldPath,
      ...(counts.get(file) ?? { added: 0, removed: 0 }),
      commits: log.split('\n').filter(Boolean),
    });
  }
  return changes;
}

/**
 * The release notes (`NOTES.md`): what the release is, its files and checksum, for a draft the
 * consultation, and what changed since the previous release, chapter by chapter, from git.
 */
export async function releaseNotes(input: ReleaseNotesInput): Promise<string> {
  const { root, document, entry, previous, head } = input;
  const { metadata } = document;
  const lines: string[] = [];
  lines.push(
    `# ${metadata.shortTitle} v${entry.version}: ${stageLabels[entry.stage].toLowerCase()}`,
    '',
  );
  lines.push(
    `${metadata.title}. Released ${formatReleaseDate(entry.date, metadata.language)}; tag \`${entry.tag}\`, built from commit \`${head.slice(0, 12)}\`.`,
    '',
  );
  if (entry.stage === 'draft')
    lines.push(`This is a draft for public consultation, not for citation as final.`, '');
  if (entry.forced)
    lines.push(
      `Released ${entry.stage === 'final' ? 'as final ' : ''}with \`--force\`: ${entry.forced}`,
      '',
    );
  lines.push(
    '## Files',
    '',
    '| File | Pages | Size (bytes) | SHA-256 |',
    '| --- | --- | --- | --- |',
  );
  lines.push(
    `| \`${entry.pdf.file}\` | ${entry.pdf.pages} | ${entry.pdf.bytes} | \`${entry.pdf.sha256}\` |`,
    '',
  );
  if (entry.consultation) {
    lines.push(
      '## Consultation',
      '',
      consultationWindow(entry.consultation, metadata.language),
      '',
      `How to respond: ${entry.consultation.respond}${entry.consultation.url ? ` <${entry.consultation.url}>` : ''}`,
      '',
    );
  }
  if (entry.doi)
    lines.push('## Citation', '', `DOI: [${entry.doi}](https://doi.org/${entry.doi})`, '');
  lines.push(...(await changeSection(root, document, previous, head)));
  return `${lines.join('\n').trimEnd()}\n`;
}

async function changeSection(
  root: string,
  document: AssembledDocument,
  previous: ReleaseNotesInput['previous'],
  head: string,
): Promise<string[]> {
  const chaptersDir = `chapters/${document.id}`;
  const titles = new Map(
    document.chapters.map((chapter) => [
      chapter.sourcePath,
      chapter.label ? `${chapter.label}. ${chapter.title}` : chapter.title,
    ]),
  );
  if (!previous) {
    const lines = ['## Contents', '', 'First release. Chapters and their status:', ''];
    for (const chapter of document.chapters) {
      if (chapter.kind === 'back') continue;
      lines.push(
        `- ${titles.get(chapter.sourcePath)} (\`${chapter.sourcePath}\`): ${chapter.status}`,
      );
    }
    return [...lines, ''];
  }
  const lines = [`## Changes since v${previous.version} (${previous.stage})`, ''];
  const own = await changesBetween(root, previous.revision, head, [chaptersDir]);
  const shared = await changesBetween(root, previous.revision, head, ['bibliography', 'roadmap']);
  const chapters = own.filter(
    (change) =>
      /\/\d\d-[^/]+\.md$/.test(change.path) &&
      !change.path.slice(chaptersDir.length + 1).includes('/'),
  );
  const other = own.filter((change) => !chapters.includes(change));
  if (own.length === 0 && shared.length === 0)
    return [
      ...lines,
      'No changes to the text: this release differs from the previous one only in its stage and date.',
      '',
    ];
  if (chapters.length > 0) {
    lines.push('### By chapter', '');
    for (const change of chapters) {
      const title =
        titles.get(change.path) ?? (await removedTitle(root, previous.revision, change.path));
      const what = change.status === 'renamed' ? `renamed from \`${change.from}\`` : change.status;
      lines.push(
        `- **${title}** (\`${change.path}\`): ${what}, +${change.added} −${change.removed} lines`,
      );
      for (const commit of change.commits) lines.push(`  - ${commit}`);
    }
    lines.push('');
  }
  if (other.length > 0 || shared.length > 0) {
    lines.push('### Other files', '');
    for (const change of [...other, ...shared])
      lines.push(
        `- \`${change.path}\`: ${change.status}, +${change.added} −${change.removed} lines`,
      );
    lines.push('');
  }
  return lines;
}

/** The title of a chapter that no longer exists, from its front matter at the previous release. */
async function removedTitle(root: string, revision: string, file: string): Promise<string> {
  const text = await git(root, ['show', `${revision}:./${file}`]).catch(() => '');
  return /^title:\s*(.+)$/m.exec(text)?.[1]?.replace(/^['"]|['"]$/g, '') ?? file;
}
