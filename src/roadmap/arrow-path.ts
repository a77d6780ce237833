/**
 * The SVG path of a dependency arrow, shared by the server layout and the client script (which
 * redraws arrows when it hides a lane).
 */

/**
 * A curve between two marks.
 *
 * @param vertical the target starts before its dependency ends: the arrow leaves the
 *   dependency's bottom (or top) edge, runs down (or up) just left of the target's label and
 *   turns into the target's start.
 * @returns a gentle S from the end of one mark (`x1`, `y1`) to the start of another
 *   (`x2`, `y2`), or the vertical drop.
 */
export function arrowPath(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  vertical = false,
): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  if (vertical)
    return `M${r(x1)} ${r(y1)}C${r(x1)} ${r(y2)} ${r(x2 - 6)} ${r(y2)} ${r(x2)} ${r(y2)}`;
  const reach = Math.min(40, Math.max((x2 - x1) / 2, 4));
  return `M${r(x1)} ${r(y1)}C${r(x1 + reach)} ${r(y1)} ${r(x2 - reach)} ${r(y2)} ${r(x2)} ${r(y2)}`;
}
