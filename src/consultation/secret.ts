/**
 * The editor's secret, which opens moderation and export. It is compared in constant time:
 * both sides are hashed with SHA-256 first (so their lengths are equal and nothing about the
 * length leaks), then compared with `crypto.timingSafeEqual`.
 */
import crypto from 'node:crypto';

/** The environment variable that holds the secret. */
export const secretVariable = 'SRIDA_CONSULT_SECRET';

/** Shorter secrets are refused at start-up: they could be guessed within the rate limit. */
export const minimumSecretLength = 16;

/** A check of candidates against one secret. */
export type SecretCheck = (candidate: string | undefined) => boolean;

/** Make the check for `secret`. */
export function secretCheck(secret: string): SecretCheck {
  const expected = crypto.createHash('sha256').update(secret, 'utf8').digest();
  return (candidate) => {
    if (candidate === undefined) return false;
    const given = crypto.createHash('sha256').update(candidate, 'utf8').digest();
    // Called through the module object so that a test can watch it being used.
    return crypto.timingSafeEqual(given, expected);
  };
}
