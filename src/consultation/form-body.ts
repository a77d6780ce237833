/**
 * Reading a form submission: the body is read up to a size limit (413 beyond it), must be
 * `application/x-www-form-urlencoded` in UTF-8 (415 otherwise; the form has no file field, so
 * multipart is not accepted), and is decoded strictly: a malformed `%` escape, bytes that are
 * not UTF-8, or a field given twice is a 400. (`URLSearchParams` would instead turn bad bytes
 * into U+FFFD and keep the last of two values, storing something the respondent did not send.)
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Check the request's content type: a URL-encoded form, in UTF-8 when a charset is given. */
export function assertFormContentType(request: IncomingMessage): void {
  const header = request.headers['content-type'] ?? '';
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/x-www-form-urlencoded')
    throw new HttpError(
      415,
      `The server takes the form as “application/x-www-form-urlencoded”, not ${type ? `“${type}”` : 'a body without a content type'}.`,
    );
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    throw new HttpError(415, `The form must be sent in UTF-8, not “${charset}”.`);
}

/**
 * Read a request body of at most `limit` bytes. A declared length over the limit is refused
 * before anything is read; a body that grows past it is cut off.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > limit) {
    request.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        request.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
      done = true;
    });
    request.on('error', (error) => {
      if (!done) reject(error);
      done = true;
    });
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(
    413,
    `The form is larger than the server takes (${Math.round(limit / 1024)} KiB). Shorten the comment.`,
  );
}

/** Decode `a=1&b=x+y` strictly into a map of fields (see the module comment). */
export function parseForm(body: Uint8Array): Map<string, string> {
  const fields = new Map<string, string>();
  const text = Buffer.from(body).toString('latin1');
  if (text === '') return fields;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodePart(equals < 0 ? pair : pair.slice(0, equals));
    const value = decodePart(equals < 0 ? '' : pair.slice(equals + 1));
    if (fields.has(name)) throw new HttpError(400, `The field “${name}” was sent twice.`);
    fields.set(name, value);
  }
  return fields;
}

/** `+` is a space, `%XX` a byte; the bytes must be UTF-8. Raw bytes over 0x7F are taken as they are. */
function decodePart(part: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < part.length; i++) {
    const char = part.charCodeAt(i);
    if (char === 0x2b) bytes.push(0x20);
    else if (char === 0x25) {
      const hex = part.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex))
        throw new HttpError(
          400,
          'The form is not correctly encoded (a “%” not followed by two hex digits).',
        );
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(char);
  }
  try {
    return utf8.decode(new Uint8Array(bytes));
  } catch {
    throw new HttpError(
      400,
      'The form is not valid UTF-8. Send it from the form page, or encode it as UTF-8.',
    );
  }
}
