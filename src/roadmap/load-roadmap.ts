/**
 * Read `roadmap/*.yaml` into one {@link Roadmap}. Never throws on bad content: every problem is
 * a message on the file it is in, placed at the offending YAML node, and the entry is left out.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { z } from 'astro/zod';
import { report } from '../diagnostics/report.ts';
import { readSource } from '../content/read-source.ts';
import { parseYaml, type LocatedYaml } from '../content/parse-yaml.ts';
import { reportSchemaIssues } from '../content/schema-issues.ts';
import {
  roadmapFileSchema,
  roadmapItemSchema,
  roadmapPhaseSchema,
  roadmapTrackSchema,
} from '../schemas/roadmap.ts';
import type { Roadmap, RoadmapItem, RoadmapSource } from './types.ts';
import { validateRoadmap } from './validate-roadmap.ts';

/**
 * Load and check the roadmap of a project.
 *
 * @param root project root (the folder holding `roadmap/`).
 * @returns the roadmap (undefined when there is no `roadmap/*.yaml`) and every file read, with
 *   its messages. Invalid entries are left out of the roadmap.
 */
export async function loadRoadmap(root: string): Promise<{ roadmap?: Roadmap; files: VFile[] }> {
  const names = await readdir(path.join(root, 'roadmap')).catch(() => [] as string[]);
  const yamlNames = names.filter((name) => /\.ya?ml$/.test(name)).sort();
  if (yamlNames.length === 0) return { files: [] };

  const files: VFile[] = [];
  const roadmap: Roadmap = { tracks: [], phases: [], items: [] };
  for (const name of yamlNames) {
    const { file, ok } = await readSource(root, path.posix.join('roadmap', name));
    files.push(file);
    if (ok) readRoadmapFile(file, roadmap);
  }
  validateRoadmap(roadmap);
  return { roadmap, files };
}

/**
 * Add the tracks, phases and items of one parsed file to `roadmap` (exported for tests and for
 * hosts that hold the text in memory).
 */
export function readRoadmapFile(file: VFile, roadmap: Roadmap): void {
  const yaml = parseYaml(file, String(file.value ?? ''));
  if (!yaml) {
    roadmap.unreadable = [...(roadmap.unreadable ?? []), file.path];
    return;
  }
  const data: unknown = yaml.data ?? {};
  const top = roadmapFileSchema.safeParse(data, { reportInput: true });
  if (!top.success) {
    reportSchemaIssues(file, yaml, roadmapFileSchema, top.error.issues, {
      ruleId: 'roadmap-schema',
    });
    return;
  }
  const { tracks = [], phases = [], items = [] } = top.data;
  for (const [index, entry] of tracks.entries()) {
    const track = parseEntry(file, yaml, ['tracks', index], entry, roadmapTrackSchema, 'track');
    if (track) roadmap.tracks.push({ ...track, source: sourceOf(file, yaml, ['tracks', index]) });
  }
  for (const [index, entry] of phases.entries()) {
    const phase = parseEntry(file, yaml, ['phases', index], entry, roadmapPhaseSchema, 'phase');
    if (phase) roadmap.phases.push({ ...phase, source: sourceOf(file, yaml, ['phases', index]) });
  }
  for (const [index, entry] of items.entries()) {
    const data = parseEntry(file, yaml, ['items', index], entry, roadmapItemSchema, 'item');
    if (!data) continue;
    const item = toItem(data, sourceOf(file, yaml, ['items', index]));
    if (item) roadmap.items.push(item);
  }
}

/** Validate one entry; report its issues, named by its id when it has one. */
function parseEntry<S extends z.ZodObject>(
  file: VFile,
  yaml: LocatedYaml,
  base: (string | number)[],
  entry: unknown,
  schema: S,
  kind: string,
): z.output<S> | undefined {
  const result = schema.safeParse(entry, { reportInput: true });
  if (result.success) return result.data;
  const id =
    entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string'
      ? (entry as { id: string }).id
      : undefined;
  const label = id ? `${kind} \`${id}\`` : `${kind} ${Number(base[1]) + 1}`;
  reportSchemaIssues(file, yaml, schema, result.error.issues, {
    ruleId: 'roadmap-schema',
    base,
    label,
  });
  return undefined;
}

/** A milestone has `date`; an activity has `start` (and usually `end`). */
function toItem(
  data: z.output<typeof roadmapItemSchema>,
  source: RoadmapSource,
): RoadmapItem | undefined {
  const { date, start, end, ...fields } = data;
  if (date && !start && !end) return { ...fields, kind: 'milestone', date, source };
  if (start && !date)
    return end
      ? { ...fields, kind: 'activity', start, end, source }
      : { ...fields, kind: 'activity', start, source };
  const both = date !== undefined && (start !== undefined || end !== undefined);
  report(
    source.file,
    'error',
    both
      ? `Item \`${data.id}\` has both \`date\` and \`start\`/\`end\``
      : end
        ? `Activity \`${data.id}\` has an \`end\` but no \`start\``
        : `Item \`${data.id}\` has no date`,
    both ? source.place(['date'], true) : source.place(),
    'roadmap-item-kind',
    'A milestone has `date:`; an activity has `start:` and `end:` (no `end` for an ongoing one).',
  );
  return undefined;
}

/** Where an entry is, with its own view of the YAML positions. */
function sourceOf(file: VFile, yaml: LocatedYaml, base: (string | number)[]): RoadmapSource {
  return { file, place: (path = [], key) => yaml.place!([...base, ...path], key) };
}
