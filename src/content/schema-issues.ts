/**
 * The one reporter of schema problems in YAML files: Zod issues become messages placed at the
 * offending YAML node and worded for authors ("Missing field `title`", "Unknown value
 * `finished` for `status`… did you mean `done`?"). Zod's own English ("Invalid option:
 * expected one of …") never reaches an author; only messages written in the schemas (a
 * `regex(…, 'use a semantic version such as `1.0.0`')`) are passed on.
 */
import type { z } from 'astro/zod';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import type { LocatedYaml } from './located-yaml.ts';

type Path = readonly (string | number)[];

/** How to name and file the messages. */
export interface SchemaIssueOptions {
  /** Rule id of every message (a `custom` issue may carry its own as `params.rule`). */
  ruleId: string;
  /** Where the checked value sits in the file (default: the whole file). */
  base?: Path;
  /** The entry, for messages: "item `hl-lhc`" (default: none). */
  label?: string;
}

/** Report every issue of a failed `safeParse` of `schema`. */
export function reportSchemaIssues(
  file: VFile,
  located: LocatedYaml,
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  options: SchemaIssueOptions,
): void {
  const { ruleId, base = [], label } = options;
  const hint = 'docs/authoring.md describes every field and its form.';
  for (const issue of issues) {
    const own = issue.path as Path;
    const path = [...base, ...own];
    const field = own.length > 0 ? `\`${fieldName(own)}\`` : '';
    // "`status` of item `x`", "`status`", "item `x`", "the file".
    const where = field && label ? `${field} of ${label}` : field || label || 'the file';
    const within = label ? ` in ${label}` : '';
    const at = located.place?.(path) ?? located.placeOf(path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = keysAt(schema, own);
        for (const key of issue.keys) {
          const suggestion = didYouMean(key, known);
          const name = fieldName([...own, key]);
          report(
            file,
            'error',
            `Unknown field \`${name}\`${within}`,
            located.place?.([...path, key], true) ?? located.placeOf([...path, key], true),
            ruleId,
            suggestion
              ? `Did you mean \`${suggestion}\`?`
              : known.length > 0
                ? `Known fields: ${known.map((k) => `\`${k}\``).join(', ')}.`
                : hint,
          );
        }
        break;
      }
      case 'invalid_type': {
        if (issue.input === undefined && own.length > 0) {
          report(
            file,
            'error',
            `Missing field ${field}${within}`,
            at,
            ruleId,
            `Add \`${String(own.at(-1))}:\` ${label || base.length > 0 ? 'to the entry' : 'to the file'}; ${hint}`,
          );
        } else {
          report(
            file,
            'error',
            `${capitalise(where)} must be ${article(issue.expected)}, not ${describe(issue.input)}`,
            at,
            ruleId,
            hint,
          );
        }
        break;
      }
      case 'invalid_value': {
        const values = issue.values.map(String);
        const suggestion =
          typeof issue.input === 'string' ? didYouMean(issue.input, values) : undefined;
        report(
          file,
          'error',
          `Unknown value ${describe(issue.input, true)} for ${where}`,
          at,
          ruleId,
          `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Use one of ${values.map((v) => `\`${v}\``).join(', ')}.`,
        );
        break;
      }
      case 'invalid_union': {
        const reason = ownMessage(issue.message);
        report(
          file,
          'error',
          reason
            ? `Invalid ${where}: ${reason}`
            : `${capitalise(where)} has the wrong form (${describe(issue.input)})`,
          at,
          ruleId,
          hint,
        );
        break;
      }
      case 'custom': {
        const rule = (issue.params as { rule?: string } | undefined)?.rule ?? ruleId;
        report(
          file,
          'error',
          `Invalid ${where}: ${ownMessage(issue.message) ?? 'this value is not allowed here'}`,
          at,
          rule,
          hint,
        );
        break;
      }
      case 'too_small':
      case 'too_big': {
        const reason =
          ownMessage(issue.message) ??
          (issue.origin === 'string' && issue.code === 'too_small'
            ? 'must not be empty'
            : issue.origin === 'array'
              ? `needs ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)} entr${Number(issue.code === 'too_small' ? issue.minimum : issue.maximum) === 1 ? 'y' : 'ies'}`
              : `is too ${issue.code === 'too_small' ? 'small' : 'large'}`);
        report(file, 'error', `${capitalise(where)} ${reason}`, at, ruleId, hint);
        break;
      }
      default: {
        // An invalid id is already named in the label ("item `Bad Id`").
        const value =
          typeof issue.input === 'string' && own.at(-1) !== 'id' ? ` (\`${issue.input}\`)` : '';
        const reason = ownMessage(issue.message) ?? 'this value does not have the expected form';
        report(file, 'error', `Invalid ${where}${value}: ${reason}`, at, ruleId, hint);
      }
    }
  }
}

/**
 * A message written in a schema, or undefined for Zod's own default text (which starts with
 * "Invalid", "Too", "Expected" or "Unrecognized", in English written for programmers).
 */
function ownMessage(message: string): string | undefined {
  return /^(Invalid|Too (small|big)|Expected|Unrecognized|Input not instance)/.test(message)
    ? undefined
    : message;
}

/** The keys an object schema knows at `path` (through optional, default, arrays). */
function keysAt(schema: z.ZodType, path: Path): string[] {
  let current: unknown = schema;
  const unwrap = () => {
    for (let guard = 0; guard < 20; guard++) {
      const def = (current as { def?: Record<string, unknown> } | undefined)?.def;
      if (!def) return;
      const inner = def.innerType ?? def.in ?? (def.type === 'pipe' ? def.in : undefined);
      if (!inner) return;
      current = inner;
    }
  };
  for (const segment of [...path, undefined]) {
    unwrap();
    if (segment === undefined) break;
    const def = (current as { def?: Record<string, unknown> }).def;
    if (!def) return [];
    if (typeof segment === 'number') {
      if (def.type !== 'array') return [];
      current = def.element;
    } else {
      const shape = (current as { shape?: Record<string, unknown> }).shape;
      if (!shape || !(segment in shape)) return [];
      current = shape[segment];
    }
  }
  const shape = (current as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** `related[2]` for the path `['related', 2]`. */
function fieldName(path: Path): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index > 0 ? `.${part}` : String(part),
    )
    .join('');
}

/** "a string", "a list" for a Zod type name, as authors call them. */
function article(expected: string): string {
  const word =
    expected === 'array'
      ? 'list'
      : expected === 'object'
        ? 'mapping (`key: value` lines)'
        : expected === 'string'
          ? 'text'
          : expected;
  return word === 'text' ? 'text' : /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** What a YAML value is, for a message. */
function describe(value: unknown, bare = false): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date \`${value.toISOString().slice(0, 10)}\``;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return bare ? `\`${value}\`` : `the text \`${value}\``;
  if (typeof value === 'number') return bare ? `\`${value}\`` : `the number \`${value}\``;
  return `\`${String(value)}\``;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
