import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';
import {
  chapterFrontMatterSchema,
  type ChapterFrontMatter,
} from '../schemas/chapter-front-matter.ts';
import { documentMetadataSchema, type DocumentMetadata } from '../schemas/document-metadata.ts';
import type { ProjectMetadata } from '../schemas/project-metadata.ts';
import { loadProjectMetadata } from './load-project-metadata.ts';
import { parseYaml, validateYaml } from './parse-yaml.ts';
import { readSource } from './read-source.ts';
import { splitFrontMatter } from './split-front-matter.ts';

/** One chapter file, read and validated, not yet parsed as Markdown. */
export interface ChapterSource {
  file: VFile;
  documentId: string;
  /** `NN` of the file name. */
  order: number;
  /** Chapter id: front matter `id`, else the slug of the file name. */
  id: string;
  frontMatter: ChapterFrontMatter;
  /** The Markdown with the front matter blanked out, so that positions stay those of the file. */
  markdown: string;
}

/** One document folder: `chapters/<id>/`. */
export interface DocumentSource {
  id: string;
  metadataFile: VFile;
  metadata: DocumentMetadata;
  chapters: ChapterSource[];
  /** Where a metadata field's value is in `document.yaml` (or its nearest parent that is). */
  placeOf(path: readonly PropertyKey[]): Point;
}

/** Everything read from a project root. */
export interface ProjectSource {
  root: string;
  /** `project.yaml`: the publishing organisation's facts (`{}` when there is none). */
  metadata: ProjectMetadata;
  documents: DocumentSource[];
  /** Every file read (with its messages), in reading order. */
  files: VFile[];
}

const chapterName = /^(\d{2})-([a-z0-9][a-z0-9-]*)\.md$/;
const documentIdPattern = /^[a-z][a-z0-9-]*$/;
/** Chapter ids that would clash with a document's own pages. */
export const reservedChapterIds = new Set([
  'full',
  'print',
  'releases',
  'references-list',
  'media',
]);
/** Document ids that would clash with site pages. */
export const reservedDocumentIds = new Set(['roadmap', 'media', 'pdf', 'releases', '_astro']);

/**
 * Read every document under `<root>/chapters`: metadata, chapter files and their front matter.
 * Problems are messages on the files; a file with errors is left out, never thrown.
 */
export async function loadProject(root: string): Promise<ProjectSource> {
  const files: VFile[] = [];
  const project = await loadProjectMetadata(root);
  if (project.file) files.push(project.file);
  const { metadata } = project;
  const documents: DocumentSource[] = [];
  const chaptersDir = path.join(root, 'chapters');
  const entries = await readdir(chaptersDir, { withFileTypes: true }).catch(() => undefined);
  if (!entries) {
    const { VFile } = await import('vfile');
    const file = new VFile({ path: 'chapters', cwd: root });
    report(
      file,
      'error',
      'No `chapters/` folder in the project root',
      { line: 1, column: 1 },
      'project-layout',
      `Create \`chapters/<document>/document.yaml\` under ${root}, or pass \`--root\`.`,
    );
    files.push(file);
    return { root, metadata, documents, files };
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = path.posix.join('chapters', entry.name);
    if (entry.isFile() && entry.name.endsWith('.md')) {
      const { file } = await readSource(root, relative);
      report(
        file,
        'error',
        'Chapter is outside any document',
        { line: 1, column: 1 },
        'chapter-orphan',
        'Move it into `chapters/<document>/` (a folder with a `document.yaml`).',
      );
      files.push(file);
      continue;
    }
    if (!entry.isDirectory() || entry.name === 'figures' || entry.name.startsWith('.')) continue;
    const document = await loadDocument(root, entry.name, files);
    if (document) documents.push(document);
  }
  documents.sort((a, b) => a.metadata.order - b.metadata.order || a.id.localeCompare(b.id));
  return { root, metadata, documents, files };
}

async function loadDocument(
  root: string,
  id: string,
  files: VFile[],
): Promise<DocumentSource | undefined> {
  const dir = path.posix.join('chapters', id);
  const names = (await readdir(path.join(root, dir))).sort();
  const markdownNames = names.filter((name) => name.endsWith('.md'));
  if (!names.includes('document.yaml')) {
    for (const name of markdownNames) {
      const { file } = await readSource(root, path.posix.join(dir, name));
      report(
        file,
        'error',
        `Chapter is outside any document: \`${dir}/\` has no \`document.yaml\``,
        { line: 1, column: 1 },
        'chapter-orphan',
        `Add \`${dir}/document.yaml\` (see docs/authoring.md) or move the file.`,
      );
      files.push(file);
    }
    return undefined;
  }
  const { file: metadataFile, ok } = await readSource(root, path.posix.join(dir, 'document.yaml'));
  files.push(metadataFile);
  if (reservedDocumentIds.has(id)) {
    report(
      metadataFile,
      'error',
      `Document id \`${id}\` is reserved for a site page`,
      { line: 1, column: 1 },
      'document-id',
      'Rename the folder.',
    );
  }
  if (!documentIdPattern.test(id)) {
    report(
      metadataFile,
      'error',
      `Document folder name \`${id}\` is not a valid id`,
      { line: 1, column: 1 },
      'document-id',
      'Use lower-case letters, digits and `-`, starting with a letter.',
    );
  }
  const located = ok ? parseYaml(metadataFile, String(metadataFile.value)) : undefined;
  // A field in error is reported and replaced, so that the document is still checked (rather
  // than every reference to it failing as well).
  const fallback = {
    title: id,
    shortTitle: id,
    editors: [{ name: 'Unknown' }],
    abstract: id,
    language: 'en',
    version: '0.0.0',
    status: 'draft',
    date: '2000-01-01',
    licence: 'unknown',
  };
  // Not valid YAML (reported once, by `parseYaml`): the document is still checked, with the
  // fallback standing in for its metadata, so that its chapters and every reference to it
  // give no follow-on errors.
  const metadata = located
    ? validateYaml(metadataFile, located, documentMetadataSchema, 'document-metadata', { fallback })
    : ok
      ? documentMetadataSchema.parse(fallback)
      : undefined;

  const chapters: ChapterSource[] = [];
  const byOrder = new Map<number, ChapterSource>();
  const byId = new Map<string, ChapterSource>();
  for (const name of markdownNames) {
    const relative = path.posix.join(dir, name);
    const { file, ok: readable } = await readSource(root, relative);
    files.push(file);
    const match = chapterName.exec(name);
    if (!match) {
      report(
        file,
        'error',
        `Chapter file name \`${name}\` does not match \`NN-slug.md\``,
        { line: 1, column: 1 },
        'chapter-name',
        'Name it like `03-data-federation.md`: two digits, a dash, a lower-case slug.',
      );
      continue;
    }
    if (!readable) continue;
    const chapter = readChapter(file, id, Number(match[1]), match[2]!);
    if (!chapter) continue;
    if (reservedChapterIds.has(chapter.id)) {
      report(
        file,
        'error',
        `Chapter id \`${chapter.id}\` is reserved for a page of the document`,
        { line: 1, column: 1 },
        'chapter-id',
        `Rename the file or set another front matter \`id\` (reserved: ${[...reservedChapterIds].join(', ')}).`,
      );
      continue;
    }
    const sameOrder = byOrder.get(chapter.order);
    if (sameOrder) {
      report(
        file,
        'error',
        `Duplicate chapter number \`${match[1]}\`: \`${sameOrder.file.path}\` has it too`,
        { line: 1, column: 1 },
        'chapter-duplicate-number',
        'Renumber one of the files so that each `NN` is used once.',
      );
      continue;
    }
    const sameId = byId.get(chapter.id);
    if (sameId) {
      report(
        file,
        'error',
        `Duplicate chapter id \`${chapter.id}\`: \`${sameId.file.path}\` has it too`,
        { line: 2, column: 1 },
        'chapter-duplicate-id',
        'Give one of them another slug or front matter `id`.',
      );
      continue;
    }
    byOrder.set(chapter.order, chapter);
    byId.set(chapter.id, chapter);
    chapters.push(chapter);
  }
  if (markdownNames.length === 0) {
    report(
      metadataFile,
      'error',
      `Document \`${id}\` has no chapters`,
      { line: 1, column: 1 },
      'document-empty',
      `Add chapter files \`${dir}/01-introduction.md\`, … (see docs/authoring.md).`,
    );
  }
  if (!metadata) return undefined;
  return {
    id,
    metadataFile,
    metadata,
    chapters,
    placeOf: (field) => located?.placeOf(field) ?? { line: 1, column: 1 },
  };
}

function readChapter(
  file: VFile,
  documentId: string,
  order: number,
  slug: string,
): ChapterSource | undefined {
  const split = splitFrontMatter(file);
  if (!split) return undefined;
  const parsed = parseYaml(file, split.yaml, { lineOffset: 1 });
  const heading = parsed ? titleHeading(parsed.data, split.markdown) : undefined;
  // Quarto's habit: a body that starts with `# Title` and front matter without `title`.
  const located =
    parsed && heading
      ? { ...parsed, data: { ...(parsed.data as object | null), title: heading.title } }
      : parsed;
  if (heading) split.markdown = heading.markdown;
  // Front matter that is not valid YAML was reported once: the chapter is still read (with its
  // slug as title), so that its text is checked and references to it do not fail as well.
  const frontMatter = located
    ? validateYaml(file, located, chapterFrontMatterSchema, 'chapter-front-matter')
    : chapterFrontMatterSchema.parse({ title: slug, status: 'draft' });
  if (!frontMatter) return undefined;
  if (frontMatter.order !== undefined && frontMatter.order !== order) {
    report(
      file,
      'error',
      `Front matter \`order: ${frontMatter.order}\` disagrees with the file number \`${String(order).padStart(2, '0')}\``,
      located?.placeOf(['order']),
      'chapter-order',
      'The file name orders chapters; remove `order` or make it match.',
    );
  }
  return {
    file,
    documentId,
    order,
    id: frontMatter.id ?? slug,
    frontMatter,
    markdown: split.markdown,
  };
}

/**
 * The title of a chapter whose front matter has no `title` and whose body starts with a
 * level-1 heading (as Quarto books are written), and the Markdown without that heading (its
 * line blanked, so that positions stay those of the file).
 */
function titleHeading(
  data: unknown,
  markdown: string,
): { title: string; markdown: string } | undefined {
  if (data !== null && (typeof data !== 'object' || Array.isArray(data) || 'title' in data))
    return undefined;
  const lines = markdown.split('\n');
  const index = lines.findIndex((line) => line.trim() !== '');
  const match = index === -1 ? null : /^# +(.*?)(?: +#+)? *$/.exec(lines[index]!);
  const title = match?.[1]?.replace(/\s*\{[^}]*\}\s*$/, '').trim();
  if (!title) return undefined;
  lines[index] = '';
  return { title, markdown: lines.join('\n') };
}

/** Whether a path exists (for images and other assets). */
export async function exists(absolutePath: string): Promise<boolean> {
  return stat(absolutePath).then(
    (info) => info.isFile(),
    () => false,
  );
}
