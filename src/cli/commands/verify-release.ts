import { ReleaseRefusal } from '../../release/errors.ts';
import { verifyRelease } from '../../release/verify.ts';
import type { CommandOptions } from '../parse-args.ts';
import type { Output } from '../output.ts';
import { printRefusal } from './release.ts';

/**
 * `srida verify-release <document> <version>`: rebuild a release from its tag and compare it
 * with the published PDF. Exit 0 when the bytes are the same, or (on another Chromium) the text
 * of every page is; 1 when the text differs, the published file was changed, or (with
 * `--strict`) the bytes differ on the same Chromium; 2 on a usage error.
 * `SRIDA_VERIFY_TOOL=current` rebuilds with the running srida instead of the tag's own.
 */
export async function runVerifyRelease(options: CommandOptions, output: Output): Promise<number> {
  const [documentId, version, ...rest] = options.positionals;
  if (!documentId || !version || rest.length > 0) {
    output.error(
      'srida verify-release: name the document and the version, e.g. `srida verify-release srida 1.0.0`',
    );
    return 2;
  }
  try {
    const result = await verifyRelease({
      root: options.root,
      documentId,
      version,
      tool: process.env.SRIDA_VERIFY_TOOL === 'current' ? 'current' : 'auto',
      onProgress: options.quiet
        ? undefined
        : (text) => output.info(`srida verify-release: ${text}`),
    });
    const sameChromium = result.chromium.recorded === result.chromium.now;
    const printedBy = `released with ${result.chromium.recorded}, rebuilt with ${result.chromium.now} by the ${result.tool === 'tag' ? "tag's" : 'running'} srida`;
    const from =
      result.revision.kind === 'tag'
        ? `from tag ${result.revision.name}`
        : `from source commit ${result.revision.name}, as the tag is not in this clone`;
    const head = `srida verify-release: ${documentId} v${version} (${result.published}, rebuilt ${from})`;
    if (result.outcome === 'identical') {
      output.info(`${head}: identical bytes (SHA-256 ${result.rebuilt.sha256}; ${printedBy})`);
      return 0;
    }
    if (result.outcome === 'same-text') {
      const note = sameChromium
        ? 'the bytes differ although the Chromium is the same: the text of every page is identical (under heavy load Chromium 156 may place link areas differently; otherwise fonts or srida changed)'
        : 'the bytes differ, as expected on another Chromium; the text of every page is identical';
      (sameChromium && options.strict ? output.error : output.info)(
        `${head}: ${note} (${printedBy})`,
      );
      return sameChromium && options.strict ? 1 : 0;
    }
    output.error(
      `${head}: the rebuild differs from the published file (${printedBy})\n${result.differences.map((line) => `  ${line}`).join('\n')}`,
    );
    return 1;
  } catch (error) {
    if (!(error instanceof ReleaseRefusal)) throw error;
    printRefusal('verify-release', error, output);
    return 1;
  }
}
