import { z } from 'astro/zod';

/** Editorial status of a chapter. */
export const chapterStatusSchema = z.enum(['draft', 'review', 'final']);

/** Where a chapter sits: unnumbered front matter, a numbered chapter, or a lettered appendix. */
export const chapterKindSchema = z.enum(['front', 'chapter', 'appendix']);

/** YAML front matter of a chapter file `chapters/<document>/NN-slug.md`. */
export const chapterFrontMatterSchema = z
  .object({
    title: z.string().min(1),
    status: chapterStatusSchema,
    workingGroup: z
      .string()
      .regex(/^WG[1-9]$/, 'name a working group as `WG1` … `WG6`')
      .optional(),
    owners: z.array(z.string().min(1)).optional(),
    summary: z.string().optional(),
    kind: chapterKindSchema.default('chapter'),
    /** Optional, for Pandoc-style projects: must equal the file's `NN`. */
    order: z.number().int().nonnegative().optional(),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, 'ids use lower-case letters, digits, `-` and `_`')
      .optional(),
  })
  .strict();

export type ChapterFrontMatter = z.infer<typeof chapterFrontMatterSchema>;
export type ChapterStatus = z.infer<typeof chapterStatusSchema>;
export type ChapterKind = z.infer<typeof chapterKindSchema>;
