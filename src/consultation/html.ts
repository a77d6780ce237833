/**
 * The one way the consultation server writes HTML: a tagged template that escapes every
 * interpolated value (through `escapeHtml`) unless the value is itself the result of `html`.
 * A comment, a name or a query parameter can therefore only ever reach a page as text.
 */
import { escapeHtml } from '../util/escape-html.ts';

/** HTML that has been built by {@link html}, so it may be inserted as it is. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === null || part === undefined || part === false || part === true) return '';
  return escapeHtml(String(part));
}

/**
 * Build HTML: `html\`<p>${text}</p>\`` escapes `text`; nested `html` results, and arrays of
 * them, are inserted as they are. `null`, `undefined` and booleans render as nothing, so
 * `${cond && html\`…\`}` works.
 */
export function html(strings: TemplateStringsArray, ...values: readonly Part[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** A whole page: language, title, the one stylesheet, no script. */
export function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="stylesheet" href="/style.css" />
      </head>
      <body>
        <main id="main">${body}</main>
      </body>
    </html> `.value;
}
