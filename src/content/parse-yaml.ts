import type { VFile } from 'vfile';
import {
  isMap,
  isNode,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import type { z } from 'astro/zod';
import { report } from '../diagnostics/report.ts';
import { didYouMean } from '../util/did-you-mean.ts';

/** Where a YAML text sits in its file: front matter starts on line 2. */
export interface YamlOrigin {
  /** Lines before the YAML text in the file (default: 0). */
  lineOffset?: number;
}

/** A parsed YAML document with a way to point at any of its nodes. */
export interface LocatedYaml {
  document: Document;
  /** Position (1-based) of the node at a path, or of the nearest parent that exists. */
  placeOf(path: readonly PropertyKey[], key?: boolean): { line: number; column: number };
}

/**
 * Parse YAML text, reporting syntax errors with positions. Returns undefined when the text
 * cannot be parsed.
 */
export function parseYaml(
  file: VFile,
  text: string,
  origin: YamlOrigin = {},
): LocatedYaml | undefined {
  const lineOffset = origin.lineOffset ?? 0;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
      report(
        file,
        'error',
        `Invalid YAML: ${reason}`,
        at(error.pos[0]),
        'yaml-syntax',
        'Check indentation, quotes and `key: value` pairs.',
      );
    }
    return undefined;
  }
  return {
    document,
    placeOf(path, key = false) {
      let node: unknown = document.contents;
      let place = at(isNode(node) && node.range ? node.range[0] : 0);
      for (const segment of path) {
        if (!isNode(node)) break;
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => isPair(item) && isScalar(item.key) && item.key.value === segment,
          );
          if (!pair) break;
          const keyNode = pair.key as Node;
          if (key && segment === path.at(-1) && keyNode.range) return at(keyNode.range[0]);
          node = pair.value;
          const target = (isNode(node) && node.range ? node : keyNode) as Node;
          if (target.range) place = at(target.range[0]);
        } else if (
          'items' in node &&
          Array.isArray((node as { items: unknown[] }).items) &&
          typeof segment === 'number'
        ) {
          node = (node as { items: unknown[] }).items[segment];
          if (isNode(node) && node.range) place = at(node.range[0]);
          else break;
        } else break;
      }
      return place;
    },
  };
}

/**
 * Validate parsed YAML against a Zod schema; every issue becomes an error at the YAML node it
 * is about (a missing field at its parent, an unknown key at the key), with a did-you-mean for
 * misspelled keys. With `fallback` (values for required top-level fields), invalid input still
 * gives a value to go on with, after its errors are reported (see {@link recover}).
 */
export function validateYaml<S extends z.ZodType>(
  file: VFile,
  located: LocatedYaml,
  schema: S,
  ruleId: string,
  fallback?: Readonly<Record<string, unknown>>,
): z.infer<S> | undefined {
  const input: unknown = located.document.toJS();
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const shape = knownKeys(schema);
  for (const issue of result.error.issues) {
    const path = issue.path as PropertyKey[];
    const name = path.length > 0 ? `\`${path.join('.')}\`` : 'the document';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = path.length === 0 ? didYouMean(key, shape) : undefined;
        report(
          file,
          'error',
          `Unknown field \`${[...path, key].join('.')}\``,
          located.placeOf([...path, key], true),
          ruleId,
          suggestion
            ? `Did you mean \`${suggestion}\`?`
            : `Known fields: ${shape.map((k) => `\`${k}\``).join(', ')}.`,
        );
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    const reason = missing ? `Missing field ${name}` : `Invalid ${name}: ${issue.message}`;
    report(
      file,
      'error',
      reason,
      located.placeOf(path),
      ruleId,
      hintFor(issue) ?? 'docs/authoring.md describes every field and its form.',
    );
  }
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
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
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

function hintFor(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `Use one of ${(issue.values as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}.`;
  }
  if (issue.code === 'invalid_type') return `Expected ${issue.expected}.`;
  return undefined;
}

function knownKeys(schema: z.ZodType): string[] {
  const def = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return def ? Object.keys(def) : [];
}
