/**
 * The "Comment on this paragraph" link of a draft: one URL per block for the channel the
 * release's consultation names (docs/anchors.md): a forge's new-issue page from a URL template,
 * an e-mail (`mailto:` with subject and body), or the consultation form of `srida consult serve`.
 */
import { formHref } from '../consultation/pages.ts';
import type { CommentChannel } from '../schemas/release-manifest.ts';

/** What the link says about the block. */
export interface CommentSubject {
  /** Document short title, e.g. "SRIDA". */
  documentTitle: string;
  document: string;
  version: string;
  ref: string;
  anchor: string;
  /** Absolute URL of the block in the web edition. */
  url: string;
  /** The block's text, quoted in the message (shortened). */
  text: string;
}

/** Longest quotation put into a link (mail clients and forges cap URL length). */
const quoteLength = 300;

/** The title and body that every channel prefills. */
export function commentMessage(subject: CommentSubject): { title: string; body: string } {
  const quoted =
    subject.text.length > quoteLength ? `${subject.text.slice(0, quoteLength - 1)}…` : subject.text;
  const title = `${subject.documentTitle} ${subject.version}, ${subject.ref}: `;
  const body = [
    `Document: ${subject.documentTitle} (${subject.document}) ${subject.version}`,
    `Paragraph: ${subject.ref}`,
    `Anchor: ${subject.url}`,
    '',
    ...quoted.split('\n').map((line) => `> ${line}`),
    '',
    'Comment:',
    '',
    'Proposed change:',
    '',
  ].join('\n');
  return { title, body };
}

/** The link for one block on one channel. */
export function commentHref(channel: CommentChannel, subject: CommentSubject): string {
  const { title, body } = commentMessage(subject);
  if (channel.forge !== undefined) {
    const values: Record<string, string> = {
      title,
      body,
      document: subject.document,
      version: subject.version,
      ref: subject.ref,
      anchor: subject.anchor,
      url: subject.url,
    };
    return channel.forge.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? encodeURIComponent(values[name]!) : whole,
    );
  }
  if (channel.email !== undefined) {
    return `mailto:${channel.email}?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
  }
  const form = new URL(channel.form!);
  const path = formHref(subject.document, subject.version, subject.anchor);
  return new URL(path.replace(/^\//, ''), form.href.endsWith('/') ? form.href : `${form.href}/`)
    .href;
}
