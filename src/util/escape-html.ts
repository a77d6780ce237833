const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * The project's one escaper, for the little markup that must stay a string: the PDF's XMP
 * packet (XML), the micro-HTML handed to citeproc and added around its output, the consultation
 * pages' tagged template. Escapes `&`, `<`, `>`, `"` and `'`, which is right for HTML and XML
 * text and attribute values alike. Markup built as hast (hastscript) needs no escaping: its one
 * serialiser, hast-util-to-html (what rehype-stringify uses), escapes.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => entities[char]!);
}
