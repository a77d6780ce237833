/** A coordinate with at most one decimal, for compact markup. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}
