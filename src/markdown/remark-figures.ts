import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Image, Paragraph, Root, RootContent, Table } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ChapterContext, DocumentContext } from './context.ts';
import { report } from '../diagnostics/report.ts';
import { uniqueSlug } from './heading-id.ts';
import { plainText } from './plain-text.ts';
import { didYouMean } from '../util/did-you-mean.ts';
import { imageType, imageTypes } from './image-types.ts';
import { safeDecodeUri, urlScheme } from './safe-url.ts';
import { sanitizeSvg } from './sanitize-svg.ts';
import { replaceChildren } from './tree-edit.ts';

/** Folders of the content root whose files the site serves under `/media/`. */
export const mediaFolders = ['chapters', 'figures'];

export interface RemarkFiguresOptions {
  document: DocumentContext;
  chapter: ChapterContext;
}

/**
 * Number `:::figure` and `:::table` blocks per chapter (Figure 3.2, Table A.1), register them as
 * cross-reference targets, turn them into `<figure>` with a `<figcaption>`, and check every
 * image: the file must exist and have alt text. Images get a site URL under `/media/` (their path
 * from the content root). Pandoc conventions work too: an image alone in a paragraph is a
 * numbered figure captioned by its alt text, and a `: Caption` paragraph right after a table
 * captions and numbers it.
 */
export default function remarkFigures(options: RemarkFiguresOptions) {
  const { document, chapter } = options;
  return (tree: Root, file: VFile) => {
    normalizePandocFigures(tree);
    const counts = { figure: 0, table: 0 };
    visit(tree, (node, index, parent) => {
      if (node.type === 'image') {
        resolveImage(node, file, document);
        return;
      }
      if (node.type !== 'containerDirective' || (node.name !== 'figure' && node.name !== 'table'))
        return;
      const kind = node.name;
      counts[kind] += 1;
      const number = chapter.number ? `${chapter.number}.${counts[kind]}` : String(counts[kind]);
      const label = kind === 'figure' ? 'Figure' : 'Table';
      const explicit = node.attributes?.id ?? undefined;
      const id =
        explicit ||
        uniqueSlug(
          `${kind === 'figure' ? 'fig' : 'tbl'}-${chapter.chapter.id}-${counts[kind]}`,
          document.usedIds,
        );
      const body = kind === 'figure' ? takeFigureImage(node) : takeTable(node);
      if (!body) {
        report(
          file,
          'error',
          kind === 'figure' ? 'Figure has no image' : 'Table block has no table',
          node.position,
          `${kind}-empty`,
          kind === 'figure'
            ? 'Put `![alt text](figures/file.svg)` on its own line inside `:::figure`.'
            : 'Put a GFM table (`| a | b |`) inside `:::table`.',
        );
        return SKIP;
      }
      if (body.type === 'image') resolveImage(body, file, document);
      const captionNodes = node.children.filter((child) => child.type !== 'table');
      const caption = plainText(captionNodes);
      if (!caption)
        report(
          file,
          'warning',
          `${label} has no caption`,
          node.position,
          `${kind}-caption`,
          'Write the caption as a paragraph inside the block.',
        );
      document.registry.add({
        documentId: document.document.id,
        id,
        kind,
        label,
        number,
        title: caption,
        chapterId: chapter.chapter.id,
        href: `${chapter.href}#${id}`,
        file,
        position: node.position,
      });
      const captionChildren = unwrapSingleParagraph(captionNodes);
      // Cast: an mdast node that remark-rehype renders through `data.hName`/`hChildren`, holding
      // content mdast's types do not allow there (hast elements, blocks in a paragraph).
      const figcaption = {
        type: 'paragraph',
        data: { hName: 'figcaption' },
        children: [
          {
            type: 'text',
            value: `${label} ${number}.`,
            data: { hName: 'span', hProperties: { className: ['caption-label'] } },
          },
          { type: 'text', value: ' ' },
          ...captionChildren,
        ],
      } as unknown as Paragraph;
      const content: RootContent =
        body.type === 'image'
          ? ({
              type: 'paragraph',
              data: { hName: 'div', hProperties: { className: ['figure-media'] } },
              children: [body],
            } as Paragraph)
          : // Cast: an mdast node that remark-rehype renders through `data.hName`/`hChildren`, holding
            // content mdast's types do not allow there (hast elements, blocks in a paragraph).
            ({
              type: 'blockquote',
              data: {
                hName: 'div',
                hProperties: {
                  className: ['table-scroll'],
                  tabIndex: 0,
                  role: 'region',
                  ariaLabel: `${label} ${number}`,
                },
              },
              children: [body],
            } as unknown as RootContent);
      // Cast: an mdast node that remark-rehype renders through `data.hName`/`hChildren`, holding
      // content mdast's types do not allow there (hast elements, blocks in a paragraph).
      const figure = {
        type: 'blockquote',
        data: {
          hName: 'figure',
          hProperties: { id, className: [kind === 'figure' ? 'figure' : 'table-figure'] },
        },
        children: kind === 'figure' ? [content, figcaption] : [figcaption, content],
        position: node.position,
      } as unknown as RootContent;
      if (parent && typeof index === 'number') replaceChildren(parent, index, 1, figure);
      return SKIP;
    });
  };
}

function takeFigureImage(node: ContainerDirective): Image | undefined {
  for (let index = 0; index < node.children.length; index++) {
    const child = node.children[index]!;
    if (child.type !== 'paragraph') continue;
    const images = child.children.filter((c) => c.type === 'image');
    const others = child.children.filter(
      (c) => c.type !== 'image' && !(c.type === 'text' && c.value.trim() === ''),
    );
    if (images.length === 1 && others.length === 0) {
      node.children.splice(index, 1);
      return images[0] as Image;
    }
  }
  return undefined;
}

function takeTable(node: ContainerDirective): Table | undefined {
  return node.children.find((child): child is Table => child.type === 'table');
}

/** A one-paragraph caption becomes inline content of the figcaption; longer ones keep their paragraphs. */
function unwrapSingleParagraph(nodes: RootContent[]): RootContent[] {
  if (nodes.length === 1 && nodes[0]!.type === 'paragraph')
    return (nodes[0] as Paragraph).children as RootContent[];
  return nodes;
}

/** Check an image (exists, has alt text) and point it at its site URL. */
function resolveImage(image: Image, file: VFile, document: DocumentContext) {
  if (!image.alt || !image.alt.trim()) {
    report(
      file,
      'error',
      'Image has no alt text',
      image.position,
      'image-alt',
      'Describe the image for readers who cannot see it: `![what it shows](figures/file.svg)`.',
    );
  }
  const scheme = urlScheme(image.url);
  if (scheme !== undefined || image.url.startsWith('/') || image.url.startsWith('\\')) {
    if (scheme === 'http' || scheme === 'https') {
      report(
        file,
        'error',
        `Remote image \`${image.url}\` would be fetched at read and print time`,
        image.position,
        'image-remote',
        'Download it into `figures/` next to the chapter and link it relatively.',
      );
    } else {
      report(
        file,
        'error',
        `Image \`${image.url}\` cannot be published: ${
          scheme === undefined || scheme === 'file'
            ? 'it is an absolute path, and only files of the content root are published'
            : `\`${scheme}:\` URLs are not allowed for images`
        }`,
        image.position,
        'image-path',
        'Put the image in the document’s `figures/` folder and link it relatively: `![alt](figures/file.svg)`.',
      );
      image.url = '';
    }
    return;
  }
  const chapterDir = path.dirname(path.join(document.root, file.path));
  const absolute = path.resolve(chapterDir, safeDecodeUri(image.url.split(/[?#]/)[0]!));
  if (!existsSync(absolute)) {
    report(
      file,
      'error',
      `Image \`${image.url}\` not found`,
      image.position,
      'image-missing',
      missingImageHint(document.root, absolute),
    );
    return;
  }
  const relative = path.relative(document.root, absolute).split(path.sep).join('/');
  const real = realRelative(document.root, absolute);
  if (
    !mediaFolders.some((folder) => relative.startsWith(`${folder}/`)) ||
    real === undefined ||
    !mediaFolders.some((folder) => real.startsWith(`${folder}/`))
  ) {
    report(
      file,
      'error',
      real === undefined
        ? `Image \`${image.url}\` is a link to a file outside the content root`
        : `Image \`${image.url}\` is outside \`chapters/\` and \`figures/\``,
      image.position,
      'image-outside',
      "Keep images in the document folder (e.g. its `figures/`) or in the project's `figures/`, as real files.",
    );
    image.url = '';
    return;
  }
  if (!imageType(absolute)) {
    report(
      file,
      'error',
      `Image \`${image.url}\` is not of an allowed type`,
      image.position,
      'image-type',
      `Use one of ${Object.keys(imageTypes).join(', ')}.`,
    );
    image.url = '';
    return;
  }
  if (/\.svg$/i.test(absolute)) checkSvg(absolute, image, file);
  const url = `/media/${relative.split('/').map(encodeURIComponent).join('/')}`;
  document.assets.set(absolute, url);
  image.url = url;
}

/**
 * Report what the site will remove from an SVG figure (scripts, handlers, external references),
 * or that it cannot publish it at all, at the image's place in the chapter.
 */
function checkSvg(absolute: string, image: Image, file: VFile) {
  const result = sanitizeSvg(readFileSync(absolute, 'utf8'));
  if (!result.ok) {
    report(
      file,
      'error',
      `SVG \`${image.url}\` is not a well-formed SVG (line ${result.line}: ${result.reason}); it is not published`,
      image.position,
      'svg-invalid',
      'Export the figure again as plain SVG.',
    );
    return;
  }
  for (const removal of result.removed)
    report(
      file,
      'error',
      `SVG \`${image.url}\` line ${removal.line}: ${removal.what} removed: it could run script or load other files`,
      image.position,
      'svg-unsafe',
      'Remove scripts, event handlers, animations and links to other files from the SVG.',
    );
}

/** The path of a file's real location relative to the real content root, or undefined when outside. */
function realRelative(root: string, file: string): string | undefined {
  const realRoot = realpathSync(root);
  const relative = path.relative(realRoot, realpathSync(file));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

const tableCaption = /^(?::|Table:)\s+/;

/**
 * Rewrite Pandoc's figure and table conventions into `:::figure` and `:::table` blocks: an
 * image alone in a top-level paragraph (with alt text) is a figure captioned by the alt text;
 * a paragraph starting `: ` or `Table: ` right after a table is that table's caption.
 */
export function normalizePandocFigures(tree: Root) {
  const children = tree.children;
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (
      node.type === 'paragraph' &&
      node.children.length === 1 &&
      node.children[0]!.type === 'image' &&
      node.children[0]!.alt
    ) {
      const image = node.children[0] as Image;
      children[index] = {
        type: 'containerDirective',
        name: 'figure',
        attributes: {},
        position: node.position,
        children: [node, { type: 'paragraph', children: [{ type: 'text', value: image.alt! }] }],
      } as ContainerDirective;
      continue;
    }
    const next = children[index + 1];
    if (
      node.type === 'table' &&
      next?.type === 'paragraph' &&
      next.children[0]?.type === 'text' &&
      tableCaption.test(next.children[0].value)
    ) {
      next.children[0].value = next.children[0].value.replace(tableCaption, '');
      children.splice(index, 2, {
        type: 'containerDirective',
        name: 'table',
        attributes: {},
        position: { start: node.position!.start, end: next.position!.end },
        children: [next, node],
      } as ContainerDirective);
    }
  }
}

/** "Did you mean `figures/quantum.svg`?" from the files of the folder the image was looked for in. */
function missingImageHint(root: string, absolute: string): string {
  const folder = path.dirname(absolute);
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    // No such folder: nothing to suggest.
  }
  const suggestion = didYouMean(path.basename(absolute), names);
  const relative = path.relative(root, absolute).split(path.sep).join('/');
  return suggestion
    ? `No file at \`${relative}\`; did you mean \`${suggestion}\`?`
    : `No file at \`${relative}\`; check the name and that it sits beside the chapter.`;
}
