import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xmpPacket } from '../../src/pdf/xmp.ts';
import { zenodoJson } from '../../src/release/citation-files.ts';
import { documentMetadataSchema } from '../../src/schemas/document-metadata.ts';
import { escapeHtml } from '../../src/util/escape-html.ts';

const tricky = `R&D <"one"> 'two'`;

describe('one escaper', () => {
  it('escapes the five characters of HTML and XML', () => {
    expect(escapeHtml(tricky)).toBe('R&amp;D &lt;&quot;one&quot;&gt; &#39;two&#39;');
  });

  it('is what the XMP packet uses', () => {
    const packet = new TextDecoder().decode(
      xmpPacket(
        {
          documentId: 'a',
          title: tricky,
          shortTitle: 'A',
          editors: ['Ada <Lovelace>'],
          keywords: ['x & y'],
          abstract: 'Text.',
          language: 'en',
          version: '1.0.0',
          status: 'final',
          edition: 'Release 1.0.0.',
          date: '2026-06-03',
          licence: 'CC-BY-4.0',
          url: 'https://example.org/?a=1&b=2',
          fileName: 'a.pdf',
        },
        { date: new Date(Date.UTC(2026, 5, 3)), creator: 'srida', producer: 'Chromium' },
      ),
    );
    expect(packet).toContain(
      '<rdf:li xml:lang="x-default">R&amp;D &lt;&quot;one&quot;&gt; &#39;two&#39;</rdf:li>',
    );
    expect(packet).toContain('<rdf:li>Ada &lt;Lovelace&gt;</rdf:li>');
    expect(packet).toContain('https://example.org/?a=1&amp;b=2');
  });

  it('leaves markup built as hast to the serialiser (the Zenodo description)', () => {
    const metadata = documentMetadataSchema.parse({
      title: 'Alpha',
      shortTitle: 'Alpha',
      editors: [{ name: 'SPECTRUM consortium' }],
      abstract: 'R&D for <everyone>.',
      language: 'en',
      version: '1.0.0',
      status: 'final',
      date: '2026-06-03',
      licence: 'CC-BY-4.0',
      keywords: ['test'],
      recommendations: { label: 'Priority', prefix: 'P' },
      citationStyle: 'apa',
    });
    const zenodo = JSON.parse(
      zenodoJson({
        metadata,
        project: {},
        version: '1.0.0',
        stage: 'final',
        date: '2026-06-03',
        pdfFile: 'a.pdf',
      }),
    ) as { description: string };
    expect(zenodo.description).toBe('<p>R&#x26;D for &#x3C;everyone>.</p>');
  });

  it('is the only hand-written escaper in src/', () => {
    const root = join(import.meta.dirname, '../../src');
    const files = (readdirSync(root, { recursive: true }) as string[])
      .filter((name) => /\.(ts|mjs|astro)$/.test(name))
      .map((name) => join(root, name));
    // A quoted character reference as a replacement (`, '&amp;'`) or a map's value
    // (`: '&amp;'`) is an escaper; as a first argument it is a decoder, which is not counted.
    const escaping = /[,:]\s*['"]&(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);['"]/i;
    const found = files
      .filter((file) => escaping.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(found).toEqual(['util/escape-html.ts']);
  });
});
