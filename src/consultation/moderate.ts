/**
 * Moderation and export, for the editors. Both need the secret (`SRIDA_CONSULT_SECRET`):
 * - `POST /moderate` with the secret as a form field (the moderation pages), from a page of
 *   this server: a request whose `Origin` is another site, or that a browser marks
 *   `Sec-Fetch-Site: cross-site`, is refused before the secret is looked at;
 * - `GET /export.csv` and `GET /export.json` with `Authorization: Bearer <secret>` (scripts).
 * A browser never adds either by itself, so no other site can act with an editor's secret.
 * Wrong secrets are counted per client; past the limit the client waits, whatever it sends.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress } from './client-address.ts';
import { exportCsv, exportJson } from './export.ts';
import { assertFormContentType, parseForm, readBody } from './form-body.ts';
import { HttpError } from './http-error.ts';
import { loginPage, moderationPage } from './moderation-page.ts';
import { send } from './respond.ts';
import type { ServerContext } from './server-context.ts';

/** The largest moderation request (a secret, an action, an id). */
const moderationBodyBytes = 16 * 1024;

/** `GET /moderate`: the form that asks for the secret. */
export function showLogin(context: ServerContext, response: ServerResponse): void {
  assertModeration(context);
  send(response, 200, loginPage());
}

/** `POST /moderate`: list, hide, unhide, export. */
export async function moderate(
  context: ServerContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const check = assertModeration(context);
  assertSameOrigin(context, request);
  assertFormContentType(request);
  const fields = parseForm(await readBody(request, moderationBodyBytes));
  const secret = fields.get('secret') ?? '';
  if (!authorised(context, request, check, secret)) {
    send(response, 403, loginPage('That is not the editor’s secret.'));
    return;
  }
  const action = fields.get('action') ?? 'list';
  const filter = {
    document: fields.get('document') || undefined,
    version: fields.get('version') || undefined,
  };
  if (action === 'export-csv' || action === 'export-json') {
    sendExport(context, response, action === 'export-csv' ? 'csv' : 'json', filter);
    return;
  }
  let notice: string | undefined;
  let status = 200;
  if (action === 'hide' || action === 'unhide') {
    const id = fields.get('id') ?? '';
    if (context.store.setHidden(id, action === 'hide')) {
      notice = `Comment ${id} is ${action === 'hide' ? 'hidden as spam' : 'shown again'}.`;
    } else {
      status = 404;
      notice = `There is no comment ${id.slice(0, 40)}.`;
    }
  } else if (action !== 'list') {
    throw new HttpError(400, `Unknown moderation action “${action.slice(0, 40)}”.`);
  }
  send(response, status, moderationPage(context.store.list(filter), secret, notice));
}

/** `GET /export.csv`, `GET /export.json` with `Authorization: Bearer <secret>`. */
export function exportRoute(
  context: ServerContext,
  request: IncomingMessage,
  url: URL,
  response: ServerResponse,
  format: 'csv' | 'json',
): void {
  const check = assertModeration(context);
  const header = request.headers.authorization ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
  if (!authorised(context, request, check, bearer)) {
    send(
      response,
      401,
      'The export needs the header `Authorization: Bearer <SRIDA_CONSULT_SECRET>`.\n',
      'text/plain; charset=utf-8',
      {
        'WWW-Authenticate': 'Bearer realm="srida consult"',
      },
    );
    return;
  }
  const filter = {
    document: url.searchParams.get('document') || undefined,
    version: url.searchParams.get('version') || undefined,
  };
  sendExport(context, response, format, filter);
}

function sendExport(
  context: ServerContext,
  response: ServerResponse,
  format: 'csv' | 'json',
  filter: { document?: string; version?: string },
): void {
  const comments = context.store.list({ ...filter, visibleOnly: true });
  const anchors = (document: string, version: string) => context.draft(document, version)?.anchors;
  const name =
    `comments${filter.document ? `-${filter.document}` : ''}${filter.version ? `-${filter.version}` : ''}.${format}`.replace(
      /[^A-Za-z0-9._-]/g,
      '_',
    );
  const body =
    format === 'csv'
      ? exportCsv(comments, anchors)
      : exportJson(comments, anchors, new Date(context.now()));
  send(
    response,
    200,
    body,
    format === 'csv'
      ? 'text/csv; charset=utf-8; header=present'
      : 'application/json; charset=utf-8',
    {
      'Content-Disposition': `attachment; filename="${name}"`,
    },
  );
}

function assertModeration(context: ServerContext): NonNullable<ServerContext['secret']> {
  if (!context.secret)
    throw new HttpError(
      404,
      'Moderation is off on this server: start it with SRIDA_CONSULT_SECRET set.',
    );
  return context.secret;
}

/** Check a secret, unless this client has used up its wrong guesses (429 until it may try again). */
function authorised(
  context: ServerContext,
  request: IncomingMessage,
  check: NonNullable<ServerContext['secret']>,
  candidate: string | undefined,
): boolean {
  const address = clientAddress(request, context.trustProxy);
  const wait = context.secretLimiter.wait(address);
  if (wait > 0)
    throw new HttpError(
      429,
      `Too many wrong secrets from your network address: try again in ${Math.ceil(wait / 60)} minutes.`,
      {
        'Retry-After': String(wait),
      },
    );
  if (check(candidate)) return true;
  context.secretLimiter.take(address);
  return false;
}

/** Refuse a moderation POST sent by a page of another site. */
function assertSameOrigin(context: ServerContext, request: IncomingMessage): void {
  if (request.headers['sec-fetch-site'] === 'cross-site')
    throw new HttpError(
      403,
      'Moderation requests must come from the moderation page of this server.',
    );
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const forwardedHost = context.trustProxy
    ? firstValue(request.headers['x-forwarded-host'])
    : undefined;
  const host = (forwardedHost ?? request.headers.host ?? '').toLowerCase();
  let originHost: string;
  try {
    originHost = origin === 'null' ? '' : new URL(origin).host.toLowerCase();
  } catch {
    originHost = '';
  }
  if (originHost === '' || originHost !== host)
    throw new HttpError(
      403,
      'Moderation requests must come from the moderation page of this server.',
    );
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}
