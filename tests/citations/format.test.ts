import { describe, expect, it } from 'vitest';
import {
  computePositions,
  formatDocument,
  type FormatJob,
} from '../../src/citations/format-document.ts';
import { clearFormatCache, formatCached, workerCount } from '../../src/citations/format-pool.ts';

const items = [
  {
    id: 'a',
    type: 'book',
    title: 'Alpha',
    author: [{ family: 'Adams', given: 'Ann' }],
    issued: { 'date-parts': [[2001]] },
    publisher: 'P',
  },
  {
    id: 'b',
    type: 'book',
    title: 'Beta',
    author: [{ family: 'Baker', given: 'Bo' }],
    issued: { 'date-parts': [[2002]] },
    publisher: 'P',
  },
];

describe('one engine pass per document', () => {
  it('CSL positions in reading order: first, subsequent, ibid, ibid-with-locator', () => {
    const positions = computePositions([
      { mode: 'normal', items: [{ id: 'a' }] },
      { mode: 'normal', items: [{ id: 'a' }] },
      { mode: 'normal', items: [{ id: 'a', locator: '3' }] },
      { mode: 'normal', items: [{ id: 'a', locator: '3' }] },
      { mode: 'normal', items: [{ id: 'b' }, { id: 'a' }] },
      { mode: 'normal', items: [{ id: 'a' }] },
      { mode: 'normal', items: [{ id: 'a', locator: '4' }, { id: 'a' }] },
    ]);
    expect(positions).toEqual([[0], [2], [3], [2], [0, 1], [1], [3, 1]]);
  });

  it('a note style prints "Ibid." from those positions', () => {
    // A minimal note style: first cite full, ibid as "Ibid.".
    const style = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><title>Ibid test</title><id>ibid-test</id><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation>
    <layout delimiter="; ">
      <choose>
        <if position="ibid-with-locator"><group delimiter=", "><text term="ibid" text-case="capitalize-first"/><text variable="locator"/></group></if>
        <else-if position="ibid"><text term="ibid" text-case="capitalize-first"/></else-if>
        <else><text variable="title"/></else>
      </choose>
    </layout>
  </citation>
</style>`;
    const job: FormatJob = {
      style: 'ibid-test',
      locale: 'en-US',
      items,
      clusters: [
        { mode: 'normal', items: [{ id: 'a' }] },
        { mode: 'normal', items: [{ id: 'a' }] },
        { mode: 'normal', items: [{ id: 'a', locator: '7' }] },
        { mode: 'normal', items: [{ id: 'b' }] },
      ],
    };
    return import('@citation-js/core').then(({ plugins }) => {
      plugins.config.get('@csl').styles.add('ibid-test', style);
      const result = formatDocument(job);
      expect(result.clusters.map((html) => html.replace(/<[^>]+>/g, ''))).toEqual([
        'Alpha',
        'Ibid.',
        'Ibid., 7',
        'Beta',
      ]);
    });
  });

  it('an identical job is formatted once per process', async () => {
    clearFormatCache();
    const job: FormatJob = {
      style: 'apa',
      locale: 'en-US',
      items,
      clusters: [{ mode: 'normal', items: [{ id: 'a' }, { id: 'b' }] }],
    };
    const first = formatCached(job);
    const again = formatCached(structuredClone(job));
    expect(again).toBe(first);
    expect((await first).clusters).toEqual([
      '(<a data-ref="a">Adams, 2001</a>; <a data-ref="b">Baker, 2002</a>)',
    ]);
    const changed = formatCached({ ...job, clusters: [{ mode: 'normal', items: [{ id: 'b' }] }] });
    expect(changed).not.toBe(first);
  });

  it('a worker thread gives the same result as this thread, custom styles included', async () => {
    clearFormatCache();
    const { plugins } = await import('@citation-js/core');
    const style = plugins.config
      .get('@csl')
      .styles.get('apa')
      .replace(
        '<layout delimiter="; " prefix="(" suffix=")">',
        '<layout delimiter=" / " prefix="[" suffix="]">',
      );
    plugins.config.get('@csl').styles.set('apa-brackets-test', style);
    const job: FormatJob = {
      style: 'apa-brackets-test',
      locale: 'en-US',
      items,
      clusters: [
        { mode: 'normal', items: [{ id: 'a', locator: '3' }, { id: 'b' }] },
        { mode: 'narrative', items: [{ id: 'b' }] },
      ],
    };
    const inWorker = await formatCached(job, { workers: true, documentId: 'doc' });
    expect(workerCount()).toBeGreaterThan(0);
    expect(inWorker).toEqual(formatDocument(job));
    expect(inWorker.clusters[0]).toBe(
      '[<a data-ref="a">Adams, 2001, p. 3</a> / <a data-ref="b">Baker, 2002</a>]',
    );
  });

  it('an edited locale (or style) gets a new engine, not the one built from the old file', async () => {
    const { plugins } = await import('@citation-js/core');
    const locales = plugins.config.get('@csl').locales;
    const english = (locales.get('en-US') as string).replace(
      'xml:lang="en-US"',
      'xml:lang="zz-ZZ"',
    );
    const undated: FormatJob = {
      style: 'apa',
      locale: 'zz-ZZ',
      items: [
        { id: 'u', type: 'book', title: 'Undated', author: [{ family: 'Udo' }], publisher: 'P' },
      ],
      clusters: [{ mode: 'normal', items: [{ id: 'u' }] }],
    };
    locales.set('zz-ZZ', english);
    expect(formatDocument(undated).clusters).toEqual(['(<a data-ref="u">Udo, n.d.</a>)']);
    locales.set(
      'zz-ZZ',
      english.replace(
        /<term name="no date" form="short">[^<]*<\/term>/,
        '<term name="no date" form="short">o.J.</term>',
      ),
    );
    expect(formatDocument(undated).clusters).toEqual(['(<a data-ref="u">Udo, o.J.</a>)']);
  });
});
