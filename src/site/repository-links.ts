import type { DocumentMetadata } from '../schemas/document-metadata.ts';

type Repository = NonNullable<DocumentMetadata['repository']>;

/** The links of a chapter page to its sources: none when the document names no repository. */
export interface RepositoryLinks {
  edit: string;
  issue: string;
}

/**
 * "Edit this chapter" and "report a problem" addresses of a chapter, from the document's
 * `repository` templates. Values are URL-encoded where they land in the address (each path
 * segment; the issue title as a query value).
 */
export function repositoryLinks(
  repository: Repository | undefined,
  chapter: { sourcePath: string; title: string; label: string },
  documentShortTitle: string,
): RepositoryLinks | undefined {
  if (!repository) return undefined;
  const inRepository = [repository.directory, chapter.sourcePath]
    .flatMap((part) => part.split(/[\\/]+/))
    .filter((segment) => segment !== '' && segment !== '.')
    .map(encodeURIComponent)
    .join('/');
  const heading = chapter.label ? `${chapter.label}. ${chapter.title}` : chapter.title;
  const values: Record<string, string> = {
    url: repository.url,
    branch: encodeURIComponent(repository.branch),
    path: inRepository,
    title: encodeURIComponent(`${documentShortTitle}, ${heading}: `),
  };
  const fill = (template: string) =>
    template.replace(/\{(url|branch|path|title)\}/g, (_, name: string) => values[name]!);
  return { edit: fill(repository.edit), issue: fill(repository.issues) };
}
