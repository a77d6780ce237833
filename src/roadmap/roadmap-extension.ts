/**
 * The roadmap as a stage of the assembly pipeline (`src/assemble/extension.ts`): it loads
 * `roadmap/*.yaml`, checks the items' `related` sections once every target is registered,
 * renders `::roadmap{…}` blocks in chapters, and hands the site what the roadmap page and the
 * sections' back links need.
 */
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { Extension } from '../assemble/extension.ts';
import type { Target } from '../assemble/targets.ts';
import type { DocumentSource } from '../content/load-project.ts';
import { xrefText } from '../markdown/remark-xrefs.ts';
import { checkRoadmapReferences, roadmapItemsByReference } from './check-references.ts';
import { escapeHtml } from './escape.ts';
import { parseRoadmapFilter } from './filter.ts';
import { loadRoadmap } from './load-roadmap.ts';
import { renderRoadmapHtml } from './render-roadmap-html.ts';
import type { Roadmap } from './types.ts';

/** A `related` reference resolved for the site: where it goes and how it reads. */
export interface RoadmapReferenceLink {
  href: string;
  label: string;
}

/** What the extension stores per document (`document.extensions.roadmap`). */
export interface RoadmapDocumentData {
  /** Every `related` reference of the roadmap that points into this document. */
  references: Record<string, RoadmapReferenceLink>;
  /** Target id in this document → items that relate to it (for "Roadmap:" back links). */
  backlinks: Record<string, { id: string; title: string; href: string }[]>;
}

/** Options of {@link roadmapExtension}. */
export interface RoadmapExtensionOptions {
  /** Draw a today line in embedded timelines (default: none, so builds are reproducible). */
  today?: Date;
  /** Where the roadmap page is, for back links (default: `/roadmap/`). */
  roadmapPage?: string;
}

/**
 * Create the roadmap extension. Add it to `extensions` in `src/assemble/extensions.ts`.
 */
export function roadmapExtension(options: RoadmapExtensionOptions = {}): Extension {
  const roadmapPage = options.roadmapPage ?? '/roadmap/';
  let roadmap: Roadmap | undefined;
  let files: VFile[] = [];
  let shortTitles = new Map<string, string>();

  return {
    name: 'roadmap',
    async load(root) {
      ({ roadmap, files } = await loadRoadmap(root));
      return files;
    },
    registered(registry, documents) {
      shortTitles = new Map(documents.map((d: DocumentSource) => [d.id, d.metadata.shortTitle]));
      if (!roadmap) return;
      checkRoadmapReferences(roadmap, files, (ref) => registry.resolve(ref, '') !== undefined, (ref) => registry.suggest(ref, ''));
    },
    document({ document, registry }) {
      const link = (ref: string) => linkOf(registry.resolve(ref, ''), shortTitles);
      let count = 0;
      const data: RoadmapDocumentData = { references: {}, backlinks: {} };
      if (roadmap) {
        for (const [ref, items] of roadmapItemsByReference(roadmap)) {
          const target = registry.resolve(ref, '');
          if (!target || target.documentId !== document.id) continue;
          data.references[ref] = link(ref)!;
          data.backlinks[target.id] = items.map((item) => ({ id: item.id, title: item.title, href: `${roadmapPage}#roadmap-item-${item.id}` }));
        }
      }
      return {
        blocks: {
          roadmap(node, file) {
            if (!roadmap) return '<p class="roadmap-empty">This project has no roadmap (no <code>roadmap/*.yaml</code>).</p>';
            const filter = parseRoadmapFilter(node.attributes ?? {}, file, node.position, roadmap);
            const caption = toString(node).trim();
            count++;
            return renderRoadmapHtml(roadmap, filter, {
              idPrefix: `roadmap-${document.id}-${count}`,
              hrefFor: (ref) => link(ref)?.href,
              labelFor: (ref) => link(ref)?.label,
              today: options.today,
              caption: caption ? escapeHtml(caption) : undefined,
              printByTrack: true,
            });
          },
        },
        data,
      };
    },
  };
}

function linkOf(target: Target | undefined, shortTitles: ReadonlyMap<string, string>): RoadmapReferenceLink | undefined {
  if (!target) return undefined;
  return { href: target.href, label: xrefText(target, shortTitles.get(target.documentId)) };
}

