import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ReleaseContext } from '../release/context.ts';
import { pidAlive } from '../util/pid-alive.ts';
import { astroConfig } from './astro-config.ts';
import { toolRoot } from './tool-root.ts';

export interface AstroBuildOptions {
  /** Content root. */
  root: string;
  /** Astro's output folder; private to this build (a staging folder). */
  outDir: string;
  /** Astro's cache folder (content store); private to one content root and output. */
  cacheDir: string;
  quiet?: boolean;
  release?: ReleaseContext;
  now?: Date;
  siteUrl?: string;
}

/** Where builds keep their private working folders: under the tool, to resolve its packages. */
const workParent = path.join(toolRoot, 'node_modules', '.cache', 'srida-work');
const workPattern = /^build-(\d+)-[A-Za-z0-9]+$/;

/** Builds of this process run one at a time: each changes the working folder while it runs. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Run Astro's build with the site's configuration given inline (astro.config.mjs is not read,
 * and nothing is passed through the environment), so that each build sees its own options, and
 * with working folders of this build only. Astro writes its prerender chunks to
 * `<cwd>/.astro/.prerender/` (when `outDir` is not inside the working folder; see
 * `getOutDirWithinCwd` in astro/dist/core/build/common.js) and deletes that folder when it ends,
 * so two builds started from one folder removed each other's chunks. Each build runs with a
 * fresh working folder of its own under the tool's `node_modules/.cache/srida-work/` (there the
 * chunks still resolve the tool's packages), removed afterwards; folders left by killed builds
 * are removed by the next one. Builds inside one process are serialised (the working folder
 * is per process).
 */
export function runAstroBuild(options: AstroBuildOptions): Promise<void> {
  const run = queue.then(async () => {
    await removeStaleWorkDirs();
    const work = await mkdtemp(path.join(workParent, `build-${process.pid}-`));
    const { build } = await import('astro');
    const config = astroConfig(
      {
        root: options.root,
        ...(options.release ? { release: options.release } : {}),
        now: options.now ?? new Date(),
      },
      options.siteUrl,
    );
    const previous = process.cwd();
    const outDir = path.resolve(previous, options.outDir);
    process.chdir(work);
    try {
      await build({
        ...config,
        configFile: false,
        root: toolRoot,
        outDir,
        cacheDir: options.cacheDir,
        logLevel: options.quiet ? 'error' : 'warn',
        mode: 'production',
      });
    } finally {
      process.chdir(previous);
      await rm(work, { recursive: true, force: true });
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

async function removeStaleWorkDirs(): Promise<void> {
  await mkdir(workParent, { recursive: true });
  for (const name of await readdir(workParent)) {
    const pid = workPattern.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !pidAlive(Number(pid)))
      await rm(path.join(workParent, name), { recursive: true, force: true });
  }
}
