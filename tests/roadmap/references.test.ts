import { toHtml } from 'hast-util-to-html';
import type { LeafDirective } from 'mdast-util-directive';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { TargetRegistry, type Target } from '../../src/markdown/targets.ts';
import type { DocumentSource } from '../../src/content/load-project.ts';
import {
  checkRoadmapReferences,
  roadmapItemsByReference,
} from '../../src/roadmap/check-references.ts';
import { roadmapExtension, type RoadmapDocumentData } from '../../src/roadmap/roadmap-extension.ts';
import { baseTracks, load, messagesOf } from './helpers.ts';

const items = `items:
  - id: a
    title: A
    track: alpha
    status: planned
    date: 2027
    related: [srida#rec-data-federation, srida#rec-data-fedreation]
  - id: b
    title: B
    track: beta
    status: done
    date: 2028
    related:
      - blueprint#security-trust
      - blueprint#nowhere
`;

function registry(): TargetRegistry {
  const registry = new TargetRegistry();
  const add = (
    documentId: string,
    id: string,
    kind: Target['kind'],
    label: string,
    number: string,
    title: string,
    href: string,
  ) =>
    registry.add({
      documentId,
      id,
      kind,
      label,
      number,
      title,
      chapterId: 'c',
      href,
      file: new VFile(),
    });
  add(
    'srida',
    'rec-data-federation',
    'recommendation',
    'Priority',
    'P5',
    'Data federation',
    '/srida/technical/#rec-data-federation',
  );
  add(
    'blueprint',
    'security-trust',
    'chapter',
    'Chapter',
    '8',
    'Security and trust',
    '/blueprint/security-trust/',
  );
  return registry;
}

describe('checkRoadmapReferences', () => {
  it('reports each missing related section at its YAML node, with a suggestion', async () => {
    const { roadmap, files } = await load({ 'a-tracks.yaml': baseTracks, 'items.yaml': items });
    const reg = registry();
    const missing = checkRoadmapReferences(
      roadmap!,
      files,
      (ref) => reg.resolve(ref, '') !== undefined,
      (ref) => reg.suggest(ref, ''),
    );
    expect(missing).toBe(2);
    expect(messagesOf(files)).toEqual([
      'roadmap/items.yaml:7:42: Item `a` relates to missing section `srida#rec-data-fedreation`',
      'roadmap/items.yaml:15:9: Item `b` relates to missing section `blueprint#nowhere`',
    ]);
    expect(files[1]!.messages.map((m) => [m.ruleId, m.note, m.fatal])).toEqual([
      ['roadmap-unknown-reference', 'Did you mean `srida#rec-data-federation`?', true],
      [
        'roadmap-unknown-reference',
        'Use `document#id` with the id of a chapter, section or recommendation.',
        true,
      ],
    ]);
  });

  it('indexes items by the sections they relate to, for back links', async () => {
    const { roadmap } = await load({ 'a-tracks.yaml': baseTracks, 'items.yaml': items });
    const index = roadmapItemsByReference(roadmap!);
    expect([...index.keys()]).toEqual([
      'srida#rec-data-federation',
      'srida#rec-data-fedreation',
      'blueprint#security-trust',
      'blueprint#nowhere',
    ]);
    expect(index.get('blueprint#security-trust')!.map((i) => i.id)).toEqual(['b']);
  });
});

describe('roadmapExtension', () => {
  it('loads, checks references, renders ::roadmap blocks and hands back links to the site', async () => {
    const { files: written } = await load({ 'a-tracks.yaml': baseTracks, 'items.yaml': items });
    const root = written[0]!.cwd;
    // Cast: only the fields the roadmap stage reads of each document are given.
    const documents = [
      { id: 'srida', metadata: { shortTitle: 'SRIDA' } },
      { id: 'blueprint', metadata: { shortTitle: 'Blueprint' } },
    ] as unknown as DocumentSource[];
    const reg = registry();
    const extension = roadmapExtension()({
      root,
      registry: reg,
      documents,
      files: [],
      now: new Date(0),
      project: {},
    });
    const files = await extension.load!();
    expect(files.map((f) => f.path)).toEqual(['roadmap/a-tracks.yaml', 'roadmap/items.yaml']);
    extension.registered!();
    expect(messagesOf(files)).toHaveLength(2);

    const result = await extension.document!({ document: documents[0]!, chapters: [] });
    const data: RoadmapDocumentData = result.data!;
    expect(data.references).toEqual({
      'srida#rec-data-federation': {
        href: '/srida/technical/#rec-data-federation',
        label: 'SRIDA, Priority P5 Data federation',
      },
    });
    expect(data.backlinks).toEqual({
      'rec-data-federation': [{ id: 'a', title: 'A', href: '/roadmap/#roadmap-item-a' }],
    });

    const chapter = new VFile({ path: 'chapters/srida/09-roadmap.md' });
    const node = {
      type: 'leafDirective',
      name: 'roadmap',
      attributes: { tracks: 'beta,gamma' },
      children: [{ type: 'text', value: 'The plan' }],
      position: { start: { line: 3, column: 1 }, end: { line: 3, column: 40 } },
    } as LeafDirective;
    // The block is hast; the site's one serialiser writes it.
    const html = toHtml(result.blocks!.roadmap!(node, chapter)!);
    expect(messagesOf([chapter])).toEqual([
      'chapters/srida/09-roadmap.md:3:1: Unknown track `gamma` in `::roadmap`',
    ]);
    expect(html).toMatch(/^<figure class="roadmap" id="roadmap-srida-1" data-roadmap="">/);
    expect([...html.matchAll(/<a id="roadmap-srida-1-item-([^"]+)"/g)].map((m) => m[1])).toEqual([
      'b',
    ]);
    expect(html).toContain('href="/blueprint/security-trust/"');
    expect(html).toContain(
      '<a href="/blueprint/security-trust/">Blueprint, Chapter 8 Security and trust</a>',
    );
    expect(html).toContain('<figcaption>The plan</figcaption>');
    // A second block in the same document gets its own ids.
    expect(toHtml(result.blocks!.roadmap!({ ...node, attributes: {} }, chapter)!)).toMatch(
      /^<figure class="roadmap" id="roadmap-srida-2"/,
    );
  });

  it('renders a note when the project has no roadmap', async () => {
    const { files: written } = await load({ 'a-tracks.yaml': baseTracks });
    const root = `${written[0]!.cwd}/does-not-exist`;
    const extension = roadmapExtension()({
      root,
      registry: registry(),
      documents: [],
      files: [],
      now: new Date(0),
      project: {},
    });
    await extension.load!();
    const result = await extension.document!({
      document: { id: 'srida' } as DocumentSource,
      chapters: [],
    });
    expect(
      toHtml(
        result.blocks!.roadmap!(
          { type: 'leafDirective', name: 'roadmap', attributes: {}, children: [] },
          new VFile(),
        )!,
      ),
    ).toBe(
      '<p class="roadmap-empty">This project has no roadmap (no <code>roadmap/*.yaml</code>).</p>',
    );
  });
});
