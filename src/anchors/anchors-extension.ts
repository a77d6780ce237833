/**
 * Anchors as a stage of the pipeline (docs/anchors.md): in the document pass, every block of
 * every chapter gets its anchor (explicit `{#id}` first, then the committed state of
 * `anchors/<document>.jsonl`, matched by text), its reference ("4.2 ¶3"), and in a draft the
 * margin reference and the comment link; the state file is rewritten when it changed.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import type { ExtensionFactory } from '../assemble/extension.ts';
import { report } from '../diagnostics/report.ts';
import type { ReleaseContext } from '../release/context.ts';
import { readManifests } from '../release/manifest.ts';
import type { Consultation } from '../schemas/release-manifest.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';
import { anchorsKey, type AnchorsData, type PublishedBlock } from './anchors-data.ts';
import { collectBlocks, type FoundBlock } from './blocks.ts';
import { commentHref } from './comment-link.ts';
import { decorateBlock } from './decorate.ts';
import { matchAnchors, type StateEntry } from './match.ts';
import { parseState, serialiseState, stateFilePath } from './state-file.ts';

/** Options of {@link anchorsExtension}. */
export interface AnchorsOptions {
  /** The release being built, if any: its stage and consultation decide draft and links. */
  building?: ReleaseContext;
  /**
   * Write `anchors/<document>.jsonl` when the anchors changed (`srida check` and `build` do;
   * the site's loader and tests only read). Default: false.
   */
  write?: boolean;
  /** Absolute address of the site, for the anchor URL in a comment; default `SRIDA_SITE_URL`. */
  siteUrl?: string;
}

/** The site's address when none is configured (as in astro.config.mjs). */
const defaultSiteUrl = 'https://spectrum-srida.example.org';

/** Whether a consultation is open at `now` (a month-only date covers the whole month). */
export function consultationOpen(consultation: Consultation, now: Date): boolean {
  const day = now.toISOString().slice(0, 10);
  const opens = consultation.opens.length === 7 ? `${consultation.opens}-01` : consultation.opens;
  const closes = consultation.closes
    ? consultation.closes.length === 7
      ? `${consultation.closes}-31`
      : consultation.closes
    : undefined;
  return day >= opens && (closes === undefined || day <= closes);
}

/** The anchors stage, for the stage list (src/stages.ts). */
export function anchorsExtension(options: AnchorsOptions = {}): ExtensionFactory<AnchorsData> {
  return (context) => {
    const states = new Map<string, { file: VFile; text: string; state: StateEntry[] }>();
    const nextConsultation = new Map<string, Consultation>();
    const siteUrl = (options.siteUrl ?? process.env.SRIDA_SITE_URL ?? defaultSiteUrl).replace(
      /\/$/,
      '',
    );
    return {
      name: 'anchors',
      key: anchorsKey,
      async load() {
        const folder = path.join(context.root, 'anchors');
        const names = await readdir(folder).catch(() => [] as string[]);
        const files: VFile[] = [];
        for (const name of names.filter((n) => n.endsWith('.jsonl')).sort()) {
          const documentId = name.slice(0, -'.jsonl'.length);
          const relative = stateFilePath(documentId);
          const text = await readFile(path.join(context.root, relative), 'utf8');
          const file = new VFile({ path: relative, cwd: context.root, value: text });
          const { state, problems } = parseState(text);
          for (const problem of problems)
            report(
              file,
              'warning',
              `Line ${problem.line} of the anchor state ${problem.reason}; it is left out`,
              { line: problem.line, column: 1 },
              'anchors-state-line',
              'The file is written by `srida check`: after a merge conflict, keep both sides’ lines and run `srida check` again.',
            );
          states.set(documentId, { file, text, state });
          files.push(file);
        }
        // Only the consultation of the next release is read here; the releases stage reports
        // on the manifests themselves.
        const read = await readManifests(context.root);
        for (const loaded of read.manifests) {
          const consultation = loaded.manifest?.next?.consultation;
          if (consultation) nextConsultation.set(loaded.documentId, consultation);
        }
        return files;
      },
      async document({ document, chapters }) {
        const building = options.building?.document === document.id ? options.building : undefined;
        const draft = building ? building.stage === 'draft' : document.metadata.status !== 'final';
        const version = building?.version ?? document.metadata.version;
        const setting = document.metadata.paragraphRefs ?? 'auto';
        const showRefs = setting === 'show' || (setting === 'auto' && draft);
        const consultation = building ? building.consultation : nextConsultation.get(document.id);
        const channel =
          draft && consultation?.channel && consultationOpen(consultation, context.now)
            ? consultation.channel
            : undefined;

        const targets = context.registry.ofDocument(document.id);
        const found: FoundBlock[] = [];
        for (const chapter of chapters) {
          const source = document.chapters.find((c) => c.id === chapter.id);
          const target = targets.find((t) => t.kind === 'chapter' && t.id === chapter.id);
          if (!source) continue;
          found.push(
            ...collectBlocks(chapter.tree, {
              id: chapter.id,
              number: target?.number ?? '',
              title: source.frontMatter.title,
              markdown: source.markdown,
            }),
          );
        }
        const reserved = new Set(targets.map((t) => t.id));
        const matched = found.filter((block) => block.explicit === undefined);
        const previous = states.get(document.id);
        const result = matchAnchors(
          document.id,
          previous?.state ?? [],
          matched.map((block) => ({ chapterId: block.chapterId, text: block.text })),
          reserved,
        );
        const anchorOf = new Map(matched.map((block, index) => [block, result.anchors[index]!]));

        const blocks: PublishedBlock[] = [];
        const seen = new Map<string, FoundBlock>();
        for (const block of found) {
          const anchor = block.explicit ?? anchorOf.get(block)!;
          const chapter = chapters.find((c) => c.id === block.chapterId)!;
          const earlier = seen.get(anchor);
          if (earlier && block.explicit !== undefined) {
            report(
              chapter.file,
              'error',
              `The id \`${anchor}\` is used by two blocks`,
              block.node.position,
              'anchor-duplicate',
              'Give each block its own `{#id}`, or leave it out: every block gets an anchor anyway.',
            );
          }
          seen.set(anchor, block);
          const text = plainText(block.kind === 'footnote' ? (block.parent as Nodes) : block.node);
          blocks.push({
            anchor,
            ref: block.ref,
            chapterId: block.chapterId,
            kind: block.kind,
            text,
          });
          const url = `${siteUrl}/${document.id}/${block.chapterId}/#${anchor}`;
          decorateBlock(block, {
            anchor,
            ref: block.ref,
            showRef: showRefs,
            commentHref: channel
              ? commentHref(channel, {
                  documentTitle: document.metadata.shortTitle,
                  document: document.id,
                  version,
                  ref: block.ref,
                  anchor,
                  url,
                  text,
                })
              : undefined,
          });
        }

        const text = serialiseState(result.state);
        if (options.write && text !== previous?.text) {
          await writeFileAtomic(
            path.join(context.root, stateFilePath(document.id)),
            Buffer.from(text),
          );
          states.set(document.id, {
            file: previous?.file ?? new VFile({ path: stateFilePath(document.id) }),
            text,
            state: result.state,
          });
        }
        return {
          data: {
            document: document.id,
            version,
            draft,
            showRefs,
            commentLinks: channel !== undefined,
            blocks,
          },
        };
      },
    };
  };
}

/** A block's plain text, its child blocks separated by a space (a callout's title and body). */
function plainText(node: Nodes): string {
  const children = 'children' in node ? (node.children as Nodes[]) : [];
  const flow = children.length > 0 && children.every((child) => !isPhrasing(child));
  const text = flow ? children.map((child) => plainText(child)).join(' ') : toString(node);
  return text.replace(/\s+/g, ' ').trim();
}

function isPhrasing(node: Nodes): boolean {
  return (
    [
      'text',
      'emphasis',
      'strong',
      'link',
      'inlineCode',
      'delete',
      'break',
      'image',
      'footnoteReference',
      'html',
      'linkReference',
      'imageReference',
    ].includes(node.type) ||
    node.type.startsWith('cite') ||
    (node.type.endsWith('Directive') && node.type !== 'containerDirective')
  );
}
