/**
 * The glossary as a stage of the assembly (docs/glossary.md): `load` reads `glossary/*.yaml`;
 * `numbered` marks each chapter's abbreviations and terms, expands first uses, fills the
 * document's `::glossary` blocks with the entries it uses and registers them as `#term-…`
 * targets; `registered` warns about abbreviations nobody defined and entries nobody uses.
 *
 * It must run before the citations stage: the definitions it inserts may cite works, and the
 * citations stage collects a document's citations in its own `numbered`.
 */
import type { Paragraph, Parent, Root, RootContent } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import type { ExtensionFactory } from '../assemble/extension.ts';
import { report } from '../diagnostics/report.ts';
import { parseMarkdown } from '../markdown/processor.ts';
import { glossaryKey, type GlossaryDocumentData } from './glossary-data.ts';
import { loadGlossary } from './load-glossary.ts';
import { markChapter, type ChapterUses } from './mark-chapter.ts';
import { useFinder } from './find-uses.ts';
import { glossaryList, headword, type BackLink, type GlossaryShow } from './render-glossary.ts';
import { termTargetId, type Glossary, type GlossaryEntry } from './types.ts';
import { replaceChildren } from '../markdown/tree-edit.ts';

/** Options of {@link glossaryExtension}. */
export interface GlossaryExtensionOptions {
  /** Turns citation syntax in a definition into citation nodes (the citations stage's parser). */
  prepareInline?: (tree: Root, markdown: string) => unknown;
}

interface Block {
  node: LeafDirective;
  parent: Parent;
  chapterId: string;
  chapterHref: string;
  file: VFile;
}

/** The glossary stage, for the stage list (src/stages.ts). */
export function glossaryExtension(
  options: GlossaryExtensionOptions = {},
): ExtensionFactory<GlossaryDocumentData> {
  return (context) => {
    let glossary: Glossary = { entries: [], ignore: new Set(), files: [] };
    const used = new Set<string>();
    const undefinedWords = new Map<string, { file: VFile; place: Point; count: number }>();
    const data = new Map<string, GlossaryDocumentData>();
    const tips = new Map<string, string>();
    const tipText = (entry: GlossaryEntry) => {
      let tip = tips.get(entry.id);
      if (tip === undefined) {
        const parts = [entry.expansion, entry.definition && plainDefinition(entry.definition)];
        tip = parts.filter(Boolean).join('. ');
        tips.set(entry.id, tip);
      }
      return tip;
    };

    return {
      name: 'glossary',
      key: glossaryKey,
      async load() {
        glossary = await loadGlossary(context.root);
        return glossary.files;
      },
      numbered({ document, chapters }) {
        const blocks = findBlocks(chapters);
        // Without a glossary the text is left as written (but `:plain[…]` is still unwrapped).
        const finder = useFinder(glossary);
        const entries = new Map(glossary.entries.map((entry) => [entry.id, entry]));
        const byChapter: { id: string; href: string; uses: ChapterUses; file: VFile }[] = [];
        for (const chapter of chapters) {
          const uses = markChapter(chapter.tree, {
            finder,
            entries,
            chapterId: chapter.id,
            tipText,
            linkTerms: blocks.length > 0,
          });
          byChapter.push({ id: chapter.id, href: chapter.href, uses, file: chapter.file });
        }
        const documentUses = new Set<string>();
        const backLinks = new Map<string, BackLink[]>();
        for (const { id, href, uses, file } of byChapter) {
          for (const entryId of uses.referenced) documentUses.add(entryId);
          for (const { entry, id: useId } of uses.firstUses) {
            documentUses.add(entry.id);
            const target = context.registry.get(document.id, id);
            const label = target
              ? [target.label, target.number].filter(Boolean).join(' ') || target.title
              : id;
            const list = backLinks.get(entry.id) ?? [];
            list.push({ label, href: `${href}#${useId}` });
            backLinks.set(entry.id, list);
          }
          for (const use of uses.undefinedUses) {
            const seen = undefinedWords.get(use.text);
            if (seen) seen.count++;
            else undefinedWords.set(use.text, { file, place: use.place, count: 1 });
          }
        }
        if (glossary.files.length === 0) {
          for (const block of blocks) replace(block, [emptyNote()]);
          return;
        }
        for (const entryId of documentUses) used.add(entryId);
        const listed = glossary.entries.filter((entry) => documentUses.has(entry.id));
        for (const block of blocks) {
          const show = showOf(block);
          const shown = listed.filter((entry) => shows(show, entry));
          replace(
            block,
            glossaryList({
              entries: shown,
              show,
              backLinks,
              listed: new Set(listed.map((entry) => entry.id)),
              prepareInline: options.prepareInline,
              position: block.node.position,
            }),
          );
          for (const entry of shown) {
            const clash = context.registry.add({
              documentId: document.id,
              id: termTargetId(entry),
              kind: 'term',
              label: '',
              number: '',
              title: headword(entry),
              chapterId: block.chapterId,
              href: `${block.chapterHref}#${termTargetId(entry)}`,
              file: block.file,
              position: block.node.position,
            });
            if (clash)
              report(
                block.file,
                'error',
                `The glossary entry \`${entry.id}\` needs the id \`${termTargetId(entry)}\`, which \`${clash.file.path}\` uses already`,
                block.node.position,
                'glossary-id',
                'Rename that id, or list the entry in one `::glossary` block only.',
              );
          }
        }
        data.set(document.id, {
          entries: listed.map((entry) => ({
            id: entry.id,
            headword: headword(entry),
            href: context.registry.get(document.id, termTargetId(entry))?.href,
            chapters: byChapter
              .filter(({ uses }) => uses.firstUses.some((use) => use.entry === entry))
              .map(({ id }) => id),
          })),
        });
      },
      registered() {
        if (glossary.files.length === 0) return;
        for (const [word, { file, place, count }] of undefinedWords) {
          report(
            file,
            'warning',
            `\`${word}\` looks like an abbreviation, but the glossary does not define it${count > 1 ? ` (used ${count} times)` : ''}`,
            place,
            'glossary-undefined',
            `Add it to a \`glossary/*.yaml\` file (\`abbreviation: ${word}\`, \`expansion: …\`), list it under \`ignore:\` there if it needs no expansion, or write \`:plain[${word}]\` for this use.`,
          );
        }
        for (const entry of glossary.entries) {
          if (used.has(entry.id)) continue;
          report(
            entry.file,
            'warning',
            `Glossary entry \`${entry.id}\` is not used in any document`,
            entry.place,
            'glossary-unused',
            `No chapter writes \`${headword(entry)}\` or links to \`#${termTargetId(entry)}\`; remove the entry or use it.`,
          );
        }
      },
      document({ document }) {
        return { data: data.get(document.id) ?? { entries: [] } };
      },
    };
  };
}

/** Every `::glossary` leaf block of the document's chapters. */
function findBlocks(
  chapters: readonly { id: string; href: string; tree: Root; file: VFile }[],
): Block[] {
  const blocks: Block[] = [];
  for (const chapter of chapters) {
    const stack: Parent[] = [chapter.tree];
    while (stack.length > 0) {
      const parent = stack.pop()!;
      for (const child of parent.children) {
        if (child.type === 'leafDirective' && child.name === 'glossary')
          blocks.push({
            node: child,
            parent,
            chapterId: chapter.id,
            chapterHref: chapter.href,
            file: chapter.file,
          });
        else if ('children' in child) stack.push(child as Parent);
      }
    }
  }
  return blocks;
}

function replace(block: Block, nodes: readonly RootContent[]): void {
  const index = block.parent.children.indexOf(block.node);
  if (index >= 0) replaceChildren(block.parent, index, 1, ...nodes);
}

function showOf(block: Block): GlossaryShow {
  const value = block.node.attributes?.show;
  if (value === 'abbreviations' || value === 'terms') return value;
  if (value !== undefined && value !== null && value !== 'all')
    report(
      block.file,
      'error',
      `Unknown \`show="${value}"\` on \`::glossary\``,
      block.node.position,
      'glossary-block',
      'Use `show="abbreviations"`, `show="terms"`, or leave it out for both.',
    );
  return 'all';
}

function shows(show: GlossaryShow, entry: GlossaryEntry): boolean {
  if (show === 'all') return true;
  return show === 'abbreviations'
    ? entry.abbreviation !== undefined
    : entry.abbreviation === undefined;
}

function emptyNote(): Paragraph {
  return {
    type: 'paragraph',
    data: { hProperties: { className: ['glossary-empty'] } },
    children: [{ type: 'text', value: 'This project has no glossary (no glossary/*.yaml).' }],
  };
}

/** A definition as plain words for a tooltip: no citation syntax, no empty cross-references. */
function plainDefinition(markdown: string): string {
  const words = toString(parseMarkdown(markdown.replace(/\[[^\]]*@[^\]]*\]/g, '')));
  return words
    .replace(/\(\s*\)/g, '')
    .replace(/\s+([.,;:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
