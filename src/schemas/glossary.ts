import { z } from 'astro/zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids use lower-case letters, digits and `-`');

/**
 * One entry of `glossary/*.yaml`: an abbreviation (`abbreviation` + `expansion`), a term
 * (`term` + `definition`), or both (an abbreviation with a definition). Which documents use an
 * entry is found from the text, never written here.
 */
export const glossaryEntrySchema = z
  .object({
    /** Default: the slug of the abbreviation, else of the term. */
    id: id.optional(),
    /** As written in the text: `AAI`, `HL-LHC`, `SRCNet`. */
    abbreviation: z.string().min(1).optional(),
    /** What the abbreviation stands for, as it reads in a sentence (lower case unless a name). */
    expansion: z.string().min(1).optional(),
    /** The plural of the expansion, for `GPUs` (default: the expansion + "s"). */
    expansionPlural: z.string().min(1).optional(),
    /** A term defined by the glossary: `Pilot job`. */
    term: z.string().min(1).optional(),
    /** What the term (or abbreviation) means; inline Markdown, citations and `[](#id)` allowed. */
    definition: z.string().min(1).optional(),
    /** Other forms of the term that count as uses (`pilot jobs` is found without this). */
    aliases: z.array(z.string().min(1)).optional(),
    /** Ids of related entries. */
    seeAlso: z.array(id).optional(),
  })
  .strict()
  .refine((entry) => entry.abbreviation !== undefined || entry.term !== undefined, {
    message: 'an entry needs an `abbreviation` or a `term`',
  })
  .refine((entry) => entry.abbreviation === undefined || entry.expansion !== undefined, {
    message: 'an abbreviation needs its `expansion`',
    path: ['expansion'],
  })
  .refine((entry) => entry.term === undefined || entry.definition !== undefined, {
    message: 'a term needs its `definition`',
    path: ['definition'],
  });

/** A file `glossary/<name>.yaml`. */
export const glossaryFileSchema = z
  .object({
    entries: z.array(z.unknown()).optional(),
    /**
     * Capitalised words that are not abbreviations to define (units, names, codes): never
     * marked, never reported as undefined.
     */
    ignore: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type GlossaryEntryData = z.infer<typeof glossaryEntrySchema>;
