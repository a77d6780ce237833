/** Read the consultation server's JSON export (`/export.json`). */
import type { VFile } from 'vfile';
import { z } from 'astro/zod';
import { report } from '../../diagnostics/report.ts';
import { commentTypeSchema } from '../../schemas/consultation.ts';
import { exportFormat } from '../export.ts';
import { serverIdPattern, stableId, type IncomingComment } from './incoming.ts';
import type { JsonPlaces } from './json-places.ts';

const exportedSchema = z.looseObject({
  id: z.string().min(1),
  document: z.string(),
  version: z.string(),
  anchor: z.string().nullable().optional(),
  paragraph: z.string().optional(),
  type: commentTypeSchema,
  comment: z.string().min(1),
  proposedChange: z.string().optional(),
  respondent: z.string().nullable().optional(),
  organisation: z.string().nullable().optional(),
  received: z.string().optional(),
});

/** Whether parsed JSON is the server's export. */
export function isServerExport(json: unknown): json is { format: string; comments: unknown } {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { format?: unknown }).format === exportFormat
  );
}

/** The comments of an export; each invalid one is an error at its place in the file. */
export function readServerExport(
  file: VFile,
  json: { comments: unknown },
  places: JsonPlaces,
): IncomingComment[] {
  if (!Array.isArray(json.comments)) {
    report(
      file,
      'error',
      'The export has no `comments` list',
      places(['comments']),
      'consult-import-format',
      'Export again from `/export.json` of the server.',
    );
    return [];
  }
  const comments: IncomingComment[] = [];
  for (const [index, item] of json.comments.entries()) {
    const parsed = exportedSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      report(
        file,
        'error',
        `Comment ${index + 1} of the export: \`${issue.path.join('.')}\` ${issue.message}`,
        places(['comments', index, ...(issue.path as (string | number)[])]),
        'consult-import-format',
        'The export is written by the server; export it again rather than editing it.',
      );
      continue;
    }
    const c = parsed.data;
    comments.push({
      id: serverIdPattern.test(c.id) ? c.id : stableId('form', c.id),
      document: c.document,
      version: c.version,
      anchor: c.anchor ?? undefined,
      paragraph: c.paragraph || undefined,
      type: c.type,
      comment: c.comment,
      proposedChange: c.proposedChange ?? '',
      respondent: c.respondent ?? undefined,
      organisation: c.organisation ?? undefined,
      received: c.received,
      place: () => places(['comments', index]),
    });
  }
  return comments;
}
