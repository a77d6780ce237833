/**
 * Test helpers for citations: citation nodes as short strings, and projects assembled with a
 * fresh citations extension (no other extension), messages as `path:line:column: reason`.
 */
import type { Root } from 'mdast';
import path from 'node:path';
import { assembleProject, type AssembledProject } from '../../src/assemble/assemble-project.ts';
import type { CitationsData } from '../../src/citations/index.ts';
import { dataOf } from '../../src/assemble/data-key.ts';
import { citationsKey, createCitationsExtension } from '../../src/citations/index.ts';
import remarkCitations from '../../src/citations/remark-citations.ts';
import type { Citation } from '../../src/citations/types.ts';
import { collectDiagnostics } from '../../src/diagnostics/collect.ts';
import { parseMarkdown } from '../../src/markdown/processor.ts';

export { chapter, documentYaml, makeProject } from '../helpers/project.ts';

/** A fixture project under tests/citations/fixtures/. */
export function fixture(name: string): string {
  return path.join(import.meta.dirname, 'fixtures', name);
}

/** `line:column-line:column`. */
function span(position: Citation['position']): string {
  return position
    ? `${position.start.line}:${position.start.column}-${position.end.line}:${position.end.column}`
    : '?';
}

/**
 * The citations of a Markdown text, one string each:
 * `normal 1:6-1:16 [see |doe2020@1:11|p.12:page| and more]`
 * (mode, place, then per item: prefix|key@place|locator:label|suffix; `-` marks suppress-author).
 */
export function citationsIn(markdown: string): {
  strings: string[];
  tree: Root;
  citations: Citation[];
} {
  const tree = parseMarkdown(markdown);
  const citations = remarkCitations(tree, markdown);
  const strings = citations.map((citation) => {
    const items = citation.items.map((item) => {
      const key = `${item.suppressAuthor ? '-' : ''}${item.key}@${item.position ? `${item.position.start.line}:${item.position.start.column}` : '?'}`;
      const locator = item.locator ? `${item.locator}:${item.label}` : '';
      return [item.prefix, key, locator, item.suffix].join('|');
    });
    return `${citation.mode} ${span(citation.position)} [${items.join('; ')}]`;
  });
  return { strings, tree, citations };
}

/** Assemble a project with only the citations extension; messages with positions and rule ids. */
export async function assemble(root: string): Promise<{
  project: AssembledProject;
  messages: string[];
  data: (documentId: string) => CitationsData;
}> {
  const project = await assembleProject(root, { extensions: [createCitationsExtension] });
  const messages = collectDiagnostics(project.files).map(
    (d) => `${d.path}:${d.line}:${d.column}: ${d.reason} [${d.ruleId}]`,
  );
  const data = (documentId: string) =>
    dataOf(
      project.documents.find((d) => d.id === documentId)!,
      citationsKey,
    )!;
  return { project, messages, data };
}

/** HTML of a chapter. */
export function html(project: AssembledProject, documentId: string, chapterId: string): string {
  const found = project.documents
    .find((d) => d.id === documentId)
    ?.chapters.find((c) => c.id === chapterId);
  if (!found) throw new Error(`no chapter ${documentId}/${chapterId}`);
  return found.html;
}
