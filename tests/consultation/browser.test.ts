import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import {
  makeConsultationRoot,
  removeTemporary,
  startServer,
  type RunningServer,
} from './helpers.ts';

let browser: Browser;
let running: RunningServer;

beforeAll(async () => {
  [browser, running] = await Promise.all([
    launchBrowser(),
    makeConsultationRoot().then((root) =>
      startServer(root, { secret: 'a long editor secret, 2025' }),
    ),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
  await removeTemporary();
});

/** A page with JavaScript off, as a respondent without it gets the form. */
async function noScriptPage() {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  return page;
}

describe('the form in Chromium with JavaScript off', () => {
  it('is filled in, sent, and acknowledged', async () => {
    const page = await noScriptPage();
    await page.goto(`${running.url}/comment?document=alpha&version=0.9.0&anchor=li-2mm9c`);
    expect(await page.$eval('figcaption', (e) => e.textContent)).toBe(
      'Paragraph 2.3 ¶1 of the draft',
    );
    expect(await page.$eval('#paragraph', (e) => (e as HTMLInputElement).value)).toBe('2.3 ¶1');
    await page.click('label[for="type-editorial"]');
    await page.type('#comment', 'Write “exabyte-scale” with a hyphen throughout.');
    await page.type('#name', 'Grace Example');
    await page.click('label[for="consent"]');
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(page.url()).toMatch(/\/received\/c-[a-z0-9]{10}$/);
    expect(await page.$eval('h1', (e) => e.textContent)).toBe(
      'Thank you: your comment was received',
    );
    const [comment] = running.store.list();
    expect(comment).toMatchObject({
      anchor: 'li-2mm9c',
      type: 'editorial',
      text: 'Write “exabyte-scale” with a hyphen throughout.',
      name: 'Grace Example',
      consent: true,
    });
    // Going back and sending the same form again stores nothing new.
    await page.goBack();
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(running.store.count()).toBe(1);
    await page.close();
  });

  it('shows an error next to its field, a summary that links to it, and keeps the text', async () => {
    const page = await noScriptPage();
    await page.goto(`${running.url}/comment?document=alpha&version=0.9.0`);
    await page.type('#paragraph', '7.7 ¶7');
    await page.type('#proposed', 'Keep this text.');
    const before = running.store.count();
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(await page.title()).toBe('Error: Comment on The Alpha Agenda 0.9.0');
    const summary = await page.$$eval('.error-summary a', (links) =>
      links.map((a) => [a.getAttribute('href'), a.textContent!.replace(/\s+/g, ' ').trim()]),
    );
    expect(summary).toEqual([
      ['#paragraph', expect.stringContaining('Paragraph: The draft has no paragraph “7.7 ¶7”')],
      ['#comment', 'Comment: Write your comment.'],
    ]);
    const described = await page.$eval('#comment', (e) => ({
      describedBy: e.getAttribute('aria-describedby'),
      invalid: e.getAttribute('aria-invalid'),
      message: document.getElementById('comment-error')?.textContent?.trim(),
      // The error is inside the field's own group, right above the text area.
      sameGroup: e.parentElement === document.getElementById('comment-error')?.parentElement,
    }));
    expect(described).toEqual({
      describedBy: 'comment-hint comment-error',
      invalid: 'true',
      message: 'Error: Write your comment.',
      sameGroup: true,
    });
    expect(await page.$eval('#proposed', (e) => (e as HTMLTextAreaElement).value)).toBe(
      'Keep this text.',
    );
    expect(await page.$eval('#paragraph', (e) => (e as HTMLInputElement).value)).toBe('7.7 ¶7');
    expect(running.store.count()).toBe(before);
    // The honeypot is not shown, so nobody tabs into it.
    expect(await page.$eval('#website', (e) => (e as HTMLElement).offsetParent)).toBeNull();
    await page.close();
  });
});

describe('accessibility', () => {
  it('has no axe-core violations (WCAG 2 A/AA): the form, its error state, the receipt, moderation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    const check = async (name: string) => {
      const results = await new AxePuppeteer(page).withTags(['wcag2a', 'wcag2aa']).analyze();
      for (const v of results.violations)
        violations.push(`${name}: ${v.id} ${v.nodes[0]?.target.join(' ')}`);
    };
    await page.goto(`${running.url}/comment?document=alpha&version=0.9.0&anchor=p-8qw1z`);
    await check('form');
    await page.$eval('#comment', (e) => ((e as HTMLTextAreaElement).value = ''));
    await page.type('#email', 'not an address');
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    await check('form with errors');
    await page.type('#comment', 'A comment.');
    await page.$eval('#email', (e) => ((e as HTMLInputElement).value = ''));
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(page.url()).toContain('/received/');
    await check('receipt');
    await page.goto(`${running.url}/`);
    await check('index');
    await page.goto(`${running.url}/moderate`);
    await check('moderation login');
    await page.type('#secret', 'a long editor secret, 2025');
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(await page.$eval('h1', (e) => e.textContent)).toBe('Moderation');
    await check('moderation list');
    await page.close();
    expect(violations).toEqual([]);
  });
});
