/**
 * Check a submitted form and turn it into a comment to store, or into the errors to show next
 * to each field. Nothing is stored unless every check passes.
 */
import { commentTypeSchema, type CommentType } from '../schemas/consultation.ts';
import { findBlock } from './anchor-record.ts';
import { limits } from './limits.ts';
import type { NewComment } from './store.ts';
import { isOpen, type ServedDraft } from './windows.ts';

/** What the respondent typed, as the form shows it again after an error. */
export interface FormValues {
  token: string;
  document: string;
  version: string;
  paragraph: string;
  type: string;
  comment: string;
  proposed: string;
  name: string;
  organisation: string;
  email: string;
  consent: boolean;
}

/** A problem with one field (`form` for the submission as a whole). */
export interface FieldError {
  field: keyof FormValues | 'website' | 'form';
  message: string;
}

export type Validation =
  | { ok: true; comment: NewComment; draft: ServedDraft }
  | { ok: false; status: number; draft?: ServedDraft; values: FormValues; errors: FieldError[] };

/** Find the draft a form names. */
export type DraftLookup = (document: string, version: string) => ServedDraft | undefined;

/** Remove control characters (other than tab and newline), unify line ends, NFC, trim. */
export function cleanText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- these are exactly the characters removed
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
      .normalize('NFC')
      .trim()
  );
}

/** A one-line field: like {@link cleanText}, every run of white space one space. */
export function cleanLine(value: string): string {
  return cleanText(value).replace(/\s+/g, ' ');
}

const length = (value: string) => [...value].length;

/** Read the fields of a submission into {@link FormValues}. */
export function formValues(fields: ReadonlyMap<string, string>): FormValues {
  const get = (name: string) => fields.get(name) ?? '';
  return {
    token: get('token').trim(),
    document: cleanLine(get('document')),
    version: cleanLine(get('version')),
    paragraph: cleanLine(get('paragraph')),
    type: cleanLine(get('type')),
    comment: cleanText(get('comment')),
    proposed: cleanText(get('proposed')),
    name: cleanLine(get('name')),
    organisation: cleanLine(get('organisation')),
    email: cleanLine(get('email')),
    consent: fields.has('consent') && get('consent') !== '',
  };
}

/**
 * Check a submission against the drafts served and the clock. Status of a refusal: 404 for an
 * unknown draft or paragraph, 409 when the window is closed, 400 for a form without its token,
 * 422 for anything the respondent can correct in the form.
 */
export function validateComment(
  fields: ReadonlyMap<string, string>,
  drafts: DraftLookup,
  now: number,
): Validation {
  const values = formValues(fields);
  const draft = drafts(values.document, values.version);
  const refuse = (status: number, errors: FieldError[]): Validation => ({
    ok: false,
    status,
    draft,
    values,
    errors,
  });
  if (!draft)
    return refuse(404, [
      {
        field: 'form',
        message: `There is no consultation on “${values.document || '(no document)'}” ${values.version || '(no version)'} here.`,
      },
    ]);
  if (!isOpen(draft.window, now)) {
    const closed = now >= draft.window.until;
    return refuse(409, [
      {
        field: 'form',
        message: closed
          ? 'This consultation is closed: comments are no longer taken.'
          : 'This consultation has not opened yet.',
      },
    ]);
  }
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(values.token))
    return refuse(400, [
      {
        field: 'form',
        message:
          'The form is incomplete (its token is missing). Reload the form and send it again.',
      },
    ]);
  const errors: FieldError[] = [];
  let status = 422;
  if ((fields.get('website') ?? '') !== '')
    errors.push({
      field: 'website',
      message: 'Leave this field empty: it is there to catch automated submissions.',
    });
  let block: ReturnType<typeof findBlock>;
  if (values.paragraph !== '') {
    block =
      length(values.paragraph) <= limits.paragraph
        ? findBlock(draft.anchors, values.paragraph)
        : undefined;
    if (!block) {
      status = 404;
      errors.push({
        field: 'paragraph',
        message: `The draft has no paragraph “${truncate(values.paragraph, 60)}”. Give its reference as printed in the margin of the draft (such as “4.2 ¶3”), or leave the field empty for a comment on the whole draft.`,
      });
    }
  }
  const type = commentTypeSchema.safeParse(values.type);
  if (!type.success) errors.push({ field: 'type', message: 'Choose the type of comment.' });
  if (values.comment === '') errors.push({ field: 'comment', message: 'Write your comment.' });
  else if (length(values.comment) > limits.comment)
    errors.push({
      field: 'comment',
      message: tooLong('The comment', values.comment, limits.comment),
    });
  if (length(values.proposed) > limits.proposed)
    errors.push({
      field: 'proposed',
      message: tooLong('The proposed change', values.proposed, limits.proposed),
    });
  for (const [field, label] of [
    ['name', 'The name'],
    ['organisation', 'The organisation'],
    ['email', 'The e-mail address'],
  ] as const) {
    if (length(values[field]) > limits[field])
      errors.push({ field, message: tooLong(label, values[field], limits[field]) });
  }
  if (
    values.email !== '' &&
    !errors.some((e) => e.field === 'email') &&
    !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)
  )
    errors.push({
      field: 'email',
      message: 'Write the e-mail address as name@example.org, or leave it empty.',
    });
  if (errors.length > 0) return refuse(status, errors);
  return {
    ok: true,
    draft,
    comment: {
      token: values.token,
      document: draft.window.document,
      version: draft.window.version,
      anchor: block?.anchor ?? null,
      ref: block?.ref ?? null,
      type: type.data as CommentType,
      text: values.comment,
      proposedChange: values.proposed,
      name: values.name,
      organisation: values.organisation,
      email: values.email,
      consent: values.consent,
    },
  };
}

function tooLong(label: string, value: string, limit: number): string {
  return `${label} is ${length(value).toLocaleString('en-GB')} characters long; the limit is ${limit.toLocaleString('en-GB')}.`;
}

function truncate(value: string, max: number): string {
  return length(value) > max ? `${[...value].slice(0, max).join('')}…` : value;
}
