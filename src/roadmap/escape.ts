/** Escape text for HTML and SVG content and attribute values (`&`, `<`, `>`, `"`, `'`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A coordinate with at most one decimal, for compact markup. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}
