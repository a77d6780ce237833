/**
 * The one YAML reader of the project: every YAML file it reads (front matter, `document.yaml`,
 * roadmap, glossary, releases manifests, consultation records) goes through {@link parseYaml},
 * so that a syntax error reads the same everywhere, comes once, in plain words, at the place
 * where the author has to look; and every schema check goes through {@link validateYaml} and
 * `schema-issues.ts`, one wording for every field.
 */
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Node,
  type YAMLError,
} from 'yaml';
import type { z } from 'astro/zod';
import { report } from '../diagnostics/report.ts';
import { explainYamlError } from './yaml-errors.ts';
import type { LocatedYaml, YamlPath } from './located-yaml.ts';
import { reportSchemaIssues } from './schema-issues.ts';

export type { LocatedYaml, YamlPath } from './located-yaml.ts';

/**
 * How many alias expansions a file may make (`yaml`'s own default). A "billion laughs" file of
 * a few lines would otherwise expand to gigabytes when converted to data.
 */
export const maxYamlAliases = 100;

/** Where a YAML text sits in its file: front matter starts on line 2. */
export interface YamlOrigin {
  /** Lines before the YAML text in the file (default: 0). */
  lineOffset?: number;
}

/**
 * Parse YAML text. A syntax error is reported once, at its place, in plain words (the
 * library's own text in the hint); an alias bomb is an error too. Returns undefined when the
 * text cannot be read: the caller then goes on with a fallback value, so that the rest of the
 * project is still checked.
 */
export function parseYaml(
  file: VFile,
  text: string,
  origin: YamlOrigin = {},
): LocatedYaml | undefined {
  const lineOffset = origin.lineOffset ?? 0;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const point = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col, offset };
  };
  const span = (range: readonly number[] | null | undefined): Position | undefined =>
    range ? { start: point(range[0]!), end: point(Math.max(range[0]!, range[1]!)) } : undefined;

  const first: YAMLError | undefined = document.errors[0];
  if (first) {
    // One mistake, one message: the errors after the first are mostly its consequences.
    const explained = explainYamlError(text, first, (offset) => point(offset));
    report(
      file,
      'error',
      explained.reason,
      explained.place,
      'yaml-syntax',
      `${explained.advice} (YAML parser: ${first.message.split('\n')[0]}, ${first.code}.)`,
    );
    return undefined;
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: maxYamlAliases });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let firstAlias: Node | undefined;
    visit(document, {
      Alias(_, node) {
        firstAlias ??= node;
        return visit.BREAK;
      },
    });
    report(
      file,
      'error',
      'Too many YAML aliases: expanding them would make this file enormous',
      span(firstAlias?.range) ?? point(0),
      'yaml-alias-limit',
      `A file may expand aliases (\`*name\`) at most ${maxYamlAliases} times; write the values out instead.`,
    );
    return undefined;
  }

  const place = (path: YamlPath, key = false): Position | undefined => {
    let node: unknown = document.contents;
    let found = isNode(node) ? span(node.range) : undefined;
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      if (isAlias(node)) break;
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && item.key.value === segment,
        );
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (last && key) return span(keyNode.range) ?? found;
        node = pair.value;
        // An empty value (`title:`) has no node: point at its key.
        found = (isNode(node) ? span(node.range) : undefined) ?? span(keyNode.range) ?? found;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (!isNode(node)) break;
        found = span(node.range) ?? found;
      } else break;
    }
    return found;
  };
  return {
    data,
    place,
    placeOf(path, key = false) {
      const found = place(path, key);
      return found ? { line: found.start.line, column: found.start.column } : point(0);
    },
  };
}

/** How {@link validateYaml} names things in its messages. */
export interface ValidateOptions {
  /** Values for required top-level fields, so that invalid input still gives a value. */
  fallback?: Readonly<Record<string, unknown>>;
  /** The data to check, when not the whole file (default: `located.data`). */
  base?: readonly (string | number)[];
  /** The entry, for messages: "item `hl-lhc`" (default: none, "Missing field `title`"). */
  label?: string;
}

/**
 * Validate parsed YAML against a Zod schema; every issue becomes an error at the YAML node it
 * is about (a missing field at its parent, an unknown key at the key), worded for authors with
 * a did-you-mean (see `schema-issues.ts`). With `fallback` (values for required top-level
 * fields), invalid input still gives a value to go on with, after its errors are reported (see
 * {@link recover}).
 */
export function validateYaml<S extends z.ZodType>(
  file: VFile,
  located: LocatedYaml,
  schema: S,
  ruleId: string,
  options: ValidateOptions = {},
): z.infer<S> | undefined {
  const { fallback, base = [], label } = options;
  let input: unknown = located.data;
  for (const segment of base) input = (input as Record<string | number, unknown>)?.[segment];
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  reportSchemaIssues(file, located, schema, result.error.issues, { ruleId, base, label });
  return fallback ? recover(schema, input, result.error.issues, fallback) : undefined;
}

/**
 * A value to go on with after errors have been reported: the input without its unknown and
 * invalid top-level fields, `fallback` standing in for any that are required. Later checks then
 * see the document instead of dozens of follow-on errors about its absence. Undefined when
 * that still fails (the input is not a mapping, say).
 */
function recover<S extends z.ZodType>(
  schema: S,
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
  fallback: Readonly<Record<string, unknown>>,
): z.infer<S> | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const again = schema.safeParse({ ...fallback });
    return again.success ? again.data : undefined;
  }
  const repaired: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const issue of issues) {
    const keys =
      issue.code === 'unrecognized_keys' && issue.path.length === 0
        ? issue.keys
        : issue.path.length > 0
          ? [String(issue.path[0])]
          : [];
    for (const key of keys) {
      delete repaired[key];
      if (key in fallback) repaired[key] = fallback[key];
    }
  }
  for (const [key, value] of Object.entries(fallback))
    if (!(key in repaired)) repaired[key] = value;
  const again = schema.safeParse(repaired);
  return again.success ? again.data : undefined;
}
