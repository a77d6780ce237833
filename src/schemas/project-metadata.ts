import { z } from 'astro/zod';

/**
 * Facts about the organisation that publishes the documents: `project.yaml` at the content
 * root (optional). The tool has none of its own: every field defaults to nothing, and what is
 * left out is simply not shown, so a `--root` of another organisation never carries these.
 * Schema files do no I/O; the loader positions every issue in the YAML source.
 */
export const projectMetadataSchema = z
  .object({
    /** Short name: the site header, page titles, the top line of each PDF cover ("SPECTRUM"). */
    name: z.string().min(1).optional(),
    /** Words after the name in the site header ("SRIDA & Technical Blueprint"). */
    tagline: z.string().min(1).optional(),
    /** The site's default `<meta name="description">`. */
    description: z.string().min(1).optional(),
    /** Home page: the heading, and the paragraph under it. */
    heading: z.string().min(1).optional(),
    lead: z.string().min(1).optional(),
    /** The roadmap page's introduction. */
    roadmapIntro: z.string().min(1).optional(),
    /** Publisher in "cite this", CITATION.cff and Zenodo metadata ("SPECTRUM project"). */
    publisher: z.string().min(1).optional(),
    /** The funding statement: PDF covers, the site's footer, Zenodo's notes. Written once. */
    funding: z.string().min(1).optional(),
    /** A notice in the site's footer, before the funding statement. */
    notice: z.string().min(1).optional(),
    /** Start of every PDF's file name, e.g. `spectrum-` (`spectrum-srida-v1.0.0.pdf`). */
    filePrefix: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and `-`, e.g. `spectrum-`')
      .optional(),
  })
  .strict();

export type ProjectMetadata = z.infer<typeof projectMetadataSchema>;
