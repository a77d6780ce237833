import type { AssembledDocument } from '../../src/assemble/assemble-project.ts';
import type { Target } from '../../src/markdown/targets.ts';
import { plural, runningTitle, shortCaption } from '../../src/pdf/print-edition.ts';
import type { OutlineNode } from './helpers.ts';

/** Heading text as printed: "2.1 Title", "A Extra material", "Summary". */
export function headingLine(number: string, title: string): string {
  return number ? `${number} ${title}` : title;
}

/** The bookmark tree the PDF must have: chapters (h1), their headings nested by depth. */
export function expectedOutline(document: AssembledDocument): { title: string; kids: unknown[] }[] {
  return document.chapters.map((chapter) => {
    const top = { title: headingLine(chapter.number, chapter.title), kids: [] as unknown[] };
    const stack: { depth: number; node: { title: string; kids: unknown[] } }[] = [
      { depth: 1, node: top },
    ];
    for (const heading of chapter.headings) {
      const node = { title: headingLine(heading.number, heading.title), kids: [] as unknown[] };
      while (stack.length > 1 && stack.at(-1)!.depth >= heading.depth) stack.pop();
      stack.at(-1)!.node.kids.push(node);
      stack.push({ depth: heading.depth, node });
    }
    return top;
  });
}

/** Titles only, for comparing with {@link expectedOutline}. */
export function outlineTitles(nodes: OutlineNode[]): { title: string; kids: unknown[] }[] {
  return nodes.map((node) => ({ title: node.title, kids: outlineTitles(node.kids) }));
}

/** One entry the contents or a list must show, and how to recognise its target's page. */
export interface ExpectedEntry {
  id: string;
  /** The entry as `pdftotext` shows it, without the page number. */
  text: string;
  /** Whether a page's lines show the target. */
  isOn: (lines: readonly string[]) => boolean;
}

/** Every contents and list entry of a document (chapters, `##` sections, priorities, figures, tables). */
export function expectedEntries(
  document: AssembledDocument,
  targets: readonly Target[],
): ExpectedEntry[] {
  const entries: ExpectedEntry[] = [];
  const line = (text: string) => (lines: readonly string[]) => lines.includes(text);
  const { label } = document.metadata.recommendations;
  if (document.recommendations.length)
    entries.push({
      id: 'print-list-recommendations',
      text: `List of ${plural(label).toLowerCase()}`,
      isOn: line(`List of ${plural(label).toLowerCase()}`),
    });
  if (document.figures.length)
    entries.push({
      id: 'print-list-figures',
      text: 'List of figures',
      isOn: line('List of figures'),
    });
  if (document.tables.length)
    entries.push({ id: 'print-list-tables', text: 'List of tables', isOn: line('List of tables') });
  for (const chapter of document.chapters) {
    entries.push({
      id: chapter.id,
      text: headingLine(chapter.number, chapter.title),
      isOn: line(headingLine(chapter.number, chapter.title)),
    });
    for (const heading of chapter.headings.filter((h) => h.depth === 2)) {
      entries.push({
        id: heading.id,
        text: headingLine(heading.number, heading.title),
        isOn: line(headingLine(heading.number, heading.title)),
      });
    }
  }
  for (const target of targets) {
    if (target.kind === 'recommendation')
      entries.push({
        id: target.id,
        text: `${target.number} ${target.title}`,
        isOn: (lines) =>
          lines.some((l) => l.includes(`${target.label} ${target.number} ${target.title}`)),
      });
    if (target.kind === 'figure' || target.kind === 'table')
      entries.push({
        id: target.id,
        text: `${target.number} ${shortCaption(target.title)}`,
        isOn: (lines) => lines.some((l) => l.startsWith(`${target.label} ${target.number}.`)),
      });
  }
  return entries;
}

/** How to recognise the page of any cross-reference target (for checking links). */
export function targetIsOn(target: Target): (lines: readonly string[]) => boolean {
  switch (target.kind) {
    case 'chapter':
    case 'section':
      return (lines) => lines.some((l) => l === headingLine(target.number, target.title));
    case 'figure':
    case 'table':
      return (lines) => lines.some((l) => l.startsWith(`${target.label} ${target.number}.`));
    case 'recommendation':
      return (lines) => lines.some((l) => l.includes(`${target.label} ${target.number}`));
    case 'term':
      // A glossary entry's page shows the term itself.
      return (lines) => lines.some((l) => l.includes(target.title));
  }
}

/** The running header line of a chapter's pages: short title, then the chapter. */
export function headerLine(
  shortTitle: string,
  chapter: { kind: string; number: string; title: string },
): string {
  return `${shortTitle} ${runningTitle(chapter)}`;
}

/**
 * Find each entry's page number in the contents pages: the line that starts with the entry's
 * text and ends with a number. Returns id → number (missing when the line or its number is).
 */
export function readContents(
  pages: readonly (readonly string[])[],
  entries: readonly ExpectedEntry[],
  lastFrontPage: number,
): Map<string, number> {
  const found = new Map<string, number>();
  const lines = pages.slice(1, lastFrontPage).flat();
  for (const entry of entries) {
    const pattern = new RegExp(`^${escape(entry.text)} (\\d+)$`);
    for (const l of lines) {
      const match = pattern.exec(l);
      if (match) {
        found.set(entry.id, Number(match[1]));
        break;
      }
    }
  }
  return found;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
