/**
 * The released files, served from `releases/<document>/<version>/` as they were committed:
 * `/<document>/releases/<version>/<file>`. A file that does not match the SHA-256 in its
 * manifest is never published: the build fails instead (`srida check` reports it first).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { digest } from '../../../../release/checksum.ts';
import { releaseDir } from '../../../../release/paths.ts';
import { releasesOf } from '../../../../release/site-data.ts';
import { buildOptions } from '../../../../site/build-options.ts';
import { getDocuments } from '../../../../site/documents.ts';

const types: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.md': 'text/markdown; charset=utf-8',
  '.cff': 'application/yaml; charset=utf-8',
  '.json': 'application/json',
};

export const getStaticPaths = (async () => {
  const documents = await getDocuments();
  return documents.flatMap((document) =>
    releasesOf(document)
      .releases.filter((release) => release.verified)
      .flatMap((release) =>
        [release.pdf, ...release.files].map((file) => ({
          params: { doc: document.id, version: release.version, file: file.name },
          props: {
            source: path.join(releaseDir(document.id, release.version), file.file),
            sha256: file.sha256,
          },
        })),
      ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { source, sha256 } = props as { source: string; sha256: string };
  const bytes = await readFile(path.join(buildOptions().root, source));
  if (digest(bytes).sha256 !== sha256)
    throw new Error(
      `${source} does not match the SHA-256 in its manifest; not publishing it (run \`srida check\`).`,
    );
  return new Response(bytes, {
    headers: { 'Content-Type': types[path.extname(source)] ?? 'application/octet-stream' },
  });
};
