/**
 * Zod schemas of the roadmap files (`roadmap/*.yaml`). One file may hold any of `tracks`,
 * `phases` and `items`; all files are merged. Schemas do no I/O; cross-item checks (unknown
 * track, duplicate ids, cycles…) are in `validate-roadmap.ts`.
 */
import { z } from 'astro/zod';
import { parseRoadmapDate } from './roadmap-dates.ts';

/** Statuses of an item, in legend order. */
export const roadmapStatuses = ['planned', 'in-progress', 'done', 'at-risk', 'cancelled'] as const;

/** Status of a roadmap item. */
export type RoadmapStatus = (typeof roadmapStatuses)[number];

const idPattern = /^[a-z0-9][a-z0-9_-]*$/;
const referencePattern = /^[a-z][a-z0-9-]*#[a-z0-9][a-z0-9_-]*$/;

const id = z.string().regex(idPattern, {
  message: 'ids use `a-z`, `0-9`, `-` and `_`, starting with a letter or digit',
});
const text = z.string().trim().min(1, { message: 'must not be empty' });

/** A date field: `2027`, `2027-Q3`, `2027-06` or `2027-06-15`, parsed to a range. */
export const roadmapDateSchema = z.unknown().transform((value, context) => {
  const date = parseRoadmapDate(value);
  if ('error' in date) {
    context.addIssue({ code: 'custom', message: date.error, params: { rule: 'roadmap-date' } });
    return z.NEVER;
  }
  return date;
});

/** A swimlane of the timeline. */
export const roadmapTrackSchema = z.strictObject({
  id,
  title: text,
  description: text.optional(),
});

/** A period of the plan, drawn as a band across all lanes. */
export const roadmapPhaseSchema = z.strictObject({
  id,
  title: text,
  start: roadmapDateSchema,
  /** Omitted: open-ended (drawn to the end of the axis). */
  end: roadmapDateSchema.optional(),
  /** Items of a strict phase must lie inside it (default: `false`). */
  strict: z.boolean().default(false),
  description: text.optional(),
});

/** A milestone (`date`) or an activity (`start`, optional `end`). */
export const roadmapItemSchema = z.strictObject({
  id,
  title: text,
  /** Short text for the timeline when the title is long (default: the title). */
  label: text.optional(),
  track: z.string(),
  phase: z.string().optional(),
  status: z.enum(roadmapStatuses),
  date: roadmapDateSchema.optional(),
  start: roadmapDateSchema.optional(),
  /** Omitted on an activity: ongoing, drawn to the end of the axis. */
  end: roadmapDateSchema.optional(),
  dependsOn: z.array(z.string()).default([]),
  owner: text.optional(),
  stakeholders: z.array(text).default([]),
  related: z
    .array(
      z.string().regex(referencePattern, {
        message: 'a related section is written `document#id`, e.g. `srida#rec-data-federation`',
      }),
    )
    .default([]),
  description: text.optional(),
});

/** The top level of one roadmap file; entries are validated one by one. */
export const roadmapFileSchema = z.strictObject({
  tracks: z.array(z.unknown()).optional(),
  phases: z.array(z.unknown()).optional(),
  items: z.array(z.unknown()).optional(),
});

export type RoadmapTrackData = z.output<typeof roadmapTrackSchema>;
export type RoadmapPhaseData = z.output<typeof roadmapPhaseSchema>;
export type RoadmapItemData = z.output<typeof roadmapItemSchema>;
