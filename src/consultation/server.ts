/**
 * The consultation server (`srida consult serve`): Node's own `http`, no framework. It serves
 * the comment form, stores comments in SQLite, and gives editors moderation and export. Every
 * request is answered by a page or a file: an error is an {@link HttpError} turned into a page
 * with its status, never a stack trace.
 *
 * Limits against slow or large requests: the headers must arrive within `headersTimeout`, the
 * whole request within `requestTimeout`, headers are at most 16 KiB, the body at most
 * `limits.bodyBytes`; idle keep-alive connections close after `keepAliveTimeout`.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HttpError } from './http-error.ts';
import { limits } from './limits.ts';
import { exportRoute, moderate, showLogin } from './moderate.ts';
import { indexPage, messagePage, receiptPage } from './pages.ts';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.ts';
import { send } from './respond.ts';
import { secretCheck } from './secret.ts';
import type { ServerContext } from './server-context.ts';
import { groupCommit } from './group-commit.ts';
import type { CommentStore, NewComment } from './store.ts';
import { showForm, submitForm } from './submit.ts';
import type { ServedDraft } from './windows.ts';

export interface ConsultationServerOptions {
  drafts: readonly ServedDraft[];
  store: CommentStore;
  /** The editor's secret; moderation and export are off without it. */
  secret?: string;
  /** Take the client's address from `Forwarded`/`X-Forwarded-For` (behind a reverse proxy). */
  trustProxy?: boolean;
  /** Comments per client (default: bursts of 20, 120 an hour). */
  rateLimit?: Pick<RateLimitOptions, 'capacity' | 'perHour'>;
  /** Wrong secrets per client (default: 5, then one more every 2 minutes). */
  secretRateLimit?: Pick<RateLimitOptions, 'capacity' | 'perHour'>;
  /** Milliseconds (defaults: 10 s, 30 s, 5 s). */
  timeouts?: { headers?: number; request?: number; keepAlive?: number };
  /** The clock (ms), for tests. */
  now?: () => number;
  /** Where problems are logged (default: nowhere). */
  log?: (line: string) => void;
}

const stylesheet = readFileSync(new URL('./consult.css', import.meta.url));

/** Create the server (not yet listening). */
export function createConsultationServer(options: ConsultationServerOptions): Server {
  const now = options.now ?? Date.now;
  const byKey = new Map(options.drafts.map((d) => [`${d.window.document}@${d.window.version}`, d]));
  const context: ServerContext = {
    drafts: options.drafts,
    draft: (document, version) => byKey.get(`${document}@${version}`),
    store: options.store,
    addComment: (() => {
      const add = groupCommit((batch: readonly { comment: NewComment; now: Date }[]) =>
        options.store.addMany(batch),
      );
      return (comment: NewComment, at: Date) => add({ comment, now: at });
    })(),
    secret: options.secret ? secretCheck(options.secret) : undefined,
    trustProxy: options.trustProxy ?? false,
    commentLimiter: createRateLimiter({ capacity: 20, perHour: 120, ...options.rateLimit, now }),
    secretLimiter: createRateLimiter({ capacity: 5, perHour: 30, ...options.secretRateLimit, now }),
    limits,
    now,
    log: options.log ?? (() => undefined),
  };
  const timeouts = { headers: 10_000, request: 30_000, keepAlive: 5_000, ...options.timeouts };
  const server = createServer(
    {
      headersTimeout: timeouts.headers,
      requestTimeout: timeouts.request,
      keepAliveTimeout: timeouts.keepAlive,
      // How often Node looks for connections past those timeouts (default 30 s).
      connectionsCheckingInterval: Math.min(1_000, timeouts.headers),
      maxHeaderSize: 16 * 1024,
    },
    (request, response) => {
      handle(context, request, response).catch((error: unknown) => fail(context, response, error));
    },
  );
  server.maxHeadersCount = 64;
  return server;
}

async function handle(
  context: ServerContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://consultation.invalid');
  } catch {
    throw new HttpError(400, 'The address of the request is not valid.');
  }
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const route = `${method} ${url.pathname}`;
  const allow = (methods: string) => {
    if (!methods.split(', ').includes(method ?? ''))
      throw new HttpError(405, `This address does not take ${method} requests.`, {
        Allow: methods,
      });
  };
  if (url.pathname === '/') {
    allow('GET, HEAD');
    send(response, 200, indexPage(context.drafts, context.now()));
  } else if (url.pathname === '/style.css') {
    allow('GET, HEAD');
    send(response, 200, stylesheet, 'text/css; charset=utf-8', {
      'Cache-Control': 'public, max-age=3600',
    });
  } else if (url.pathname === '/comment') {
    allow('GET, HEAD, POST');
    if (route === 'POST /comment') await submitForm(context, request, response);
    else showForm(context, url, response);
  } else if (url.pathname.startsWith('/received/')) {
    allow('GET, HEAD');
    const comment = context.store.byId(url.pathname.slice('/received/'.length));
    if (!comment) throw new HttpError(404, 'There is no comment with this number.');
    send(response, 200, receiptPage(comment, context.draft(comment.document, comment.version)));
  } else if (url.pathname === '/moderate') {
    allow('GET, HEAD, POST');
    if (method === 'POST') await moderate(context, request, response);
    else showLogin(context, response);
  } else if (url.pathname === '/export.csv' || url.pathname === '/export.json') {
    allow('GET, HEAD');
    exportRoute(context, request, url, response, url.pathname.endsWith('.csv') ? 'csv' : 'json');
  } else {
    throw new HttpError(404, 'There is no page at this address.');
  }
}

const titles: Record<number, string> = {
  400: 'The request could not be read',
  401: 'The secret is needed',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Not allowed',
  409: 'Conflict',
  413: 'The form is too large',
  415: 'The form could not be read',
  429: 'Too many requests',
  500: 'Something went wrong',
};

/** Answer a failed request with a page: its message for an HttpError, a plain 500 otherwise. */
function fail(context: ServerContext, response: ServerResponse, error: unknown): void {
  const known = error instanceof HttpError;
  if (!known) context.log(`srida consult: ${(error as Error)?.stack ?? String(error)}`);
  const status = known ? error.status : 500;
  const message = known
    ? error.message
    : 'The server failed to answer this request. Nothing was stored.';
  if (response.headersSent) {
    response.destroy();
    return;
  }
  // A request whose body was not read (refused early) must not hold the connection open.
  const headers: Record<string, string> = { ...(known ? error.headers : {}), Connection: 'close' };
  send(
    response,
    status,
    messagePage(titles[status] ?? 'Error', message, {
      href: '/',
      text: 'Back to the consultation',
    }),
    undefined,
    headers,
  );
}
