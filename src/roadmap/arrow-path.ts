/**
 * The SVG path of a dependency arrow, shared by the server layout and the client script (which
 * redraws arrows when it hides a lane).
 */

/**
 * A curve from the end of one mark (`x1`, `y1`) to the start of another (`x2`, `y2`): a gentle
 * S when the target is to the right, a loop out and back when it is not.
 */
export function arrowPath(x1: number, y1: number, x2: number, y2: number): string {
  const reach = x2 - x1 >= 16 ? Math.min(40, (x2 - x1) / 2) : 24;
  const r = (n: number) => Math.round(n * 10) / 10;
  return `M${r(x1)} ${r(y1)}C${r(x1 + reach)} ${r(y1)} ${r(x2 - reach)} ${r(y2)} ${r(x2)} ${r(y2)}`;
}
