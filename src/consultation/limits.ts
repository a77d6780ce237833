/**
 * What the form accepts, in one place (the form's hints, the checks and the docs agree).
 * Lengths are in characters (Unicode code points) after normalisation.
 */
export const limits = {
  comment: 10_000,
  proposed: 10_000,
  name: 200,
  organisation: 200,
  email: 254,
  paragraph: 200,
  /**
   * The largest body the server reads: both long fields at their limit, in characters that
   * take four bytes in UTF-8 and three characters per byte once URL-encoded, fit (240 KB).
   */
  bodyBytes: 256 * 1024,
} as const;
