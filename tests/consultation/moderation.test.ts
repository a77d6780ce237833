import crypto from 'node:crypto';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parseCsv } from '../../src/consultation/csv.ts';
import {
  makeConsultationRoot,
  postForm,
  removeTemporary,
  squashed,
  startServer,
  validFields,
  type RunningServer,
} from './helpers.ts';

afterAll(removeTemporary);

const secret = 'a long editor secret, 2025';
let running: RunningServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await running?.close();
  running = undefined;
});

async function serve(options: Parameters<typeof startServer>[1] = { secret }) {
  running = await startServer(await makeConsultationRoot(), options);
  return running;
}

describe('moderation needs the secret', () => {
  it('is off without a secret', async () => {
    const { url } = await serve({});
    for (const response of [
      await fetch(`${url}/moderate`),
      await postForm(`${url}/moderate`, { secret: 'anything at all', action: 'list' }),
      await fetch(`${url}/export.csv`, { headers: { authorization: 'Bearer anything' } }),
    ]) {
      expect(response.status).toBe(404);
      expect(await squashed(response)).toContain('Moderation is off on this server');
    }
  });

  it('refuses a wrong secret, and compares with crypto.timingSafeEqual over SHA-256 digests', async () => {
    const { url } = await serve();
    const compare = vi.spyOn(crypto, 'timingSafeEqual');
    const wrong = await postForm(`${url}/moderate`, { secret: 'not the secret', action: 'list' });
    expect(wrong.status).toBe(403);
    const html = await squashed(wrong);
    expect(html).toContain('That is not the editor’s secret.');
    expect(html).not.toContain('<table');
    expect(compare).toHaveBeenCalledTimes(1);
    const [a, b] = compare.mock.calls[0]! as [Buffer, Buffer];
    expect([a.length, b.length]).toEqual([32, 32]);
    // A prefix of the secret is just as wrong.
    expect(
      (await postForm(`${url}/moderate`, { secret: secret.slice(0, -1), action: 'list' })).status,
    ).toBe(403);
    const right = await postForm(`${url}/moderate`, { secret, action: 'list' });
    expect(right.status).toBe(200);
    expect(await squashed(right)).toContain('0 comments, 0 hidden as spam.');
    expect(compare).toHaveBeenCalledTimes(3);
    const bearer = await fetch(`${url}/export.json`, { headers: { authorization: 'Bearer nope' } });
    expect(bearer.status).toBe(401);
    expect(bearer.headers.get('www-authenticate')).toBe('Bearer realm="srida consult"');
    expect((await fetch(`${url}/export.json`)).status).toBe(401);
  });

  it('stops a guesser after 5 wrong secrets, even when the sixth is right', async () => {
    const { url } = await serve({ secret, secretRateLimit: { capacity: 5, perHour: 1 } });
    for (let i = 0; i < 5; i++)
      expect((await postForm(`${url}/moderate`, { secret: `guess ${i}` })).status).toBe(403);
    const locked = await postForm(`${url}/moderate`, { secret });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses moderation requests sent from another site', async () => {
    const { url } = await serve();
    const host = new URL(url).host;
    const cross = await postForm(
      `${url}/moderate`,
      { secret, action: 'list' },
      { origin: 'https://evil.example' },
    );
    expect(cross.status).toBe(403);
    expect(await squashed(cross)).toContain(
      'Moderation requests must come from the moderation page of this server.',
    );
    expect((await postForm(`${url}/moderate`, { secret }, { origin: 'null' })).status).toBe(403);
    expect(
      (await postForm(`${url}/moderate`, { secret }, { 'sec-fetch-site': 'cross-site' })).status,
    ).toBe(403);
    expect(
      (await postForm(`${url}/moderate`, { secret }, { origin: `http://${host}` })).status,
    ).toBe(200);
  });

  it('lists every comment escaped, hides one as spam and shows it again', async () => {
    const { url, store } = await serve();
    await postForm(`${url}/comment`, validFields({ comment: 'Buy <b>cheap</b> pills' }));
    await postForm(`${url}/comment`, validFields({ comment: 'A real comment.' }));
    const [spam] = store.list();
    const hidden = await postForm(`${url}/moderate`, { secret, action: 'hide', id: spam!.id });
    expect(hidden.status).toBe(200);
    const html = await squashed(hidden);
    expect(html).toContain(`Comment ${spam!.id} is hidden as spam.`);
    expect(html).toContain('2 comments, 1 hidden as spam.');
    expect(html).toContain('Buy &lt;b&gt;cheap&lt;/b&gt; pills');
    expect(html).toContain('ada@example.org');
    expect(store.byId(spam!.id)!.hidden).toBe(true);
    expect(
      (await postForm(`${url}/moderate`, { secret, action: 'unhide', id: spam!.id })).status,
    ).toBe(200);
    expect(store.byId(spam!.id)!.hidden).toBe(false);
    expect(
      (await postForm(`${url}/moderate`, { secret, action: 'hide', id: 'c-nothere' })).status,
    ).toBe(404);
    expect((await postForm(`${url}/moderate`, { secret, action: 'drop-table' })).status).toBe(400);
  });
});

describe('export', () => {
  async function withComments() {
    const server = await serve({ secret, now: () => Date.parse('2025-11-03T10:22:11Z') });
    const { url, store } = server;
    await postForm(`${url}/comment`, validFields());
    await postForm(
      `${url}/comment`,
      validFields({
        paragraph: '',
        type: 'general',
        comment: '=HYPERLINK("http://evil.example","click")',
        proposed: '- first\n- second, with "quotes"',
        name: 'Bob Private',
        consent: '',
        organisation: '@corp',
        email: 'bob@example.org',
      }),
    );
    await postForm(`${url}/comment`, validFields({ comment: 'Spam spam spam.' }));
    store.setHidden(store.list()[2]!.id, true);
    return server;
  }

  it('CSV (RFC 4180, formula-safe) in the comment-table columns, parsed back', async () => {
    const { url, store } = await withComments();
    const response = await fetch(`${url}/export.csv`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="comments.csv"');
    // Read the bytes: `text()` would drop the byte order mark that spreadsheets need.
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    expect(
      text.startsWith(
        '\ufeffParagraph,Line,Clause,Type,Comment,Proposed change,Anchor,Id,Document,Version,Respondent,Organisation,Received\r\n',
      ),
    ).toBe(true);
    expect(text).toContain(`'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).not.toContain('bob@example.org');
    expect(text).not.toContain('ada@example.org');
    expect(text).not.toContain('Bob Private');
    expect(text).not.toContain('Spam spam');
    const [ada, bob] = store.list();
    const rows = parseCsv(text).map((row) => row.cells);
    expect(rows.slice(1)).toEqual([
      [
        '1.1 ¶2',
        '30',
        '1.1',
        'technical',
        'Say which storage systems are meant.',
        'Name dCache and EOS.',
        'p-8qw1z',
        ada!.id,
        'alpha',
        '0.9.0',
        'Ada Example',
        'Example Lab',
        '2025-11-03T10:22:11.000Z',
      ],
      [
        '',
        '',
        'General',
        'general',
        '=HYPERLINK("http://evil.example","click")',
        '- first\n- second, with "quotes"',
        '',
        bob!.id,
        'alpha',
        '0.9.0',
        '',
        '@corp',
        '2025-11-03T10:22:11.000Z',
      ],
    ]);
  });

  it('JSON with the same fields; narrowed to a draft; from the moderation page too', async () => {
    const { url } = await withComments();
    const response = await fetch(`${url}/export.json?document=alpha&version=0.9.0`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="comments-alpha-0.9.0.json"',
    );
    const json = await response.json();
    expect(json).toMatchObject({
      format: 'srida-consultation-export',
      formatVersion: 1,
      exported: '2025-11-03T10:22:11.000Z',
    });
    expect(json.comments).toHaveLength(2);
    expect(json.comments[1]).toEqual({
      paragraph: '',
      line: '',
      clause: 'General',
      type: 'general',
      comment: '=HYPERLINK("http://evil.example","click")',
      proposedChange: '- first\n- second, with "quotes"',
      anchor: null,
      id: json.comments[1].id,
      document: 'alpha',
      version: '0.9.0',
      respondent: null,
      organisation: '@corp',
      received: '2025-11-03T10:22:11.000Z',
    });
    expect(JSON.stringify(json)).not.toContain('example.org"');
    const fromPage = await postForm(`${url}/moderate`, { secret, action: 'export-json' });
    expect((await fromPage.json()).comments).toEqual(json.comments);
    const none = await fetch(`${url}/export.json?document=beta`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect((await none.json()).comments).toEqual([]);
  });
});
