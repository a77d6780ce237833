/**
 * Check the `related` sections of roadmap items against the documents' targets. Runs after the
 * documents are assembled, since only then are the target ids known.
 */
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';
import type { Roadmap, RoadmapItem } from './types.ts';

/**
 * Report every `related` reference that does not resolve, at its YAML node.
 *
 * @param roadmap the loaded roadmap.
 * @param files the files `loadRoadmap` returned; messages go on the one the item was read from.
 * @param resolve whether a `document#id` reference exists.
 * @param suggest the closest existing reference, for a did-you-mean hint.
 * @returns how many references did not resolve.
 */
export function checkRoadmapReferences(
  roadmap: Roadmap,
  files: readonly VFile[],
  resolve: (ref: string) => boolean,
  suggest?: (ref: string) => string | undefined,
): number {
  let missing = 0;
  for (const item of roadmap.items) {
    for (const [index, ref] of item.related.entries()) {
      if (resolve(ref)) continue;
      missing++;
      const file = fileOf(item, files);
      if (!file) continue;
      const suggestion = suggest?.(ref);
      report(
        file,
        'error',
        `Item \`${item.id}\` relates to missing section \`${ref}\``,
        item.source?.place(['related', index]),
        'roadmap-unknown-reference',
        suggestion
          ? `Did you mean \`${suggestion}\`?`
          : 'Use `document#id` with the id of a chapter, section or recommendation.',
      );
    }
  }
  return missing;
}

function fileOf(item: RoadmapItem, files: readonly VFile[]): VFile | undefined {
  const own = item.source?.file;
  if (!own) return undefined;
  return files.includes(own) ? own : (files.find((file) => file.path === own.path) ?? own);
}

/**
 * Items by the sections they relate to, for the back links a section shows ("Roadmap: …").
 *
 * @returns `document#id` → items in roadmap order.
 */
export function roadmapItemsByReference(roadmap: Roadmap): Map<string, RoadmapItem[]> {
  const map = new Map<string, RoadmapItem[]>();
  for (const item of roadmap.items) {
    for (const ref of new Set(item.related)) {
      const list = map.get(ref) ?? [];
      list.push(item);
      map.set(ref, list);
    }
  }
  return map;
}
