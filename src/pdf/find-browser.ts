import { accessSync, constants } from 'node:fs';
import { PdfError } from './errors.ts';

/** Where system Chromium or Chrome usually lives (Debian/Ubuntu, Fedora, macOS). */
export const systemBrowserPaths: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** A browser found, and which of the three places it came from. */
export interface FoundBrowser {
  executablePath: string;
  source: 'PUPPETEER_EXECUTABLE_PATH' | 'system' | 'puppeteer';
}

export interface FindBrowserOptions {
  /** Default: `process.env`. */
  env?: Record<string, string | undefined>;
  /** Candidate system paths. Default: {@link systemBrowserPaths}. */
  systemPaths?: readonly string[];
  /** Path of Puppeteer's own download, if any (default: asks Puppeteer). */
  puppeteerPath?: () => Promise<string | undefined>;
  /** Whether a file can be executed (tests replace it). */
  isExecutable?: (file: string) => boolean;
}

/**
 * Find Chromium: `PUPPETEER_EXECUTABLE_PATH` first, then a system Chromium or Chrome, then the
 * browser Puppeteer downloaded. Puppeteer installs here without its download (the install exits
 * 0 but leaves no browser), so we look instead of letting `launch()` fail later and vaguely.
 * Throws one {@link PdfError} that names all three places when none has a browser.
 */
export async function findBrowser(options: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const env = options.env ?? process.env;
  const isExecutable = options.isExecutable ?? executable;
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv))
      return { executablePath: fromEnv, source: 'PUPPETEER_EXECUTABLE_PATH' };
    throw new PdfError(
      `\`PUPPETEER_EXECUTABLE_PATH\` is \`${fromEnv}\`, which is not an executable file`,
      "Point it at a Chromium or Chrome binary, or unset it to use a system Chromium or Puppeteer's own download.",
    );
  }
  const systemPaths = options.systemPaths ?? systemBrowserPaths;
  const system = systemPaths.find((file) => isExecutable(file));
  if (system) return { executablePath: system, source: 'system' };
  const downloaded = await (options.puppeteerPath ?? puppeteerDownload)();
  if (downloaded && isExecutable(downloaded))
    return { executablePath: downloaded, source: 'puppeteer' };
  throw new PdfError(
    'No Chromium found to print the PDFs',
    [
      'Looked in three places, in this order:',
      '  1. the `PUPPETEER_EXECUTABLE_PATH` environment variable: not set;',
      `  2. a system Chromium or Chrome: none of ${systemPaths.map((p) => `\`${p}\``).join(', ')};`,
      `  3. Puppeteer's own download: ${downloaded ? `\`${downloaded}\` is missing` : 'none'}.`,
      'Install one (Debian: `apt-get install chromium`; or `npx puppeteer browsers install chrome`), or set `PUPPETEER_EXECUTABLE_PATH`.',
    ].join('\n'),
  );
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function puppeteerDownload(): Promise<string | undefined> {
  try {
    const { default: puppeteer } = await import('puppeteer');
    return puppeteer.executablePath();
  } catch {
    return undefined;
  }
}
