/**
 * The one URL judge of the project: raw HTML attributes, Markdown links and images, and SVG
 * figures all go through it, so an obfuscated scheme cannot pass one filter and not another.
 */

/** Schemes a link or resource of a chapter may use; relative URLs and `#fragments` always may. */
export const allowedSchemes: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);

/**
 * Normalise a URL the way browsers do before they read its scheme (WHATWG URL standard, basic
 * URL parser): strip leading and trailing C0 controls and spaces, remove every tab, line feed
 * and carriage return. Character references (`java&#x0A;script:`) are already decoded by the
 * HTML and Markdown parsers, so the value seen here is the one the browser sees.
 */
export function normaliseUrl(value: string): string {
  // eslint-disable-next-line no-control-regex -- C0 controls are exactly what browsers strip.
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** The scheme of a URL in lower case (after {@link normaliseUrl}), or undefined when relative. */
export function urlScheme(value: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(normaliseUrl(value))?.[1]?.toLowerCase();
}

/** Whether a link or resource URL is allowed on the site: relative, `#fragment`, or an allowed scheme. */
export function isSafeUrl(value: string): boolean {
  const scheme = urlScheme(value);
  return scheme === undefined || allowedSchemes.has(scheme);
}

/** The URLs of a `srcset` value (comma-separated candidates, each a URL and a descriptor). */
export function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

/**
 * Decode percent-escapes of a URL path without ever throwing: a `%` that does not start a valid
 * escape (`100%.svg`) stays as it is. The one decoder for file names in URLs.
 */
export function safeDecodeUri(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}
