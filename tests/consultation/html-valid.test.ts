import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  makeConsultationRoot,
  postForm,
  removeTemporary,
  startServer,
  tempFolder,
  validFields,
} from './helpers.ts';

afterAll(removeTemporary);

describe('the server’s pages', () => {
  it(
    'have no Nu HTML Checker errors: form, errors, receipt, index, moderation, refusals',
    { timeout: 120_000 },
    async () => {
      const secret = 'a long editor secret, 2025';
      const server = await startServer(await makeConsultationRoot(), { secret });
      const dir = await tempFolder('srida-consult-html-');
      const pages: Record<string, Response> = {
        form: await fetch(`${server.url}/comment?document=alpha&version=0.9.0&anchor=p-8qw1z`),
        errors: await postForm(
          `${server.url}/comment`,
          validFields({ comment: '', email: 'x', type: '', website: 'y' }),
        ),
        index: await fetch(`${server.url}/`),
        login: await fetch(`${server.url}/moderate`),
        wrongSecret: await postForm(`${server.url}/moderate`, { secret: 'wrong' }),
        notFound: await fetch(`${server.url}/nowhere`),
        tooLarge: await postForm(`${server.url}/comment`, { comment: 'x'.repeat(300_000) }),
      };
      const sent = await postForm(`${server.url}/comment`, validFields());
      pages.receipt = await fetch(`${server.url}${sent.headers.get('location')}`);
      pages.list = await postForm(`${server.url}/moderate`, { secret });
      for (const [name, response] of Object.entries(pages))
        await writeFile(path.join(dir, `${name}.html`), await response.text());
      await server.close();
      const { default: vnuJar } = (await import('vnu-jar')) as { default: string };
      const result = await promisify(execFile)(
        'java',
        ['-jar', vnuJar, '--errors-only', '--format', 'gnu', dir],
        {
          maxBuffer: 16 * 1024 * 1024,
        },
      ).catch((error) => error);
      expect(`${result.stdout ?? ''}${result.stderr ?? ''}`.trim()).toBe('');
      expect(result.code ?? 0).toBe(0);
    },
  );
});
