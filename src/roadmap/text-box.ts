/**
 * Boxes of the timeline's geometry. A text box is where a label's glyphs can be, from its
 * estimated width and the font's ascent and descent: the layout keeps these boxes apart.
 */
import { textWidth } from './measure-text.ts';

/** An axis-aligned rectangle. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A one-line label: drawn with `text-anchor: start` at (`x`, `baseline`). */
export interface TextBox extends Box {
  /** The text drawn (maybe cut with `…`). */
  text: string;
  /** The full text (for a tooltip when cut). */
  full: string;
  baseline: number;
  fontSize: number;
  bold: boolean;
}

/** Ascent and descent of the fonts used, as a share of the font size (with room for accents). */
const ascent = 0.95;
const descent = 0.25;

/** The box of a label drawn at (`x`, `baseline`). */
export function box(
  text: string,
  full: string,
  x: number,
  baseline: number,
  fontSize: number,
  bold = false,
): TextBox {
  return {
    text,
    full,
    x,
    y: baseline - ascent * fontSize,
    width: textWidth(text, fontSize, bold),
    height: (ascent + descent) * fontSize,
    baseline,
    fontSize,
    bold,
  };
}

/** Whether two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether `inner` lies inside `outer`. */
export function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}
