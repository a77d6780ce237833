import { ReleaseRefusal } from '../../release/errors.ts';
import { cutRelease } from '../../release/cut-release.ts';
import { isSemver } from '../../release/semver.ts';
import type { ReleaseStage } from '../../schemas/release-manifest.ts';
import type { CommandOptions } from '../parse-args.ts';
import type { Output } from '../output.ts';

/** Print a refusal: message, details indented, hint. */
export function printRefusal(command: string, error: ReleaseRefusal, output: Output): void {
  const details = error.details.map((line) => `  ${line}`).join('\n');
  output.error(
    `srida ${command}: ${error.message}${details ? `\n${details}` : ''}${error.hint ? `\n  hint: ${error.hint}` : ''}`,
  );
}

/**
 * `srida release <document> <version> --stage draft|final [--force "reason"]`: cut a release
 * (see `src/release/cut-release.ts`). Exit 0 when released, 1 when refused or failed (nothing
 * changed), 2 on a usage error.
 */
export async function runRelease(options: CommandOptions, output: Output): Promise<number> {
  const [documentId, version, ...rest] = options.positionals;
  const usage = (reason: string) => {
    output.error(
      `srida release: ${reason}\n  usage: srida release <document> <version> --stage draft|final [--force "reason"]`,
    );
    return 2;
  };
  if (!documentId || !version)
    return usage(
      'name the document and the version, e.g. `srida release srida 1.0.0 --stage final`',
    );
  if (rest.length > 0) return usage(`unexpected argument \`${rest[0]}\``);
  if (!isSemver(version))
    return usage(`\`${version}\` is not a semantic version such as \`1.0.0\``);
  if (options.stage !== 'draft' && options.stage !== 'final')
    return usage(
      options.stage
        ? `\`--stage ${options.stage}\` is neither \`draft\` nor \`final\``
        : '`--stage draft` or `--stage final` is required',
    );
  if (options.force !== undefined && options.force.trim() === '')
    return usage(
      '`--force` needs a reason, e.g. `--force "chapter 8 signed off by the board on 2 June"`',
    );
  try {
    const result = await cutRelease({
      root: options.root,
      documentId,
      version,
      stage: options.stage as ReleaseStage,
      force: options.force?.trim(),
      onProgress: options.quiet ? undefined : (text) => output.info(`srida release: ${text}`),
    });
    const { entry } = result;
    if (result.forceUnused)
      output.info(
        'srida release: `--force` was not needed (every chapter is final) and is not recorded.',
      );
    output.info(
      [
        `srida release: released ${documentId} v${version} (${entry.stage}, ${entry.date})`,
        `  ${result.pdf}: ${entry.pdf.pages} pages, ${entry.pdf.bytes} bytes`,
        `  SHA-256 ${entry.pdf.sha256}`,
        ...result.files.map((file) => `  ${file}`),
        `  commit ${result.commit.slice(0, 12)} "Release ${documentId} v${version}", annotated tag ${result.tag}`,
        `  publish: git push --follow-tags (or: git push origin HEAD ${result.tag})`,
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ReleaseRefusal)) throw error;
    printRefusal('release', error, output);
    return 1;
  }
}
