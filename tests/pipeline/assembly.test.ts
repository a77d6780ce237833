import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssembledProject } from '../../src/assemble/assemble-project.ts';
import {
  assembleWithMessages,
  chapter,
  chapterHtml,
  documentYaml,
  makeProject,
} from '../helpers/project.ts';

const fixture = path.resolve('tests/fixtures/basic');
let project: AssembledProject;
let messages: string[];

beforeAll(async () => {
  ({ project, messages } = await assembleWithMessages(fixture));
});

describe('the basic fixture', () => {
  it('has no problems', () => {
    expect(messages).toEqual([]);
  });

  it('numbers chapters, appendices and sections', () => {
    const alpha = project.documents.find((d) => d.id === 'alpha')!;
    expect(alpha.chapters.map((c) => [c.id, c.kind, c.number, c.label])).toEqual([
      ['summary', 'front', '', ''],
      ['intro', 'chapter', '1', 'Chapter 1'],
      ['appendix', 'appendix', 'A', 'Appendix A'],
    ]);
    expect(alpha.chapters[1]!.headings).toEqual([
      { id: 'scope', depth: 2, number: '1.1', title: 'Scope' },
      { id: 'details', depth: 3, number: '1.1.1', title: 'Details' },
      { id: 'scope-1', depth: 2, number: '1.2', title: 'Scope' },
    ]);
    expect(alpha.chapters[2]!.headings[0]).toMatchObject({ id: 'method-notes', number: 'A.1' });
    expect(chapterHtml(project, 'alpha', 'intro')).toContain(
      '<h2 id="scope"><span class="secno">1.1</span> Scope</h2>',
    );
  });

  it('numbers figures and tables per chapter and resolves references to them', () => {
    const html = chapterHtml(project, 'alpha', 'intro');
    expect(html).toContain('<figure id="fig-diagram" class="figure">');
    expect(html).toContain(
      '<span class="caption-label">Figure 1.1.</span> The <em>diagram</em> caption.',
    );
    expect(html).toContain('<span class="caption-label">Table 1.1.</span> Numbers we use.');
    expect(html).toContain(
      '<a href="/alpha/intro/#fig-diagram" title="The diagram caption." class="xref xref-figure" data-xref="alpha#fig-diagram">Figure 1.1</a>',
    );
    expect(html).toContain(
      '<img src="/media/chapters/alpha/figures/diagram.svg" alt="A box diagram">',
    );
  });

  it('numbers recommendations through the document and places the summary table', () => {
    const alpha = project.documents.find((d) => d.id === 'alpha')!;
    expect(alpha.recommendations.map((r) => [r.id, r.number, r.title, r.chapterId])).toEqual([
      ['first-priority', 'P1', 'Do the first thing', 'intro'],
      ['rec-p2', 'P2', 'Second thing', 'appendix'],
    ]);
    const summary = chapterHtml(project, 'alpha', 'summary');
    expect(summary).toContain('<caption>Priority summary (2)</caption>');
    expect(summary).toMatch(
      /<a class="xref xref-recommendation" href="\/alpha\/appendix\/#rec-p2"[^>]*>P2<\/a><\/th><td>Second thing<\/td>/,
    );
  });

  it('resolves references across documents with the target number and title', () => {
    expect(chapterHtml(project, 'beta', 'method')).toContain(
      '<a href="/alpha/intro/#first-priority" title="Do the first thing" class="xref xref-recommendation" data-xref="alpha#first-priority">Alpha, Priority P1 <span class="xref-title">Do the first thing</span></a>',
    );
    expect(chapterHtml(project, 'alpha', 'summary')).toContain(
      '>Beta, Chapter 1 <span class="xref-title">Method</span></a>',
    );
    expect(chapterHtml(project, 'alpha', 'appendix')).toContain(
      '>Section 1.1 <span class="xref-title">Scope</span></a>',
    );
    expect(chapterHtml(project, 'alpha', 'intro')).toContain(
      'class="xref xref-chapter" data-xref="beta#method">the method</a>',
    );
  });

  it('prefixes footnote ids by chapter, labels task-list boxes and renders callouts', () => {
    expect(chapterHtml(project, 'alpha', 'intro')).toContain('<li id="intro-fn-a">');
    expect(chapterHtml(project, 'alpha', 'intro')).toContain('id="intro-footnote-label"');
    expect(chapterHtml(project, 'alpha', 'appendix')).toContain(
      '<input type="checkbox" checked disabled aria-label="done task">',
    );
    expect(chapterHtml(project, 'alpha', 'appendix')).toContain(
      '<aside class="callout callout-note" id="p-a4q2tp2p">\n<p class="callout-title">Note</p>',
    );
  });

  it('matches the reviewed HTML of every chapter', async () => {
    for (const document of project.documents) {
      for (const chapterEntry of document.chapters) {
        const expectedPath = path.join(fixture, 'expected', document.id, `${chapterEntry.id}.html`);
        if (process.env.UPDATE_FIXTURES) {
          await mkdir(path.dirname(expectedPath), { recursive: true });
          await writeFile(expectedPath, chapterEntry.html);
        }
        expect(chapterEntry.html, expectedPath).toBe(await readFile(expectedPath, 'utf8'));
      }
    }
  });
});

describe('document metadata', () => {
  it('renders the abstract’s Markdown for pages and gives plain text for meta tags', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml().replace(
        'abstract: A test document.',
        'abstract: An *edition* written from `public` material.',
      ),
      'chapters/doc/01-a.md': chapter('A', 'Text'),
    });
    const { project: p } = await assembleWithMessages(root);
    expect(p.documents[0]!.abstractHtml).toBe(
      '<p>An <em>edition</em> written from <code>public</code> material.</p>',
    );
    expect(p.documents[0]!.abstractText).toBe('An edition written from public material.');
  });
});

describe('ids', () => {
  it('explicit ids win and generated slugs never take them, across the whole document', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md': chapter('A', '\n## Overview\n\n## Résumé & notes\n'),
      'chapters/doc/02-b.md': chapter('B', '\n## Overview\n\n## Something {#overview-1}\n'),
    });
    const { project: p, messages: m } = await assembleWithMessages(root);
    expect(m).toEqual([]);
    const ids = p.documents[0]!.chapters.flatMap((c) => c.headings.map((h) => h.id));
    expect(ids).toEqual(['overview', 'resume-notes', 'overview-2', 'overview-1']);
  });

  it('front matter chapters are unnumbered and an explicit chapter id is used', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/00-foreword.md': chapter(
        'Foreword',
        '\n## Why\n',
        'status: final\nkind: front',
      ),
      'chapters/doc/01-intro.md': chapter(
        'Intro',
        '\nSee [](#why) and [](#start).\n',
        'status: final\nid: start',
      ),
    });
    const { project: p, messages: m } = await assembleWithMessages(root);
    expect(m).toEqual([]);
    expect(p.documents[0]!.chapters[0]!.headings[0]).toEqual({
      id: 'why',
      depth: 2,
      number: '',
      title: 'Why',
    });
    expect(p.documents[0]!.chapters[1]!.id).toBe('start');
    expect(chapterHtml(p, 'doc', 'start')).toContain(
      'data-xref="doc#why"><span class="xref-title">Why</span></a>',
    );
    expect(chapterHtml(p, 'doc', 'start')).toContain(
      'data-xref="doc#start">Chapter 1 <span class="xref-title">Intro</span></a>',
    );
  });
});
