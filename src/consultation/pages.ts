/** The server's small pages: the list of drafts, the receipt, and a page for a refusal. */
import { formatReleaseDate } from '../release/release-date.ts';
import { html, page } from './html.ts';
import type { StoredComment } from './store.ts';
import { windowText } from './window-text.ts';
import { isOpen, type ServedDraft } from './windows.ts';

/** The form's address for a draft (and a paragraph). */
export function formHref(document: string, version: string, anchor?: string): string {
  const query = new URLSearchParams({ document, version, ...(anchor ? { anchor } : {}) });
  return `/comment?${query}`;
}

/** `/`: every draft served, open or not. */
export function indexPage(drafts: readonly ServedDraft[], now: number): string {
  const body = html`<h1>Public consultation</h1>
    ${
      drafts.length === 0
        ? html`<p>No draft is open for comments on this server.</p>`
        : html`<ul class="drafts">
            ${drafts.map(
              ({ window }) =>
                html`<li>
                  ${isOpen(window, now) ? html`<a href="${formHref(window.document, window.version)}">Comment on ${window.title}, draft ${window.version}</a>` : html`${window.title}, draft ${window.version}`}
                  <p>${windowText(window, now)}</p>
                </li>`,
            )}
          </ul>`
    }`;
  return page('Public consultation', body);
}

/** The acknowledgement after a comment was stored. */
export function receiptPage(comment: StoredComment, draft: ServedDraft | undefined): string {
  const title = draft?.window.title ?? comment.document;
  const when = `${formatReleaseDate(comment.received.slice(0, 10))}, ${comment.received.slice(11, 16)} UTC`;
  const body = html`<h1>Thank you: your comment was received</h1>
    <p class="receipt">
      Your comment on ${title}, draft ${comment.version},
      ${comment.ref ? html`paragraph ${comment.ref}` : 'as a whole'}, was stored on ${when} under
      the number <strong>${comment.id}</strong>. Quote this number if you write to the editors about
      it.
    </p>
    <p>
      <a href="${formHref(comment.document, comment.version)}">Comment on another paragraph</a>
    </p>`;
  return page('Comment received', body);
}

/** A page that says why a request was refused. */
export function messagePage(
  title: string,
  message: string,
  back?: { href: string; text: string },
): string {
  return page(
    title,
    html`<h1>${title}</h1>
      <p>${message}</p>
      ${back && html`<p><a href="${back.href}">${back.text}</a></p>`}`,
  );
}
