/**
 * A CSS string literal for `content:`: quotes and backslashes escaped, line breaks as `\A`, and
 * `<` as `\3c` so that the text can never close the `<style>` element it is written into.
 */
export function cssString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r?\n/g, '\\A ')
    .replace(/</g, '\\3c ');
  return `"${escaped}"`;
}
