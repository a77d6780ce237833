import type { Consultation, ReleaseEntry, ReleaseStage } from '../schemas/release-manifest.ts';

/**
 * The release being built, handed from `srida release` / `srida verify-release` to the site
 * build through the `SRIDA_RELEASE` environment variable (JSON). The same function makes it from
 * the command line at release time and from the manifest entry at verify time, so both builds
 * see the same thing.
 */
export interface ReleaseContext {
  document: string;
  version: string;
  stage: ReleaseStage;
  date: string;
  consultation?: Consultation;
  doi?: string;
}

/** Name of the environment variable that carries a {@link ReleaseContext}. */
export const releaseEnvVar = 'SRIDA_RELEASE';

/** The context of a release, from its manifest entry (or the entry about to be written). */
export function contextOf(
  documentId: string,
  entry: Pick<ReleaseEntry, 'version' | 'stage' | 'date' | 'consultation' | 'doi'>,
): ReleaseContext {
  const context: ReleaseContext = {
    document: documentId,
    version: entry.version,
    stage: entry.stage,
    date: entry.date,
  };
  if (entry.consultation) context.consultation = entry.consultation;
  if (entry.doi) context.doi = entry.doi;
  return context;
}

/** The release being built, if any (undefined in ordinary builds). */
export function readReleaseContext(
  env: Record<string, string | undefined> = process.env,
): ReleaseContext | undefined {
  const raw = env[releaseEnvVar];
  if (!raw) return undefined;
  const value = JSON.parse(raw) as ReleaseContext;
  if (!value || typeof value.document !== 'string' || typeof value.version !== 'string')
    throw new Error(`\`${releaseEnvVar}\` is not a release context: ${raw}`);
  return value;
}

/** Words for a stage. */
export const stageLabels: Record<ReleaseStage, string> = {
  draft: 'Draft for public consultation',
  final: 'Final',
};
