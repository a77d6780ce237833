import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** SHA-256 (lower-case hex) and size of bytes. */
export function digest(bytes: Uint8Array): { sha256: string; bytes: number } {
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** SHA-256 and size of a file, or undefined when it cannot be read. */
export async function digestFile(
  file: string,
): Promise<{ sha256: string; bytes: number } | undefined> {
  const bytes = await readFile(file).catch(() => undefined);
  return bytes ? digest(bytes) : undefined;
}
