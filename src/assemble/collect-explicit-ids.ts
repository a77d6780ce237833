import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ChapterSource } from '../content/load-project.ts';
import { report } from '../diagnostics/report.ts';
import type { DocumentContext } from '../markdown/context.ts';
import { isReservedId } from '../markdown/reserved-ids.ts';

const headingId = /\{#([A-Za-z0-9_][A-Za-z0-9_-]*)\}\s*$/;

/**
 * Reserve every explicit id of a document (chapter ids, `{#id}` on headings, `#id` on blocks)
 * before slugs are generated, so a generated slug never takes an id an author chose, and report
 * an explicit id used twice (both places).
 */
export function collectExplicitIds(
  context: DocumentContext,
  chapters: { source: ChapterSource; tree: Root }[],
) {
  const seen = new Map<string, string>();
  const claim = (
    id: string,
    where: string,
    source: ChapterSource,
    position: Parameters<typeof report>[3],
  ) => {
    if (isReservedId(id)) {
      report(
        source.file,
        'error',
        `Id \`${id}\` is reserved: the page layout uses it for its own element`,
        position,
        'id-reserved',
        `Choose another id, e.g. \`${source.id}-${id}\`.`,
      );
      return;
    }
    const first = seen.get(id);
    if (first) {
      report(
        source.file,
        'error',
        `Duplicate id \`${id}\`: already used at ${first}`,
        position,
        'id-duplicate',
        'Ids must be unique in a document; rename one of them.',
      );
      return;
    }
    seen.set(id, where);
    context.explicitIds.add(id);
    context.usedIds.add(id);
  };
  for (const { source } of chapters)
    claim(source.id, `${source.file.path}:1:1`, source, { line: 1, column: 1 });
  for (const { source, tree } of chapters) {
    visit(tree, (node) => {
      let id: string | undefined;
      if (node.type === 'heading') {
        const last = node.children.at(-1);
        if (last?.type === 'text') id = headingId.exec(last.value)?.[1];
      } else if (node.type === 'containerDirective' || node.type === 'leafDirective') {
        id = node.attributes?.id ?? undefined;
      }
      if (id && node.position)
        claim(
          id,
          `${source.file.path}:${node.position.start.line}:${node.position.start.column}`,
          source,
          node.position,
        );
    });
  }
}
