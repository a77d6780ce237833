/** The anchor format: `p-` and eight characters of base32 (RFC 4648 alphabet, lower case). */
import { createHash } from 'node:crypto';

const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

/** An anchor made by the stage looks like this (explicit `{#id}` anchors need not). */
export const anchorPattern = /^p-[a-z2-7]{8}$/;

/** Lower-case base32 of the first 40 bits of `bytes`: eight characters. */
function base32(bytes: Uint8Array): string {
  let value = 0n;
  for (let i = 0; i < 5; i++) value = (value << 8n) | BigInt(bytes[i]!);
  let out = '';
  for (let i = 7; i >= 0; i--) out += alphabet[Number((value >> BigInt(i * 5)) & 31n)];
  return out;
}

/**
 * A new anchor for a block: derived from the document, the block's text and a counter, so the
 * same text in the same document always gets the same first candidate (a fresh project builds
 * the same anchors everywhere); `taken` holds every anchor ever used (live and retired), and the
 * counter moves on until the candidate is free.
 */
export function newAnchor(documentId: string, text: string, taken: ReadonlySet<string>): string {
  for (let n = 0; ; n++) {
    const digest = createHash('sha256').update(`${documentId}\n${n}\n${text}`).digest();
    const candidate = `p-${base32(digest)}`;
    if (!taken.has(candidate)) return candidate;
  }
}
