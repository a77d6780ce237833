import { isSafeUrl, urlScheme } from './safe-url.ts';
import type { Link, Root, RootContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Target, TargetRegistry } from './targets.ts';
import { report } from '../diagnostics/report.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { escapeRegExp } from '../util/escape-regexp.ts';
import { replaceChildren } from './tree-edit.ts';

export interface RemarkXrefsOptions {
  registry: TargetRegistry;
  /** The document being assembled. */
  documentId: string;
  /** Ids of every document, to tell `blueprint#x` from an ordinary relative link. */
  documentIds: readonly string[];
  /** Short titles of the documents, to prefix cross-document references. */
  shortTitles: ReadonlyMap<string, string>;
}

/**
 * Resolve cross-references: links to `#id` or `<document>#id`. An empty link text becomes the
 * target's label, number and title ("Section 3.2 Data federation", "Figure 2.1",
 * "Technical Blueprint, Chapter 9 Security and trust"); the link points at the target's page.
 * An unknown target is an error with a did-you-mean. Links with a script URL are removed.
 */
export default function remarkXrefs(options: RemarkXrefsOptions) {
  const { registry, documentId, documentIds, shortTitles } = options;
  const referencePattern = new RegExp(
    `^(?:(${documentIds.map(escapeRegExp).join('|')}))?#([^#\\s]+)$`,
  );
  return (tree: Root, file: VFile) => {
    visit(tree, 'link', (node: Link, index, parent) => {
      if (!isSafeUrl(node.url)) {
        report(
          file,
          'error',
          `Link to a disallowed URL (\`${urlScheme(node.url)}:\`) removed`,
          node.position,
          'html-unsafe',
          'Links may point to web pages, files and `#ids` only.',
        );
        if (parent && typeof index === 'number')
          replaceChildren(parent, index, 1, ...node.children);
        return SKIP;
      }
      const match = referencePattern.exec(node.url);
      if (!match) {
        reportUnknownDocument(node, file, documentIds);
        return;
      }
      const reference = node.url;
      const target = registry.resolve(reference, documentId);
      if (!target) {
        // `#id` that only another document has: the author forgot the document prefix.
        const elsewhere = match[1]
          ? undefined
          : documentIds.find(
              (other) => other !== documentId && registry.resolve(`${other}#${match[2]}`, other),
            );
        if (elsewhere) {
          report(
            file,
            'error',
            `Cannot find cross-reference target \`${reference}\` in this document`,
            node.position,
            'xref-unknown',
            `\`${elsewhere}\` has it: write \`[](${elsewhere}${reference})\` to link to another document.`,
          );
          return;
        }
        const suggestion = registry.suggest(reference, documentId);
        report(
          file,
          'error',
          `Cannot find cross-reference target \`${reference}\``,
          node.position,
          'xref-unknown',
          suggestion
            ? `Did you mean \`${suggestion}\`?`
            : 'Give the heading, figure, table or recommendation an `{#id}` and link to `#id`.',
        );
        return;
      }
      const crossDocument = target.documentId !== documentId;
      node.url = target.href;
      node.title ??= target.title || null;
      const data = (node.data ??= {});
      // Keep what earlier stages set (the glossary's tooltip link, a first-use id).
      const earlier = data.hProperties ?? {};
      const classes = Array.isArray(earlier.className) ? earlier.className : [];
      data.hProperties = {
        ...earlier,
        className: ['xref', `xref-${target.kind}`, ...classes.map(String)],
        dataXref: `${target.documentId}#${target.id}`,
      };
      if (node.children.length === 0) {
        node.children = autoText(
          target,
          crossDocument ? shortTitles.get(target.documentId) : undefined,
        ) as Link['children'];
      }
      return SKIP;
    });
  };
}

/** `word#id` where `word` could be nothing but a document id (no dot, no slash). */
const documentLike = /^([a-z][a-z0-9-]*)#[^#\s]+$/;

/**
 * A link `nosuchdoc#x` or a misspelt `blueprnt#x` looks like a cross-document reference but
 * names no document: without this it would be an ordinary relative link that leads nowhere.
 */
function reportUnknownDocument(node: Link, file: VFile, documentIds: readonly string[]): void {
  const name = documentLike.exec(node.url)?.[1];
  if (!name) return;
  const suggestion = didYouMean(name, documentIds);
  report(
    file,
    'error',
    `Cross-reference \`${node.url}\` names no document \`${name}\``,
    node.position,
    'xref-unknown-document',
    suggestion
      ? `Did you mean \`${node.url.replace(name, suggestion)}\`?`
      : `Documents: ${documentIds.map((id) => `\`${id}\``).join(', ')}. A link to another page is written with a path (\`./page/#id\`).`,
  );
}

/** The words a cross-reference shows when its link text is empty. */
export function xrefText(target: Target, documentPrefix?: string): string {
  const prefix = documentPrefix ? `${documentPrefix}, ` : '';
  const numbered = target.number ? `${target.label} ${target.number}` : '';
  switch (target.kind) {
    case 'figure':
    case 'table':
      return `${prefix}${numbered}`;
    default:
      return `${prefix}${numbered ? `${numbered} ` : ''}${target.title}`.trim();
  }
}

function autoText(target: Target, documentPrefix?: string): RootContent[] {
  const prefix = documentPrefix ? `${documentPrefix}, ` : '';
  const numbered = target.number ? `${target.label} ${target.number}` : '';
  if (target.kind === 'figure' || target.kind === 'table' || !target.title) {
    return [{ type: 'text', value: `${prefix}${numbered}` }];
  }
  const nodes: RootContent[] = [];
  if (prefix || numbered)
    nodes.push({ type: 'text', value: `${prefix}${numbered}${numbered ? ' ' : ''}` });
  nodes.push({
    type: 'text',
    value: target.title,
    data: { hName: 'span', hProperties: { className: ['xref-title'] } },
  } as RootContent);
  return nodes;
}
