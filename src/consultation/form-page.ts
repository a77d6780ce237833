/**
 * The comment form: works without JavaScript, every field labelled, each error written next to
 * its field (and tied to it with `aria-describedby`), a summary of the errors at the top that
 * links to each field, and the respondent's text kept when the form comes back with an error.
 */
import { commentTypeSchema } from '../schemas/consultation.ts';
import { findBlock, type AnchorBlock } from './anchor-record.ts';
import { html, page, type SafeHtml } from './html.ts';
import { limits } from './limits.ts';
import type { FieldError, FormValues } from './validate-comment.ts';
import { windowText } from './window-text.ts';
import type { ServedDraft } from './windows.ts';

const typeLabels: Record<string, { label: string; hint: string }> = {
  general: { label: 'General', hint: 'on the draft as a whole, its aims or its policy' },
  technical: { label: 'Technical', hint: 'on a fact, a figure, a method or a recommendation' },
  editorial: { label: 'Editorial', hint: 'on wording, structure or presentation' },
};

const fieldLabels: Record<FieldError['field'], string> = {
  form: 'The form',
  token: 'The form',
  document: 'The draft',
  version: 'The draft',
  paragraph: 'Paragraph',
  type: 'Type of comment',
  comment: 'Comment',
  proposed: 'Proposed change',
  name: 'Name',
  organisation: 'Organisation',
  email: 'E-mail address',
  consent: 'Consent',
  website: 'Leave this field empty',
};

export interface FormPageInput {
  draft: ServedDraft;
  values: FormValues;
  errors: readonly FieldError[];
  now: number;
}

/** Values of an empty form for a draft, with a paragraph already chosen (from the link). */
export function emptyValues(draft: ServedDraft, token: string, block?: AnchorBlock): FormValues {
  return {
    token,
    document: draft.window.document,
    version: draft.window.version,
    // The reference when it names this block alone; else the anchor, which always does.
    paragraph: block
      ? findBlock(draft.anchors, block.ref) === block
        ? block.ref
        : block.anchor
      : '',
    type: 'general',
    comment: '',
    proposed: '',
    name: '',
    organisation: '',
    email: '',
    consent: false,
  };
}

/** The whole form page. */
export function formPage({ draft, values, errors, now }: FormPageInput): string {
  const { window } = draft;
  const errorOf = (field: FieldError['field']) => errors.find((e) => e.field === field);
  const block = values.paragraph ? findQuoted(draft, values.paragraph) : undefined;
  const title = `${errors.length > 0 ? 'Error: ' : ''}Comment on ${window.title} ${window.version}`;
  const body = html` <h1>Comment on the draft</h1>
    <p class="draft">
      ${window.title}, draft ${window.version} for public consultation. ${windowText(window, now)}
    </p>
    ${errors.length > 0 && summary(errors)}
    ${
      block &&
      html`<figure class="quote">
        <figcaption>Paragraph ${block.ref || block.anchor} of the draft</figcaption>
        <blockquote><p>${block.text}</p></blockquote>
      </figure>`
    }
    <form method="post" action="/comment" novalidate>
      <input type="hidden" name="token" value="${values.token}" />
      <input type="hidden" name="document" value="${values.document}" />
      <input type="hidden" name="version" value="${values.version}" />
      ${textField('paragraph', 'Paragraph', values.paragraph, errorOf('paragraph'), 'The reference printed in the margin of the draft, such as 4.2 ¶3, or the paragraph’s anchor. Leave it empty for a comment on the whole draft.')}
      <fieldset
        class="field${errorOf('type') ? ' has-error' : ''}"
        ${describedBy('type', false, errorOf('type'))}
      >
        <legend>Type of comment</legend>
        ${errorMessage('type', errorOf('type'))}
        ${commentTypeSchema.options.map(
          (type) =>
            html`<div class="choice">
              <input
                type="radio"
                id="type-${type}"
                name="type"
                value="${type}"
                ${checked(values.type === type)}
              />
              <label for="type-${type}"
                >${typeLabels[type]!.label}
                <span class="hint">(${typeLabels[type]!.hint})</span></label
              >
            </div>`,
        )}
      </fieldset>
      ${textArea('comment', 'Comment', values.comment, errorOf('comment'), `Up to ${limits.comment.toLocaleString('en-GB')} characters.`)}
      ${textArea('proposed', 'Proposed change (optional)', values.proposed, errorOf('proposed'), 'The wording you propose instead, if you have one.')}
      <fieldset class="about">
        <legend>About you (optional)</legend>
        ${textField('name', 'Name', values.name, errorOf('name'), 'Published with your comment only if you tick the box below.', 'name')}
        ${textField('organisation', 'Organisation', values.organisation, errorOf('organisation'), 'Published with your comment.', 'organization')}
        ${textField('email', 'E-mail address', values.email, errorOf('email'), 'Only for the editors, to ask you about your comment. Never published.', 'email', 'email')}
        <div class="choice">
          <input
            type="checkbox"
            id="consent"
            name="consent"
            value="yes"
            ${checked(values.consent)}
          />
          <label for="consent">Publish my name with my comment</label>
        </div>
      </fieldset>
      <div class="trap">
        <label for="website">Leave this field empty</label>
        <input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off" />
        ${errorMessage('website', errorOf('website'))}
      </div>
      <button type="submit">Send comment</button>
    </form>
    <section class="privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">What happens to your comment</h2>
      <p>
        The editors read every comment and answer each one in the disposition table published with
        the final text. Your comment, its type, the paragraph and your organisation are published
        there; your name only if you ticked the box; your e-mail address never. Your network address
        is used only to limit how fast comments can be sent and is not stored.
      </p>
    </section>`;
  return page(title, body);
}

function summary(errors: readonly FieldError[]): SafeHtml {
  return html`<div
    class="error-summary"
    role="alert"
    aria-labelledby="error-summary-title"
    tabindex="-1"
  >
    <h2 id="error-summary-title">There is a problem</h2>
    <ul>
      ${errors.map((error) =>
        error.field === 'form' || error.field === 'token'
          ? html`<li>${error.message}</li>`
          : html`<li>
              <a href="#${anchorOf(error.field)}">${fieldLabels[error.field]}: ${error.message}</a>
            </li>`,
      )}
    </ul>
  </div>`;
}

function anchorOf(field: FieldError['field']): string {
  return field === 'type' ? 'type-general' : field;
}

function describedBy(field: string, hint: boolean, error: FieldError | undefined): SafeHtml {
  const ids = [hint ? `${field}-hint` : '', error ? `${field}-error` : ''].filter(Boolean);
  return ids.length > 0 ? html` aria-describedby="${ids.join(' ')}"` : html``;
}

function errorMessage(field: string, error: FieldError | undefined): SafeHtml {
  return error
    ? html`<p class="error-message" id="${field}-error">
        <span class="visually-hidden">Error: </span>${error.message}
      </p>`
    : html``;
}

function checked(on: boolean): SafeHtml {
  return on ? html` checked` : html``;
}

function textField(
  field: string,
  label: string,
  value: string,
  error: FieldError | undefined,
  hint: string,
  autocomplete = 'off',
  type = 'text',
): SafeHtml {
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${field}">${label}</label>
    <p class="hint" id="${field}-hint">${hint}</p>
    ${errorMessage(field, error)}
    <input
      type="${type}"
      id="${field}"
      name="${field}"
      value="${value}"
      autocomplete="${autocomplete}"
      ${describedBy(field, true, error)}${error ? html` aria-invalid="true"` : html``}
    />
  </div>`;
}

function textArea(
  field: string,
  label: string,
  value: string,
  error: FieldError | undefined,
  hint: string,
): SafeHtml {
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${field}">${label}</label>
    <p class="hint" id="${field}-hint">${hint}</p>
    ${errorMessage(field, error)}
    <textarea
      id="${field}"
      name="${field}"
      rows="8"
      ${describedBy(field, true, error)}${error ? html` aria-invalid="true"` : html``}
    >
${value}</textarea>
  </div>`;
}

function findQuoted(draft: ServedDraft, paragraph: string): AnchorBlock | undefined {
  return findBlock(draft.anchors, paragraph);
}
