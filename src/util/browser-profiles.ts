import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pidAlive } from './pid-alive.ts';

/** Temporary browser profiles are `<tmp>/srida-pdf-<pid>-<random>`: the pid tells a stale one. */
const profilePattern = /^srida-pdf-(\d+)-[A-Za-z0-9]+$/;

/** A fresh, empty browser profile folder in the temporary folder, named after this process. */
export function makeProfileDir(dir = tmpdir()): Promise<string> {
  return mkdtemp(path.join(dir, `srida-pdf-${process.pid}-`));
}

/**
 * Remove the browser profiles left by prints that were killed (their process is gone); profiles
 * of running prints stay. Returns the folders removed.
 */
export async function removeStaleProfiles(dir = tmpdir()): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = profilePattern.exec(name)?.[1];
    if (!pid || Number(pid) === process.pid || pidAlive(Number(pid))) continue;
    await rm(path.join(dir, name), { recursive: true, force: true, maxRetries: 3 });
    removed.push(path.join(dir, name));
  }
  return removed;
}
