import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { findBrowser } from '../../src/pdf/find-browser.ts';
import { chromiumArgs } from '../../src/pdf/launch-browser.ts';

/** Launch Chromium the way the printer does (same browser search, same offline flags). */
export async function launchBrowser(): Promise<Browser> {
  const { executablePath } = await findBrowser();
  return puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir: await mkdtemp(path.join(tmpdir(), 'srida-chromium-')),
    // As the printer does: Chromium refuses to start as root without this.
    args: [...chromiumArgs, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
}
