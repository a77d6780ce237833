/**
 * Every diagnostic rule id the code can report, read from the source with the TypeScript
 * parser (so docs/authoring.md can be checked against it): the rule argument of `report(…)`,
 * `ruleId:`/`rule:` properties, the rule of `validateYaml(…)`, literal arguments given to a
 * parameter named `ruleId` of a helper in the same file, and `${kind}-…` for figures and tables.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const rulePattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (full.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** What the reference table says of a rule: where it is reported, how, and one message. */
export interface RuleUse {
  files: string[];
  severity?: string;
  message?: string;
  /** Reported through the schema reporter (`validateYaml`). */
  schema?: boolean;
}

/** A message as written in the code, its `${…}` parts shown as `…`. */
function messageText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `…${span.literal.text}`).join('');
  let found: string | undefined;
  node.forEachChild((child) => {
    found ??= messageText(child);
  });
  return found;
}

/** Rule id → the files that report it, with the severity and message of its first use. */
export function ruleIdsInCode(root = 'src'): Map<string, RuleUse> {
  const found = new Map<string, RuleUse>();
  const add = (id: string, file: string, call?: ts.CallExpression) => {
    if (!rulePattern.test(id)) return;
    const use = found.get(id) ?? { files: [] };
    if (!use.files.includes(file)) use.files.push(file);
    if (call?.expression.getText() === 'validateYaml') use.schema = true;
    if (call && call.expression.getText() === 'report' && use.message === undefined) {
      const severity = call.arguments[1];
      use.severity = severity && ts.isStringLiteralLike(severity) ? severity.text : undefined;
      use.message = messageText(call.arguments[2]);
    }
    found.set(id, use);
  };
  for (const file of sourceFiles(root)) {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    // Helpers of this file that take a `ruleId` parameter, and at which index.
    const helpers = new Map<string, number>();
    const collectHelpers = (node: ts.Node) => {
      if (ts.isFunctionDeclaration(node) && node.name) {
        const index = node.parameters.findIndex((p) => p.name.getText() === 'ruleId');
        if (index >= 0) helpers.set(node.name.text, index);
      }
      ts.forEachChild(node, collectHelpers);
    };
    collectHelpers(source);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const name = node.expression.text;
        const index =
          name === 'report' ? 4 : name === 'validateYaml' ? 3 : (helpers.get(name) ?? -1);
        const argument = node.arguments[index];
        if (argument && ts.isStringLiteralLike(argument)) add(argument.text, file, node);
        if (argument && ts.isTemplateExpression(argument) && argument.head.text === '') {
          // `${kind}-empty` in remark-figures: kind is `figure` or `table`.
          const tail = argument.templateSpans.at(-1)!.literal.text;
          for (const kind of ['figure', 'table']) add(`${kind}${tail}`, file, node);
        }
      }
      if (
        ts.isPropertyAssignment(node) &&
        ['ruleId', 'rule'].includes(node.name.getText()) &&
        ts.isStringLiteralLike(node.initializer)
      ) {
        add(node.initializer.text, file);
        // `{ reason: …, ruleId: … }`: the message is a sibling property.
        const use = found.get(node.initializer.text);
        if (use && use.message === undefined && ts.isObjectLiteralExpression(node.parent)) {
          const sibling = node.parent.properties.find(
            (p) => ts.isPropertyAssignment(p) && ['reason', 'message'].includes(p.name.getText()),
          ) as ts.PropertyAssignment | undefined;
          use.message = messageText(sibling?.initializer);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Rule ids listed in the reference table of docs/authoring.md (`| \`rule-id\` | …`). */
export function ruleIdsInDocs(text: string): string[] {
  return [...text.matchAll(/^\| `([a-z][a-z0-9-]*)` \|/gm)].map((match) => match[1]!);
}

/** The reference table of docs/authoring.md, generated from {@link ruleIdsInCode}. */
export function ruleReference(root = 'src'): string {
  const rows = [...ruleIdsInCode(root)].sort(([a], [b]) => a.localeCompare(b));
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const lines = [
    '| Rule | Severity | Example message | Reported by |',
    '| --- | --- | --- | --- |',
  ];
  for (const [id, use] of rows) {
    const message = use.message
      ? cell(use.message)
      : use.schema
        ? 'a schema message (see YAML files above)'
        : '(worded by a helper of that file)';
    const files = use.files.map((f) => `\`${f.replaceAll(path.sep, '/')}\``).join(', ');
    lines.push(`| \`${id}\` | ${use.severity ?? 'error'} | ${message} | ${files} |`);
  }
  return lines.join('\n');
}
