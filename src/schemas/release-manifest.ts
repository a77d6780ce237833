import { z } from 'astro/zod';

/** A semantic version without build metadata: `1.0.0`, `1.1.0-rc.1`. */
export const releaseVersionSchema = z
  .string()
  .regex(
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/,
    'use a semantic version such as `1.0.0`',
  );

/** `draft` is the edition for public consultation; `final` the adopted text. */
export const releaseStageSchema = z.enum(['draft', 'final']);

/**
 * A release date: `YYYY-MM-DD`, or `YYYY-MM` when the day is not on record (the shipped 0.9.0
 * drafts: "October 2025"). A YAML date is accepted too.
 */
export const releaseDateSchema = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(
    z
      .string()
      .regex(
        /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/,
        'write the date as `YYYY-MM-DD`, or `YYYY-MM` when the day is not known',
      ),
  );

/**
 * Where the "Comment on this paragraph" links of a draft lead (docs/anchors.md): exactly one of
 * a forge's new-issue URL template (`{title}`, `{body}`, `{document}`, `{version}`, `{ref}`,
 * `{anchor}`, `{url}` are filled in, URL-encoded), an e-mail address, or the address of the
 * consultation form (`srida consult serve`).
 */
export const commentChannelSchema = z
  .object({
    forge: z
      .string()
      .regex(
        /^https?:\/\/\S+$/,
        'a new-issue URL such as `https://github.com/o/r/issues/new?title={title}&body={body}`',
      )
      .optional(),
    email: z.email().optional(),
    form: z.url().optional(),
  })
  .strict()
  .refine(
    (channel) =>
      [channel.forge, channel.email, channel.form].filter((v) => v !== undefined).length === 1,
    'give exactly one of `forge`, `email` or `form`',
  );

/** The public consultation on a draft: when, and how to respond. */
export const consultationSchema = z
  .object({
    /** When the consultation opened. */
    opens: releaseDateSchema,
    /** When it closes; leave out when it is not known, and say so in `note`. */
    closes: releaseDateSchema.optional(),
    /** One sentence on the window that the dates alone do not say (e.g. "closing date not published"). */
    note: z.string().min(1).optional(),
    /** How to respond, in one or two sentences. */
    respond: z.string().min(1),
    /** Where to respond or read more. */
    url: z.url().optional(),
    /** Where each paragraph's "Comment" link leads while the consultation is open. */
    channel: commentChannelSchema.optional(),
  })
  .strict();

/** A DOI, bare (`10.5281/zenodo.123`), as citation tools expect it. */
export const doiSchema = z
  .string()
  .regex(
    /^10\.\d{4,9}\/\S+$/,
    'write the DOI bare, e.g. `10.5281/zenodo.1234567` (no `https://doi.org/`)',
  );

/** One released file, with what proves it unchanged. */
export const releasedFileSchema = z
  .object({
    /** File name inside `releases/<document>/<version>/`. */
    file: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a plain file name, no folders'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lower-case hex digits'),
    bytes: z.number().int().nonnegative(),
  })
  .strict();

/** The PDF of a release: a released file with its page count. */
export const releasedPdfSchema = releasedFileSchema
  .extend({ pages: z.number().int().positive() })
  .strict();

/** Details an editor writes before running `srida release` (typed once, here). */
export const nextReleaseSchema = z
  .object({
    /** Release date; default: the day the command runs (UTC). */
    date: releaseDateSchema.optional(),
    /** Required for a draft. */
    consultation: consultationSchema.optional(),
    /** For a final: its DOI, reserved beforehand (Zenodo can reserve one), printed in "Cite as". */
    doi: doiSchema.optional(),
  })
  .strict();

/** One published release. Written by `srida release`; never edited afterwards. */
export const releaseEntrySchema = z
  .object({
    version: releaseVersionSchema,
    stage: releaseStageSchema,
    date: releaseDateSchema,
    /** The annotated git tag: `<document>-v<version>`. */
    tag: z.string().min(1),
    /** The commit the release was built from (the tag's parent). */
    source: z.string().regex(/^[0-9a-f]{40}$/, 'a full commit hash'),
    consultation: consultationSchema.optional(),
    doi: doiSchema.optional(),
    /** Why a final was released with `--force` (chapters not final, comments without a disposition). */
    forced: z.string().min(1).optional(),
    /** What printed it, so that `srida verify-release` knows whether to expect the same bytes. */
    printer: z.object({ tool: z.string(), chromium: z.string() }).strict(),
    pdf: releasedPdfSchema,
    /** Release notes, CITATION.cff and Zenodo metadata. */
    files: z.array(releasedFileSchema).default([]),
  })
  .strict();

/** `releases/<document>/releases.yaml`: every release of one document, oldest first. */
export const releaseManifestSchema = z
  .object({
    document: z.string().min(1),
    next: nextReleaseSchema.optional(),
    releases: z.array(releaseEntrySchema).default([]),
  })
  .strict();

export type ReleaseStage = z.infer<typeof releaseStageSchema>;
export type Consultation = z.infer<typeof consultationSchema>;
export type CommentChannel = z.infer<typeof commentChannelSchema>;
export type ReleasedFile = z.infer<typeof releasedFileSchema>;
export type ReleasedPdf = z.infer<typeof releasedPdfSchema>;
export type NextRelease = z.infer<typeof nextReleaseSchema>;
export type ReleaseEntry = z.infer<typeof releaseEntrySchema>;
export type ReleaseManifest = z.infer<typeof releaseManifestSchema>;
