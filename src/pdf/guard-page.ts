import type { HTTPRequest, Page } from 'puppeteer';

/** What went wrong in a page while it loaded or printed. */
export interface PageGuard {
  /** Problems so far, in the order they happened: each names its URL or message. */
  problems: string[];
}

/**
 * Keep a page offline and honest: every request that does not go to `origin` (the local server)
 * is aborted and reported with its URL; responses with status >= 400, failed requests, uncaught
 * page errors and console errors are reported too. The printer fails the document when any
 * problem is reported, so a remote font or a broken image never slips into a PDF unnoticed.
 * Call before the page navigates.
 */
export async function guardPage(page: Page, origin: string): Promise<PageGuard> {
  const guard: PageGuard = { problems: [] };
  const local = (url: string) =>
    url.startsWith(`${origin}/`) || url === origin || /^(data|blob|about):/.test(url);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (local(url)) {
      void request.continue();
      return;
    }
    guard.problems.push(
      `blocked request to ${url} (printing is offline: ship the file with the site)`,
    );
    void request.abort('blockedbyclient');
  });
  page.on('requestfailed', (request) => {
    const url = request.url();
    if (!local(url)) return; // already reported as blocked
    guard.problems.push(
      `request failed: ${url} (${request.failure()?.errorText ?? 'unknown error'})`,
    );
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      guard.problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('pageerror', (error) => {
    guard.problems.push(`page error: ${error instanceof Error ? error.message : String(error)}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Blocked and failed requests also log a console error; they are reported once, above.
    if (/ERR_BLOCKED_BY_CLIENT|^Failed to load resource/.test(message.text())) return;
    const where = message.location()?.url;
    guard.problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  return guard;
}
