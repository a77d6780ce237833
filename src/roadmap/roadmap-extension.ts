/**
 * The roadmap as a stage of the assembly pipeline (`src/assemble/extension.ts`): it loads
 * `roadmap/*.yaml`, checks the items' `related` sections once every target is registered,
 * renders `::roadmap{…}` blocks in chapters, and hands the site what the roadmap page and the
 * sections' back links need.
 */
import { h } from 'hastscript';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { ExtensionFactory } from '../assemble/extension.ts';
import type { Target } from '../markdown/targets.ts';
import { xrefText } from '../markdown/remark-xrefs.ts';
import { checkRoadmapReferences, roadmapItemsByReference } from './check-references.ts';
import { parseRoadmapFilter } from './filter.ts';
import { loadRoadmap } from './load-roadmap.ts';
import { renderRoadmap } from './render-roadmap-html.ts';
import {
  roadmapKey,
  roadmapPageKey,
  type RoadmapDocumentData,
  type RoadmapPage,
  type RoadmapReferenceLink,
} from './roadmap-data.ts';
import { roadmapPage as buildRoadmapPage } from './roadmap-page.ts';
import type { Roadmap } from './types.ts';

export type { RoadmapDocumentData, RoadmapReferenceLink } from './roadmap-data.ts';

/** Options of {@link roadmapExtension}. */
export interface RoadmapExtensionOptions {
  /** Draw a today line in embedded timelines (default: none, so builds are reproducible). */
  today?: Date;
  /** Where the roadmap page is, for back links (default: `/roadmap/`). */
  roadmapPage?: string;
}

/**
 * The roadmap extension, for the stage list (src/stages.ts). The roadmap page's today line is
 * the assembly's `now`.
 */
export function roadmapExtension(
  options: RoadmapExtensionOptions = {},
): ExtensionFactory<RoadmapDocumentData, RoadmapPage> {
  const roadmapPage = options.roadmapPage ?? '/roadmap/';
  return (context) => {
    let roadmap: Roadmap | undefined;
    let files: VFile[] = [];
    const shortTitles = () =>
      new Map(context.documents.map((d) => [d.id, d.metadata.shortTitle] as const));
    const link = (ref: string) => linkOf(context.registry.resolve(ref, ''), shortTitles());
    return {
      name: 'roadmap',
      key: roadmapKey,
      projectKey: roadmapPageKey,
      async load() {
        ({ roadmap, files } = await loadRoadmap(context.root));
        return files;
      },
      registered() {
        if (!roadmap) return;
        const { registry } = context;
        checkRoadmapReferences(
          roadmap,
          files,
          (ref) => registry.resolve(ref, '') !== undefined,
          (ref) => registry.suggest(ref, ''),
        );
      },
      document({ document }) {
        let count = 0;
        const data: RoadmapDocumentData = { references: {}, backlinks: {} };
        if (roadmap) {
          for (const [ref, items] of roadmapItemsByReference(roadmap)) {
            const target = context.registry.resolve(ref, '');
            if (!target || target.documentId !== document.id) continue;
            data.references[ref] = link(ref)!;
            data.backlinks[target.id] = items.map((item) => ({
              id: item.id,
              title: item.title,
              href: `${roadmapPage}#roadmap-item-${item.id}`,
            }));
          }
        }
        return {
          blocks: {
            roadmap(node, file) {
              if (!roadmap)
                return [
                  h('p', { className: ['roadmap-empty'] }, [
                    'This project has no roadmap (no ',
                    h('code', 'roadmap/*.yaml'),
                    ').',
                  ]),
                ];
              const filter = parseRoadmapFilter(
                node.attributes ?? {},
                file,
                node.position,
                roadmap,
              );
              const caption = toString(node).trim();
              count++;
              const figure = renderRoadmap(roadmap, filter, {
                idPrefix: `roadmap-${document.id}-${count}`,
                hrefFor: (ref) => link(ref)?.href,
                labelFor: (ref) => link(ref)?.label,
                today: options.today,
                caption: caption || undefined,
                printByTrack: true,
              });
              return [figure];
            },
          },
          data,
        };
      },
      project() {
        if (!roadmap) return undefined;
        const references: Record<string, RoadmapReferenceLink> = {};
        for (const [ref] of roadmapItemsByReference(roadmap)) {
          const resolved = link(ref);
          if (resolved) references[ref] = resolved;
        }
        return buildRoadmapPage(roadmap, references, context.now);
      },
    };
  };
}

function linkOf(
  target: Target | undefined,
  shortTitles: ReadonlyMap<string, string>,
): RoadmapReferenceLink | undefined {
  if (!target) return undefined;
  return { href: target.href, label: xrefText(target, shortTitles.get(target.documentId)) };
}
