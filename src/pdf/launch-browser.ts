import { rm } from 'node:fs/promises';
import puppeteer, { type Browser } from 'puppeteer';
import { makeProfileDir, removeStaleProfiles } from '../util/browser-profiles.ts';

/**
 * Chromium flags for printing offline: no sandbox when root (Chromium refuses to start as root
 * otherwise), no GPU, no /dev/shm (small in containers), and none of the background services
 * that try the network (updates, sync, QUIC). Every host name resolves to nothing except the
 * loopback address, as a second fence behind the request interception.
 */
export const chromiumArgs: readonly string[] = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--font-render-hinting=none',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** A browser that can be relaunched after a crash; closing it also removes its profile. */
export interface BrowserHolder {
  /** The running browser, relaunched if it died. */
  get(): Promise<Browser>;
  /** Close the browser (if running) and delete its profile folder. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Launch Chromium with a fresh profile in the temporary folder. Puppeteer's own signal handlers
 * are off: the caller owns Ctrl-C (an `AbortSignal`) and closes the browser itself.
 */
export async function launchBrowser(
  executablePath: string,
  timeoutMs: number,
): Promise<BrowserHolder> {
  await removeStaleProfiles();
  const userDataDir = await makeProfileDir();
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  let current: Promise<Browser> | undefined;
  let closed = false;
  const start = () =>
    puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      args: [...chromiumArgs, ...(root ? ['--no-sandbox'] : [])],
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: timeoutMs,
      protocolTimeout: timeoutMs,
    });
  return {
    async get() {
      if (closed) throw new Error('the browser was closed');
      const pending = current;
      const browser = pending ? await pending.catch(() => undefined) : undefined;
      if (browser?.connected) return browser;
      // Relaunch, unless another caller already did while we waited.
      if (current === pending && !closed) current = start();
      return current!;
    },
    async close() {
      closed = true;
      const browser = current ? await current.catch(() => undefined) : undefined;
      current = undefined;
      if (browser) {
        await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
      }
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
