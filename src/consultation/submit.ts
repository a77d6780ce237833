/**
 * `GET /comment` (the form, prefilled from the query) and `POST /comment` (a submission). A
 * submission is stored only when every check passes, in one durable transaction, before the
 * server answers `303 See Other` with the receipt's address. Every refusal shows the form again
 * with what the respondent typed and the error next to its field.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress } from './client-address.ts';
import { emptyValues, formPage } from './form-page.ts';
import { assertFormContentType, parseForm, readBody } from './form-body.ts';
import { messagePage } from './pages.ts';
import { seeOther, send } from './respond.ts';
import type { ServerContext } from './server-context.ts';
import {
  formValues,
  validateComment,
  type FieldError,
  type FormValues,
} from './validate-comment.ts';
import { isOpen } from './windows.ts';

/** A fresh one-time token for a form. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/** `GET /comment?document=…&version=…&anchor=…`. */
export function showForm(context: ServerContext, url: URL, response: ServerResponse): void {
  const document = url.searchParams.get('document') ?? '';
  const version = url.searchParams.get('version') ?? '';
  const anchor = url.searchParams.get('anchor') ?? '';
  const draft = context.draft(document, version);
  if (!draft) {
    send(
      response,
      404,
      messagePage(
        'No such consultation',
        `There is no consultation on “${document || '(no document)'}” ${version || '(no version)'} here.`,
        { href: '/', text: 'See the drafts open for comment' },
      ),
    );
    return;
  }
  const now = context.now();
  if (!isOpen(draft.window, now)) {
    const closed = now >= draft.window.until;
    send(
      response,
      200,
      messagePage(
        closed ? 'The consultation is closed' : 'The consultation has not opened yet',
        closed
          ? `The consultation on ${draft.window.title} ${draft.window.version} is closed: comments are no longer taken.`
          : `The consultation on ${draft.window.title} ${draft.window.version} has not opened yet.`,
        { href: '/', text: 'See the drafts open for comment' },
      ),
    );
    return;
  }
  const block = anchor ? draft.anchors.byAnchor.get(anchor) : undefined;
  const values = emptyValues(draft, newToken(), block);
  const errors: FieldError[] = [];
  if (anchor && !block) {
    values.paragraph = anchor;
    errors.push({
      field: 'paragraph',
      message: `The draft has no paragraph with the anchor “${anchor.slice(0, 60)}”. The link may be from another version; give the paragraph’s reference instead, or leave the field empty for a comment on the whole draft.`,
    });
  }
  // An empty form holds nothing private, so the browser may keep it for the back button: going
  // back after sending and sending again then repeats the same token, and stores nothing twice.
  send(
    response,
    errors.length > 0 ? 404 : 200,
    formPage({ draft, values, errors, now }),
    undefined,
    {
      'Cache-Control': 'private, no-cache',
    },
  );
}

/** `POST /comment`. */
export async function submitForm(
  context: ServerContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  assertFormContentType(request);
  const fields = parseForm(await readBody(request, context.limits.bodyBytes));
  const now = context.now();
  const address = clientAddress(request, context.trustProxy);
  const limited = context.commentLimiter.take(address);
  if (!limited.ok) {
    const minutes = Math.ceil(limited.retryAfter / 60);
    refuse(
      context,
      response,
      fields,
      429,
      [
        {
          field: 'form',
          message: `Too many comments were sent from your network address in a short time. Your text is kept below: send it again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        },
      ],
      { 'Retry-After': String(limited.retryAfter) },
    );
    return;
  }
  const result = validateComment(fields, context.draft, now);
  if (!result.ok) {
    refuse(context, response, fields, result.status, result.errors);
    return;
  }
  let stored;
  try {
    stored = await context.addComment(result.comment, new Date(now));
  } catch (error) {
    context.log(`srida consult: could not store a comment: ${(error as Error).message}`);
    refuse(
      context,
      response,
      fields,
      503,
      [
        {
          field: 'form',
          message:
            'The comment could not be stored, and nothing was saved. Please send it again in a moment.',
        },
      ],
      { 'Retry-After': '30' },
    );
    return;
  }
  const { comment } = stored;
  const same =
    comment.document === result.comment.document &&
    comment.version === result.comment.version &&
    comment.anchor === result.comment.anchor &&
    comment.type === result.comment.type &&
    comment.text === result.comment.text &&
    comment.proposedChange === result.comment.proposedChange;
  if (stored.stored || same) {
    // A second POST of the same form (a double click, a reload) gets the first one's receipt.
    seeOther(response, `/received/${comment.id}`);
    return;
  }
  refuse(
    context,
    response,
    fields,
    409,
    [
      {
        field: 'form',
        message: `This form was already used to send comment ${comment.id}, and this text was not stored. To send it as a new comment, send the form again.`,
      },
    ],
    {},
    newToken(),
  );
}

/** Show the form again with the respondent's values and the errors (or a page, without a draft). */
function refuse(
  context: ServerContext,
  response: ServerResponse,
  fields: ReadonlyMap<string, string>,
  status: number,
  errors: FieldError[],
  headers: Record<string, string> = {},
  token?: string,
): void {
  const values: FormValues = formValues(fields);
  const draft = context.draft(values.document, values.version);
  if (!draft) {
    send(
      response,
      status,
      messagePage('No such consultation', errors[0]!.message, {
        href: '/',
        text: 'See the drafts open for comment',
      }),
      undefined,
      headers,
    );
    return;
  }
  if (token) values.token = token;
  send(
    response,
    status,
    formPage({ draft, values, errors, now: context.now() }),
    undefined,
    headers,
  );
}
