import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The largest content file read (bytes); larger files are an error, never parsed. */
export const maxSourceBytes = 5 * 1024 * 1024;

/**
 * Read a content file as a VFile whose `path` is relative to the project root (what messages
 * print). A file that is not valid UTF-8 gets an error at the first bad byte and no value.
 */
export async function readSource(
  root: string,
  relativePath: string,
): Promise<{ file: VFile; ok: boolean }> {
  const file = new VFile({ path: relativePath, cwd: root });
  const absolute = path.join(root, relativePath);
  const refusal = await refuse(root, absolute);
  if (refusal) {
    report(file, 'error', refusal.reason, { line: 1, column: 1 }, refusal.ruleId, refusal.hint);
    file.value = '';
    return { file, ok: false };
  }
  const bytes = await readFile(absolute);
  try {
    let text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    file.value = text.replace(/\r\n?/g, '\n');
    return { file, ok: true };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, bad).toString('utf8');
    const lines = before.split('\n');
    report(
      file,
      'error',
      `File is not valid UTF-8 (byte 0x${bytes[bad]?.toString(16).padStart(2, '0')} at offset ${bad})`,
      { line: lines.length, column: lines.at(-1)!.length + 1 },
      'encoding-utf8',
      'Save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`).',
    );
    file.value = '';
    return { file, ok: false };
  }
}

/** Offset of the first byte that breaks UTF-8 decoding. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length =
      byte < 0x80
        ? 1
        : byte >> 5 === 0b110
          ? 2
          : byte >> 4 === 0b1110
            ? 3
            : byte >> 3 === 0b11110
              ? 4
              : 0;
    if (length === 0) return index;
    for (let k = 1; k < length; k++) {
      if (index + k >= bytes.length || bytes[index + k]! >> 6 !== 0b10) return index;
    }
    index += length;
  }
  return index;
}

/**
 * Why a content file must not be read: its real path (symbolic links resolved) lies outside the
 * real content root, or it is larger than {@link maxSourceBytes}.
 */
async function refuse(
  root: string,
  absolute: string,
): Promise<{ reason: string; ruleId: string; hint: string } | undefined> {
  const [realRoot, real] = await Promise.all([realpath(root), realpath(absolute)]);
  const relative = path.relative(realRoot, real);
  if (relative.startsWith('..') || path.isAbsolute(relative))
    return {
      reason: `File is a link to \`${real}\`, outside the content root; it is not read`,
      ruleId: 'file-outside-root',
      hint: 'Copy the file into the project instead of linking to it.',
    };
  const { size } = await stat(real);
  if (size > maxSourceBytes)
    return {
      reason: `File is ${(size / 1024 / 1024).toFixed(1)} MB, more than the limit of ${maxSourceBytes / 1024 / 1024} MB; it is not read`,
      ruleId: 'file-too-large',
      hint: 'Split it into several files.',
    };
  return undefined;
}
