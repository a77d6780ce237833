/**
 * Every response of the consultation server goes out through {@link send}, which sets the
 * security headers: a Content Security Policy that allows nothing but the server's own
 * stylesheet and forms (no script at all, not even inline), no framing, no MIME sniffing, no
 * referrer to other sites, and no caching of pages that may hold what a respondent or an editor
 * typed.
 */
import type { ServerResponse } from 'node:http';

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Not `no-referrer`: with it, browsers send `Origin: null` on the moderation page's own POSTs,
  // and the origin check could not tell them from another site's.
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** Send a complete response. `cache` defaults to `no-store`. */
export function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType = 'text/html; charset=utf-8',
  headers: Readonly<Record<string, string>> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, {
    ...securityHeaders,
    'Cache-Control': 'no-store',
    'Content-Type': contentType,
    'Content-Length': String(bytes.length),
    ...headers,
  });
  response.end(bytes);
}

/** A redirect after a POST (303 See Other): the browser then GETs the receipt. */
export function seeOther(response: ServerResponse, location: string): void {
  send(response, 303, `See ${location}\n`, 'text/plain; charset=utf-8', { Location: location });
}
