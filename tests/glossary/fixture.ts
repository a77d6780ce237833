import { chapter, documentYaml, makeProject } from '../helpers/project.ts';

/** The glossary of the fixture: abbreviations, terms, an ignore list. */
export const glossaryYaml = `ignore: [EUR, PB]
entries:
  - abbreviation: AAI
    expansion: authentication and authorisation infrastructure
    seeAlso: [token, nosuch]
  - abbreviation: GPU
    expansion: graphics processing unit
  - abbreviation: HPC
    expansion: high-performance computing
  - abbreviation: LHC
    expansion: Large Hadron Collider
  - abbreviation: SRIDA
    expansion: Strategic Research, Innovation and Deployment Agenda
  - abbreviation: FAIR
    expansion: findable, accessible, interoperable and reusable
    definition: Principles of data stewardship [@wilkinson2016]
  - term: Pilot job
    definition: A placeholder job that fetches real work once running
  - term: Token
    definition: A short-lived signed credential
    seeAlso: [aai]
  - term: Data lake
    definition: Storage at many sites presented as one store
  - abbreviation: UNUSED
    expansion: an entry no chapter uses
`;

/**
 * A project with a glossary: two chapters that use it in every way the stage knows, and an
 * appendix with the generated glossary.
 */
export function glossaryProject(extra: Record<string, string> = {}): Promise<string> {
  return makeProject({
    'chapters/alpha/document.yaml': documentYaml('Alpha Plan'),
    'chapters/alpha/01-intro.md': chapter(
      'Introduction',
      `
HPC centres run pilot jobs. More HPC follows, and the AAI issues tokens.

## Identity {#identity}

The Worldwide LHC Computing Grid came first; the LHC itself later.

The SRIDA's aims come first. Then the SRIDA itself.

We mean :plain[AAI] as written, and ZQX is not defined. ZQX again, with 3 PB and 20 EUR.

GPUs and a [](#term-token) link.

| Word | Use |
| ---- | --- |
| GPU  | tables are not expanded |
`,
    ),
    'chapters/alpha/02-methods.md': chapter(
      'Methods',
      `
| Word       | Use                                 |
| ---------- | ----------------------------------- |
| Pilot jobs | a term first used in a table cell   |

High-performance computing (HPC) is written out by the author. Pilot jobs again. FAIR data.
`,
    ),
    'chapters/alpha/03-glossary.md': chapter(
      'Glossary',
      `
## Terms {#g-terms}

::glossary{show="terms"}

## Abbreviations {#g-abbreviations}

::glossary{show="abbreviations"}
`,
      'status: draft\nkind: appendix',
    ),
    'bibliography/works.bib': `@article{wilkinson2016, author = {Wilkinson, Mark}, title = {The FAIR Guiding Principles}, journal = {Scientific Data}, year = {2016}}
`,
    'glossary/words.yaml': glossaryYaml,
    ...extra,
  });
}
