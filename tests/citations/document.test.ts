import { describe, expect, it } from 'vitest';
import type { AssembledProject } from '../../src/assemble/assemble-project.ts';
import { assemble, chapter, documentYaml, fixture, html, makeProject } from './helpers.ts';

/** The text of each citation (`<span class="citation…">`) in a chapter's HTML, tags removed. */
function citationTexts(chapterHtml: string): string[] {
  const texts: string[] = [];
  for (const start of chapterHtml.matchAll(/<span class="citation[ "]/g)) {
    let depth = 0;
    for (const tag of chapterHtml.slice(start.index).matchAll(/<(\/?)span\b[^>]*>/g)) {
      depth += tag[1] ? -1 : 1;
      if (depth === 0) {
        texts.push(text(chapterHtml.slice(start.index, start.index + tag.index + tag[0].length)));
        break;
      }
    }
  }
  return texts;
}

function text(markup: string): string {
  return markup.replace(/<[^>]+>/g, '').replace(/&#x26;|&#38;|&amp;/g, '&');
}

/** Every `href` in the project's HTML that points to a fragment resolves to an element id on that page. */
function brokenFragmentLinks(project: AssembledProject): string[] {
  const pages = new Map(
    project.documents.flatMap((d) => d.chapters.map((c) => [c.href, c.html] as const)),
  );
  const broken: string[] = [];
  for (const [href, page] of pages) {
    for (const [, target, fragment] of page.matchAll(/href="(\/[^"#]*)#([^"]+)"/g)) {
      const targetPage = pages.get(target!);
      if (!targetPage?.includes(`id="${fragment}"`)) broken.push(`${href} → ${target}#${fragment}`);
    }
  }
  return broken;
}

describe('a numeric style numbers sources across chapters, in reading order', () => {
  it('vancouver: first citation order across chapters, a footnote where it is referenced', async () => {
    const { project, messages, data } = await assemble(fixture('numeric'));
    expect(messages).toEqual([]);
    // gamma (1) in the text, then delta (2) in the footnote referenced right after, then alpha, beta.
    expect(citationTexts(html(project, 'doc', 'first'))).toEqual(['(1)', '(3,4)', '(2)']);
    expect(citationTexts(html(project, 'doc', 'second'))).toEqual([
      '(4)',
      '(2)',
      'Gamma and Delta (1)',
    ]);
    expect(
      data('doc').entries.map((entry) => `${text(entry.html).trim().split('.')[0]} ${entry.key}`),
    ).toEqual(['1 gamma2019', '2 delta2021', '3 alpha2020', '4 beta2018']);
    expect(brokenFragmentLinks(project)).toEqual([]);
  });
});

describe('an author-date document (APA)', () => {
  it('reports unknown keys (with did-you-mean), missing fields and unused entries at their places', async () => {
    const { project, messages } = await assemble(fixture('apa'));
    expect(messages).toEqual([
      'bibliography/works.bib:18:7: Entry `smith2019` has no `publisher`, which the reference list prints (style `apa`) [bibliography-missing-field]',
      'bibliography/works.bib:31:7: Entry `unused2000` is not cited in any document [bibliography-unused]',
      'chapters/apa/01-intro.md:8:9: Unknown citation key `doe2020x` [citation-unknown]',
      'chapters/apa/01-intro.md:8:36: Unknown citation key `nobody` [citation-unknown]',
    ]);
    const unknown = project.files
      .flatMap((file) => file.messages)
      .find((message) => message.reason.includes('doe2020x'))!;
    expect(unknown.note).toBe('Did you mean `@doe2020a`?');
  });

  it('disambiguates 2020a/2020b, formats every form, and links every citation to its entry and back', async () => {
    const { project, data } = await assemble(fixture('apa'));
    expect(citationTexts(html(project, 'apa', 'intro'))).toEqual([
      '(Doe & Roe, 2020a)',
      '(Doe & Roe, 2020b, p. 3)',
      'Smith (2019)',
      'Smith (2019, Chapter 2)',
      '[@doe2020x]',
      '(Doe & Roe, 2020a) nobody?',
    ]);
    expect(citationTexts(html(project, 'apa', 'methods'))).toEqual([
      '(2020a; see Smith, 2019)',
      '(SPECTRUM project, n.d.)',
      '(Doe & Roe, 2020b)',
    ]);
    const references = data('apa');
    expect(references.referencesHref).toBe('/apa/references/');
    expect(references.entries.map((entry) => entry.key)).toEqual([
      'doe2020a',
      'doe2020b',
      'smith2019',
      'web2024',
    ]);
    expect(references.entries[0]!.citedAt.map((place) => place.href)).toEqual([
      '/apa/intro/#cite-1',
      '/apa/intro/#cite-5',
      '/apa/methods/#cite-6',
    ]);
    expect(text(references.entries[0]!.html)).toBe(
      'Doe, J., & Roe, R. (2020a). First findings on DNA storage. Journal of Tests. https://doi.org/10.1234/first',
    );
    expect(brokenFragmentLinks(project)).toEqual([]);
    const list = html(project, 'apa', 'references');
    expect(list).toContain('<a href="https://doi.org/10.1234/first">');
    expect(list).toContain(
      'Cited in <a href="/apa/intro/#cite-1">Chapter 1</a> (<a href="/apa/intro/#cite-5" aria-label="Chapter 1, citation 2">2</a>), <a href="/apa/methods/#cite-6">Chapter 2</a>',
    );
  });

  it('leaves no `[@` or `@key` text of a known key in any page (alt text included)', async () => {
    const { project } = await assemble(fixture('apa'));
    for (const page of project.documents.flatMap((d) => d.chapters)) {
      // `[@doe2020a]` in inline code is code, and `\@doe2020a` is an escaped literal: both are meant to stay.
      const visible = page.html
        .replace(/<code>[\s\S]*?<\/code>/g, '')
        .replace('handle @doe2020a', '');
      const textAndAlt = visible.replace(/<(?!img)[^>]+>/g, ' ');
      for (const key of ['doe2020a', 'doe2020b', 'smith2019', 'web2024']) {
        expect(textAndAlt, `${page.id}: @${key}`).not.toContain(`@${key}`);
      }
      expect(textAndAlt.replace('[@doe2020x]', '')).not.toContain('[@');
    }
    expect(html(project, 'apa', 'methods')).toContain(
      'alt="A figure caption that cites (Doe &#x26; Roe, 2020b)."',
    );
  });

  it('gives each chapter the works it cites, for its page', async () => {
    const { data } = await assemble(fixture('apa'));
    const { byChapter, byChapterKeys } = data('apa');
    expect(byChapterKeys).toEqual({
      intro: ['doe2020a', 'doe2020b', 'smith2019'],
      methods: ['doe2020a', 'doe2020b', 'smith2019', 'web2024'],
    });
    expect(byChapter.intro).toContain(
      '<a class="csl-entry-link" href="/apa/references/#ref-doe2020a"',
    );
    expect(byChapter.intro).not.toContain('id="ref-');
  });
});

describe('styles, locales and placement', () => {
  it('a custom CSL style from bibliography/styles/, with accents and braces kept', async () => {
    const { project, messages, data } = await assemble(fixture('custom-style'));
    expect(messages).toEqual([]);
    expect(citationTexts(html(project, 'doc', 'only'))).toEqual([
      '{{MÜLLER and FRANÇOIS 2020 | SCHÖN 2021}}',
    ]);
    // Title case from the style; `{DNA}` and `{Europe}` as written; the German title untouched.
    expect(data('doc').entries.map((entry) => text(entry.html).trim())).toEqual([
      'Müller and François. The DNA of Research Infrastructures in Europe.',
      'Schön. Das Rechenzentrum der Zukunft.',
    ]);
  });

  it('`::bibliography` places the list; citations link to that chapter; a second one is an error', async () => {
    const { project, messages, data } = await assemble(fixture('custom-style'));
    expect(messages).toEqual([]);
    expect(data('doc')).toMatchObject({
      generated: false,
      referencesChapterId: 'only',
      referencesHref: '/doc/only/',
    });
    expect(project.documents[0]!.chapters.map((c) => c.id)).toEqual(['only']);
    expect(brokenFragmentLinks(project)).toEqual([]);

    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(),
      'chapters/doc/01-a.md': chapter('A', '\nText [@a].\n\n::bibliography\n'),
      'chapters/doc/02-b.md': chapter('B', '\n::bibliography\n'),
      'bibliography/x.bib':
        '@book{a, author = {A, B}, title = {T}, publisher = {P}, year = 2000}\n',
    });
    const twice = await assemble(root);
    expect(twice.messages).toEqual([
      'chapters/doc/02-b.md:6:1: The reference list is placed twice [bibliography-duplicate]',
    ]);
  });

  it('an unknown style is an error at its line in document.yaml (APA is used); the locale follows `language`', async () => {
    const root = await makeProject({
      'chapters/doc/document.yaml': documentYaml(
        'Test Document',
        'citationStyle: vancover\n',
      ).replace('language: en', 'language: de'),
      'chapters/doc/01-a.md': chapter('A', '\nText [@a, p. 12].\n'),
      'bibliography/x.bib':
        '@book{a, author = {Alpha, Anna}, title = {T}, publisher = {P}, year = 2000}\n',
    });
    const { project, messages } = await assemble(root);
    expect(messages).toEqual([
      'chapters/doc/document.yaml:11:16: Unknown citation style `vancover`; APA is used [citation-style]',
    ]);
    expect(project.files.flatMap((f) => f.messages)[0]!.note).toBe('Did you mean `vancouver`?');
    expect(citationTexts(html(project, 'doc', 'a'))).toEqual(['(Alpha, 2000, S. 12)']);
    expect(project.documents[0]!.chapters.at(-1)!.title).toBe('Literatur');
  });

  it('a CSL locale file in bibliography/styles/ serves a language citation-js lacks', async () => {
    // The English locale, relabelled Italian, with Italian words for "no date".
    const { plugins } = await import('@citation-js/core');
    const locale = (plugins.config.get('@csl').locales.get('en-US') as string)
      .replace('xml:lang="en-US"', 'xml:lang="it-IT"')
      .replace(
        /<term name="no date" form="short">[^<]*<\/term>/,
        '<term name="no date" form="short">s.d.</term>',
      );
    const files = {
      'chapters/doc/document.yaml': documentYaml().replace('language: en', 'language: it'),
      'chapters/doc/01-a.md': chapter('A', '\nText [@a, p. 12] and [@b].\n'),
      'bibliography/x.bib':
        '@book{a, author = {Alpha, Anna and Beta, Bea}, title = {T}, publisher = {P}, year = 2000}\n@book{b, author = {Gamma, Gil}, title = {U}, publisher = {P}}\n',
    };
    const without = await assemble(await makeProject(files));
    expect(without.messages).toEqual(
      [
        'chapters/doc/document.yaml:6:11: No citation locale for `it`; citations use `en-US` [citation-locale]',
        'bibliography/x.bib:2:7: Entry `b` has no `year` or `date`, which the reference list prints (style `apa`) [bibliography-missing-field]',
      ].sort(),
    );
    const withLocale = await assemble(
      await makeProject({ ...files, 'bibliography/styles/locales-it-IT.xml': locale }),
    );
    expect(withLocale.data('doc').locale).toBe('it-IT');
    expect(withLocale.messages).toEqual([
      'bibliography/x.bib:2:7: Entry `b` has no `year` or `date`, which the reference list prints (style `apa`) [bibliography-missing-field]',
    ]);
    expect(citationTexts(html(withLocale.project, 'doc', 'a'))).toEqual([
      '(Alpha & Beta, 2000, p. 12)',
      '(Gamma, s.d.)',
    ]);
  });
});
