import { getCollection } from 'astro:content';
import type { AssembledChapter } from '../assemble/assemble-project.ts';
import { dataOf } from '../assemble/data-key.ts';
import { roadmapKey } from '../roadmap/roadmap-data.ts';
import { toInPageLinks } from './in-page-links.ts';
import type { SiteDocument, SiteProject, StoreEntry } from './site-data.ts';

/** Every entry of the content store, as the loader wrote them (src/site/project-loader.ts). */
async function storeEntries(): Promise<StoreEntry['data'][]> {
  return (await getCollection('project')).map((entry) => entry.data);
}

/** Every document of the project, in project order (from the content loader). */
export async function getDocuments(): Promise<SiteDocument[]> {
  return (await storeEntries())
    .flatMap((data) => (data.kind === 'document' ? [data] : []))
    .sort((a, b) => a.position - b.position)
    .map((data) => data.document);
}

/** What the extensions stored for the whole project (e.g. the roadmap page). */
export async function getProject(): Promise<SiteProject> {
  const found = (await storeEntries()).find((data) => data.kind === 'project');
  return found?.kind === 'project' ? found.project : { metadata: {}, extensions: {} };
}

/** A page title followed by the project's name, when `project.yaml` gives one: "Roadmap · SPECTRUM". */
export async function withSiteName(title: string): Promise<string> {
  const { name } = (await getProject()).metadata;
  return name ? `${title} · ${name}` : title;
}

/** `getStaticPaths` of every per-document page (`/<doc>/…`): one path per document. */
export async function documentPaths() {
  const documents = await getDocuments();
  return documents.map((document) => ({ params: { doc: document.id }, props: { document } }));
}

/** Human words for statuses. */
export const statusLabels: Record<string, string> = {
  draft: 'Draft',
  review: 'In review',
  final: 'Final',
  consultation: 'Draft for public consultation',
  working: 'Working draft',
};

/** "3 June 2026" from "2026-06-03". */
export function formatDate(iso: string, language = 'en'): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString(language === 'en' ? 'en-GB' : language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Rewrite chapter-page links of one document into in-page anchors, for its single-page edition. */
export function toSinglePage(html: string, document: SiteDocument): string {
  return toInPageLinks(html, document.id, {
    chapterIds: new Set(document.chapters.map((chapter) => chapter.id)),
  });
}

/**
 * Roadmap items that relate to a chapter, to its sections or to its recommendations, each once,
 * with the place it relates to ("Section 5.2", "Priority P2", "this chapter").
 */
export function relatedRoadmapItems(
  document: SiteDocument,
  chapter: AssembledChapter,
): { id: string; title: string; href: string; via: string }[] {
  const backlinks = dataOf(document, roadmapKey)?.backlinks ?? {};
  const places: [string, string][] = [
    [chapter.id, 'this chapter'],
    ...chapter.headings.map((h): [string, string] => [
      h.id,
      h.number ? `Section ${h.number}` : h.title,
    ]),
    ...document.recommendations
      .filter((r) => r.chapterId === chapter.id)
      .map((r): [string, string] => [
        r.id,
        `${document.metadata.recommendations.label} ${r.number}`,
      ]),
  ];
  const seen = new Map<string, { id: string; title: string; href: string; via: string }>();
  for (const [id, via] of places) {
    for (const item of backlinks[id] ?? []) {
      const existing = seen.get(item.id);
      if (existing) existing.via = `${existing.via}, ${via}`;
      else seen.set(item.id, { ...item, via });
    }
  }
  return [...seen.values()];
}
