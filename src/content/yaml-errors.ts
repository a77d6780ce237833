/**
 * YAML syntax errors in plain words. The `yaml` library says "Implicit map keys need to be
 * followed by map values" where the author wrote one line indented by 3 spaces instead of 4,
 * and places an unclosed quote where it gave up (often the end of the file). This module reads
 * the text around the error to say what the author did and to point where they did it; the
 * library's text stays in the hint.
 */
import type { YAMLError } from 'yaml';

/** A position in the text (1-based line and column, with the caller's line offset). */
export interface TextPoint {
  line: number;
  column: number;
  offset?: number;
}

/** What to tell the author about one YAML error. */
export interface ExplainedYamlError {
  reason: string;
  place: TextPoint;
  /** How to fix it (the library's text is appended by the caller). */
  advice: string;
}

/** Codes that, in a block document, nearly always come from a line indented wrongly. */
const indentationCodes = new Set([
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'MISSING_CHAR',
  'UNEXPECTED_TOKEN',
  'BAD_SEQ_ITEM',
]);

/** Plain sentences for the codes the reading above does not explain. */
const plainReasons: Record<string, string> = {
  ALIAS_PROPS: 'An alias (`*name`) cannot have a tag or an anchor',
  BAD_ALIAS: 'This alias (`*name`) is not written correctly',
  BAD_DIRECTIVE: 'This `%` directive is not valid YAML',
  BAD_DQ_ESCAPE: 'This backslash escape is not valid inside double quotes',
  BAD_INDENT: 'This line is not indented the way YAML expects here',
  BAD_PROP_ORDER: 'An anchor (`&name`) or tag (`!tag`) is in the wrong place',
  BAD_SCALAR_START: 'A value cannot start with this character without quotes',
  BLOCK_AS_IMPLICIT_KEY: 'A key here is followed by a nested block it cannot hold',
  BLOCK_IN_FLOW: 'A block (`- item` or `key: value` lines) cannot be inside `[…]` or `{…}`',
  DUPLICATE_KEY: 'The same key is written twice in one mapping',
  IMPOSSIBLE: 'This YAML cannot be read',
  KEY_OVER_1024_CHARS: 'This key is longer than YAML allows (1024 characters)',
  MISSING_CHAR: 'A character YAML expects here is missing',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line',
  MULTIPLE_ANCHORS: 'A node can have only one anchor (`&name`)',
  MULTIPLE_DOCS: 'The file holds more than one YAML document (a second `---`)',
  MULTIPLE_TAGS: 'A node can have only one tag (`!tag`)',
  TAB_AS_INDENT: 'This line is indented with a tab',
  TAG_RESOLVE_FAILED: 'This tag (`!tag`) is not known',
  UNEXPECTED_TOKEN: 'YAML did not expect this character here',
};

/**
 * Explain a YAML error of `text`.
 *
 * @param point turns an offset into the text into a position in the file.
 */
export function explainYamlError(
  text: string,
  error: YAMLError,
  point: (offset: number) => TextPoint,
): ExplainedYamlError {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const at = (line: number, column = 0) => point(starts[line]! + column);
  const errorOffset = Math.min(error.pos[0], text.length);
  const errorLine = lineOf(starts, errorOffset);
  const library = error.message.split('\n')[0]!;

  if (error.code === 'TAB_AS_INDENT') {
    return {
      reason: 'This line is indented with a tab',
      place: at(errorLine),
      advice:
        'YAML indents with spaces only: replace the tab by as many spaces as the lines around use.',
    };
  }

  const quote = /Missing closing (["'])quote/.exec(library)?.[1];
  if (quote) {
    const opening = openingQuote(lines, quote, errorLine);
    return {
      reason: `This quoted text never ends: the \`${quote}\` opened here has no closing \`${quote}\``,
      place: opening ? at(opening.line, opening.column) : point(errorOffset),
      advice: `End the value with \`${quote}\`, or remove the opening one.`,
    };
  }

  const bracket = /end with an? ([\]}])/.exec(library)?.[1];
  if (bracket) {
    const open = bracket === ']' ? '[' : '{';
    const opening = openingBracket(lines, open, bracket, errorLine);
    return {
      reason: `This \`${open}\` is never closed with \`${bracket}\``,
      place: opening ? at(opening.line, opening.column) : point(errorOffset),
      advice: `Add \`${bracket}\` at the end of the ${open === '[' ? 'list' : 'mapping'}.`,
    };
  }

  if (error.code === 'DUPLICATE_KEY') {
    const key = /^\s*(?:-\s+)?("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(
      text.slice(starts[errorLine]!),
    )?.[1];
    return {
      reason: key
        ? `The key \`${key}\` is written twice in the same mapping`
        : plainReasons.DUPLICATE_KEY!,
      place: point(errorOffset),
      advice: 'Keep one of the two (YAML allows each key once per mapping).',
    };
  }

  if (indentationCodes.has(error.code)) {
    const problem = findIndentationProblem(lines, errorLine + 1);
    if (problem) {
      const what = problem.item ? 'items' : 'lines';
      return problem.deeper
        ? {
            reason: `This line is indented ${spaces(problem.indent)}, deeper than the line above (${problem.expected}), which does not open a block`,
            place: at(problem.line, problem.indent),
            advice: `Indent it by ${spaces(problem.expected)} like the line above, or end the line above with \`:\` to nest it.`,
          }
        : {
            reason: `This line is indented ${spaces(problem.indent)}; the ${what} above use ${problem.expected}`,
            place: at(problem.line, problem.indent),
            advice: `Indent it by ${spaces(problem.expected)}: lines of one list or mapping start in the same column.`,
          };
    }
    const colon = strayColon(lines[errorLine] ?? '');
    if (colon !== undefined) {
      return {
        reason: 'This value contains `: `, which YAML reads as the start of another key',
        place: at(errorLine, colon),
        advice: 'Put the whole value in quotes: `key: "text: more text"`.',
      };
    }
  }

  return {
    reason: plainReasons[error.code] ?? 'This is not valid YAML',
    place: point(errorOffset),
    advice: 'Check indentation, quotes and `key: value` pairs.',
  };
}

function spaces(count: number): string {
  return count === 1 ? '1 space' : `${count} spaces`;
}

/** Index of the line holding `offset`. */
function lineOf(starts: readonly number[], offset: number): number {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return line;
}

/** A line's text without a trailing comment (naive about `#` inside quotes, which is enough). */
function withoutComment(line: string): string {
  return line.replace(/(^|\s)#.*$/, '').trimEnd();
}

interface IndentationProblem {
  line: number;
  indent: number;
  expected: number;
  /** The line is indented more than the line above allows. */
  deeper: boolean;
  /** The line is a list item (`- …`). */
  item: boolean;
}

/**
 * The first line, up to `limit`, whose indentation matches no enclosing block: YAML nests by
 * column, so a line that dedents to a column no line above opened, or indents under a line
 * that opens nothing, is where the author slipped.
 */
function findIndentationProblem(
  lines: readonly string[],
  limit: number,
): IndentationProblem | undefined {
  const levels: number[] = [];
  let previous: { opens: boolean; itemKey?: number } | undefined;
  let blockScalar: number | undefined;
  for (let index = 0; index < Math.min(limit + 1, lines.length); index++) {
    const raw = lines[index]!;
    const content = withoutComment(raw);
    if (content.trim() === '') continue;
    const indent = /^ */.exec(raw)![0].length;
    if (blockScalar !== undefined) {
      if (indent > blockScalar) continue;
      blockScalar = undefined;
    }
    const trimmed = content.trim();
    const item = trimmed.startsWith('- ') || trimmed === '-';
    const looksLikeKey = item || /^("[^"]*"|'[^']*'|[^\s:#][^:#]*?):(\s|$)/.test(trimmed);
    if (previous === undefined) {
      levels.push(indent);
    } else if (indent > levels.at(-1)!) {
      const allowed = previous.opens || indent === previous.itemKey || !looksLikeKey;
      if (!allowed) return { line: index, indent, expected: levels.at(-1)!, deeper: true, item };
      if (looksLikeKey) levels.push(indent);
    } else {
      const popped: number[] = [];
      while (levels.length > 0 && levels.at(-1)! > indent) popped.push(levels.pop()!);
      if (levels.at(-1) !== indent) {
        const candidates = [...popped, ...levels];
        const expected = candidates.reduce((best, level) =>
          Math.abs(level - indent) < Math.abs(best - indent) ? level : best,
        );
        return { line: index, indent, expected, deeper: false, item };
      }
    }
    const dash = /^(-\s+)/.exec(trimmed)?.[1];
    previous = {
      opens: /:$/.test(trimmed) || trimmed === '-' || /:\s*[|>][-+0-9]*$/.test(trimmed),
      itemKey: dash ? indent + dash.length : undefined,
    };
    if (dash) levels.push(indent + dash.length);
    if (/:\s*[|>][-+0-9]*$/.test(trimmed)) blockScalar = indent;
  }
  return undefined;
}

/** Column of a second `: ` in a `key: value` line (the value needs quotes), if any. */
function strayColon(line: string): number | undefined {
  const first = /^\s*(?:-\s+)?[^\s"'#][^:#]*:\s+/.exec(line);
  if (!first) return undefined;
  const rest = line.slice(first[0].length);
  if (/^["'[{]/.test(rest)) return undefined;
  const second = /:(\s|$)/.exec(rest);
  return second ? first[0].length + second.index : undefined;
}

/** Where the quote that never closes opens: a value that starts with `quote`. */
function openingQuote(
  lines: readonly string[],
  quote: string,
  limit: number,
): { line: number; column: number } | undefined {
  let open: { line: number; column: number } | undefined;
  for (let index = 0; index <= Math.min(limit, lines.length - 1); index++) {
    const line = lines[index]!;
    let from = 0;
    if (!open) {
      const start = new RegExp(`(^\\s*(?:-\\s+)?|:\\s+|-\\s+|[[{,]\\s*)${quote}`).exec(line);
      if (!start) continue;
      open = { line: index, column: start.index + start[0].length - 1 };
      from = open.column + 1;
    }
    const close = closingQuote(line, quote, from);
    if (close !== undefined) {
      open = undefined;
      // A second quoted value on the same line (`[ "a", "b ]`): look again after the close.
      const again = new RegExp(`(:\\s+|[[{,]\\s*)${quote}`).exec(line.slice(close + 1));
      if (
        again &&
        closingQuote(line, quote, close + 1 + again.index + again[0].length) === undefined
      )
        open = { line: index, column: close + 1 + again.index + again[0].length - 1 };
    }
  }
  return open;
}

/** Index of the closing quote in `line` from `from` (`\"` and `''` are escapes). */
function closingQuote(line: string, quote: string, from: number): number | undefined {
  for (let index = from; index < line.length; index++) {
    const char = line[index];
    if (quote === '"' && char === '\\') {
      index++;
      continue;
    }
    if (char !== quote) continue;
    if (quote === "'" && line[index + 1] === "'") {
      index++;
      continue;
    }
    return index;
  }
  return undefined;
}

/** The last `[`/`{` before `limit` that its line does not close. */
function openingBracket(
  lines: readonly string[],
  open: string,
  close: string,
  limit: number,
): { line: number; column: number } | undefined {
  for (let index = Math.min(limit, lines.length - 1); index >= 0; index--) {
    const line = withoutComment(lines[index]!);
    let depth = 0;
    for (let column = line.length - 1; column >= 0; column--) {
      if (line[column] === close) depth++;
      else if (line[column] === open) {
        if (depth === 0) return { line: index, column };
        depth--;
      }
    }
  }
  return undefined;
}
