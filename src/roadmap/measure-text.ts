/**
 * Text widths without a browser. Labels are placed on the server, so their widths are
 * estimated from the advance widths of DejaVu Sans, which is wider than the site's Source Sans
 * 3: the estimate is an upper bound for the fonts the timeline is drawn with, so boxes that do
 * not overlap hold text that does not overlap.
 */

// Advance widths (em) of DejaVu Sans for printable ASCII, from U+0020 to U+007E.
const ascii = [
  0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361, 0.318,
  0.337, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838,
  0.838, 0.838, 0.531, 1.0, 0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295,
  0.656, 0.557, 0.863, 0.748, 0.787, 0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685,
  0.611, 0.685, 0.39, 0.337, 0.39, 0.838, 0.5, 0.5, 0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635,
  0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634,
  0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
];
const wide: Record<string, number> = {
  '–': 0.5,
  '—': 1.0,
  '…': 1.0,
  '→': 0.838,
  '’': 0.318,
  '‘': 0.318,
  '“': 0.518,
  '”': 0.518,
  '≥': 0.838,
  '~': 0.838,
};

/** Bold glyphs are wider; DejaVu Sans Bold is about 12 % wider than the regular face. */
const boldFactor = 1.12;

/**
 * Estimated advance width of a line of text.
 *
 * @param text the text (one line).
 * @param fontSize font size in px.
 * @param bold whether the text is bold (default: `false`).
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    em += code >= 0x20 && code <= 0x7e ? ascii[code - 0x20]! : (wide[char] ?? fallback(code));
  }
  return em * fontSize * (bold ? boldFactor : 1);
}

/** Other characters: Latin and Greek letters about 0.7 em; CJK 1 em; emoji wider. */
function fallback(code: number): number {
  if (code >= 0x1f000) return 1.25;
  if (code >= 0x2e80) return 1.0;
  return 0.75;
}

/**
 * The text, cut at a word (or character) boundary and ended with `…` so that it fits
 * `maxWidth`; unchanged when it fits.
 */
export function truncateText(
  text: string,
  maxWidth: number,
  fontSize: number,
  bold = false,
): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const room = maxWidth - textWidth('…', fontSize, bold);
  let cut = '';
  let width = 0;
  for (const char of text) {
    const next = textWidth(char, fontSize, bold);
    if (width + next > room) break;
    cut += char;
    width += next;
  }
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:.–-]+$/, '')}…`;
}
