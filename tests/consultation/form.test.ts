import { connect } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
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

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function serve(options: Parameters<typeof startServer>[1] = {}, root?: string) {
  running = await startServer(root ?? (await makeConsultationRoot()), options);
  return running;
}

/** The text of the error written next to a field, or undefined. */
function fieldError(html: string, field: string): string | undefined {
  const match = new RegExp(`<p class="error-message" id="${field}-error">([\\s\\S]*?)</p>`).exec(
    html,
  );
  return match?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the form', () => {
  it('is prefilled from the query: draft, paragraph reference and the quoted text, escaped', async () => {
    const { url } = await serve();
    const response = await fetch(`${url}/comment?document=alpha&version=0.9.0&anchor=p-8qw1z`);
    expect(response.status).toBe(200);
    const html = await squashed(response);
    expect(html).toContain('The Alpha Agenda, draft 0.9.0 for public consultation.');
    expect(html).toMatch(/<figcaption>Paragraph 1\.1 ¶2 of the draft<\/figcaption>/);
    expect(html).toContain('Federate &lt;b&gt;storage&lt;/b&gt; &amp; &quot;compute&quot;.');
    expect(html).toMatch(/name="paragraph"\s+value="1\.1 ¶2"/);
    expect(html).toMatch(/<input type="hidden" name="token" value="[A-Za-z0-9_-]{22}"/);
    expect(html).not.toMatch(/<script/i);
  });

  it('sends the security headers on every page', async () => {
    const { url } = await serve();
    for (const path of ['/', '/comment?document=alpha&version=0.9.0', '/nowhere']) {
      const response = await fetch(`${url}${path}`);
      expect(response.headers.get('content-security-policy'), path).toBe(
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('stores a valid comment, answers 303 with the receipt, and the receipt names it', async () => {
    const { url, store } = await serve({ now: () => Date.parse('2025-11-03T10:22:11Z') });
    const response = await postForm(`${url}/comment`, validFields());
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/received\/c-[a-z0-9]{10}$/);
    const [comment] = store.list();
    expect(comment).toMatchObject({
      id: location.slice('/received/'.length),
      document: 'alpha',
      version: '0.9.0',
      anchor: 'p-8qw1z',
      ref: '1.1 ¶2',
      type: 'technical',
      text: 'Say which storage systems are meant.',
      proposedChange: 'Name dCache and EOS.',
      name: 'Ada Example',
      organisation: 'Example Lab',
      email: 'ada@example.org',
      consent: true,
      received: '2025-11-03T10:22:11.000Z',
      hidden: false,
    });
    const receipt = await squashed(await fetch(`${url}${location}`));
    expect(receipt).toContain(`under the number <strong>${comment!.id}</strong>`);
    expect(receipt).toContain('paragraph 1.1 ¶2');
  });

  it('finds the paragraph by anchor or by a reference typed in other ways; empty is the whole draft', async () => {
    const { url, store } = await serve();
    for (const paragraph of ['p-3fk2a', '§1 ¶1', '1 para 1', '', '2.3 ¶ 1']) {
      expect((await postForm(`${url}/comment`, validFields({ paragraph }))).status, paragraph).toBe(
        303,
      );
    }
    expect(store.list().map((c) => c.anchor)).toEqual([
      'p-3fk2a',
      'p-3fk2a',
      'p-3fk2a',
      null,
      'li-2mm9c',
    ]);
  });

  it('a second POST of the same form stores nothing and gets the first receipt', async () => {
    const { url, store } = await serve();
    const fields = validFields();
    const first = await postForm(`${url}/comment`, fields);
    const second = await postForm(`${url}/comment`, fields);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(store.count()).toBe(1);
    // Two at once (one transaction): still one comment.
    const twin = validFields();
    const [a, b] = await Promise.all([
      postForm(`${url}/comment`, twin),
      postForm(`${url}/comment`, twin),
    ]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.get('location')).toBe(b.headers.get('location'));
    expect(store.count()).toBe(2);
    // The same token with another text: not stored, the form comes back with a new token.
    const other = await postForm(`${url}/comment`, { ...fields, comment: 'Something else.' });
    expect(other.status).toBe(409);
    const html = await squashed(other);
    expect(html).toContain('This form was already used to send comment');
    expect(html).toContain('Something else.');
    expect(html).not.toContain(`value="${fields.token}"`);
    expect(store.count()).toBe(2);
  });
});

describe('bad input gets a clear answer and stores nothing', () => {
  const cases: [string, Record<string, string>, number, string, string][] = [
    [
      'an unknown document',
      { document: 'gamma' },
      404,
      'form',
      'There is no consultation on “gamma” 0.9.0 here.',
    ],
    [
      'an unknown version',
      { version: '0.8.0' },
      404,
      'form',
      'There is no consultation on “alpha” 0.8.0 here.',
    ],
    [
      'an unknown paragraph',
      { paragraph: '9.9 ¶9' },
      404,
      'paragraph',
      'Error: The draft has no paragraph “9.9 ¶9”.',
    ],
    ['an empty comment', { comment: '  \n ' }, 422, 'comment', 'Error: Write your comment.'],
    [
      'an over-long comment',
      { comment: 'x'.repeat(10_001) },
      422,
      'comment',
      'Error: The comment is 10,001 characters long; the limit is 10,000.',
    ],
    [
      'an over-long proposed change',
      { proposed: 'é'.repeat(10_001) },
      422,
      'proposed',
      'Error: The proposed change is 10,001 characters long',
    ],
    [
      'an over-long name',
      { name: 'n'.repeat(201) },
      422,
      'name',
      'Error: The name is 201 characters long; the limit is 200.',
    ],
    [
      'a malformed e-mail address',
      { email: 'ada at example' },
      422,
      'email',
      'Error: Write the e-mail address as name@example.org',
    ],
    ['an unknown type', { type: 'urgent' }, 422, 'type', 'Error: Choose the type of comment.'],
    [
      'a filled honeypot',
      { website: 'http://spam.example' },
      422,
      'website',
      'Error: Leave this field empty',
    ],
    [
      'a missing token',
      { token: '' },
      400,
      'form',
      'The form is incomplete (its token is missing).',
    ],
  ];
  for (const [name, overrides, status, field, message] of cases) {
    it(name, async () => {
      const { url, store } = await serve();
      const response = await postForm(`${url}/comment`, validFields(overrides));
      expect(response.status).toBe(status);
      const html = await squashed(response);
      if (field === 'form') expect(html).toContain(message);
      else {
        expect(fieldError(html, field)).toContain(message);
        // The error is tied to its field, and the summary links to it.
        if (field !== 'website' && field !== 'type')
          expect(html).toMatch(
            new RegExp(`id="${field}"[^>]*aria-describedby="${field}-hint ${field}-error"`),
          );
        expect(html).toMatch(/<div\s+class="error-summary"\s+role="alert"/);
        // What the respondent typed is still there.
        expect(html).toContain(
          overrides.comment === undefined ? 'Say which storage systems are meant.' : '',
        );
      }
      expect(store.count()).toBe(0);
    });
  }

  it('a closed window (409), and one not yet open', async () => {
    const root = await makeConsultationRoot([
      { document: 'alpha', version: '0.9.0', opens: '2025-10', closes: '2025-12-31' },
      {
        document: 'beta',
        version: '0.9.0',
        opens: '2025-10',
        later: { version: '1.0.0', date: '2026-06-03' },
      },
    ]);
    let now = Date.parse('2026-01-01T00:00:00Z');
    const { url, store } = await serve({ now: () => now }, root);
    const closed = await postForm(`${url}/comment`, validFields());
    expect(closed.status).toBe(409);
    expect(await squashed(closed)).toContain(
      'This consultation is closed: comments are no longer taken.',
    );
    // An open-ended window closes when the next release comes out.
    now = Date.parse('2026-06-02T23:59:59Z');
    expect((await postForm(`${url}/comment`, validFields({ document: 'beta' }))).status).toBe(303);
    now = Date.parse('2026-06-03T00:00:00Z');
    expect((await postForm(`${url}/comment`, validFields({ document: 'beta' }))).status).toBe(409);
    now = Date.parse('2025-09-30T23:59:59Z');
    const early = await postForm(`${url}/comment`, validFields());
    expect(early.status).toBe(409);
    expect(await squashed(early)).toContain('This consultation has not opened yet.');
    expect(store.count()).toBe(1);
    // The form page of a closed draft says so and has no form.
    now = Date.parse('2026-01-01T00:00:00Z');
    const page = await squashed(await fetch(`${url}/comment?document=alpha&version=0.9.0`));
    expect(page).toContain('The consultation on The Alpha Agenda 0.9.0 is closed');
    expect(page).not.toContain('<form');
  });

  it('a body that is not a URL-encoded form (415), also multipart and another charset', async () => {
    const { url, store } = await serve();
    const body = new URLSearchParams(validFields()).toString();
    for (const type of [
      'application/json',
      'multipart/form-data; boundary=x',
      'text/plain',
      'application/x-www-form-urlencoded; charset=iso-8859-1',
    ]) {
      const response = await fetch(`${url}/comment`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      expect(response.status, type).toBe(415);
    }
    const none = await fetch(`${url}/comment`, { method: 'POST', body: new Blob([body]) });
    expect(none.status).toBe(415);
    expect(store.count()).toBe(0);
  });

  it('invalid UTF-8, a malformed escape and a field sent twice (400)', async () => {
    const { url, store } = await serve();
    const base = new URLSearchParams(validFields()).toString();
    const bodies: [string, string][] = [
      [`${base}&comment=caf%E9`.replace(/comment=Say[^&]*&/, ''), 'The form is not valid UTF-8.'],
      [`${base.replace(/comment=[^&]*/, 'comment=100%')}`, 'a “%” not followed by two hex digits'],
      [`${base}&comment=again`, 'The field “comment” was sent twice.'],
    ];
    for (const [body, message] of bodies) {
      const response = await fetch(`${url}/comment`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      expect(response.status, body.slice(-30)).toBe(400);
      expect(await squashed(response)).toContain(message);
    }
    expect(store.count()).toBe(0);
  });

  it('a body over 256 KiB (413), by its declared length or as it streams', async () => {
    const { url, store } = await serve();
    const big = `${new URLSearchParams(validFields()).toString()}&pad=${'x'.repeat(300 * 1024)}`;
    const response = await fetch(`${url}/comment`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: big,
    });
    expect(response.status).toBe(413);
    const streamed = await fetch(`${url}/comment`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(store.count()).toBe(0);
  });

  it('an unknown anchor in the link shows the form with the error next to the paragraph (404)', async () => {
    const { url } = await serve();
    const response = await fetch(`${url}/comment?document=alpha&version=0.9.0&anchor=p-gone`);
    expect(response.status).toBe(404);
    expect(fieldError(await squashed(response), 'paragraph')).toContain(
      'The draft has no paragraph with the anchor “p-gone”.',
    );
    expect((await fetch(`${url}/comment?document=alpha&version=7.0.0`)).status).toBe(404);
  });

  it('unknown pages are 404 and wrong methods 405, as pages', async () => {
    const { url } = await serve();
    expect((await fetch(`${url}/etc/passwd`)).status).toBe(404);
    const put = await fetch(`${url}/comment`, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(await squashed(put)).toContain('<h1>Not allowed</h1>');
  });
});

describe('abuse', () => {
  it('limits comments per client with a token bucket, refilling over time', async () => {
    let now = Date.parse('2025-11-01T00:00:00Z');
    const { url, store } = await serve({ now: () => now, rateLimit: { capacity: 3, perHour: 60 } });
    for (let i = 0; i < 3; i++)
      expect((await postForm(`${url}/comment`, validFields())).status).toBe(303);
    const limited = await postForm(
      `${url}/comment`,
      validFields({ comment: 'My fourth comment.' }),
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    const html = await squashed(limited);
    expect(html).toContain('Too many comments were sent from your network address');
    expect(html).toContain('My fourth comment.');
    now += 60_000;
    expect((await postForm(`${url}/comment`, validFields())).status).toBe(303);
    expect((await postForm(`${url}/comment`, validFields())).status).toBe(429);
    expect(store.count()).toBe(4);
  });

  it('takes the client from X-Forwarded-For / Forwarded only with trustProxy', async () => {
    const rateLimit = { capacity: 1, perHour: 1 };
    const direct = await serve({ rateLimit });
    const spoof = (address: string) => ({ 'x-forwarded-for': address });
    expect((await postForm(`${direct.url}/comment`, validFields(), spoof('10.0.0.1'))).status).toBe(
      303,
    );
    // Without trustProxy a made-up header does not give a new bucket.
    expect((await postForm(`${direct.url}/comment`, validFields(), spoof('10.0.0.2'))).status).toBe(
      429,
    );
    await direct.close();
    const proxied = await serve({ rateLimit, trustProxy: true });
    expect(
      (await postForm(`${proxied.url}/comment`, validFields(), spoof('10.0.0.1'))).status,
    ).toBe(303);
    expect(
      (await postForm(`${proxied.url}/comment`, validFields(), spoof('10.0.0.2'))).status,
    ).toBe(303);
    // Only the last address is the proxy's: a client cannot prepend its way to a new bucket.
    expect(
      (await postForm(`${proxied.url}/comment`, validFields(), spoof('1.2.3.4, 10.0.0.2'))).status,
    ).toBe(429);
    expect(
      (
        await postForm(`${proxied.url}/comment`, validFields(), {
          forwarded: 'for="[2001:db8::1]:443"',
        })
      ).status,
    ).toBe(303);
    // The same /64 is one client.
    expect(
      (
        await postForm(`${proxied.url}/comment`, validFields(), {
          forwarded: 'for="[2001:db8::ffff]"',
        })
      ).status,
    ).toBe(429);
  });

  it('closes a connection whose headers do not arrive in time (slowloris)', async () => {
    const { url } = await serve({ timeouts: { headers: 500, request: 1_000 } });
    const { port } = new URL(url);
    const started = Date.now();
    const socket = connect(Number(port), '127.0.0.1');
    socket.write('POST /comment HTTP/1.1\r\nHost: x\r\n');
    const closed = await new Promise<string>((resolve) => {
      let answer = '';
      socket.on('data', (chunk) => (answer += String(chunk)));
      socket.on('close', () => resolve(answer));
      const drip = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 100);
      socket.on('close', () => clearInterval(drip));
    });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('renders nothing of a comment as HTML', async () => {
    const { url, store } = await serve({ secret: 'an editor secret of some length' });
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    await postForm(
      `${url}/comment`,
      validFields({ comment: attack, name: attack, organisation: attack, proposed: attack }),
    );
    expect(store.count()).toBe(1);
    const list = await squashed(
      await postForm(`${url}/moderate`, {
        secret: 'an editor secret of some length',
        action: 'list',
      }),
    );
    expect(list).not.toContain('<script>alert');
    expect(list).not.toContain('<img src=x');
    expect(list).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;',
    );
    // An error page echoes the submission escaped, too.
    const again = await squashed(
      await postForm(`${url}/comment`, validFields({ comment: attack, paragraph: attack })),
    );
    expect(again).not.toContain('<script>alert');
    expect(again).toContain('&lt;script&gt;');
  });
});
