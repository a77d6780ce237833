import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../src/site/build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shipped content's site, built once for every browser test. */
    siteDir: string;
  }
}

/**
 * Build the website of the shipped content once (the real `chapters/`, `bibliography/` and
 * `roadmap/`), for the tests that inspect it as a reader gets it.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), 'srida-site-'));
  const out = path.join(dir, 'dist');
  // SRIDA_TEST_NO_SITE=1 skips the build when running only tests that do not need it.
  if (!process.env.SRIDA_TEST_NO_SITE) await buildSite({ root: process.cwd(), out, quiet: true });
  project.provide('siteDir', out);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
