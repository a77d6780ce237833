/**
 * The stages every assembly of a project runs, in order: the glossary (abbreviations and
 * terms marked in the text, the generated glossary appendix), citations (BibTeX, one pass per
 * document), the roadmap (data, `::roadmap` blocks, back-links, the roadmap page) and releases
 * (manifest checksums, the release history). The core (src/assemble) knows none of them: the
 * CLI, the site's content loader and the tests pass this list to `assembleProject`.
 */
import { anchorsExtension } from './anchors/anchors-extension.ts';
import type { ExtensionFactory } from './assemble/extension.ts';
import { createCitationsExtension, remarkCitations } from './citations/index.ts';
import { glossaryExtension } from './glossary/glossary-extension.ts';
import type { ReleaseContext } from './release/context.ts';
import { releasesExtension } from './release/release-extension.ts';
import { roadmapExtension } from './roadmap/roadmap-extension.ts';

/** Options of {@link projectStages}. */
export interface ProjectStagesOptions {
  /** The release being built (`srida release`, `verify-release`), if any. */
  release?: ReleaseContext;
  /** Keep `anchors/<document>.jsonl` up to date (`srida check`/`build`); default: read only. */
  writeAnchors?: boolean;
}

/** The project's stages, for `assembleProject(root, { extensions: projectStages() })`. */
export function projectStages(options: ProjectStagesOptions = {}): ExtensionFactory[] {
  return [
    // Before citations: the definitions it inserts may cite works (docs/glossary.md).
    glossaryExtension({ prepareInline: remarkCitations }),
    createCitationsExtension,
    roadmapExtension(),
    releasesExtension({ building: options.release }),
    // Last: it reads the blocks as every other stage left them (docs/anchors.md).
    anchorsExtension({ building: options.release, write: options.writeAnchors }),
  ];
}
