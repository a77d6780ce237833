import { z } from 'astro/zod';

/** A person or group who edits a document. */
export const editorSchema = z.object({
  name: z.string().min(1),
  affiliation: z.string().optional(),
  orcid: z
    .string()
    .regex(/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/, 'an ORCID iD looks like `0000-0002-1825-0097`')
    .optional(),
  role: z.string().optional(),
});

/** How numbered recommendation blocks of a document are labelled ("Priority P3"). */
export const recommendationLabelSchema = z.object({
  label: z.string().min(1).default('Recommendation'),
  prefix: z.string().default('R'),
});

/**
 * Where the document's sources live, for "edit this chapter" and "report a problem" links.
 * Templates may use `{url}`, `{branch}`, `{path}` (the chapter's file inside the repository)
 * and, for issues, `{title}`; the defaults suit GitHub, Forgejo and Gitea.
 */
export const repositorySchema = z
  .object({
    url: z
      .string()
      .regex(/^https?:\/\/[^\s]+[^/\s]$/, 'write the address as `https://host/owner/name`'),
    branch: z.string().min(1).default('main'),
    /** Folder of the content root inside the repository (default: the repository's root). */
    directory: z.string().default(''),
    edit: z.string().default('{url}/edit/{branch}/{path}'),
    issues: z.string().default('{url}/issues/new?title={title}'),
  })
  .strict();

const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as `YYYY-MM-DD`'));

/**
 * Metadata of one document: `chapters/<id>/document.yaml`.
 * Schema files do no I/O; the loader positions every issue in the YAML source.
 */
export const documentMetadataSchema = z
  .object({
    title: z.string().min(1),
    subtitle: z.string().optional(),
    shortTitle: z.string().min(1),
    editors: z.array(editorSchema).min(1),
    abstract: z.string().min(1),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 tag such as `en` or `en-GB`'),
    version: z
      .string()
      .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'use a semantic version such as `1.0.0`'),
    status: z.enum(['draft', 'consultation', 'final']),
    date: isoDate,
    licence: z.string().min(1),
    keywords: z.array(z.string()).default([]),
    recommendations: recommendationLabelSchema.default({ label: 'Recommendation', prefix: 'R' }),
    citationStyle: z.string().default('apa'),
    locale: z.string().optional(),
    /**
     * Works in the reference list without being cited, as Pandoc's `nocite`: `@key1, @key2`,
     * a list of keys, or `@*` for every entry of the bibliography.
     */
    nocite: z
      .union([z.string(), z.array(z.string())], {
        error: 'write `"@key1, @key2"`, a list of keys, or `"@*"`',
      })
      .optional(),
    /** The repository holding the sources: edit and problem links on chapter pages. */
    repository: repositorySchema.optional(),
    /**
     * Paragraph references ("4.2 ¶3") in the margin of the web pages and the PDF: `auto` shows
     * them in a draft and hides them in a final (the anchors stay either way).
     */
    paragraphRefs: z.enum(['auto', 'show', 'hide']).default('auto'),
    /** Position among the project's documents (home page, navigation); then by id. */
    order: z.number().int().default(100),
  })
  .strict();

export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;
export type DocumentMetadataInput = z.input<typeof documentMetadataSchema>;
