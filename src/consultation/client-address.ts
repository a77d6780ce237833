/**
 * Whom a request comes from, for rate limiting. The socket's address, unless the server was
 * told it runs behind a reverse proxy (`--trust-proxy`): then the address the proxy appended
 * last to `Forwarded` (RFC 7239) or `X-Forwarded-For`. Only that last entry is the proxy's own
 * statement; anything before it was sent by the client and could be made up. IPv6 clients are
 * grouped by their /64 network, which one subscriber usually holds whole.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** The rate-limit key of a request. */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const socket = request.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return normalise(socket);
  const forwarded = lastForwardedFor(request.headers.forwarded);
  const xff = lastListItem(request.headers['x-forwarded-for']);
  return normalise(forwarded ?? xff ?? socket);
}

function lastForwardedFor(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const elements = (Array.isArray(header) ? header.join(',') : header).split(',');
  for (const element of elements.reverse()) {
    for (const pair of element.split(';')) {
      const [name, value] = pair.split('=').map((part) => part.trim());
      if (name?.toLowerCase() === 'for' && value) return value.replace(/^"|"$/g, '');
    }
  }
  return undefined;
}

function lastListItem(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const items = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return items.at(-1);
}

/** `[::1]:443` → `::1`, `1.2.3.4:80` → `1.2.3.4`, `::ffff:1.2.3.4` → `1.2.3.4`, IPv6 → its /64. */
export function normalise(address: string): string {
  let value = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.replace(/:\d+$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  if (isIPv4(value)) return value;
  if (isIPv6(value)) return `${expandIPv6(value).slice(0, 4).join(':')}::/64`;
  // `unknown` or an obfuscated identifier (RFC 7239 allows `_name`): one bucket per value.
  return value.toLowerCase();
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.toLowerCase().split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array(missing).fill('0'), ...right].map((group) =>
    group.replace(/^0+(?=.)/, ''),
  );
}
