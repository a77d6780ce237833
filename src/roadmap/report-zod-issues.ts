/**
 * Turn Zod issues about one roadmap entry into messages placed at the offending YAML node,
 * worded for editors ("Missing `title` in item `x`", "Unknown status `finished`… did you
 * mean `done`?") rather than as Zod paths.
 */
import type { z } from 'astro/zod';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import type { YamlSource } from './yaml-source.ts';

type Path = (string | number)[];

/**
 * Report every issue of a failed `safeParse` of the entry at `base` (e.g. `['items', 3]`).
 *
 * @param label how to name the entry in messages: "item `hl-lhc-run`".
 * @param keys the fields the entry's schema knows (for did-you-mean on unknown keys).
 */
export function reportZodIssues(
  file: VFile,
  yaml: YamlSource,
  base: Path,
  issues: readonly z.core.$ZodIssue[],
  label: string,
  keys: readonly string[],
): void {
  for (const issue of issues) {
    const path = [...base, ...(issue.path as Path)];
    const field = issue.path.length > 0 ? `\`${fieldName(issue.path as Path)}\`` : '';
    const where = field ? `${field} of ${label}` : label;
    const at = yaml.place(path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        for (const key of issue.keys) {
          const suggestion = didYouMean(key, keys);
          report(file, 'error', `Unknown field \`${key}\` in ${label}`, yaml.place([...path, key], true), 'roadmap-schema',
            suggestion ? `Did you mean \`${suggestion}\`?` : `Known fields: ${keys.map((k) => `\`${k}\``).join(', ')}.`);
        }
        break;
      }
      case 'invalid_type': {
        if (issue.input === undefined) {
          report(file, 'error', `Missing ${field} in ${label}`, at, 'roadmap-schema', `Add \`${String(issue.path.at(-1))}:\` to the entry.`);
        } else {
          report(file, 'error', `${capitalise(where)} must be ${article(issue.expected)}, not ${describe(issue.input)}`, at, 'roadmap-schema');
        }
        break;
      }
      case 'invalid_value': {
        const values = issue.values.map(String);
        const suggestion = typeof issue.input === 'string' ? didYouMean(issue.input, values) : undefined;
        report(file, 'error', `Unknown value \`${String(issue.input)}\` for ${where}`, at, 'roadmap-schema',
          `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Use one of ${values.map((v) => `\`${v}\``).join(', ')}.`);
        break;
      }
      case 'invalid_union': {
        // Only date fields are unions (`string | number`): anything else is not a date.
        report(file, 'error', `Invalid date in ${where}: expected \`YYYY\`, \`YYYY-QN\`, \`YYYY-MM\` or \`YYYY-MM-DD\`, not ${describe(issue.input)}`, at, 'roadmap-date');
        break;
      }
      case 'custom': {
        const rule = (issue.params as { rule?: string } | undefined)?.rule ?? 'roadmap-schema';
        report(file, 'error', rule === 'roadmap-date' ? `Invalid date in ${where}: ${issue.message}` : `Invalid ${where}: ${issue.message}`, at, rule);
        break;
      }
      default: {
        // An invalid id is already named in the label ("item `Bad Id`").
        const value = typeof issue.input === 'string' && issue.path.at(-1) !== 'id' ? ` (\`${issue.input}\`)` : '';
        report(file, 'error', `Invalid ${where}${value}: ${issue.message}`, at, 'roadmap-schema');
      }
    }
  }
}

/** `related[2]` for the path `['related', 2]`. */
function fieldName(path: Path): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index > 0 ? `.${part}` : part)).join('');
}

/** "a string", "an array" for a Zod type name; arrays are "a list" for editors. */
function article(expected: string): string {
  const word = expected === 'array' ? 'list' : expected === 'object' ? 'mapping (`key: value`)' : expected;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** What a YAML value is, for a message. */
function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text \`${value}\``;
  return `\`${String(value)}\``;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
