import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { projectMetadataSchema, type ProjectMetadata } from '../schemas/project-metadata.ts';
import { parseYaml, validateYaml } from './parse-yaml.ts';
import { readSource } from './read-source.ts';

/** Name of the project-level metadata file at the content root. */
export const projectMetadataName = 'project.yaml';

/**
 * Read `project.yaml` at the content root: the publishing organisation's facts (name, publisher,
 * funding statement…). No file means no facts (`{}`); a field in error is reported with its
 * position and left out, so the rest of the project is still checked.
 */
export async function loadProjectMetadata(
  root: string,
): Promise<{ metadata: ProjectMetadata; file?: VFile }> {
  const found = await stat(path.join(root, projectMetadataName)).catch(() => undefined);
  if (!found?.isFile()) return { metadata: {} };
  const { file, ok } = await readSource(root, projectMetadataName);
  const located = ok ? parseYaml(file, String(file.value)) : undefined;
  const metadata = located
    ? validateYaml(file, located, projectMetadataSchema, 'project-metadata', {})
    : undefined;
  return { metadata: metadata ?? {}, file };
}
