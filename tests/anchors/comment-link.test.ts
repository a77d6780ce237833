import { describe, expect, it } from 'vitest';
import { anchorsOf } from '../../src/anchors/anchors-data.ts';
import { commentHref, type CommentSubject } from '../../src/anchors/comment-link.ts';
import { assembleProject } from '../../src/assemble/assemble-project.ts';
import { projectStages } from '../../src/stages.ts';
import { chapter, chapterHtml, documentYaml, makeProject } from '../helpers/project.ts';

const subject: CommentSubject = {
  documentTitle: 'SRIDA',
  document: 'srida',
  version: '1.1.0',
  ref: '4.2 ¶3',
  anchor: 'p-abcdefgh',
  url: 'https://example.org/srida/vision/#p-abcdefgh',
  text: 'Federation needs one identity layer & a shared policy?',
};

function expectMessage(title: string | null, body: string | null) {
  expect(title).toBe('SRIDA 1.1.0, 4.2 ¶3: ');
  expect(body).toContain('Paragraph: 4.2 ¶3');
  expect(body).toContain('Anchor: https://example.org/srida/vision/#p-abcdefgh');
  expect(body).toContain('> Federation needs one identity layer & a shared policy?');
}

describe('comment links', () => {
  it('fills a forge new-issue template, every value encoded', () => {
    const href = commentHref(
      {
        forge:
          'https://github.com/org/repo/issues/new?title={title}&body={body}&labels=consultation',
      },
      subject,
    );
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe('https://github.com/org/repo/issues/new');
    expectMessage(url.searchParams.get('title'), url.searchParams.get('body'));
    expect(url.searchParams.get('labels')).toBe('consultation');
  });

  it('writes a mailto: with subject and body', () => {
    const href = commentHref({ email: 'consult@example.org' }, subject);
    expect(href.startsWith('mailto:consult@example.org?')).toBe(true);
    const query = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    expectMessage(query.get('subject'), query.get('body'));
    // RFC 6068: spaces as %20, not `+`.
    expect(href).not.toContain('+');
  });

  it('points at the consultation form with document, version and anchor', () => {
    const url = new URL(commentHref({ form: 'https://consult.example.org/srida' }, subject));
    expect(url.pathname).toBe('/srida/comment');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      document: 'srida',
      version: '1.1.0',
      anchor: 'p-abcdefgh',
    });
  });
});

function manifest(consultation: string): string {
  return `document: doc\nnext:\n  consultation:\n${consultation}\nreleases: []\n`;
}

async function assembled(consultation: string, now: Date, status = 'draft') {
  const root = await makeProject({
    'chapters/doc/document.yaml': documentYaml().replace('status: draft', `status: ${status}`),
    'chapters/doc/01-one.md': chapter('One', '## Scope\n\nThe first paragraph of the scope.\n'),
    'releases/doc/releases.yaml': manifest(consultation),
  });
  const project = await assembleProject(root, { extensions: projectStages(), now });
  return { project, html: chapterHtml(project, 'doc', 'one') };
}

const open = `    opens: 2026-01-10\n    closes: 2026-03-31\n    respond: Comment on each paragraph.\n    channel:\n      email: consult@example.org`;

describe('comment links in the draft', () => {
  it('sits beside each block while the consultation is open, named after the paragraph', async () => {
    const { project, html } = await assembled(open, new Date('2026-02-01T12:00:00Z'));
    const block = anchorsOf(project.documents[0]!)!.blocks[0]!;
    expect(block.ref).toBe('1.1 ¶1');
    expect(html).toContain('<span class="block-ref">1.1 ¶1</span>');
    const link =
      /<a href="([^"]+)" class="block-comment">Comment<span class="visually-hidden"> on paragraph 1.1 ¶1<\/span><\/a>/.exec(
        html,
      );
    expect(link).not.toBeNull();
    const href = link![1]!.replaceAll('&#x26;', '&').replaceAll('&amp;', '&');
    const body = new URLSearchParams(href.slice(href.indexOf('?') + 1)).get('body');
    expect(body).toContain(`/doc/one/#${block.anchor}`);
    expect(body).toContain('> The first paragraph of the scope.');
  });

  it('is gone once the consultation has closed, and before it opens', async () => {
    for (const now of ['2026-04-01T00:00:00Z', '2026-01-01T00:00:00Z']) {
      const { html } = await assembled(open, new Date(now));
      expect(html).not.toContain('block-comment');
      expect(html).toContain('<span class="block-ref">1.1 ¶1</span>');
    }
  });

  it('a final hides the references by default but keeps the anchors; `paragraphRefs: show` shows them', async () => {
    const { project, html } = await assembled(open, new Date('2026-02-01T12:00:00Z'), 'final');
    const block = anchorsOf(project.documents[0]!)!.blocks[0]!;
    expect(html).toContain(`id="${block.anchor}"`);
    expect(html).not.toContain('block-tools');
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml('Test Document', 'paragraphRefs: show').replace(
        'status: draft',
        'status: final',
      ),
      'chapters/doc/01-one.md': chapter('One', 'Text.\n'),
    });
    const shown = await assembleProject(root, { extensions: projectStages() });
    expect(chapterHtml(shown, 'doc', 'one')).toContain('<span class="block-ref">1 ¶1</span>');
  });
});
