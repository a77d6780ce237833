import type { DocumentSource } from '../content/load-project.ts';
import { report } from '../diagnostics/report.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import type { Library } from './load-bibliography.ts';
import { builtInStyle, builtInStyles, resolveLocale, type StyleInfo } from './styles.ts';

/**
 * The style and locale a document asks for in its metadata (`citationStyle`, `locale` or
 * `language`). A style that does not exist, or a custom style with errors, is reported at its
 * line in `document.yaml` and APA is used, so that the site still builds.
 *
 * @param document the document.
 * @param library the project's bibliography (for custom styles).
 * @param quiet resolve without reporting (default: false).
 */
export function documentStyle(
  document: DocumentSource,
  library: Library,
  quiet = false,
): { style: StyleInfo; name: string; locale: string } {
  const { metadata, metadataFile, placeOf } = document;
  const wanted = metadata.citationStyle.replace(/\.csl$/, '');
  const custom = library.styles.get(wanted);
  let style = custom?.info ?? builtInStyle(wanted.toLowerCase());
  let name = custom ? wanted : wanted.toLowerCase();
  if (!style && quiet)
    return {
      style: builtInStyle('apa')!,
      name: 'apa',
      locale: resolveLocale(metadata.locale ?? metadata.language).locale,
    };
  if (!style) {
    const place = placeOf(['citationStyle']);
    if (custom) {
      report(
        metadataFile,
        'error',
        `Citation style \`${wanted}\` has errors (see \`${custom.file.path}\`); APA is used`,
        place,
        'citation-style',
        'Fix the style file, or choose `apa`, `vancouver` or `harvard1`.',
      );
    } else {
      const choices = [...builtInStyles, ...library.styles.keys()];
      const suggestion = didYouMean(wanted, choices);
      report(
        metadataFile,
        'error',
        `Unknown citation style \`${wanted}\`; APA is used`,
        place,
        'citation-style',
        suggestion
          ? `Did you mean \`${suggestion}\`?`
          : `Use one of ${choices.map((choice) => `\`${choice}\``).join(', ')}, or put \`${wanted}.csl\` in \`bibliography/styles/\`.`,
      );
    }
    style = builtInStyle('apa')!;
    name = 'apa';
  }
  const wantedLocale = metadata.locale ?? metadata.language;
  const { locale, found } = resolveLocale(wantedLocale);
  if (!found && !quiet) {
    const key = metadata.locale ? 'locale' : 'language';
    report(
      metadataFile,
      'warning',
      `No citation locale for \`${wantedLocale}\`; citations use \`${locale}\``,
      placeOf([key]),
      'citation-locale',
      `Add the CSL locale file \`bibliography/styles/locales-${wantedLocale}.xml\` (from https://github.com/citation-style-language/locales).`,
    );
  }
  return { style, name, locale };
}
