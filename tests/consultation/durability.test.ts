import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../release/helpers.ts';
import {
  exited,
  makeConsultationRoot,
  postForm,
  removeTemporary,
  spawnServer,
  tempFolder,
  validFields,
} from './helpers.ts';

afterAll(removeTemporary);

const secret = 'durability test secret';

describe('srida consult serve, as its own process', () => {
  it('loses no acknowledged comment when killed with SIGKILL', { timeout: 60_000 }, async () => {
    const root = await makeConsultationRoot();
    const db = path.join(await tempFolder(), 'nested', 'comments.sqlite');
    const args = ['--root', root, '--db', db, '--port', '0', '--rate-limit', '0'];
    const first = await spawnServer(args, { SRIDA_CONSULT_SECRET: secret });
    const acknowledged: string[] = [];
    // Comments in flight while the process is killed: every one answered 303 must be kept.
    const sending = Array.from({ length: 8 }, async (_, client) => {
      for (let i = 0; i < 40; i++) {
        const response = await postForm(
          `${first.url}/comment`,
          validFields({ comment: `client ${client} comment ${i}` }),
        ).catch(() => undefined);
        if (!response) return;
        if (response.status === 303)
          acknowledged.push(response.headers.get('location')!.slice('/received/'.length));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    first.child.kill('SIGKILL');
    await Promise.all(sending);
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThan(0);

    const second = await spawnServer(args, { SRIDA_CONSULT_SECRET: secret });
    try {
      const response = await fetch(`${second.url}/export.json`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      const stored = new Set(
        ((await response.json()).comments as { id: string }[]).map((c) => c.id),
      );
      for (const id of acknowledged) expect(stored.has(id), id).toBe(true);
      // The second server takes comments into the same database.
      expect((await postForm(`${second.url}/comment`, validFields())).status).toBe(303);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
    expect(second.output()).toContain('SIGTERM: stopping');
  });
});

describe('srida consult: usage', () => {
  it('--help says how to run it, behind a proxy, and what it refuses', async () => {
    const { code, out } = await run(['consult', '--help']);
    expect(code).toBe(0);
    for (const phrase of [
      '--trust-proxy',
      '--host ADDR',
      'terminate TLS',
      'SRIDA_CONSULT_SECRET',
      'kill -9',
      'Authorization: Bearer',
      'srida consult import <document> <version> FILE',
      '256 KiB',
    ])
      expect(out).toContain(phrase);
    expect((await run(['consult', 'serve', '--help'])).out).toBe(out);
  });

  it('refuses to start without --db, with a short secret, or with dates but no --draft', async () => {
    const root = await makeConsultationRoot();
    const db = path.join(await tempFolder(), 'c.sqlite');
    expect((await run(['consult', 'serve', '--root', root])).err).toContain(
      '`--db FILE` is required',
    );
    const previous = process.env.SRIDA_CONSULT_SECRET;
    process.env.SRIDA_CONSULT_SECRET = 'short';
    try {
      const short = await run(['consult', 'serve', '--root', root, '--db', db]);
      expect(short.code).toBe(2);
      expect(short.err).toContain('`SRIDA_CONSULT_SECRET` is shorter than 16 characters');
    } finally {
      if (previous === undefined) delete process.env.SRIDA_CONSULT_SECRET;
      else process.env.SRIDA_CONSULT_SECRET = previous;
    }
    const dates = await run([
      'consult',
      'serve',
      '--root',
      root,
      '--db',
      db,
      '--closes',
      '2026-01-31',
    ]);
    expect(dates.code).toBe(2);
    expect(dates.err).toContain('`--closes` needs `--draft document@version`');
    const unknown = await run([
      'consult',
      'serve',
      '--root',
      root,
      '--db',
      db,
      '--draft',
      'alpha@0.1.0',
    ]);
    expect(unknown.err).toContain(
      '`--draft alpha@0.1.0` names no released draft with an anchor record',
    );
    expect(
      (await run(['consult', 'serve', '--root', root, '--db', db, '--port', 'http'])).code,
    ).toBe(2);
    expect((await run(['consult', 'frobnicate'])).code).toBe(2);
  });

  it('--draft with --closes narrows the server to that draft and sets its window', async () => {
    const root = await makeConsultationRoot([
      { document: 'alpha', version: '0.9.0', opens: '2025-10' },
      { document: 'beta', version: '0.9.0', opens: '2025-10' },
    ]);
    const db = path.join(await tempFolder(), 'c.sqlite');
    const server = await spawnServer([
      '--root',
      root,
      '--db',
      db,
      '--port',
      '0',
      '--draft',
      'beta@0.9.0',
      '--closes',
      '2025-11',
    ]);
    server.child.kill('SIGTERM');
    await exited(server.child);
    expect(server.output()).toContain('beta 0.9.0: The consultation closed on November 2025.');
    expect(server.output()).not.toContain('alpha 0.9.0');
    expect(server.output()).toContain('moderation off (set SRIDA_CONSULT_SECRET to turn it on)');
  });
});
