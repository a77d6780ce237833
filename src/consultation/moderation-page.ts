/**
 * The editors' pages: a form that asks for the secret, and the list of comments with a button
 * to hide (or show again) each one and to download the exports. The secret travels only in the
 * body of POST requests (never in a cookie or an address), so no other site can make an editor's
 * browser act with it; every value shown is escaped by `html`.
 */
import { html, page, type SafeHtml } from './html.ts';
import type { StoredComment } from './store.ts';

/** The page that asks for the secret (`error` after a wrong one). */
export function loginPage(error?: string): string {
  return page(
    `${error ? 'Error: ' : ''}Moderation`,
    html`<h1>Moderation</h1>
      ${
        error &&
        html`<div
          class="error-summary"
          role="alert"
          aria-labelledby="error-summary-title"
          tabindex="-1"
        >
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            <li><a href="#secret">${error}</a></li>
          </ul>
        </div>`
      }
      <form method="post" action="/moderate">
        <input type="hidden" name="action" value="list" />
        <div class="field${error ? ' has-error' : ''}">
          <label for="secret">Editor’s secret</label>
          <p class="hint" id="secret-hint">The value of SRIDA_CONSULT_SECRET on the server.</p>
          ${error && html`<p class="error-message" id="secret-error"><span class="visually-hidden">Error: </span>${error}</p>`}
          <input
            type="password"
            id="secret"
            name="secret"
            autocomplete="current-password"
            aria-describedby="secret-hint${error ? ' secret-error' : ''}"
            ${error ? html` aria-invalid="true"` : html``}
          />
        </div>
        <button type="submit">Show the comments</button>
      </form>`,
  );
}

/** The list of every comment (hidden ones marked), with the actions. */
export function moderationPage(
  comments: readonly StoredComment[],
  secret: string,
  notice?: string,
): string {
  const hidden = comments.filter((c) => c.hidden).length;
  const secretField = html`<input type="hidden" name="secret" value="${secret}" />`;
  const body = html`<h1>Moderation</h1>
    ${notice && html`<p class="notice" role="status">${notice}</p>`}
    <p>
      ${comments.length} comment${comments.length === 1 ? '' : 's'}, ${hidden} hidden as spam.
      Hidden comments are left out of the exports.
    </p>
    <form method="post" action="/moderate" class="exports">
      ${secretField}
      <button type="submit" name="action" value="export-csv">Download CSV</button>
      <button type="submit" name="action" value="export-json">Download JSON</button>
    </form>
    <div class="table-wrap">
      <table>
        <caption>
          Comments, oldest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Received</th>
            <th scope="col">Draft and paragraph</th>
            <th scope="col">Type</th>
            <th scope="col">Comment</th>
            <th scope="col">Proposed change</th>
            <th scope="col">Respondent</th>
            <th scope="col">E-mail</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          ${comments.map((comment) => row(comment, secretField))}
        </tbody>
      </table>
    </div>`;
  return page('Moderation', body);
}

function row(comment: StoredComment, secretField: SafeHtml): SafeHtml {
  const action = comment.hidden ? 'unhide' : 'hide';
  return html`<tr${comment.hidden ? html` class="hidden-comment"` : html``}>
<th scope="row">${comment.id}</th>
<td>${comment.received.replace('T', ' ').slice(0, 19)}</td>
<td>${comment.document} ${comment.version}: ${comment.ref ?? 'whole draft'}${comment.anchor && html` <code>${comment.anchor}</code>`}</td>
<td>${comment.type}</td>
<td class="text">${comment.text}</td>
<td class="text">${comment.proposedChange}</td>
<td>${comment.name || '—'}${comment.name && (comment.consent ? ' (may be published)' : ' (not to be published)')}${comment.organisation && html`<br />${comment.organisation}`}</td>
<td>${comment.email || '—'}</td>
<td>${comment.hidden ? 'hidden' : 'shown'}
<form method="post" action="/moderate">
${secretField}
<input type="hidden" name="id" value="${comment.id}">
<button type="submit" name="action" value="${action}">${comment.hidden ? 'Show again' : 'Hide as spam'}<span class="visually-hidden"> ${comment.id}</span></button>
</form></td>
</tr>`;
}
