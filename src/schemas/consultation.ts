import { z } from 'astro/zod';

/**
 * The kinds of comment of the CEN/IEC comment table (`ge`, `te`, `ed` there): on the text as a
 * whole or its policy, on a technical point, on wording and presentation.
 */
export const commentTypeSchema = z.enum(['general', 'technical', 'editorial']);

/**
 * How the editors answered a comment, as the disposition tables of standards bodies do. The
 * spellings are the ones `srida check` accepts; `partially-accepted` and `out-of-scope` are
 * hyphenated so that every value is one YAML word.
 */
export const dispositions = [
  'accepted',
  'partially-accepted',
  'noted',
  'declined',
  'out-of-scope',
] as const;

export type Disposition = (typeof dispositions)[number];

const text = z.string().min(1, 'write some text, or leave the field out');

/** An empty YAML value (`disposition:`), an empty string and a missing field all mean "not yet". */
const optionalText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value) => value ?? '');

const isoTime = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString() : value))
  .pipe(
    z
      .string()
      .regex(
        /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/,
        'write the time as `2025-11-03T10:22:11Z`',
      ),
  );

/**
 * One comment of a consultation record. The respondent's fields are written by
 * `srida consult import`; `disposition`, `response` and `changed` by the editors.
 */
export const consultationCommentSchema = z
  .object({
    id: z
      .string()
      .regex(/^c-[a-z0-9][a-z0-9-]*$/, 'ids look like `c-7gk2m4qx9p` (lower case, after `c-`)'),
    /** The block of the draft the comment is on; absent for a comment on the whole draft. */
    anchor: z.union([z.string().min(1), z.null()]).optional(),
    /** The human paragraph reference of `anchor` in the draft ("4.2 ¶3"), for reading. */
    ref: z.union([z.string(), z.null()]).optional(),
    type: commentTypeSchema,
    /** Published only because the respondent agreed to it. */
    respondent: z.union([z.string(), z.null()]).optional(),
    organisation: z.union([z.string(), z.null()]).optional(),
    /** When the comment was received (UTC). */
    received: isoTime.optional(),
    /** Where the comment came from when it is not the form: the forge issue's address. */
    source: z.string().optional(),
    comment: text,
    proposedChange: optionalText,
    /** Left empty by the import; one of {@link dispositions}, checked with a did-you-mean. */
    disposition: optionalText,
    response: optionalText,
    /** Anchors of the working text that this comment led to. */
    changed: z
      .union([z.array(z.string().min(1)), z.null()])
      .optional()
      .transform((value) => value ?? []),
  })
  .strict();

/** `consultation/<document>/<version>.yaml`: the comments on one draft and their dispositions. */
export const consultationRecordSchema = z
  .object({
    document: z.string().min(1),
    version: z.string().min(1),
    /** Each item is validated on its own (one bad comment does not hide the others' problems). */
    comments: z
      .union([z.array(z.unknown()), z.null()])
      .optional()
      .transform((value) => value ?? []),
  })
  .strict();

export type CommentType = z.infer<typeof commentTypeSchema>;
export type ConsultationComment = z.infer<typeof consultationCommentSchema>;
export type ConsultationCommentInput = z.input<typeof consultationCommentSchema>;
